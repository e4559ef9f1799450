using System;
using System.Collections.Generic;
using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Explores every interleaving of one lookup with one writer's script: a depth-first search over schedules, where each
/// move is the writer's next step or the reader's. The writer's run is fixed until the reader stores its mark (the
/// reader's only store); from then on it is the run with that store in it (<see cref="WriterRuns"/>), which the
/// reader's state names. So a node of the search is the writer's position and the reader's state; nodes reached by
/// different schedules are explored once and their count of complete schedules is remembered, which covers every
/// schedule while visiting each distinct node once.
/// </summary>
/// <remarks>
/// Two reductions, both switched off by <c>reduce: false</c> (which the self-tests compare against), keep the search
/// small without losing a behaviour. First, before a writer step no lookup can tell (a store to a field lookups never
/// load, such as the order links or the counters; see <see cref="Locations.LookupsCanTell"/>) only the writer moves:
/// a reader step there commutes with it, so the schedule with the two swapped stands for it. The schedules counted
/// are then the classes of schedules that differ only in the order of such commuting steps. Second, the reader's
/// state is made canonical (<see cref="ModelReader.Canonical"/>), forgetting what can no longer matter. Third, a
/// lookup that can only retry (<see cref="ModelReader.OnlyRetryLeft"/>) is not stepped: its schedules are counted.
/// </remarks>
internal sealed class LookupExplorer
{
    private readonly WriterRuns _runs;
    private readonly ModelReader _reader;
    private readonly SecondChanceJudge? _judge;
    private readonly string _scenario;
    private readonly bool _stopAtFirst;
    private readonly bool _reduce;
    private readonly Dictionary<(int Position, ReaderState Reader), UInt128> _schedulesFrom = new();
    private readonly List<(bool Writer, int Position, ReaderState Reader)> _path = new();

    /// <param name="runs">The writer's runs, with their states kept.</param>
    /// <param name="reader">The lookup.</param>
    /// <param name="judge">Checks second chance at the end of each lookup, or null.</param>
    /// <param name="scenario">Describes the start table and script, for counterexamples.</param>
    /// <param name="stopAtFirst">Whether to stop at the first violation (a mutant needs one).</param>
    /// <param name="reduce">Whether to apply the reductions (see the remarks).</param>
    public LookupExplorer(WriterRuns runs, ModelReader reader, SecondChanceJudge? judge, string scenario, bool stopAtFirst, bool reduce = true)
    {
        _runs = runs;
        _reader = reader;
        _judge = judge;
        _scenario = scenario;
        _stopAtFirst = stopAtFirst;
        _reduce = reduce;
    }

    /// <summary>Complete schedules (interleavings) explored, up to the order of commuting steps when reducing.</summary>
    public UInt128 Schedules { get; private set; }

    /// <summary>Distinct nodes (writer position, reader state) visited.</summary>
    public int Nodes => _schedulesFrom.Count;

    /// <summary>Distinct lookups that ended, by outcome.</summary>
    public int[] Endings { get; } = new int[(int)ReaderOutcome.Retry + 1];

    /// <summary>How lookups ended: outcome, entry found, and whether the lookup stored its mark.</summary>
    public HashSet<(ReaderOutcome Outcome, int Index, bool StoredMark)> EndingsSeen { get; } = new();

    /// <summary>Distinct steps by which the store of a found lookup took effect after its check (no fence: a full-length marks array).</summary>
    public int StoresAfterCheck { get; private set; }

    public int Violations { get; private set; }

    public Counterexample? FirstCounterexample { get; private set; }

    public void Explore()
    {
        Schedules = Visit(0, _reader.Start);
    }

    /// <summary>The reader's step from a node, against the run it is in; shared with the plain enumeration of the self-tests.</summary>
    public static ReaderState Step(ModelReader reader, WriterRun run, int position, in ReaderState state, out string? violation) =>
        reader.Step(state, position, run.States[position], run.TableAt(position).Lookup(reader.Key), out violation);

    /// <summary>
    /// When a step stores the reader's mark, the writer from then on runs with the store in it: a failure of that run
    /// (a broken invariant, an eviction that breaks the rule, an endless search) is the step's violation.
    /// </summary>
    public static string? StoreBreaksWriter(WriterRuns runs, in ReaderState before, in ReaderState after)
    {
        if (before.StoredMark || !after.StoredMark)
        {
            return null;
        }

        string? failure = runs.For(after).Failure;
        return failure is null
            ? null
            : string.Format(CultureInfo.InvariantCulture, "With the lookup's mark stored into marks#{0}[{1}] after writer step {2}, the writer failed: {3}", after.Marks, after.Index, after.StoredAt, failure);
    }

