using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The lock-free lookup of the generated dictionary (BndTryGet over BndFindUnlocked and BndTouchUnlocked) as a step
/// function: each step is one shared load, or the store of the mark, made against the memory as it is at that moment,
/// with the generated code's range checks, link bound and sequence checks, unless a <see cref="ReaderFlaw"/> removes
/// one. Each step also checks the properties that concern the lookup alone.
/// </summary>
/// <remarks>
/// <para>
/// The generated order when the walk finds the key: the value, then BndTouchUnlocked (the marks array, the mark, and
/// when it is clear the store of it, each a step), then the final sequence check; the lookup answers only when the
/// check passes, and otherwise retries (<see cref="ReaderOutcome.Retry"/>), its store made all the same.
/// </para>
/// <para>
/// The generated BndTryGet makes up to four such attempts, with a short spin between them, before it asks under the
/// lock. One attempt is modelled: an attempt carries nothing over to the next but the mark it may have stored (which
/// the model makes, as above), so a later attempt is the modelled lookup starting at a later moment of the writer's
/// run, and the explorer already starts the lookup at every such moment. What is checked of a validated answer holds
/// whichever attempt gives it.
/// </para>
/// <para>
/// The model's steps are sequentially consistent, except where the generated code leaves out its fence. While the
/// marks array is shorter than the capacity (a grow may still copy it), BndTouchUnlocked executes a full fence after
/// its store: the store takes effect before the check's load, in program order. Once the array has full length there
/// is no fence, and the store may wait in a store buffer while the check's load goes ahead (even on x64): the model
/// then issues the store (<see cref="ReaderState.StorePending"/>) and makes it take effect as a step of its own after
/// the check, at any later moment the explorer picks; the lookup ends when it has. That covers the store taking effect
/// before the check as well: if the check passes, no writer step can fall between the two (the writer would have
/// moved the sequence), so the order does not matter; if it fails, the lookup retries, and the run with the store at
/// that moment is the one the store after a check made at the same moment leads to. A lookup ending when its store
/// takes effect is what a thread that synchronises with it later sees: its release of a lock, or any store it makes
/// visible after, comes after the buffered mark.
/// </para>
/// </remarks>
internal sealed class ModelReader
{
    /// <summary><see cref="ReaderState.Expected"/> before the first read of the sequence.</summary>
    public const int NotYetRead = int.MinValue;

    /// <summary>What <c>stableValue</c> is when the key is not present throughout, unchanged.</summary>
    public const int NotStable = int.MinValue;

    /// <summary>
    /// The start sequence of a lookup the writer has overtaken: odd, and below every sequence, so no final check
    /// accepts it.
    /// </summary>
    private const int Doomed = -1;

    private readonly int _hash;
    private readonly int _stableValue;
    private readonly int _capacity;

    /// <param name="key">The key looked up.</param>
    /// <param name="shape">The table's parameters.</param>
    /// <param name="flaw">A deliberate mistake, or none.</param>
    /// <param name="stableValue">The key's value when the key is present in every table of the run and never written, else <see cref="NotStable"/>.</param>
    public ModelReader(int key, TableShape shape, ReaderFlaw flaw, int stableValue)
    {
        Key = key;
        Flaw = flaw;
        _hash = shape.HashOf(key);
        _stableValue = stableValue;
        _capacity = shape.Capacity;

        // The longest lookup: six loads to reach the chain, three per entry over at most Capacity entries, and the
        // value, the marks array, the mark, its store and the sequence; two steps of slack.
        StepBudget = 6 + (3 * shape.Capacity) + 5 + 2;
    }

    public int Key { get; }

    public ReaderFlaw Flaw { get; }

    /// <summary>Steps after which a lookup counts as not terminating.</summary>
    public int StepBudget { get; }

    public ReaderState Start => new(
        Flaw == ReaderFlaw.ReadsSequenceOnlyAtEnd ? ReaderPc.ReadEntries : ReaderPc.ReadSequence,
        Steps: 0,
        Sequence: 0,
        Expected: NotYetRead,
        Entries: 0,
        Buckets: 0,
        Bucket: 0,
        Index: -1,
        Links: 0,
        Value: 0,
        Validated: false,
        Marks: 0,
        ReaderOutcome.Running,
        StoredAt: -1,
        StorePending: false);

