using System.Collections.Generic;
using System.Linq;
using System.Text;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>The outcome with the evidence the message shows.</summary>
/// <param name="Outcome">Bounded, or how it is not.</param>
/// <param name="Evidence">What the message says adds and removes.</param>
/// <param name="Cleaners">The cleanup methods off the add path (BND002).</param>
/// <param name="Adders">The methods whose adds nothing bounds.</param>
/// <param name="CleanupEntries">The cleanup methods off the add path and the methods of the type that lead to them
/// (BND002): a call of any of them from another type runs the cleanup.</param>
internal readonly record struct GrowthVerdict(GrowthOutcome Outcome, string Evidence, string Cleaners, ISymbol[] Adders, ISymbol[] CleanupEntries)
{
    private static readonly GrowthVerdict BoundedVerdict = new(GrowthOutcome.Bounded, string.Empty, string.Empty, System.Array.Empty<ISymbol>(), System.Array.Empty<ISymbol>());

    /// <summary>
    /// Decides from the member's size events and its type's calls. An add is bounded when a size check guards it, or
    /// when a removal that keeps the size down — a trim under a size check, a <c>Dequeue</c>, a <c>RemoveAll</c>, a
    /// <c>Clear</c> — runs on its path (in the adding method, in what it calls, in what calls it) or by itself.
    /// </summary>
    /// <param name="member">The member judged.</param>
    /// <param name="calls">Its type's calls.</param>
    /// <param name="tracker">Whether its type is a tracker.</param>
    /// <param name="excuseParameterKeys">Whether adds keyed only by their method's parameters are left out: the verdict
    /// when every caller passes a key the program fixes.</param>
    /// <param name="keepsEveryEntry">Whether a collection of the type never loses an entry once added (nothing removes
    /// from it or empties it, it is not handed to other code, or its keys are the program's): an add keyed by a key
    /// found there grows only as that collection does, and a fill that waits for it to have entries runs once.</param>
    public static GrowthVerdict Decide(TrackedMember member, CallPaths calls, TrackerKind tracker, bool excuseParameterKeys = false, System.Func<ISymbol, bool>? keepsEveryEntry = null)
    {
        (GrowthEvent[] events, GrowthEscape[] escapes) = member.Snapshot();
        System.Array.Sort(events, SourceOrder.ByLocation);

        // A member handed to other code may be trimmed there; only a [BoundedTracker] insists on seeing the bound.
        if (escapes.Length > 0 && tracker != TrackerKind.Strict)
        {
            return BoundedVerdict;
        }

        // Code that runs only under a size check: `if (_map.Count >= max) Evict();` trims, `if (_map.Count < max)
        // AddCore(x);` is a bounded add.
        HashSet<ISymbol> guardedAdds = calls.GuardedBy(member.Symbol);
        HashSet<ISymbol> trims = calls.GuardedByAnySize;
        var uncovered = new List<GrowthEvent>();
        GrowthEvent[] removals = events.Where(e => e.Kind != GrowthEventKind.Grow).ToArray();
        var addPaths = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (GrowthEvent add in events)
        {
            if (add.Kind != GrowthEventKind.Grow || add.Guarded || add.Once || guardedAdds.Contains(add.Method) || calls.RunsOnlyWhileConstructing(add.Method) || calls.NeverRuns(add.Method)
                || (excuseParameterKeys && add.KeyParameters is not null)
                || (keepsEveryEntry is not null
                    && ((add.KeySource is { } source && keepsEveryEntry(source)) || (add.FilledCollection is { } filled && keepsEveryEntry(filled)))))
            {
                continue;
            }

            HashSet<ISymbol> path = calls.AddPath(add.Method);
            bool trimmed = removals.Any(removal => (removal.Bounds || trims.Contains(removal.Method))
                && (removal.Scheduled || path.Contains(removal.Method) || calls.SelfRunning.Contains(removal.Method)));

            // An entry whose removal the adding method itself sets up lives as long as the operation it belongs to.
            trimmed |= removals.Any(removal => removal.Paired && SymbolEqualityComparer.Default.Equals(removal.Method, add.Method));
            if (!trimmed)
            {
                uncovered.Add(add);
                addPaths.UnionWith(path);
            }
        }

        if (uncovered.Count == 0)
        {
            return BoundedVerdict;
        }

        // Only a tracker, which declares that its state must show a bound, is held to more than what follows.
        // Unless the class also has a sweep of stale entries that nothing on the add path runs and that does not run
        // by itself: then the class says entries outlive their key's removal, and what decides is whether anyone calls
        // the sweep (BND002, and the compilation's other types).
        if (!TrackerClasses.HeldToTrackerStandard(tracker)
            && removals.Any(EndsEntriesByItself)
            && !removals.Any(removal => IsStaleSweep(removal) && !addPaths.Contains(removal.Method) && !calls.SelfRunning.Contains(removal.Method)))
        {
            return BoundedVerdict;
        }

        string adders = DescribeAdders(uncovered);
        ISymbol[] adderMethods = uncovered.Select(add => add.Method).Distinct(SymbolEqualityComparer.Default).ToArray();

        // A cleanup is a removal that can bound: a trim, a sweep, a Clear. Taking out the entry a caller names (a
        // CompleteStream, an Unregister) ends that entry's life but bounds nothing, so it is no cleanup.
        GrowthEvent[] offPath = removals.Where(removal => (removal.Bounds || trims.Contains(removal.Method)) && !addPaths.Contains(removal.Method)).ToArray();
        if (offPath.Length > 0)
        {
            string[] cleaners = Distinct(offPath);
            return new GrowthVerdict(
                GrowthOutcome.ManualCleanup,
                adders + " and only " + JoinEvents(offPath, cleaners) + (cleaners.Length == 1 ? " trims or clears it" : " trim or clear it"),
                JoinNames(cleaners, "or"),
                adderMethods,
                calls.CallersOf(offPath.Select(removal => removal.Method)).ToArray());
        }

        string removalsText = removals.Length == 0
            ? "nothing removes from it"
            : "its removals (" + JoinEvents(removals, Distinct(removals)) + ") take out single entries, not under a size check";
        string escapeText = escapes.Length == 0 ? string.Empty : "; it is also passed to " + FirstInSourceOrder(escapes).Description + ", where its bound cannot be seen";
        return new GrowthVerdict(GrowthOutcome.Unbounded, adders + " and " + removalsText + escapeText, string.Empty, adderMethods, System.Array.Empty<ISymbol>());
    }

    /// <summary>
    /// A removal that gives an ordinary class's entries an end without a size check. An entry taken out by its key
    /// has a life that ends (a connection closes, a request completes, a subscriber leaves): whether every entry
    /// reaches its removal is a question of paths no add-and-remove analysis answers, and in real code these members
    /// were bounded by lifecycles in other objects. Entries taken from the front or the back (a Dequeue, a Pop, a
    /// TryTake) make a work queue, a stack or a pool that a consumer drains; BND004 judges the concurrent queue types.
    /// </summary>
    private static bool EndsEntriesByItself(GrowthEvent removal)
    {
        return removal.Kind == GrowthEventKind.RemoveSpecific || (removal.Kind == GrowthEventKind.RemoveFromEnd && !removal.Guarded);
    }

    // A method of its own that picks entries out and removes them, asked for nothing (a Cleanup, a PurgeExpired): the
    // sweep of stale entries a cache with expiry relies on. One given a value (remove this value from every key) ends
    // the entries of that value, as a per-key removal does; a Clear, Reset or Dispose that removes entry by entry
    // ends them all, when the object's user is done with it.
    private static bool IsStaleSweep(GrowthEvent removal)
    {
        return removal.PicksEntries
            && !removal.Scheduled
            && removal.Method is IMethodSymbol { Parameters.Length: 0, Name: var name }
            && !EndsEverything(name);
    }

    private static readonly string[] EndEverythingPrefixes = { "Clear", "Reset", "Dispose", "Close", "Stop", "Shutdown" };

    private static bool EndsEverything(string methodName)
    {
        foreach (string prefix in EndEverythingPrefixes)
        {
            if (methodName.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static GrowthEscape FirstInSourceOrder(GrowthEscape[] escapes)
    {
        GrowthEscape first = escapes[0];
        foreach (GrowthEscape escape in escapes)
        {
            if (SourceOrder.Precedes(escape.Location, first.Location))
            {
                first = escape;
            }
        }

        return first;
    }

    /// <summary>"'A' (line 3)", "'A' (line 3) and 'B' (line 9)": the methods of the events, each with its first line.</summary>
    public static string DescribeEvents(IReadOnlyList<GrowthEvent> events) => JoinEvents(events, Distinct(events));

    private static string DescribeAdders(List<GrowthEvent> adds)
    {
        string[] methods = Distinct(adds);
        return JoinEvents(adds, methods) + (methods.Length == 1 ? " adds to it" : " add to it");
    }

    // "'A' (line 3)", "'A' (line 3) and 'B' (line 9)", "'A' (line 3), 'B' (line 9) and 2 other members".
    private static string JoinEvents(IReadOnlyList<GrowthEvent> events, string[] methods)
    {
        const int Shown = 3;
        var parts = new List<string>();
        foreach (string method in methods.Take(Shown))
        {
            GrowthEvent first = events.First(e => MethodNames.Display(e.Method) == method);
            parts.Add("'" + method + "' (line " + SourceOrder.Line(first.Location).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        }

        if (methods.Length > Shown)
        {
            parts.Add((methods.Length - Shown).ToString(System.Globalization.CultureInfo.InvariantCulture) + " other members");
        }

        return JoinNames(parts, "and", quote: false);
    }

    private static string[] Distinct(IEnumerable<GrowthEvent> events)
    {
        return events.Select(e => MethodNames.Display(e.Method)).Distinct().ToArray();
    }

    private static string JoinNames(IReadOnlyList<string> names, string conjunction, bool quote = true)
    {
        var text = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == names.Count - 1 ? " " + conjunction + " " : ", ");
            }

            text.Append(quote ? "'" + names[i] + "'" : names[i]);
        }

        return text.ToString();
    }
}
