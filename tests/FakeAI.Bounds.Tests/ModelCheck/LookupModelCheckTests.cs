using System.Diagnostics;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The exhaustive check of the lock-free lookup: every interleaving of a lookup of every key (present or absent)
/// against every writer script of the scenario, from every start table. In every interleaving the lookup (1) stays
/// inside every array it indexes and ends within its step budget; (2) when its final sequence check passes, answers
/// what the table held when it first read the sequence; (3) finds a key that is present and unchanged throughout
/// whenever it validates. The second-chance promise is checked at the end of every lookup too (see
/// <see cref="SecondChanceModelCheckTests"/> for its own scenarios), and every writer run, with the lookup's store of
/// its mark in it or not, must keep the table's invariants and the rule of which entry an eviction takes.
/// </summary>
/// <remarks>
/// The counts asserted are floors well below what the scenarios give, so that a check that stopped exploring (and so
/// would pass vacuously) fails; the exact numbers are written to the test output. The three-operation scripts are a
/// chosen set (<see cref="ModelScenarios.ThreeOperationStories"/>): all of them would take minutes.
/// </remarks>
public class LookupModelCheckTests
{
    private readonly ITestOutputHelper _output;

    public LookupModelCheckTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string, long, long> OneAndTwoOperationScenarios => new()
    {
        // shape, floor of schedules, floor of distinct states
        { "spread 3", 1_000_000_000, 200_000 },
        { "colliding 3", 10_000_000_000, 300_000 },
        { "spread 2", 10_000_000, 20_000 },
    };

    [Theory]
    [MemberData(nameof(OneAndTwoOperationScenarios))]
    public void Every_lookup_against_every_one_or_two_operation_script_is_safe_and_answers_one_state(string shapeName, long scheduleFloor, long stateFloor)
    {
        TableShape shape = WriterModelTests.ShapeNamed(shapeName);
        var tables = ModelScenarios.StartTables(shape).ToList();
        var scripts = ModelScenarios.ScriptsUpToTwo(shape);

        ExplorationTotals totals = Check(tables, scripts);

        Assert.Equal(tables.Count * scripts.Count * ModelScenarios.ReadKeys(shape).Length, totals.Runs);
        AssertCovered(totals, scheduleFloor, stateFloor);
    }

    [Fact]
    public void Every_lookup_against_removals_that_leave_freed_entries_uncleared_is_safe_and_answers_one_state()
    {
        // Entries without references are not cleared when freed; only removals run differently from the cleared shape.
        TableShape shape = ModelScenarios.CollidingUncleared3;
        var scripts = ModelScenarios.ScriptsUpToTwo(shape).Where(script => script.Any(operation => operation.IsRemove)).ToList();

        ExplorationTotals totals = Check(ModelScenarios.StartTables(shape).ToList(), scripts);

        AssertCovered(totals, scheduleFloor: 10_000_000_000, stateFloor: 200_000);
    }

    [Fact]
    public void Every_lookup_against_three_operation_stories_is_safe_and_answers_one_state()
    {
        var totals = new ExplorationTotals();
        foreach (TableShape shape in new[] { ModelScenarios.Spread3, ModelScenarios.Colliding3 })
        {
            ExplorationTotals shapeTotals = Check(ModelScenarios.StartTables(shape).ToList(), ModelScenarios.ThreeOperationStories);
            Assert.True(shapeTotals.Violations == 0, shapeTotals.FirstCounterexample?.ToString());
            Assert.True(shapeTotals.Runs > 0 && shapeTotals.Nodes > 10_000, shape + ": too little explored: " + shapeTotals);
        }
    }

    private ExplorationTotals Check(System.Collections.Generic.IReadOnlyList<StartTable> tables, System.Collections.Generic.IReadOnlyList<WriterOperation[]> scripts)
    {
        var watch = Stopwatch.StartNew();
        ExplorationTotals totals = LookupModelCheck.Run(tables, scripts);
        _output.WriteLine($"{tables[0].Shape}, {tables.Count} start tables, {scripts.Count} scripts: {totals} ({watch.ElapsedMilliseconds} ms)");
        return totals;
    }

    private static void AssertCovered(ExplorationTotals totals, long scheduleFloor, long stateFloor)
    {
        Assert.True(totals.Violations == 0, totals.FirstCounterexample?.ToString());
        Assert.True(totals.Schedules > (ulong)scheduleFloor, $"Only {totals.Schedules} schedules were explored.");
        Assert.True(totals.Nodes > stateFloor, $"Only {totals.Nodes} distinct states were explored.");

        // Each kind of ending happened, so that none of the properties held only because its case never came up.
        Assert.True(totals.Found > 0 && totals.Absent > 0 && totals.Retried > 0, totals.ToString());
    }
}