    /// <summary>
    /// The reader's next step against <paramref name="memory"/>, the memory after <paramref name="position"/> writer
    /// steps. <paramref name="answerNow"/> is the abstract table's answer at this moment, which the first read of the
    /// sequence remembers. A violated property is returned in <paramref name="violation"/>.
    /// </summary>
    public ReaderState Step(in ReaderState state, int position, SharedMemory memory, int answerNow, out string? violation)
    {
        violation = null;
        if (state.Steps >= StepBudget)
        {
            violation = Describe("The lookup did not end within {0} steps", StepBudget);
            return state;
        }

        ReaderState r = state with { Steps = state.Steps + 1 };
        switch (r.Pc)
        {
            case ReaderPc.ReadSequence:
            {
                int sequence = memory.Sequence;
                r = r with { Sequence = sequence, Expected = answerNow };
                bool odd = (sequence & 1) != 0;
                return odd && Flaw != ReaderFlaw.AcceptsOddSequence ? Finish(r, ReaderOutcome.Retry) : r with { Pc = ReaderPc.ReadEntries };
            }

            case ReaderPc.ReadEntries:
                return r with { Entries = memory.Entries, Pc = ReaderPc.ReadCount };

            case ReaderPc.ReadCount:
                return memory.Count == 0 ? AfterWalk(r with { Index = -1 }, ref violation) : r with { Pc = ReaderPc.ReadBuckets };

            case ReaderPc.ReadBuckets:
                return r with { Buckets = memory.Buckets, Pc = ReaderPc.ReadShift };

            case ReaderPc.ReadShift:
            {
                // The buckets and their shift are read apart, so a grow between the two loads pairs an old array
                // with a new shift.
                uint bucket = TableShape.Bucket(_hash, memory.BucketShift);
                if (bucket >= (uint)memory.BucketArrays[r.Buckets].Length && Flaw != ReaderFlaw.SkipsBucketRangeCheck)
                {
                    return Finish(r, ReaderOutcome.Retry);
                }

                return r with { Bucket = unchecked((int)bucket), Pc = ReaderPc.ReadBucketHead };
            }

            case ReaderPc.ReadBucketHead:
            {
                int[] buckets = memory.BucketArrays[r.Buckets];
                if ((uint)r.Bucket >= (uint)buckets.Length)
                {
                    violation = Describe("The lookup read bucket {0} of an array of {1}", (uint)r.Bucket, buckets.Length);
                    return r;
                }

                return LoopTop(r with { Index = buckets[r.Bucket] - 1, Links = memory.EntryArrays[r.Entries].Length }, memory, ref violation);
            }

            case ReaderPc.ReadHash:
                if (OutsideEntries(r, memory, ref violation))
                {
                    return r;
                }

                return r with { Pc = memory.EntryArrays[r.Entries][r.Index].HashCode == _hash ? ReaderPc.ReadKey : ReaderPc.ReadNext };

            case ReaderPc.ReadKey:
                if (OutsideEntries(r, memory, ref violation))
                {
                    return r;
                }

                return memory.EntryArrays[r.Entries][r.Index].Key == Key ? AfterWalk(r, ref violation) : r with { Pc = ReaderPc.ReadNext };

            case ReaderPc.ReadNext:
                if (OutsideEntries(r, memory, ref violation))
                {
                    return r;
                }

                return LoopTop(r with { Index = memory.EntryArrays[r.Entries][r.Index].Next }, memory, ref violation);

            case ReaderPc.ReadValue:
                if (OutsideEntries(r, memory, ref violation))
                {
                    return r;
                }

                r = r with { Value = memory.EntryArrays[r.Entries][r.Index].Value };
                if (r.Validated)
                {
                    // Only under ReadsValueAfterFinalCheck: the check has passed already.
                    return Answer(r, ref violation);
                }

                return Flaw == ReaderFlaw.MarksAfterFinalCheck ? ToValidation(r, ref violation) : r with { Pc = ReaderPc.ReadMarksArray };

            case ReaderPc.ReadFinalSequence:
            {
                int now = memory.Sequence;
                bool consistent;
                if (Flaw == ReaderFlaw.ReadsSequenceOnlyAtEnd)
                {
                    // This mutant's only read of the sequence: the table it answers for is the one of this moment.
                    r = r with { Sequence = now, Expected = answerNow };
                    consistent = (now & 1) == 0;
                }
                else if (Flaw == ReaderFlaw.AcceptsOddSequence)
                {
                    consistent = now == r.Sequence;
                }
                else
                {
                    consistent = (r.Sequence & 1) == 0 && now == r.Sequence;
                }

                return Decide(r, consistent, ref violation);
            }

            case ReaderPc.ReadMarksArray:
                // BndTouchUnlocked reads _bndUsedMarks afresh: after a grow, the array of the entries the lookup read
                // may be gone, but indexes stay valid across a grow.
                r = r with { Marks = memory.Marks };
                return (uint)r.Index < (uint)memory.MarkArrays[r.Marks].Length ? r with { Pc = ReaderPc.ReadMark } : AfterTouch(r, ref violation);

            case ReaderPc.ReadMark:
            {
                if (memory.MarkArrays[r.Marks][r.Index] != 0)
                {
                    return AfterTouch(r, ref violation);
                }

                // The fence only while the array is shorter than the capacity: at full length the store may wait.
                bool fenced = Flaw != ReaderFlaw.SkipsFence && memory.MarkArrays[r.Marks].Length != _capacity;
                return fenced || r.Validated ? r with { Pc = ReaderPc.StoreMark } : AfterTouch(r with { StorePending = true }, ref violation);
            }

            case ReaderPc.StoreMark:
                // The store itself is made by the explorer, which runs the writer from this moment on with the store
                // in it (the reader's only store). A store that waited past the check ends the lookup.
                r = r with { StoredAt = position, StorePending = false };
                return r.Outcome != ReaderOutcome.Running ? r with { Pc = ReaderPc.Done } : AfterTouch(r, ref violation);

            default:
                violation = "A finished lookup was stepped.";
                return r;
        }
    }

