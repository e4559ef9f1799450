namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Deliberately broken variants of the lock-free lookup. Each removes one safeguard of the generated BndTryGet /
/// BndFindUnlocked / BndTouchUnlocked; the mutant tests show the model check finds a failing interleaving for every
/// one of them.
/// </summary>
internal enum ReaderFlaw
{
    /// <summary>The generated lookup.</summary>
    None,

    /// <summary>Reads the sequence only at the start: no final BndReadIsConsistent.</summary>
    SkipsFinalSequenceRead,

    /// <summary>Reads the sequence only at the end (even means valid): misses a writer that came and went meanwhile.</summary>
    ReadsSequenceOnlyAtEnd,

    /// <summary>Starts even when the sequence is odd, and accepts an unchanged (odd) sequence at the end.</summary>
    AcceptsOddSequence,

    /// <summary>Reads the value after the final sequence check instead of before it.</summary>
    ReadsValueAfterFinalCheck,

    /// <summary>No <c>(uint)index &gt;= (uint)entries.Length</c> check on an entry index.</summary>
    SkipsEntryRangeCheck,

    /// <summary>No <c>bucket &gt;= (uint)buckets.Length</c> check on the bucket computed from a shift read apart from the buckets.</summary>
    SkipsBucketRangeCheck,

    /// <summary>No bound of the chain walk by the entries' length.</summary>
    SkipsLinkBound,

    /// <summary>
    /// Marks the entry after the final sequence check instead of before it (the order before the fix): a grow that
    /// begins after the check may copy the marks before the store, which then lands in the array the grow replaced.
    /// </summary>
    MarksAfterFinalCheck,

    /// <summary>
    /// Never fences after storing the mark, even while the marks array is shorter than the capacity: the store may
    /// wait past the check while a grow copies the array, and land in the array the grow replaced.
    /// </summary>
    SkipsFence,
}
