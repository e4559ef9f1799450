namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>The next shared access of the reader; each is one atomic step.</summary>
internal enum ReaderPc : byte
{
    ReadSequence,
    ReadEntries,
    ReadCount,
    ReadBuckets,
    ReadShift,
    ReadBucketHead,
    ReadHash,
    ReadKey,
    ReadNext,
    ReadValue,
    ReadFinalSequence,
    ReadMarksArray,
    ReadMark,
    StoreMark,
    Done,
}

/// <summary>How a lookup ended.</summary>
internal enum ReaderOutcome : byte
{
    Running,

    /// <summary>Validated: the key is present, with <see cref="ReaderState.Value"/>.</summary>
    Found,

    /// <summary>Validated: the key is absent.</summary>
    Absent,

    /// <summary>
    /// Torn or overlapped a writer: the lookup asks again under the lock, where it marks the entry again if found
    /// (mutual exclusion, not modelled). A mark it stored before its failed check stays stored.
    /// </summary>
    Retry,
}

/// <summary>
/// Everything a lookup holds in its locals, as a value: two interleavings that bring the reader to equal states with
/// the writer at the same step go on identically, which is what lets the explorer share their futures.
/// </summary>
/// <param name="Pc">The next access.</param>
/// <param name="Steps">Accesses made so far; bounded by the step budget.</param>
/// <param name="Sequence">The sequence read at the start.</param>
/// <param name="Expected">What the abstract table answered when the reader first read the sequence (value or <see cref="AbstractTable.Absent"/>).</param>
/// <param name="Entries">The entries array the reader holds (its number).</param>
/// <param name="Buckets">The buckets array the reader holds (its number).</param>
/// <param name="Bucket">The bucket computed.</param>
/// <param name="Index">The entry it stands on, or the answer of the walk.</param>
/// <param name="Links">Links left before the walk counts as torn.</param>
/// <param name="Value">The value read.</param>
/// <param name="Validated">Whether the final sequence check passed (before the value is read, under <see cref="ReaderFlaw.ReadsValueAfterFinalCheck"/>).</param>
/// <param name="Marks">The marks array read for the mark of use.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="StoredAt">
/// After how many writer steps it stored its mark (the mark was clear), or -1: from then on the writer runs with the
/// store in it.
/// </param>
/// <param name="StorePending">
/// It has issued its store of the mark without a fence: the store takes effect later, after the final check.
/// </param>
internal readonly record struct ReaderState(
    ReaderPc Pc,
    int Steps,
    int Sequence,
    int Expected,
    int Entries,
    int Buckets,
    int Bucket,
    int Index,
    int Links,
    int Value,
    bool Validated,
    int Marks,
    ReaderOutcome Outcome,
    int StoredAt,
    bool StorePending)
{
    /// <summary>Whether it stored its mark.</summary>
    public bool StoredMark => StoredAt >= 0;

    // Written out rather than synthesized: the explorer hashes and compares millions of states, and the synthesized
    // members go through an equality comparer per field.
    public bool Equals(ReaderState other) =>
        Pc == other.Pc
        && Steps == other.Steps
        && Sequence == other.Sequence
        && Expected == other.Expected
        && Entries == other.Entries
        && Buckets == other.Buckets
        && Bucket == other.Bucket
        && Index == other.Index
        && Links == other.Links
        && Value == other.Value
        && Validated == other.Validated
        && Marks == other.Marks
        && Outcome == other.Outcome
        && StoredAt == other.StoredAt
        && StorePending == other.StorePending;

    public override int GetHashCode()
    {
        int hash = ((int)Pc << 24) ^ (Steps << 16) ^ (Index << 8) ^ (Links << 4) ^ ((int)Outcome << 2) ^ (Validated ? 1 : 0) ^ (StorePending ? 2 : 0);
        hash = (hash * 31) + Sequence;
        hash = (hash * 31) + Expected;
        hash = (hash * 31) + Value;
        hash = (hash * 31) + Bucket;
        hash = (hash * 31) + StoredAt;
        return (hash * 31) + (Entries << 8) + (Buckets << 4) + Marks;
    }
}
