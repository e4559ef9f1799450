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

    /// <summary>Lookups the second-chance promise applied to.</summary>
    public long SecondChanceApplied { get; private set; }

    /// <summary>Lookups whose key was the oldest when an eviction began, and that its mark saved.</summary>
    public long SecondChanceProtected { get; private set; }

    /// <summary>Writer runs repeated with a reader's mark stored in them.</summary>
    public long Reruns { get; private set; }

    public long LostToGrow { get; private set; }

    public string? LostToGrowExample { get; private set; }

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
        Violations += explorer.Violations;
        FirstCounterexample ??= explorer.FirstCounterexample;
    }

    public void Add(SecondChanceJudge judge)
    {
        SecondChanceApplied += judge.Applied;
        SecondChanceProtected += judge.Protected;
        Reruns += judge.Reruns;
        LostToGrow += judge.LostToGrow;
        LostToGrowExample ??= judge.LostToGrowExample;
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
        + "second chance applied {6:N0} times (an oldest key saved {7:N0} times; {8:N0} writer reruns with a reader's mark), marks lost to a grow {9:N0}; violations {10:N0}",
        Runs,
        Schedules,
        Nodes,
        Found,
        Absent,
        Retried,
        SecondChanceApplied,
        SecondChanceProtected,
        Reruns,
        LostToGrow,
        Violations);
}
