using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Which methods of one type call which others of the same type, and which run by themselves (passed as a delegate,
/// or called from a callback the constructor sets up). It answers "is this removal on the path that adds?".
/// Filled concurrently; queried once at the end of the type.
/// </summary>
internal sealed class CallGraph
{
    private readonly object _gate = new();
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _callees = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _selfRunning = new(SymbolEqualityComparer.Default);

    public void AddCall(ISymbol caller, ISymbol callee)
    {
        lock (_gate)
        {
            if (!_callees.TryGetValue(caller, out HashSet<ISymbol>? callees))
            {
                callees = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                _callees.Add(caller, callees);
            }

            callees.Add(callee);
        }
    }

    public void AddSelfRunning(ISymbol method)
    {
        lock (_gate)
        {
            _selfRunning.Add(method);
        }
    }

    /// <summary>
    /// Every method that runs when <paramref name="adder"/> runs, as far as the type's own calls show: the methods
    /// that lead to it, and everything those call. A trim called by the public method that also adds is on the path.
    /// </summary>
    public HashSet<ISymbol> AddPath(ISymbol adder)
    {
        lock (_gate)
        {
            var callers = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { adder };
            var pending = new Stack<ISymbol>();
            pending.Push(adder);
            while (pending.Count > 0)
            {
                ISymbol current = pending.Pop();
                foreach (KeyValuePair<ISymbol, HashSet<ISymbol>> entry in _callees)
                {
                    if (entry.Value.Contains(current) && callers.Add(entry.Key))
                    {
                        pending.Push(entry.Key);
                    }
                }
            }

            return ReachableFrom(callers);
        }
    }

    /// <summary>Every method that runs by itself, and everything those call.</summary>
    public HashSet<ISymbol> SelfRunning()
    {
        lock (_gate)
        {
            return ReachableFrom(_selfRunning);
        }
    }

    private HashSet<ISymbol> ReachableFrom(IEnumerable<ISymbol> roots)
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
            if (_callees.TryGetValue(pending.Pop(), out HashSet<ISymbol>? callees))
            {
                foreach (ISymbol callee in callees)
                {
                    if (reached.Add(callee))
                    {
                        pending.Push(callee);
                    }
                }
            }
        }

        return reached;
    }
}
