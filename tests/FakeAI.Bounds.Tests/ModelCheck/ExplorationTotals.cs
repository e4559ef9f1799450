using System;
using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>What a model check covered and found, summed over its runs (one lookup against one writer script each).</summary>
internal sealed class ExplorationTotals
{
    /// <summary>Lookups explored, each against one script from one start table.</summary>
    public int Runs { get; private set; }

    /// <summary>Complete schedules covered.</summary>
    public UInt128 Schedules { get; private set; }

    /// <summary>Distinct nodes visited.</summary>
    public long Nodes { get; private set; }

    /// <summary>Distinct ending lookup states that were validated and found, validated and absent, or retried.</summary>
    public long Found { get; private set; }

    public long Absent { get; private set; }

    public long Retried { get; private set; }

    /// <summary>Steps by which a found lookup's store took effect after its check, summed over the lookups.</summary>
    public long StoresAfterCheck { get; private set; }

    /// <summary>Found lookups the second-chance promise applied to (an eviction began after them, their entry still theirs).</summary>
    public long SecondChanceApplied { get; private set; }

    /// <summary>Of those, lookups that stored their mark (it was clear), so that the promise rested on their store.</summary>
    public long SecondChanceAppliedWithStore { get; private set; }

    /// <summary>Evictions the promise was checked against.</summary>
    public long SecondChanceEvictions { get; private set; }

    /// <summary>Evictions that began with a used key the oldest and an unmarked entry in the table: its mark saved it.</summary>
    public long SecondChanceProtected { get; private set; }

    /// <summary>Writer runs made with a lookup's store in them.</summary>
    public long RunsWithStores { get; private set; }

    public int Violations { get; private set; }

    public Counterexample? FirstCounterexample { get; private set; }

    public void Add(LookupExplorer explorer)
    {
        Runs++;
        Schedules = checked(Schedules + explorer.Schedules);
        Nodes += explorer.Nodes;
        Found += explorer.Endings[(int)ReaderOutcome.Found];
        Absent += explorer.Endings[(int)ReaderOutcome.Absent];
        Retried += explorer.Endings[(int)ReaderOutcome.Retry];
        StoresAfterCheck += explorer.StoresAfterCheck;
        Violations += explorer.Violations;
        FirstCounterexample ??= explorer.FirstCounterexample;
    }

    public void Add(SecondChanceJudge judge, WriterRuns runs)
    {
        SecondChanceApplied += judge.Applied;
        SecondChanceAppliedWithStore += judge.AppliedWithStore;
        SecondChanceEvictions += judge.EvictionsJudged;
        SecondChanceProtected += judge.Protected;
        RunsWithStores += runs.WithStores;
    }

    /// <summary>A writer run that broke an invariant or did not finish, with no reader involved.</summary>
    public void AddWriterFailure(string scenario, string failure)
    {
        Violations++;
        FirstCounterexample ??= new Counterexample(failure, scenario, Array.Empty<string>());
    }

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0:N0} lookups, {1:N0} schedules (counted up to the order of commuting steps) over {2:N0} distinct states; endings found {3:N0}, absent {4:N0}, retried {5:N0}; "
        + "{12:N0} found lookups' stores taking effect after their check; "
        + "second chance applied to {6:N0} lookups ({7:N0} of them by their own store) against {8:N0} evictions, a used oldest entry saved {9:N0} times; "
        + "{10:N0} writer runs with a lookup's store; violations {11:N0}",
        Runs,
        Schedules,
        Nodes,
        Found,
        Absent,
        Retried,
        SecondChanceApplied,
        SecondChanceAppliedWithStore,
        SecondChanceEvictions,
        SecondChanceProtected,
        RunsWithStores,
        Violations,
        StoresAfterCheck);
}
