using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// What an eviction started from and what it chose, noted by the model writer for the checks (it is no shared state):
/// the entries in order from the oldest with their keys and marks just before the eviction's first step, the victim,
/// and the marked entries it passed over on the way.
/// </summary>
internal sealed class EvictionRecord
{
    public EvictionRecord(int marksArray, int[] order, int[] keys, bool[] marked)
    {
        MarksArray = marksArray;
        Order = order;
        Keys = keys;
        Marked = marked;
    }

    /// <summary>The marks array current when the eviction began.</summary>
    public int MarksArray { get; }

    /// <summary>The live entries, oldest first.</summary>
    public int[] Order { get; }

    /// <summary>The key of each live entry, in <see cref="Order"/>.</summary>
    public int[] Keys { get; }

    /// <summary>Whether each live entry was marked used, in <see cref="Order"/>.</summary>
    public bool[] Marked { get; }

    /// <summary>The writer step (counted from 1) that began the eviction; set by <see cref="WriterRun"/>.</summary>
    public int BeginStep { get; set; }

    /// <summary>The entry evicted.</summary>
    public int Victim { get; set; } = -1;

    /// <summary>The marked entries the victim search passed over (cleared and moved to the newest end), in order.</summary>
    public List<int> PassedOver { get; } = new();

    /// <summary>How many times the victim search moved a marked entry to the newest end.</summary>
    public int Passes => PassedOver.Count;

    /// <summary>
    /// A reader stored a mark while the victim search was under way (after the eviction began, before it chose):
    /// a use racing with the eviction. Set by <see cref="WriterRun"/>.
    /// </summary>
    public bool Raced { get; set; }

    /// <summary>Every live entry was marked: the one pass then comes back to the oldest, which is evicted.</summary>
    public bool AllMarked => Marked.All(marked => marked);

    /// <summary>The key an entry held when the eviction began, or 0 when it was not live.</summary>
    public int KeyAt(int entry)
    {
        int position = Array.IndexOf(Order, entry);
        return position < 0 ? 0 : Keys[position];
    }

    public bool WasMarked(int entry)
    {
        int position = Array.IndexOf(Order, entry);
        return position >= 0 && Marked[position];
    }

    /// <summary>
    /// Which entry second chance takes, against what this eviction did; null when it kept the rule. With no use racing
    /// with it, an eviction takes the oldest entry that was not marked when it began, passing over (clearing and moving
    /// to the newest end) exactly the marked entries older than that one; if every entry was marked, it passes over
    /// every entry, in one pass, and takes the oldest. A racing use can only set marks the search has yet to load:
    /// then it takes an entry that was not marked when it began, no older than the oldest such, having passed over
    /// every older one; or, having passed over every entry, the oldest.
    /// </summary>
    public string? BrokenRule()
    {
        int count = Order.Length;
        if (Passes > count)
        {
            return string.Format(CultureInfo.InvariantCulture, "A victim search moved {0} marked entries of {1}.", Passes, count);
        }

        int victimAt = Array.IndexOf(Order, Victim);
        if (victimAt < 0)
        {
            return string.Format(CultureInfo.InvariantCulture, "A victim search chose entry {0}, which was not live.", Victim);
        }

        int oldestUnmarked = Array.IndexOf(Marked, false);
        bool fullPass = Passes == count && victimAt == 0;
        bool passedTheOlder = PassedOver.SequenceEqual(Order.Take(Passes));
        bool kept = Raced
            ? passedTheOlder && (fullPass || (oldestUnmarked >= 0 && victimAt >= oldestUnmarked && !Marked[victimAt] && Passes == victimAt))
            : passedTheOlder && (oldestUnmarked < 0 ? fullPass : victimAt == oldestUnmarked && Passes == victimAt);
        return kept ? null : string.Format(
            CultureInfo.InvariantCulture,
            "The eviction at writer step {0} took entry {1} (key {2}) after passing over [{3}], from {4}{5}; second chance takes the oldest entry not marked when it began.",
            BeginStep,
            Victim,
            Keys[victimAt],
            string.Join(", ", PassedOver),
            this,
            Raced ? " with a use racing with it" : "");
    }

    /// <summary>The entries as the eviction found them, oldest first, * marked.</summary>
    public override string ToString() =>
        "[" + string.Join(", ", Order.Select((entry, position) => string.Format(
            CultureInfo.InvariantCulture, "{0}: key {1}{2}", entry, Keys[position], Marked[position] ? "*" : ""))) + "]";
}
