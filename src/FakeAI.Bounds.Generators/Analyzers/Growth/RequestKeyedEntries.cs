using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The evidence for BND010, read from the class's own code: a map or set keyed by a per-request object
/// (<see cref="RequestObjects"/>) that its class adds to and takes entries out of only one by one, each in a call other
/// than the one that added it (a Stop event after a Start event, an end callback, the statement after an awaited call,
/// which an exception skips; a removal in a finally of the call that ends, not of the one that adds). Whatever the
/// class's lifetime, it keys by request because it sees many requests; every
/// request whose end does not reach the removal stays in the map with everything it references. Not when a removal
/// runs in a <c>finally</c> of the adding call or in a callback that call sets up (the entry lives for the call), when
/// anything trims, sweeps or empties the collection (in its class, or another type's removal from a static one), when an add is under a size check, or when the collection is
/// handed to other code.
/// </summary>
internal static class RequestKeyedEntries
{
    /// <summary>What adds entries and what removes them, for the message; null when the member is not of this shape.</summary>
    public static string? Explain(TrackedMember member)
    {
        (GrowthEvent[] events, GrowthEscape[] escapes) = member.Snapshot();
        if (escapes.Length > 0)
        {
            return null;
        }

        var adds = new List<GrowthEvent>();
        var removals = new List<GrowthEvent>();
        foreach (GrowthEvent growthEvent in events)
        {
            if (growthEvent.Guarded || growthEvent.Scheduled)
            {
                return null;
            }

            if (growthEvent.Kind == GrowthEventKind.Grow)
            {
                adds.Add(growthEvent);
            }
            else if ((growthEvent.Kind == GrowthEventKind.RemoveSpecific && !growthEvent.Paired)
                || (growthEvent.Kind == GrowthEventKind.Sweep && !growthEvent.PicksEntries && !AddsIn(events, growthEvent.Method)))
            {
                // One entry taken out, also in a finally of a call that does not add (the Stop, not the Start).
                removals.Add(growthEvent);
            }
            else
            {
                // A sweep, a trim, a Clear, a removal in a finally or in a callback of the adding call: bounded, or an
                // entry that lives only as long as its call.
                return null;
            }
        }

        if (removals.Count == 0 || adds.All(add => add.Once))
        {
            // With no removal at all, the member is judged as any other (BND001, BND009).
            return null;
        }

        adds.RemoveAll(add => add.Once);
        adds.Sort(SourceOrder.ByLocation);
        removals.Sort(SourceOrder.ByLocation);
        return GrowthVerdict.DescribeEvents(adds) + (Methods(adds) == 1 ? " adds an entry" : " add entries")
            + " and only " + GrowthVerdict.DescribeEvents(removals) + (Methods(removals) == 1 ? " takes one out" : " take one out")
            + ", not in a finally of the call that adds it";
    }

    private static bool AddsIn(GrowthEvent[] events, ISymbol method)
    {
        foreach (GrowthEvent growthEvent in events)
        {
            if (growthEvent.Kind == GrowthEventKind.Grow && SymbolEqualityComparer.Default.Equals(growthEvent.Method, method))
            {
                return true;
            }
        }

        return false;
    }

    private static int Methods(IEnumerable<GrowthEvent> events) => events.Select(e => e.Method).Distinct(SymbolEqualityComparer.Default).Count();
}