    private UInt128 Visit(int position, ReaderState reader)
    {
        if (_stopAtFirst && Violations > 0)
        {
            return 0;
        }

        WriterRun run = _runs.For(reader);
        if (_reduce && position < run.Steps.Count && !run.LookupsCanTell(position) && reader.Pc != ReaderPc.Done)
        {
            // Only the writer moves before a step no lookup can tell.
            _path.Add((true, position, reader));
            UInt128 onlyWay = Visit(position + 1, reader);
            _path.RemoveAt(_path.Count - 1);
            return onlyWay;
        }

        if (_reduce)
        {
            reader = _reader.Canonical(reader, run.States[position]);
        }

        if (_schedulesFrom.TryGetValue((position, reader), out UInt128 known))
        {
            return known;
        }

        if (_reduce && _reader.OnlyRetryLeft(reader))
        {
            // Overtaken by the writer with only its final check left: whenever it reads, it retries. Its schedules
            // are the moments it can read at, and its ending is one whatever the moment.
            Endings[(int)ReaderOutcome.Retry]++;
            EndingsSeen.Add((ReaderOutcome.Retry, -1, reader.StoredMark));
            return (uint)run.MomentsToReadFrom(position);
        }

        UInt128 schedules;
        if (reader.Pc == ReaderPc.Done)
        {
            // Only the writer moves from here on: one way to finish.
            Endings[(int)reader.Outcome]++;
            EndingsSeen.Add((reader.Outcome, reader.Outcome == ReaderOutcome.Found ? reader.Index : -1, reader.StoredMark));
            string? broken = _judge?.Judge(position, reader, _reader.Key);
            if (broken is not null)
            {
                Report(broken);
            }

            schedules = 1;
        }
        else
        {
            schedules = 0;
            if (position < run.Steps.Count)
            {
                _path.Add((true, position, reader));
                schedules = Visit(position + 1, reader);
                _path.RemoveAt(_path.Count - 1);
            }

            _path.Add((false, position, reader));
            ReaderState next = Step(_reader, run, position, reader, out string? broken);
            broken ??= StoreBreaksWriter(_runs, reader, next);
            if (reader.StorePending && next.StoredMark && next.Outcome == ReaderOutcome.Found)
            {
                StoresAfterCheck++;
            }

            if (broken is not null)
            {
                Report(broken);
                schedules = checked(schedules + 1);
            }
            else
            {
                schedules = checked(schedules + Visit(position, next));
            }

            _path.RemoveAt(_path.Count - 1);
        }

        _schedulesFrom[(position, reader)] = schedules;
        return schedules;
    }

    private void Report(string violation)
    {
        Violations++;
        if (FirstCounterexample is not null)
        {
            return;
        }

        var schedule = new List<string>();
        foreach ((bool writer, int position, ReaderState reader) in _path)
        {
            WriterRun run = _runs.For(reader);
            if (writer)
            {
                schedule.Add(string.Format(CultureInfo.InvariantCulture, "writer step {0}: {1}", position + 1, run.Steps[position]));
            }
            else
            {
                ReaderState after = Step(_reader, run, position, reader, out _);
                schedule.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "reader {0} (after writer step {1}): index {2}, value {3}, {4}{5}{6}",
                    reader.Pc,
                    position,
                    after.Index,
                    after.Value,
                    after.Sequence < 0 ? "overtaken by the writer" : "sequence " + after.Sequence.ToString(CultureInfo.InvariantCulture),
                    reader.Pc is ReaderPc.ReadMarksArray or ReaderPc.ReadMark or ReaderPc.StoreMark
                        ? string.Format(CultureInfo.InvariantCulture, ", marks#{0}{1}", after.Marks, reader.Pc == ReaderPc.StoreMark ? string.Format(CultureInfo.InvariantCulture, "[{0}] = 1", after.Index) : "")
                        : "",
                    after.Pc == ReaderPc.Done ? ", ends " + after.Outcome : ""));
            }
        }

        FirstCounterexample = new Counterexample(violation, _scenario, schedule);
    }
}
