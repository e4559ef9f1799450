namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Deliberate mistakes the model writer can make, so that the tests can show the checks catch writer bugs too. The
/// generated code is <see cref="None"/>.
/// </summary>
internal enum WriterFlaw
{
    None,

    /// <summary>Eviction takes the oldest entry whatever its mark: second chance lost.</summary>
    TakeVictimIgnoresMarks,

    /// <summary>The victim search has no pass bound: it moves marked entries for as long as it meets them.</summary>
    TakeVictimWithoutPassBound,

    /// <summary>An update of a present key clears its mark instead of setting it: a mark cleared by no pass over the entry.</summary>
    UpdateClearsMark,

    /// <summary>
    /// The writer leaves the sequence even while it writes and adds two when it leaves (as if another lock guarded the
    /// writers): a reader overlapping the end of a write cannot tell.
    /// </summary>
    SequenceStaysEvenWhileWriting,
}