    /// <summary>
    /// Forgets what can no longer change the lookup's future, so that interleavings differing only in it share one
    /// node: once the walk is over, the buckets and the links left; once the value is read, the entries array too;
    /// once the sequence has moved on from the one a lookup started with, its final check must fail (the sequence only
    /// grows), so what it expected and read no longer matters, only where it walks and what it stores; once a lookup
    /// has answered, only its entry, marks and store matter; once it has ended, only what the second-chance check and
    /// the record of endings read.
    /// </summary>
    public ReaderState Canonical(in ReaderState r, SharedMemory memory)
    {
        if (r.Pc == ReaderPc.Done)
        {
            return r.Outcome == ReaderOutcome.Found
                ? Start with { Pc = ReaderPc.Done, Outcome = r.Outcome, Index = r.Index, Marks = r.Marks, StoredAt = r.StoredAt }
                : Start with { Pc = ReaderPc.Done, Outcome = r.Outcome, StoredAt = r.StoredAt };
        }

        if (r.Outcome != ReaderOutcome.Running)
        {
            // Its outcome known, still marking: a store that waited past the check, or MarksAfterFinalCheck.
            return Start with
            {
                Pc = r.Pc, Steps = r.Steps, Outcome = r.Outcome, Index = r.Index, Validated = r.Validated, Marks = r.Marks, StoredAt = r.StoredAt, StorePending = r.StorePending,
            };
        }

        ReaderState c = r;
        bool walked = r.Pc is ReaderPc.ReadValue or ReaderPc.ReadMarksArray or ReaderPc.ReadMark or ReaderPc.StoreMark or ReaderPc.ReadFinalSequence;
        if (walked)
        {
            c = c with { Buckets = 0, Bucket = 0, Links = 0 };
            if (r.Pc != ReaderPc.ReadValue && Flaw != ReaderFlaw.ReadsValueAfterFinalCheck)
            {
                c = c with { Entries = 0 };
            }
        }

        bool comparesStartSequence = Flaw != ReaderFlaw.SkipsFinalSequenceRead && Flaw != ReaderFlaw.ReadsSequenceOnlyAtEnd;
        bool doomed = comparesStartSequence && r.Pc != ReaderPc.ReadSequence && !r.Validated && memory.Sequence != r.Sequence;
        return doomed ? c with { Sequence = Doomed, Expected = NotYetRead, Value = 0 } : c;
    }

    /// <summary>
    /// Whether a canonical state has one step left, whose outcome is a retry at any moment: the final check of a
    /// lookup the writer has overtaken (within its step budget), with no store waiting.
    /// </summary>
    public bool OnlyRetryLeft(in ReaderState r) =>
        r.Pc == ReaderPc.ReadFinalSequence && r.Sequence == Doomed && !r.StorePending && r.Steps < StepBudget;

