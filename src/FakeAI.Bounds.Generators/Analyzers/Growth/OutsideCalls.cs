using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The methods of the compilation's own types that code in another type calls, or hands out as a delegate. A cleanup
/// that another object calls is that object's part of the collection's lifecycle (a manager that unregisters a shard
/// after each run, a hub that tells a presence list a user left, a scheduler that prunes a registry): real code
/// hands removal to the owner of the lifecycle more often than it forgets it. Facts arrive from every type's
/// callbacks concurrently and are read once the compilation is done.
/// </summary>
internal sealed class OutsideCalls
{
    private readonly ConcurrentDictionary<ISymbol, byte> _called = new(SymbolEqualityComparer.Default);

    /// <summary>Code of <paramref name="caller"/> calls (or takes a delegate to) <paramref name="target"/>.</summary>
    public void Record(IMethodSymbol target, INamedTypeSymbol caller)
    {
        // Cheap tests first: this runs for every call in the compilation. Only this compilation's own methods can be
        // the cleanups asked about, and they share the caller's assembly (a reference comparison).
        if (target.MethodKind != MethodKind.Ordinary
            || target.DeclaredAccessibility == Accessibility.Private
            || !ReferenceEquals(target.ContainingAssembly, caller.ContainingAssembly)
            || SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, caller.OriginalDefinition))
        {
            return;
        }

        _called.TryAdd(target.OriginalDefinition, 0);
    }

    /// <summary>
    /// Whether another type calls any of <paramref name="methods"/>: directly, or through a base method it overrides
    /// or an interface member it implements (the call names the abstraction, the object is this one).
    /// </summary>
    public bool AnyCalled(IEnumerable<ISymbol> methods)
    {
        if (_called.IsEmpty)
        {
            return false;
        }

        foreach (ISymbol symbol in methods)
        {
            if (symbol is not IMethodSymbol method)
            {
                continue;
            }

            foreach (ISymbol name in CallNames.Of(method))
            {
                if (_called.ContainsKey(name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
