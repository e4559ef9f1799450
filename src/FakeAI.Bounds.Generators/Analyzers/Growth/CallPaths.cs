using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The searches over one type's <see cref="CallGraph"/>: each answer is computed once (a type's verdicts ask the same
/// questions for every add) and every search honours cancellation.
/// </summary>
internal sealed class CallPaths
{
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _callees;
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _callers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _guardedCallees;
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _addPaths = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _guardedRemovalSites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, bool> _namedInType = new(System.StringComparer.Ordinal);
    private readonly Dictionary<ISymbol, bool> _neverRuns = new(SymbolEqualityComparer.Default);
    private readonly CancellationToken _cancellationToken;

    public CallPaths(
        Dictionary<ISymbol, HashSet<ISymbol>> callees,
        HashSet<ISymbol> selfRunning,
        HashSet<ISymbol> detached,
        HashSet<ISymbol> defersWork,
        Dictionary<ISymbol, HashSet<ISymbol>> guardedCallees,
        HashSet<ISymbol> anySizeGuardedCallees,
        CancellationToken cancellationToken)
    {
        _callees = callees;
        _guardedCallees = guardedCallees;
        _cancellationToken = cancellationToken;
        foreach (KeyValuePair<ISymbol, HashSet<ISymbol>> entry in callees)
        {
            foreach (ISymbol callee in entry.Value)
            {
                if (!_callers.TryGetValue(callee, out HashSet<ISymbol>? callers))
                {
                    callers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                    _callers.Add(callee, callers);
                }

                callers.Add(entry.Key);
            }
        }

        SelfRunning = Reach(selfRunning, _callees);
        Detached = Reach(detached, _callees);
        DefersWork = new HashSet<ISymbol>(defersWork, SymbolEqualityComparer.Default);
        GuardedByAnySize = Reach(anySizeGuardedCallees, _callees);
    }

    /// <summary>The methods that run only under a check of some collection's size, and what they call: their removals trim.</summary>
    public HashSet<ISymbol> GuardedByAnySize { get; }

    /// <summary>Every method whose task a caller starts without waiting for it, and everything those call.</summary>
    public HashSet<ISymbol> Detached { get; }

    /// <summary>The methods that add from a lambda or local function of theirs that may run after they return.</summary>
    public HashSet<ISymbol> DefersWork { get; }

    /// <summary>Every method that runs by itself, and everything those call.</summary>
    public HashSet<ISymbol> SelfRunning { get; }

    /// <summary>
    /// Every method that runs when <paramref name="adder"/> runs, as far as the type's own calls show: the methods
    /// that lead to it, and everything those call. A trim called by the public method that also adds is on the path.
    /// </summary>
    public HashSet<ISymbol> AddPath(ISymbol adder)
    {
        if (!_addPaths.TryGetValue(adder, out HashSet<ISymbol>? path))
        {
            path = Reach(Reach(new[] { adder }, _callers), _callees);
            _addPaths.Add(adder, path);
        }

        return path;
    }

    /// <summary>The methods and every method of the type that leads to one of them.</summary>
    public HashSet<ISymbol> CallersOf(IEnumerable<ISymbol> methods) => Reach(methods, _callers);

    /// <summary>The methods that run only under a size check of <paramref name="member"/>, and what they call: their adds are bounded.</summary>
    public HashSet<ISymbol> GuardedBy(ISymbol member)
    {
        if (!_guardedRemovalSites.TryGetValue(member, out HashSet<ISymbol>? sites))
        {
            sites = _guardedCallees.TryGetValue(member, out HashSet<ISymbol>? callees)
                ? Reach(callees, _callees)
                : new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            _guardedRemovalSites.Add(member, sites);
        }

        return sites;
    }

