using System;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// What an eviction started from and what it chose, noted by the model writer for the checks (it is no shared state):
/// the entries in order from the oldest with their keys and marks just before the eviction's first step, the victim,
/// and how many marked entries it moved on the way.
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

    /// <summary>How many times the victim search moved a marked entry to the newest end.</summary>
    public int Passes { get; set; }

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
}
