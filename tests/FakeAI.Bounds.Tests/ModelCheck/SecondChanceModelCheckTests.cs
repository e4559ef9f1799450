using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The races of second-chance eviction: a lookup marks its entry without the lock, before its final sequence check
/// (with a fence after the store while the marks array can still grow), while a writer (under the lock) grows the
/// marks array, reads marks and clears them. In every interleaving, a lookup
/// that found its key before an eviction began must have left its mark where that eviction reads it, and an eviction
/// that begins while the table holds an unmarked entry must not take the key, until an eviction passes over it
/// (<see cref="SecondChanceJudge"/>). Each victim search must keep the rule of which entry goes, within its one pass,
/// however lookups mark entries between its steps.
/// </summary>
public class SecondChanceModelCheckTests
{
    private readonly ITestOutputHelper _output;

    public SecondChanceModelCheckTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static TableShape[] Shapes => new[] { ModelScenarios.Spread3, ModelScenarios.Colliding3 };

    [Fact]
    public void A_key_used_before_an_eviction_begins_is_not_taken_while_an_entry_is_unmarked_until_an_eviction_passes_over_it()
    {
        // Full tables with no, one and every key marked, and two keys filling the first arrays (the next insert grows
        // them, copying the marks); writers that update and insert in turn, so evictions follow each other (the second
        // after the first passed over marked entries, or after a grow) and updates mark keys between them. The lookups
        // are of the keys present at the start.
        int[] keys = { 1, 4, 5 };
        var scripts = Enumerable.Range(1, 3)
            .SelectMany(length => ModelScenarios.Scripts(length, keys))
            .Where(script => script.All(operation => !operation.IsRemove))
            .ToList();
        foreach (TableShape shape in Shapes)
        {
            var tables = ModelScenarios.StartTables(shape)
                .Where(table => (table.Name.StartsWith("full", StringComparison.Ordinal) && table.Name != "full less 2") || table.Name == "{1, 2}, arrays full")
                .ToList();
            ExplorationTotals shapeTotals = LookupModelCheck.Run(tables, scripts, readKeys: new[] { 1, 2, 3 });
            _output.WriteLine($"{shape}, {scripts.Count} scripts of sets: {shapeTotals}");
            Assert.True(shapeTotals.Violations == 0, shapeTotals.FirstCounterexample?.ToString());

            // Not vacuous: the promise applied many times, often resting on the lookup's own store, and many times the
            // key was the oldest and its mark saved it. On full tables the marks have full length, no fence follows the
            // store, and it may take effect after the check: many stores did.
            Assert.True(
                shapeTotals.SecondChanceApplied > 500 && shapeTotals.SecondChanceAppliedWithStore > 100 && shapeTotals.SecondChanceProtected > 100
                    && shapeTotals.StoresAfterCheck > 100,
                shapeTotals.ToString());
        }
    }

    /// <summary>The two ways a lookup's mark can reach the marks array after its check, each with why it loses the mark.</summary>
    public static TheoryData<string> MarksAfterTheCheck => new()
    {
        // The order before the fix: validate, then read _bndUsedMarks and store the mark.
        nameof(ReaderFlaw.MarksAfterFinalCheck),

        // The mark stored before the check, but with no fence while the marks array can still be copied: the store
        // may wait in the store buffer past the check's load.
        nameof(ReaderFlaw.SkipsFence),
    };

    [Theory]
    [MemberData(nameof(MarksAfterTheCheck))]
    public void A_lookup_whose_mark_lands_after_its_check_loses_it_to_a_grow_and_is_caught(string flawName)
    {
        // A grow that begins after the check copies the marks before the store, which then lands in the array the grow
        // replaced; the eviction that follows reads the new array, finds the key unmarked and takes it, though it was
        // used before the eviction began. The same scenario with the generated lookup (the mark stored before the
        // check, and a fence after it while the array can still be copied) keeps the promise in every interleaving:
        // the order and the fence are what make the check pass. Once the marks have full length no grow copies them
        // again, and the generated lookup's store may wait past the check: the full tables of the other scenarios
        // explore that.
        var flaw = Enum.Parse<ReaderFlaw>(flawName);
        var tables = Shapes.SelectMany(ModelScenarios.StartTables).Where(table => table.Name == "{1, 2}, arrays full").ToList();
        var scripts = new List<WriterOperation[]> { new[] { WriterOperation.Set(3, 103), WriterOperation.Set(4, 204) } };

        ExplorationTotals flawed = LookupModelCheck.Run(tables, scripts, flaw, stopAtFirst: true, readKeys: new[] { 1, 2 });
        ExplorationTotals generated = LookupModelCheck.Run(tables, scripts, readKeys: new[] { 1, 2 });

        Assert.True(flawed.FirstCounterexample is not null, flaw + " went unnoticed: " + flawed);
        _output.WriteLine(flawed.FirstCounterexample.ToString());
        string violation = flawed.FirstCounterexample.Violation;
        Assert.StartsWith("Key 1 was found", violation, StringComparison.Ordinal);
        Assert.Contains("stored its mark into marks#1 ", violation, StringComparison.Ordinal);
        Assert.Contains("the eviction read marks#2", violation, StringComparison.Ordinal);

        _output.WriteLine("Generated lookup: " + generated);
        Assert.True(generated.Violations == 0, generated.FirstCounterexample?.ToString());
        Assert.True(generated.SecondChanceAppliedWithStore > 0 && generated.SecondChanceProtected > 0, "The promise was never at stake: " + generated);
    }

