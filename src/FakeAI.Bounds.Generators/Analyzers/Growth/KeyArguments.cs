using System.Collections.Concurrent;
using System.Collections.Generic;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// What the compilation's calls pass to the parameters of its own methods whose callers are all in the compilation (a
/// private or internal method, or any method of an application): a key the program fixes (a literal, a type's name,
/// <c>string.Empty</c>, an enum), the caller's own parameter (then what its callers pass decides), or anything else. A map
/// that adds only under such a parameter (<c>OpenBrowser("https://…")</c> remembering the last click per link) holds one
/// entry per value written in the program. A method of the assembly's own that nothing in it calls or hands out, and
/// that no other assembly can call, never runs: what it would add is no entry at all. Facts arrive from every type's
/// callbacks concurrently and are read once the compilation is done.
/// </summary>
internal sealed class KeyArguments
{
    // How far a parameter handed on from caller to caller is followed.
    private const int MaxForwards = 3;

    private readonly AssemblyReach _reach;
    private readonly ConcurrentDictionary<IParameterSymbol, Sources> _sources = new(SymbolEqualityComparer.Default);

    public KeyArguments(AssemblyReach reach)
    {
        _reach = reach;
    }

    /// <summary>A call from <paramref name="caller"/> (a member of <paramref name="callerType"/>): what it passes to each parameter that can carry a key.</summary>
    public void RecordCall(IInvocationOperation invocation, ISymbol caller, INamedTypeSymbol callerType)
    {
        // Cheap tests first: this runs for every call in the compilation.
        IMethodSymbol target = invocation.TargetMethod;
        if (target.MethodKind != MethodKind.Ordinary
            || target.Parameters.Length == 0
            || !ReferenceEquals(target.ContainingAssembly, callerType.ContainingAssembly)
            || !MayHaveOnlyKnownCallers(target))
        {
            return;
        }

        IMethodSymbol definition = target.OriginalDefinition;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter
                || parameter.Ordinal >= definition.Parameters.Length
                || !MayCarryKey(definition.Parameters[parameter.Ordinal].Type))
            {
                continue;
            }

            Sources sources = _sources.GetOrAdd(definition.Parameters[parameter.Ordinal], static _ => new Sources());
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || KeySpaces.IsFixedKey(argument.Value))
            {
                sources.AddFixed();
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Value.WithoutConversions() is IParameterReferenceOperation { Parameter: var forwarded }
                && caller is IMethodSymbol { MethodKind: MethodKind.Ordinary }
                && SymbolEqualityComparer.Default.Equals(forwarded.ContainingSymbol?.OriginalDefinition, caller.OriginalDefinition))
            {
                sources.AddForward(forwarded.OriginalDefinition);
            }
            else
            {
                sources.AddOther();
            }
        }
    }

    /// <summary>A method handed out as a delegate: whoever runs it passes what it likes.</summary>
    public void RecordReference(IMethodSymbol method, INamedTypeSymbol callerType)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || method.Parameters.Length == 0
            || !ReferenceEquals(method.ContainingAssembly, callerType.ContainingAssembly)
            || !MayHaveOnlyKnownCallers(method))
        {
            return;
        }

        foreach (IParameterSymbol parameter in method.OriginalDefinition.Parameters)
        {
            if (MayCarryKey(parameter.Type))
            {
                _sources.GetOrAdd(parameter, static _ => new Sources()).AddOther();
            }
        }
    }

    /// <summary>
    /// Whether every call of the compilation passes a fixed key to each of <paramref name="parameters"/>, directly or
    /// through callers' parameters that theirs fix, and no caller outside the compilation; a parameter of a method
    /// nothing calls counts only when no other assembly can call it either (not through an application's public
    /// surface, which a framework may call by reflection: a controller's action).
    /// </summary>
    public bool AllFixed(IEnumerable<IParameterSymbol> parameters)
    {
        foreach (IParameterSymbol parameter in parameters)
        {
            if (!IsFixed(parameter, depth: 0))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsFixed(IParameterSymbol parameter, int depth)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method
            || !MayHaveOnlyKnownCallers(method)
            || !ImplementsNothing(method))
        {
            return false;
        }

        // A parameter the method writes (`kind += suffix;`) holds what the method made of the callers' value. Read only
        // here, once the compilation is done and the callers have all fixed the key: a walk of the method's syntax.
        if (IsWrittenByItsMethod(parameter))
        {
            return false;
        }

        // Every call and delegate records a key-carrying parameter's sources: none means nothing runs the method.
        if (!_sources.TryGetValue(parameter, out Sources? sources))
        {
            return MayCarryKey(parameter.Type) && _reach.HiddenFromOtherAssemblies(method);
        }

        (bool anyOther, int calls, IParameterSymbol[] forwards) = sources.Snapshot();
        if (anyOther || calls == 0)
        {
            return false;
        }

        foreach (IParameterSymbol forwarded in forwards)
        {
            if (depth >= MaxForwards || !IsFixed(forwarded, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWrittenByItsMethod(IParameterSymbol parameter)
    {
        foreach (SyntaxReference reference in parameter.ContainingSymbol.DeclaringSyntaxReferences)
        {
            if (LocalWrites.IsWrittenIn(reference.GetSyntax(), parameter.Name))
            {
                return true;
            }
        }

        return false;
    }

    // Keys are strings, numbers or objects; parameters of other types (a request, a callback) are not recorded.
    private static bool MayCarryKey(ITypeSymbol type)
    {
        return type.SpecialType is SpecialType.System_String or SpecialType.System_Object
            or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
            or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
    }

    // Not virtual (an override may be called through its base), not an explicit interface implementation, and not
    // reachable from another assembly unless the assembly is an application.
    private bool MayHaveOnlyKnownCallers(IMethodSymbol method)
    {
        if (method.IsVirtual || method.IsOverride || method.IsAbstract || method.IsExtern || !method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return false;
        }

        return _reach.SeesEveryCaller(method);
    }

    // An implicit implementation of an interface member is called through the interface, by callers this cannot see.
    private static bool ImplementsNothing(IMethodSymbol method)
    {
        foreach (ISymbol name in CallNames.Of(method))
        {
            if (!SymbolEqualityComparer.Default.Equals(name, method.OriginalDefinition))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Sources
    {
        private readonly object _gate = new();
        private readonly HashSet<IParameterSymbol> _forwards = new(SymbolEqualityComparer.Default);
        private bool _anyOther;
        private int _calls;

        public void AddFixed()
        {
            lock (_gate)
            {
                _calls++;
            }
        }

        public void AddOther()
        {
            lock (_gate)
            {
                _calls++;
                _anyOther = true;
            }
        }

        public void AddForward(IParameterSymbol parameter)
        {
            lock (_gate)
            {
                _calls++;
                _forwards.Add(parameter);
            }
        }

        public (bool AnyOther, int Calls, IParameterSymbol[] Forwards) Snapshot()
        {
            lock (_gate)
            {
                var forwards = new IParameterSymbol[_forwards.Count];
                _forwards.CopyTo(forwards);
                return (_anyOther, _calls, forwards);
            }
        }
    }
}
