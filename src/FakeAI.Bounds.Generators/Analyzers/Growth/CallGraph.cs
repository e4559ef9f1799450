using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Which methods of one type call which others of the same type, which run by themselves (passed as a delegate, or
/// called from a callback that runs later), and which calls sit under a size check of a collection. It answers "is
/// this removal on the path that adds?". Filled concurrently by operation callbacks; frozen once, at the end of the
/// type, into a <see cref="CallPaths"/> that answers the questions.
/// </summary>
internal sealed class CallGraph
{
    private readonly object _gate = new();
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _callees = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _selfRunning = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _detached = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _defersWork = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _guardedCallees = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _anySizeGuardedCallees = new(SymbolEqualityComparer.Default);

    public void AddCall(ISymbol caller, ISymbol callee)
    {
        lock (_gate)
        {
            Add(_callees, caller, callee);
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
    /// A method whose task a caller starts and neither awaits nor returns (<c>_loop = ReadLoopAsync(token);</c>): it
    /// goes on after its caller has returned, as work of its own.
    /// </summary>
    public void AddDetached(ISymbol method)
    {
        lock (_gate)
        {
            _detached.Add(method);
        }
    }

    /// <summary>A method that adds from a lambda or local function that may run after it has returned.</summary>
    public void AddDefersWork(ISymbol method)
    {
        lock (_gate)
        {
            _defersWork.Add(method);
        }
    }

    /// <summary>
    /// A call that runs only under a check of <paramref name="member"/>'s size, or of any collection's when
    /// <paramref name="member"/> is <see langword="null"/> (<c>if (_map.Count &gt;= max) Evict();</c>).
    /// </summary>
    public void AddGuardedCall(ISymbol? member, ISymbol callee)
    {
        lock (_gate)
        {
            if (member is null)
            {
                _anySizeGuardedCallees.Add(callee);
            }
            else
            {
                Add(_guardedCallees, member, callee);
            }
        }
    }

    /// <summary>The graph as it stands, with its searches precomputed; call once all callbacks of the type ran.</summary>
    public CallPaths Freeze(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return new CallPaths(_callees, _selfRunning, _detached, _defersWork, _guardedCallees, _anySizeGuardedCallees, cancellationToken);
        }
    }

    private static void Add(Dictionary<ISymbol, HashSet<ISymbol>> map, ISymbol key, ISymbol value)
    {
        if (!map.TryGetValue(key, out HashSet<ISymbol>? values))
        {
            values = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            map.Add(key, values);
        }

        values.Add(value);
    }
}