    [Fact]
    public void An_eviction_that_ignores_marks_is_caught_by_a_failing_interleaving()
    {
        var tables = Shapes.SelectMany(ModelScenarios.FullStartTables).ToList();
        var scripts = new List<WriterOperation[]> { new[] { WriterOperation.Set(4, 104) } };

        ExplorationTotals totals = LookupModelCheck.Run(tables, scripts, writerFlaw: WriterFlaw.TakeVictimIgnoresMarks, stopAtFirst: true);

        Assert.True(totals.FirstCounterexample is not null, "The flawed eviction went unnoticed: " + totals);
        _output.WriteLine(totals.FirstCounterexample.ToString());
        Assert.Contains("second chance takes the oldest entry not marked when it began", totals.FirstCounterexample.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_that_clears_the_mark_is_caught_by_a_failing_interleaving()
    {
        // A mark cleared by anything but a pass over the entry: key 1, found and marked, then updated by the flawed
        // writer, is unmarked when the next eviction begins.
        var tables = Shapes.SelectMany(ModelScenarios.FullStartTables).ToList();
        var scripts = new List<WriterOperation[]> { new[] { WriterOperation.Set(1, 101), WriterOperation.Set(4, 204) } };

        ExplorationTotals totals = LookupModelCheck.Run(tables, scripts, writerFlaw: WriterFlaw.UpdateClearsMark, stopAtFirst: true, readKeys: new[] { 1 });

        Assert.True(totals.FirstCounterexample is not null, "The cleared mark went unnoticed: " + totals);
        _output.WriteLine(totals.FirstCounterexample.ToString());
        Assert.StartsWith("Key 1 was found", totals.FirstCounterexample.Violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_victim_search_keeps_the_rule_within_one_pass_however_lookups_mark_entries_between_its_steps()
    {
        var totals = new List<EvictionUnderMarkingExplorer>();
        foreach (TableShape shape in Shapes)
        {
            foreach (StartTable table in FullTablesWithEveryMarking(shape))
            {
                foreach (WriterOperation[] script in EvictingScripts)
                {
                    var explorer = new EvictionUnderMarkingExplorer(table, script, WriterFlaw.None);
                    explorer.Explore();
                    Assert.True(explorer.Failure is null, explorer.Failure);
                    totals.Add(explorer);
                }
            }
        }

        int runs = totals.Sum(explorer => explorer.Runs);
        int evictions = totals.Sum(explorer => explorer.Evictions);
        int raced = totals.Sum(explorer => explorer.Raced);
        _output.WriteLine($"{runs:N0} ways of marking, {evictions:N0} victim searches ({raced:N0} with racing uses), at most {totals.Max(explorer => explorer.MostPasses)} marked entries moved by one");
        Assert.True(runs > 200 && evictions > 300 && raced > 100, $"Too little explored: {runs} runs, {evictions} evictions, {raced} raced");

        // The bound was reached: some search moved every entry once, as when all are marked.
        Assert.Equal(3, totals.Max(explorer => explorer.MostPasses));
    }

    [Fact]
    public void Uses_racing_with_an_eviction_can_make_it_take_an_entry_marked_when_it_began_though_an_unmarked_one_was_there()
    {
        // Where the promise ends: an eviction begins with entry 1 marked (used before) and 2 and 3 unmarked; uses racing
        // with it mark 2 and 3 before it loads their marks, so it passes over all three and comes back to entry 1,
        // oldest again and now unmarked. The rule holds (a racing use may or may not count, and here the racing uses
        // counted), but "never taken by an eviction that begins while the table holds an unmarked entry" holds only
        // when no use races with that eviction; with one lookup at a time, as the lookup check runs, none can.
        StartTable table = FullTablesWithEveryMarking(ModelScenarios.Spread3).Single(candidate => candidate.Name == "full, marked {1}");
        var explorer = new EvictionUnderMarkingExplorer(table, new[] { WriterOperation.Set(4, 104) }, WriterFlaw.None);

        explorer.Explore();

        Assert.True(explorer.Failure is null, explorer.Failure);
        Assert.True(explorer.TookMarkedAfterRacingUses > 0, "No racing use made an eviction take an entry marked when it began.");
        _output.WriteLine(explorer.TookMarkedExample);
    }

    [Fact]
    public void A_victim_search_without_its_pass_bound_is_caught_going_round_while_lookups_mark_entries()
    {
        StartTable table = FullTablesWithEveryMarking(ModelScenarios.Spread3).First();
        var explorer = new EvictionUnderMarkingExplorer(table, new[] { WriterOperation.Set(4, 104) }, WriterFlaw.TakeVictimWithoutPassBound);

        explorer.Explore();

        Assert.True(explorer.Failure is not null, "The unbounded victim search always ended.");
        _output.WriteLine(explorer.Failure);
        Assert.Contains("marked entries of 3", explorer.Failure, StringComparison.Ordinal);
    }

    /// <summary>Scripts that evict: once, twice in a row, and after an update has marked a key.</summary>
    private static WriterOperation[][] EvictingScripts => new[]
    {
        new[] { WriterOperation.Set(4, 104) },
        new[] { WriterOperation.Set(4, 104), WriterOperation.Set(5, 205) },
        new[] { WriterOperation.Set(1, 101), WriterOperation.Set(4, 204) },
    };

    /// <summary>The full table of keys 1..3 with each of the eight sets of marks.</summary>
    private static IEnumerable<StartTable> FullTablesWithEveryMarking(TableShape shape)
    {
        WriterOperation[] full = { WriterOperation.Set(1, 10), WriterOperation.Set(2, 20), WriterOperation.Set(3, 30) };
        for (int marks = 0; marks < 8; marks++)
        {
            int[] marked = Enumerable.Range(1, 3).Where(key => (marks & (1 << (key - 1))) != 0).ToArray();
            yield return StartTable.Build("full, marked {" + string.Join(", ", marked) + "}", shape, full, marked);
        }
    }
}
