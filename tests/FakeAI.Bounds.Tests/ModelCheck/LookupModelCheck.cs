using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Runs the exhaustive check over scenarios: for each start table and writer script, the writer's run once, then every
/// interleaving of a lookup of each key against it.
/// </summary>
internal static class LookupModelCheck
{
    public static ExplorationTotals Run(
        IEnumerable<StartTable> tables,
        IReadOnlyList<WriterOperation[]> scripts,
        ReaderFlaw readerFlaw = ReaderFlaw.None,
        WriterFlaw writerFlaw = WriterFlaw.None,
        bool stopAtFirst = false,
        IReadOnlyList<int>? readKeys = null)
    {
        var totals = new ExplorationTotals();
        foreach (StartTable table in tables)
        {
            foreach (WriterOperation[] script in scripts)
            {
                Check(table, script, readerFlaw, writerFlaw, stopAtFirst, readKeys ?? ModelScenarios.ReadKeys(table.Shape), totals);
                if (stopAtFirst && totals.Violations > 0)
                {
                    return totals;
                }
            }
        }

        return totals;
    }

    private static void Check(
        StartTable table,
        WriterOperation[] script,
        ReaderFlaw readerFlaw,
        WriterFlaw writerFlaw,
        bool stopAtFirst,
        IReadOnlyList<int> readKeys,
        ExplorationTotals totals)
    {
        string scenario = "from " + table + ", writer runs " + string.Join("; ", script);
        var runs = new WriterRuns(table.Memory, table.Shape, script, writerFlaw);
        if (runs.Shared.Failure is not null)
        {
            totals.AddWriterFailure(scenario, runs.Shared.Failure);
            return;
        }

        // One judge per script: the runs with a lookup's store depend on where and which mark it stored, not on the key.
        var judge = new SecondChanceJudge(runs);
        foreach (int key in readKeys)
        {
            var reader = new ModelReader(key, table.Shape, readerFlaw, StableValue(runs.Shared, script, key));
            var explorer = new LookupExplorer(runs, reader, judge, scenario + ", lookup of key " + key, stopAtFirst);
            explorer.Explore();
            totals.Add(explorer);
            if (stopAtFirst && totals.Violations > 0)
            {
                break;
            }
        }

        totals.Add(judge, runs);
    }

    /// <summary>The key's value when every table of the run holds it with that value and no operation writes it.</summary>
    private static int StableValue(WriterRun run, WriterOperation[] script, int key)
    {
        int value = run.Tables[0].Lookup(key);
        bool stable = value != AbstractTable.Absent
            && script.All(operation => operation.Key != key || operation.IsRemove)
            && run.Tables.All(table => table.Lookup(key) == value);
        return stable ? value : ModelReader.NotStable;
    }
}
