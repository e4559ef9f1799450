using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The races of second-chance eviction: a lookup marks its entry after validating, without the lock, while an
/// eviction (under the lock) reads and clears marks. A lookup that ended, mark included, before an eviction began
/// must protect its key from that eviction; and the victim search must end within its one pass however lookups mark
/// entries between its steps.
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
    public void A_lookup_that_ends_before_an_eviction_begins_keeps_its_key_through_that_eviction()
    {
        // Full tables with no, one and every key marked; writers that update and insert in turn, so evictions follow
        // each other and updates mark keys between them. The lookups are of the keys present at the start.
        int[] keys = { 1, 4, 5 };
        var scripts = Enumerable.Range(1, 3)
            .SelectMany(length => ModelScenarios.Scripts(length, keys))
            .Where(script => script.All(operation => !operation.IsRemove))
            .ToList();
        var totals = new ExplorationTotals();
        foreach (TableShape shape in Shapes)
        {
            ExplorationTotals shapeTotals = LookupModelCheck.Run(ModelScenarios.FullStartTables(shape).ToList(), scripts, readKeys: new[] { 1, 2, 3 });
            _output.WriteLine($"{shape}, {scripts.Count} scripts of sets: {shapeTotals}");
            Assert.True(shapeTotals.Violations == 0, shapeTotals.FirstCounterexample?.ToString());

            // Not vacuous: the promise applied many times, and many times the key was the oldest and its mark saved it.
            Assert.True(shapeTotals.SecondChanceApplied > 500 && shapeTotals.SecondChanceProtected > 100, shapeTotals.ToString());
        }
    }

    [Fact]
    public void A_mark_stored_while_a_grow_copies_the_marks_can_be_lost_and_the_check_tells_it_apart()
    {
        // A lookup validates, reads _bndUsedMarks, and stores its mark after a grow has copied the marks to a new
        // array: the store lands in the old array and the key loses its second chance. The generated code accepts this
        // (marks are hints for eviction order, and a grow happens at most log2(capacity) times), so the check counts
        // such lookups apart rather than failing on them. This test shows the check does find them, so that the
        // exemption stays exactly this case.
        var tables = Shapes.SelectMany(ModelScenarios.StartTables).Where(table => table.Name == "{1, 2}, arrays full").ToList();
        var scripts = new List<WriterOperation[]> { new[] { WriterOperation.Set(3, 103), WriterOperation.Set(4, 204) } };

        ExplorationTotals totals = LookupModelCheck.Run(tables, scripts, readKeys: new[] { 1, 2 });

        _output.WriteLine(totals.ToString());
        _output.WriteLine(totals.LostToGrowExample ?? "(none)");
        Assert.True(totals.Violations == 0, totals.FirstCounterexample?.ToString());
        Assert.True(totals.LostToGrow > 0, "No mark was lost to a grow: " + totals);
    }

    [Fact]
    public void An_eviction_that_ignores_marks_is_caught_by_a_failing_interleaving()
    {
        var tables = Shapes.SelectMany(ModelScenarios.FullStartTables).ToList();
        var scripts = new List<WriterOperation[]> { new[] { WriterOperation.Set(4, 104) } };

        ExplorationTotals totals = LookupModelCheck.Run(tables, scripts, writerFlaw: WriterFlaw.TakeVictimIgnoresMarks, stopAtFirst: true);

        Assert.True(totals.FirstCounterexample is not null, "The flawed eviction went unnoticed: " + totals);
        _output.WriteLine(totals.FirstCounterexample.ToString());
        Assert.Contains("yet that eviction took its entry", totals.FirstCounterexample.Violation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_victim_search_ends_within_one_pass_however_lookups_mark_entries_between_its_steps()
    {
        int runs = 0;
        int evictions = 0;
        int mostPasses = 0;
        foreach (TableShape shape in Shapes)
        {
            foreach (StartTable table in FullTablesWithEveryMarking(shape))
            {
                foreach (WriterOperation[] script in EvictingScripts)
                {
                    var explorer = new EvictionUnderMarkingExplorer(table, script, WriterFlaw.None);
                    explorer.Explore();
                    Assert.True(explorer.Failure is null, explorer.Failure);
                    runs += explorer.Runs;
                    evictions += explorer.Evictions;
                    mostPasses = System.Math.Max(mostPasses, explorer.MostPasses);
                }
            }
        }

        _output.WriteLine($"{runs:N0} ways of marking, {evictions:N0} victim searches, at most {mostPasses} marked entries moved by one");
        Assert.True(runs > 200 && evictions > 300, $"Too little explored: {runs} runs, {evictions} evictions");

        // The bound was reached: some search moved every entry once, as when all are marked.
        Assert.Equal(3, mostPasses);
    }

    [Fact]
    public void A_victim_search_without_its_pass_bound_is_caught_going_round_while_lookups_mark_entries()
    {
        StartTable table = FullTablesWithEveryMarking(ModelScenarios.Spread3).First();
        var explorer = new EvictionUnderMarkingExplorer(table, new[] { WriterOperation.Set(4, 104) }, WriterFlaw.TakeVictimWithoutPassBound);

        explorer.Explore();

        Assert.True(explorer.Failure is not null, "The unbounded victim search always ended.");
        _output.WriteLine(explorer.Failure);
        Assert.Contains("marked entries of 3", explorer.Failure, System.StringComparison.Ordinal);
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