    /// <summary>
    /// A private method every caller of which is a constructor (or such a method): what it adds is the collection's
    /// initial state, like an add written in the constructor itself.
    /// </summary>
    public bool RunsOnlyWhileConstructing(ISymbol method)
    {
        if (method.DeclaredAccessibility != Accessibility.Private || !_callers.ContainsKey(method) || SelfRunning.Contains(method))
        {
            return false;
        }

        foreach (ISymbol caller in Reach(new[] { method }, _callers))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            bool constructor = caller is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
            bool privateHelper = caller.DeclaredAccessibility == Accessibility.Private && _callers.ContainsKey(caller) && !SelfRunning.Contains(caller);
            if (!constructor && !privateHelper)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A private method that nothing runs: no method of the type that other code can reach calls it, directly or
    /// through other private methods, and none of them is handed out as a delegate or runs by itself. What it adds is
    /// never added. Only ordinary methods without attributes (a serializer calls an <c>[OnDeserialized]</c> method), not
    /// partial ones, not <c>Main</c>, and only in a type that is neither partial (a source generator's part, or Razor
    /// markup, may call it in code the analysis does not read) nor has nested types (their calls into this one the
    /// type's own graph does not hold). A method whose name the type uses anywhere (a dynamic call, a method group passed
    /// to a call that does not bind, a <c>nameof</c>) is taken as called.
    /// </summary>
    public bool NeverRuns(ISymbol method)
    {
        if (!_neverRuns.TryGetValue(method, out bool never))
        {
            never = ComputeNeverRuns(method);
            _neverRuns[method] = never;
        }

        return never;
    }

    private bool ComputeNeverRuns(ISymbol method)
    {
        if (!IsUnreachableFromOutside(method))
        {
            return false;
        }

        HashSet<ISymbol> callers = Reach(new[] { method }, _callers);
        foreach (ISymbol caller in callers)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!IsUnreachableFromOutside(caller))
            {
                return false;
            }
        }

        // The declarations last: most private adders have a caller other code reaches.
        if (method.ContainingType is not { } owner || owner.GetTypeMembers().Length > 0 || IsPartial(owner))
        {
            return false;
        }

        // A method no recorded call reaches may still be named where the graph holds no call: a dynamic call, a method
        // group handed to a call that does not bind, a nameof for reflection. Any use of its name counts.
        foreach (ISymbol caller in callers)
        {
            if (!_callers.ContainsKey(caller) && IsNamedIn(owner, caller.Name))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsNamedIn(INamedTypeSymbol type, string name)
    {
        if (_namedInType.TryGetValue(name, out bool named))
        {
            return named;
        }

        named = WalkForName(type, name);
        _namedInType[name] = named;
        return named;
    }

    // Each name is looked for once per type: a type's verdicts ask for every add of every member.
    private bool WalkForName(INamedTypeSymbol type, string name)
    {
        foreach (SyntaxReference declaration in type.DeclaringSyntaxReferences)
        {
            foreach (SyntaxNode node in declaration.GetSyntax(_cancellationToken).DescendantNodes())
            {
                if (node is SimpleNameSyntax simple && simple.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (SyntaxReference declaration in type.DeclaringSyntaxReferences)
        {
            if (declaration.GetSyntax() is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsUnreachableFromOutside(ISymbol method)
    {
        return method is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private, IsExtern: false, PartialDefinitionPart: null, PartialImplementationPart: null } ordinary
            && ordinary.Name != "Main"
            && ordinary.GetAttributes().Length == 0
            && !SelfRunning.Contains(method);
    }

    /// <summary>
    /// The ways into <paramref name="method"/> from outside the type's own calls: the methods of the type that lead to
    /// it (and it) that other code can call (not private), that run by themselves, or that nothing in the type calls.
    /// </summary>
    public HashSet<ISymbol> EntriesTo(ISymbol method)
    {
        var entries = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (ISymbol reached in Reach(new[] { method }, _callers))
        {
            if (reached.DeclaredAccessibility != Accessibility.Private || !_callers.ContainsKey(reached) || SelfRunning.Contains(reached))
            {
                entries.Add(reached);
            }
        }

        return entries;
    }

    private HashSet<ISymbol> Reach(IEnumerable<ISymbol> roots, Dictionary<ISymbol, HashSet<ISymbol>> edges)
    {
        var reached = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ISymbol>();
        foreach (ISymbol root in roots)
        {
            if (reached.Add(root))
            {
                pending.Push(root);
            }
        }

        while (pending.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (edges.TryGetValue(pending.Pop(), out HashSet<ISymbol>? next))
            {
                foreach (ISymbol symbol in next)
                {
                    if (reached.Add(symbol))
                    {
                        pending.Push(symbol);
                    }
                }
            }
        }

        return reached;
    }
}
