using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The explorer shares the futures of equal nodes and reduces commuting steps; these tests show that neither loses an
/// interleaving's behaviour. Without reductions its count of schedules must equal a plain enumeration of every
/// schedule, one by one, on scenarios small enough to enumerate; with them it must reach the same endings and the same
/// verdict, for the generated lookup and for every broken one.
/// </summary>
public class ExplorerSelfTests
{
    private readonly ITestOutputHelper _output;

    public ExplorerSelfTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Without_reductions_the_explorer_counts_exactly_the_schedules_a_plain_enumeration_finds()
    {
        TableShape shape = ModelScenarios.Colliding3;
        StartTable full = ModelScenarios.StartTables(shape).Single(table => table.Name == "full");
        var scripts = new[]
        {
            new[] { WriterOperation.Set(1, 101) },
            new[] { WriterOperation.Remove(5) },
        };
        UInt128 enumerated = 0;
        foreach (WriterOperation[] script in scripts)
        {
            var runs = new WriterRuns(full.Memory, shape, script, WriterFlaw.None);
            foreach (int key in ModelScenarios.ReadKeys(shape))
            {
                var reader = new ModelReader(key, shape, ReaderFlaw.None, ModelReader.NotStable);
                var plain = new PlainEnumeration(runs, reader);
                plain.Enumerate();
                var explorer = new LookupExplorer(runs, reader, judge: null, "", stopAtFirst: false, reduce: false);
                explorer.Explore();

                Assert.Equal(plain.Schedules, explorer.Schedules);
                Assert.Equal(plain.Violations > 0, explorer.Violations > 0);
                Assert.True(plain.Endings.SetEquals(explorer.EndingsSeen));
                enumerated += plain.Schedules;
            }
        }

        _output.WriteLine($"{enumerated:N0} schedules enumerated one by one, all counted alike");
        Assert.True(enumerated > 100_000, "Too few schedules enumerated: " + enumerated);
    }

    [Fact]
    public void The_reductions_keep_every_ending_and_every_verdict_of_every_lookup()
    {
        int compared = 0;
        int failing = 0;
        foreach (TableShape shape in new[] { ModelScenarios.Colliding3, ModelScenarios.Spread3 })
        {
            var tables = ModelScenarios.StartTables(shape).Where(table => table.Name is "{1, 2}, arrays full" or "full" or "full less 2").ToList();
            foreach (StartTable table in tables)
            {
                foreach (WriterOperation[] script in ModelScenarios.Scripts(1, ModelScenarios.WrittenKeys(shape)))
                {
                    var runs = new WriterRuns(table.Memory, shape, script, WriterFlaw.None);
                    foreach (ReaderFlaw flaw in Enum.GetValues<ReaderFlaw>())
                    {
                        foreach (int key in ModelScenarios.ReadKeys(shape))
                        {
                            var reader = new ModelReader(key, shape, flaw, ModelReader.NotStable);
                            var full = new LookupExplorer(runs, reader, judge: null, "", stopAtFirst: false, reduce: false);
                            full.Explore();
                            var reduced = new LookupExplorer(runs, reader, judge: null, "", stopAtFirst: false, reduce: true);
                            reduced.Explore();

                            string scenario = $"{table}, {string.Join("; ", script)}, key {key}, {flaw}";
                            Assert.True(full.EndingsSeen.SetEquals(reduced.EndingsSeen), scenario + ": the endings differ");
                            Assert.True((full.Violations > 0) == (reduced.Violations > 0), scenario + ": the verdicts differ");
                            Assert.True(reduced.Nodes <= full.Nodes, scenario + ": the reduction grew the search");
                            compared++;
                            failing += full.Violations > 0 ? 1 : 0;
                            Assert.True(flaw != ReaderFlaw.None || full.Violations == 0, scenario + ": the generated lookup fails");
                        }
                    }
                }
            }
        }

        _output.WriteLine($"{compared:N0} lookups explored with and without reductions alike; {failing:N0} of them (all under a flaw) fail both ways");
        Assert.True(failing > 50, "Too few failing lookups compared: " + failing);
    }

    /// <summary>
    /// Every schedule of one lookup against a writer's runs, one at a time, with no sharing at all: the run the writer
    /// goes on with is the one with the lookup's store once it has stored its mark.
    /// </summary>
    private sealed class PlainEnumeration
    {
        private readonly WriterRuns _runs;
        private readonly ModelReader _reader;

        public PlainEnumeration(WriterRuns runs, ModelReader reader)
        {
            _runs = runs;
            _reader = reader;
        }

        public UInt128 Schedules { get; private set; }

        public int Violations { get; private set; }

        public HashSet<(ReaderOutcome Outcome, int Index, bool StoredMark)> Endings { get; } = new();

        public void Enumerate() => Schedules = Next(0, _reader.Start);

        private UInt128 Next(int position, ReaderState reader)
        {
            if (reader.Pc == ReaderPc.Done)
            {
                Endings.Add((reader.Outcome, reader.Outcome == ReaderOutcome.Found ? reader.Index : -1, reader.StoredMark));
                return 1;
            }

            WriterRun run = _runs.For(reader);
            UInt128 schedules = position < run.Steps.Count ? Next(position + 1, reader) : 0;
            ReaderState next = LookupExplorer.Step(_reader, run, position, reader, out string? broken);
            broken ??= LookupExplorer.StoreBreaksWriter(_runs, reader, next);
            if (broken is not null)
            {
                Violations++;
                return schedules + 1;
            }

            return schedules + Next(position, next);
        }
    }
}
