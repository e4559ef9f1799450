using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The model check has teeth: each deliberately broken lookup (<see cref="ReaderFlaw"/>), and a writer that leaves the
/// sequence even while it writes, is run through the same exhaustive check as the generated code, second-chance judge
/// included, which must find a failing interleaving, for the reason the flaw predicts. A check that passed these would prove nothing about the
/// generated code either.
/// </summary>
public class ReaderMutantTests
{
    private readonly ITestOutputHelper _output;

    public ReaderMutantTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Each flaw, and the start of the violation it must produce.</summary>
    public static TheoryData<string, string> Mutants => new()
    {
        // No final check: a value the writer stored after the lookup began is taken as the answer.
        { nameof(ReaderFlaw.SkipsFinalSequenceRead), "A validated lookup of key" },

        // An even sequence at the end cannot tell that a whole write came and went during the walk.
        { nameof(ReaderFlaw.ReadsSequenceOnlyAtEnd), "A validated lookup of key" },

        // A lookup that starts inside a write and ends inside the same write sees it half done.
        { nameof(ReaderFlaw.AcceptsOddSequence), "A validated lookup of key" },

        // The value read after the check can be a later write's.
        { nameof(ReaderFlaw.ReadsValueAfterFinalCheck), "A validated lookup of key" },

        // Entries read before a grow, buckets after it: a new entry's index is past the old array.
        { nameof(ReaderFlaw.SkipsEntryRangeCheck), "The lookup read entry" },

        // Old buckets with the grown table's shift: a bucket past the old array.
        { nameof(ReaderFlaw.SkipsBucketRangeCheck), "The lookup read bucket" },

        // Freeing entry 0 clears its link to 0 before linking it into the free list: a lookup standing on it loops.
        { nameof(ReaderFlaw.SkipsLinkBound), "The lookup did not end" },

        // Marked after the check (the order before the fix): a grow copies the marks first, the mark lands in the old
        // array, and the next eviction takes the key it should have passed over.
        { nameof(ReaderFlaw.MarksAfterFinalCheck), "Key " },

        // No fence while the table can still grow: the store waits past the check, and the same happens.
        { nameof(ReaderFlaw.SkipsFence), "Key " },
    };

    [Theory]
    [MemberData(nameof(Mutants))]
    public void Each_broken_lookup_is_caught_by_a_failing_interleaving(string flawName, string expectedViolation)
    {
        var flaw = Enum.Parse<ReaderFlaw>(flawName);

        Counterexample found = FindCounterexample(flaw, WriterFlaw.None);

        Assert.StartsWith(expectedViolation, found.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_writer_that_leaves_the_sequence_even_while_writing_is_caught_by_a_failing_interleaving()
    {
        Counterexample found = FindCounterexample(ReaderFlaw.None, WriterFlaw.SequenceStaysEvenWhileWriting);

        Assert.StartsWith("A validated lookup of key", found.Violation, StringComparison.Ordinal);
    }

    /// <summary>Runs the exhaustive check of one- and two-operation scripts, shape after shape, until it fails.</summary>
    private Counterexample FindCounterexample(ReaderFlaw readerFlaw, WriterFlaw writerFlaw)
    {
        int lookups = 0;
        foreach (TableShape shape in new[] { ModelScenarios.Spread3, ModelScenarios.Colliding3 })
        {
            ExplorationTotals totals = LookupModelCheck.Run(
                ModelScenarios.StartTables(shape).ToList(),
                ModelScenarios.ScriptsUpToTwo(shape),
                readerFlaw,
                writerFlaw,
                stopAtFirst: true);
            lookups += totals.Runs;
            if (totals.FirstCounterexample is { } counterexample)
            {
                _output.WriteLine($"Caught after {lookups:N0} lookups explored; counterexample:");
                _output.WriteLine(counterexample.ToString());
                return counterexample;
            }
        }

        Assert.Fail($"No interleaving of {lookups:N0} lookups broke a property: the check cannot tell this flaw.");
        return null!;
    }
}