    /// <summary>The loop condition and checks of BndFindUnlocked's walk, before each entry; no load of its own.</summary>
    private ReaderState LoopTop(ReaderState r, SharedMemory memory, ref string? violation)
    {
        if (r.Index < 0)
        {
            // Only -1 ends a chain; anything below was torn.
            return r.Index == -1 ? AfterWalk(r, ref violation) : Finish(r, ReaderOutcome.Retry);
        }

        if ((uint)r.Index >= (uint)memory.EntryArrays[r.Entries].Length && Flaw != ReaderFlaw.SkipsEntryRangeCheck)
        {
            return Finish(r, ReaderOutcome.Retry);
        }

        if (Flaw != ReaderFlaw.SkipsLinkBound)
        {
            r = r with { Links = r.Links - 1 };
            if (r.Links < 0)
            {
                return Finish(r, ReaderOutcome.Retry);
            }
        }

        return r with { Pc = ReaderPc.ReadHash };
    }

    /// <summary>The walk found an entry (Index) or ended at -1.</summary>
    private ReaderState AfterWalk(ReaderState r, ref string? violation)
    {
        if (r.Index < 0)
        {
            return ToValidation(r, ref violation);
        }

        // Found: the value, then the mark; the mutant that reads the value after the check still marks before it.
        return r with { Pc = Flaw == ReaderFlaw.ReadsValueAfterFinalCheck ? ReaderPc.ReadMarksArray : ReaderPc.ReadValue };
    }

    /// <summary>BndTouchUnlocked is over: the final check follows, or, marking after it (MarksAfterFinalCheck), the lookup ends.</summary>
    private ReaderState AfterTouch(ReaderState r, ref string? violation) =>
        r.Validated ? Finish(r, ReaderOutcome.Found) : ToValidation(r, ref violation);

    private ReaderState ToValidation(ReaderState r, ref string? violation) =>
        Flaw == ReaderFlaw.SkipsFinalSequenceRead
            ? Decide(r, (r.Sequence & 1) == 0, ref violation)
            : r with { Pc = ReaderPc.ReadFinalSequence };

    private ReaderState Decide(ReaderState r, bool consistent, ref string? violation)
    {
        if (!consistent)
        {
            return Finish(r, ReaderOutcome.Retry);
        }

        r = r with { Validated = true };
        return r.Index >= 0 && Flaw == ReaderFlaw.ReadsValueAfterFinalCheck
            ? r with { Pc = ReaderPc.ReadValue }
            : Answer(r, ref violation);
    }

    /// <summary>
    /// A validated answer: checks it against the table of the moment the sequence was first read (property 2) and,
    /// for a key present and unchanged throughout, that it was found with its value (property 3). The generated lookup
    /// has marked the entry already; the mutant that marks after the check goes on to mark it.
    /// </summary>
    private ReaderState Answer(ReaderState r, ref string? violation)
    {
        bool found = r.Index >= 0;
        int answer = found ? r.Value : AbstractTable.Absent;
        if (answer != r.Expected)
        {
            violation = Describe(
                "A validated lookup of key {0} answered {1}, but the table answered {2} when the lookup began",
                Key,
                AnswerText(answer),
                AnswerText(r.Expected));
            return r;
        }

        if (_stableValue != NotStable && answer != _stableValue)
        {
            violation = Describe("A validated lookup of key {0}, present and unchanged throughout, answered {1}", Key, AnswerText(answer));
            return r;
        }

        if (!found)
        {
            return Finish(r, ReaderOutcome.Absent);
        }

        return Flaw == ReaderFlaw.MarksAfterFinalCheck
            ? r with { Pc = ReaderPc.ReadMarksArray, Outcome = ReaderOutcome.Found }
            : Finish(r, ReaderOutcome.Found);
    }

    /// <summary>An access to entry Index of the array the reader holds: a violation when outside it (property 1).</summary>
    private bool OutsideEntries(in ReaderState r, SharedMemory memory, ref string? violation)
    {
        int length = memory.EntryArrays[r.Entries].Length;
        if ((uint)r.Index < (uint)length)
        {
            return false;
        }

        violation = Describe("The lookup read entry {0} of an array of {1}", r.Index, length);
        return true;
    }

    /// <summary>The lookup has its outcome; it ends once a store that waited past the check has taken effect.</summary>
    private static ReaderState Finish(ReaderState r, ReaderOutcome outcome) =>
        r with { Pc = r.StorePending ? ReaderPc.StoreMark : ReaderPc.Done, Outcome = outcome };

    private static string AnswerText(int answer) =>
        answer == AbstractTable.Absent ? "absent" : string.Format(CultureInfo.InvariantCulture, "value {0}", answer);

    private static string Describe(string format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments) + ".";
}
