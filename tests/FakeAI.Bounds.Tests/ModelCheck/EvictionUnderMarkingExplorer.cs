using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Runs a writer's script while any number of concurrent lookups may mark any entry between any two of its steps, and
/// checks that every victim search keeps the rule of which entry goes (<see cref="EvictionRecord.BrokenRule"/>: within
/// its one pass, a live entry, the oldest not marked when it began unless racing uses saved it), and leaves a sound
/// table.
/// </summary>
/// <remarks>
/// The writer reads marks only through its mark loads, and its stores do not depend on a mark it has not loaded, so
/// what the markers can change in the writer's run is exactly which of its loads of a clear mark see it set. A mark
/// stored at any other moment either is loaded later (the same as storing it just before that load) or is not (no
/// effect on the writer). Enumerating, load by load, whether a marker set the mark just before it therefore covers
/// every schedule of markers and writer.
/// </remarks>
internal sealed class EvictionUnderMarkingExplorer
{
    private readonly StartTable _table;
    private readonly IReadOnlyList<WriterOperation> _script;
    private readonly WriterFlaw _flaw;

    public EvictionUnderMarkingExplorer(StartTable table, IReadOnlyList<WriterOperation> script, WriterFlaw flaw)
    {
        _table = table;
        _script = script;
        _flaw = flaw;
    }

    /// <summary>Distinct ways the markers can act, each run.</summary>
    public int Runs { get; private set; }

    /// <summary>Victim searches checked.</summary>
    public int Evictions { get; private set; }

    /// <summary>The most moves of marked entries any one victim search made.</summary>
    public int MostPasses { get; private set; }

    /// <summary>Victim searches during which a use marked an entry the search had yet to load.</summary>
    public int Raced { get; private set; }

    /// <summary>
    /// Raced victim searches that began with an unmarked entry in the table yet took an entry marked when they began:
    /// the racing uses marked every unmarked entry before the search reached it, so it passed over every entry and took
    /// the oldest.
    /// </summary>
    public int TookMarkedAfterRacingUses { get; private set; }

    /// <summary>The first of <see cref="TookMarkedAfterRacingUses"/>, described.</summary>
    public string? TookMarkedExample { get; private set; }

    /// <summary>The first failure, with the loads the markers got to first; null when none.</summary>
    public string? Failure { get; private set; }

    public void Explore() => Explore(new HashSet<int>(), 0);

    private void Explore(HashSet<int> markedBeforeLoads, int firstChoice)
    {
        if (Failure is not null)
        {
            return;
        }

        WriterRun run = WriterRun.Execute(_table.Memory, _table.Shape, _script, new WriterRunOptions(_flaw, MarkedBeforeLoads: markedBeforeLoads));
        Runs++;
        string? failure = run.Failure;
        if (failure is not null)
        {
            Failure = string.Format(
                CultureInfo.InvariantCulture,
                "{0} (from {1}, writer runs {2}; markers set the mark before the writer's mark loads {3})",
                failure,
                _table,
                string.Join("; ", _script),
                string.Join(", ", markedBeforeLoads.OrderBy(load => load)));
            return;
        }

        Count(run, markedBeforeLoads);

        // Branch on each later load that found its mark clear: a marker sets it first, or not (this run).
        foreach (MarkLoadRecord load in run.MarkLoads)
        {
            if (load.Ordinal >= firstChoice && load.StoredBefore == 0)
            {
                var more = new HashSet<int>(markedBeforeLoads) { load.Ordinal };
                Explore(more, load.Ordinal + 1);
            }
        }
    }

    /// <summary>Counts what the run's victim searches did; the rule of which entry goes is checked by the run itself (its Failure).</summary>
    private void Count(WriterRun run, HashSet<int> markedBeforeLoads)
    {
        foreach (EvictionRecord eviction in run.Evictions)
        {
            Evictions++;
            MostPasses = Math.Max(MostPasses, eviction.Passes);
            if (!eviction.Raced)
            {
                continue;
            }

            Raced++;
            if (eviction.WasMarked(eviction.Victim) && !eviction.AllMarked)
            {
                TookMarkedAfterRacingUses++;
                TookMarkedExample ??= string.Format(
                    CultureInfo.InvariantCulture,
                    "from {0}, writer runs {1}, uses marking before the writer's mark loads {2}: the eviction began with {3}, passed over [{4}] and took entry {5}",
                    _table,
                    string.Join("; ", _script),
                    string.Join(", ", markedBeforeLoads.OrderBy(load => load)),
                    eviction,
                    string.Join(", ", eviction.PassedOver),
                    eviction.Victim);
            }
        }
    }
}
