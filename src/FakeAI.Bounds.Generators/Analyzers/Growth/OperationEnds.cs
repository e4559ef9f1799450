using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The evidence that a class outlives the operations it keeps entries for (BND009), read from its own code: a method
/// that starts an operation adds the entry, and the method that ends the same operation — its pair by name:
/// <c>OperationStart</c> and <c>OperationSuccess</c>, <c>RecordRunning</c> and <c>ResetRunning</c>, <c>Subscribe</c>
/// and <c>Unsubscribe</c> — removes the operation's entry from a sibling collection the start also filled, or looks
/// the entry up, and leaves it in; or a method takes out what an entry holds, or swaps its value for null, and leaves
/// the emptied entry. Each says the object sees what its entries stand for end; a collection it never removes from
/// keeps all of them.
/// </summary>
internal static class OperationEnds
{
    /// <summary>
    /// Why the entries <paramref name="member"/>'s unbounded adds make belong to operations that end; null when its
    /// class's code does not show it.
    /// </summary>
    /// <param name="member">A map or set of the class that nothing removes from.</param>
    /// <param name="adders">The methods whose adds nothing bounds.</param>
    /// <param name="siblings">The class's other collection members.</param>
    /// <param name="paths">The class's calls.</param>
    public static string? Explain(TrackedMember member, ISymbol[] adders, IEnumerable<TrackedMember> siblings, CallPaths paths)
    {
        var adding = new HashSet<ISymbol>(adders, SymbolEqualityComparer.Default);
        ISymbol[] starts = paths.CallersOf(adders).Where(StartsAnything).ToArray();

        foreach (TrackedMember sibling in siblings.OrderBy(s => s.Symbol.Name, System.StringComparer.Ordinal))
        {
            if (ReferenceEquals(sibling, member) || sibling.Symbol.IsStatic)
            {
                continue;
            }

            GrowthEvent[] events = sibling.Snapshot().Events;
            System.Array.Sort(events, SourceOrder.ByLocation);
            ISymbol? sharedAdder = events.FirstOrDefault(e => e.Kind == GrowthEventKind.Grow && adding.Contains(e.Method)).Method;
            if (sharedAdder is null)
            {
                continue;
            }

            foreach (GrowthEvent ending in events)
            {
                // The call is the operation: the sibling's entry is removed in a `finally` of the method that adds both.
                if (ending.EndsOneEntry && ending.Kind == GrowthEventKind.Sweep && adding.Contains(ending.Method))
                {
                    return "'" + MethodNames.Display(ending.Method) + "' also adds to '" + sibling.Symbol.Name + "' and removes that entry in a finally (line " + Line(ending.Location)
                        + ") as the call ends, but not this one's, so they pile up for as long as the '" + member.Symbol.ContainingType.Name + "' lives";
                }

                if (ending.Kind == GrowthEventKind.RemoveSpecific && Ender(paths.CallersOf(new[] { ending.Method }), adding, starts) is not null)
                {
                    return "'" + MethodNames.Display(sharedAdder) + "' also adds to '" + sibling.Symbol.Name + "', whose entry '" + MethodNames.Display(ending.Method)
                        + "' (line " + Line(ending.Location) + ") removes when the operation ends, and nothing removes this one's, so they pile up for as long as the '"
                        + member.Symbol.ContainingType.Name + "' lives";
                }
            }
        }

        EntryAccess[] accesses = member.Accesses();
        System.Array.Sort(accesses, static (a, b) => SourceOrder.Compare(a.Location, b.Location));
        foreach (EntryAccess lookup in accesses)
        {
            if (lookup.Kind == EntryAccessKind.LookUp && Ender(paths.CallersOf(new[] { lookup.Method }), adding, starts) is { } ender)
            {
                string through = SymbolEqualityComparer.Default.Equals(ender, lookup.Method)
                    ? " (line " + Line(lookup.Location) + ")"
                    : " (through '" + MethodNames.Display(lookup.Method) + "', line " + Line(lookup.Location) + ")";
                return "'" + MethodNames.Display(ender) + "' looks an entry up" + through + " when the operation ends and leaves it in, so entries pile up for as long as the '"
                    + member.Symbol.ContainingType.Name + "' lives";
            }
        }

        // What an entry holds is taken out (a connection leaves its group) and the entry stays, emptied: nothing ever
        // removes it. No pair of names is needed; the removal itself says that what the entries hold ends.
        // The same when the value is swapped for null by compare-and-swap: what the entry stood for has ended, its key stays.
        foreach (EntryAccess emptying in accesses)
        {
            if (emptying.Kind != EntryAccessKind.LookUp && !adding.Contains(emptying.Method))
            {
                string what = emptying.Kind == EntryAccessKind.ValueRemoval
                    ? "' removes from an entry's value (line " + Line(emptying.Location) + ") and leaves the entry in, even once it is empty, so emptied entries"
                    : "' sets an entry's value to null (line " + Line(emptying.Location) + ") and leaves its key in, so the keys of ended entries";
                return "'" + MethodNames.Display(emptying.Method) + what + " pile up for as long as the '" + member.Symbol.ContainingType.Name + "' lives";
            }
        }

        return null;
    }

    // The first method, by name, among those that lead to a removal or lookup, that ends an operation some method on
    // the add path starts; not an adder itself (statistics updated as each request ends add when it ends).
    private static ISymbol? Ender(IEnumerable<ISymbol> candidates, HashSet<ISymbol> adding, ISymbol[] starts)
    {
        foreach (ISymbol candidate in candidates.OrderBy(MethodNames.Display, System.StringComparer.Ordinal))
        {
            if (!adding.Contains(candidate) && IsNamed(candidate) && starts.Any(start => OperationNames.ArePair(start.Name, candidate.Name)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool StartsAnything(ISymbol method) => IsNamed(method) && OperationNames.Rests(method.Name, OperationNames.StartWords).Any();

    private static bool IsNamed(ISymbol method) => method is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation };

    private static string Line(Location location) => SourceOrder.Line(location).ToString(CultureInfo.InvariantCulture);
}
