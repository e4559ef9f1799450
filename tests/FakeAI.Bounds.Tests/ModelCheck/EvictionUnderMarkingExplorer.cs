using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Runs a writer's script while any number of concurrent lookups may mark any entry between any two of its steps, and
/// checks that every victim search ends within its one pass, takes a live entry, and leaves a sound table.
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
        string? failure = run.Failure ?? Check(run);
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

    private string? Check(WriterRun run)
    {
        foreach (EvictionRecord eviction in run.Evictions)
        {
            Evictions++;
            MostPasses = Math.Max(MostPasses, eviction.Passes);
            if (eviction.Passes > eviction.Order.Length)
            {
                return string.Format(CultureInfo.InvariantCulture, "A victim search moved {0} marked entries of {1}", eviction.Passes, eviction.Order.Length);
            }

            if (!eviction.Order.Contains(eviction.Victim))
            {
                return string.Format(CultureInfo.InvariantCulture, "A victim search chose entry {0}, which was not live", eviction.Victim);
            }
        }

        return null;
    }
}
