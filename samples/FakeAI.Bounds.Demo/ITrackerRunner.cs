using System.Collections.Generic;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// One version of FakeAI's six trackers, driven by the demo. The two sample libraries have the same member names but
/// unrelated types, so each version gets a runner that translates traffic into its own calls; everything else (the
/// traffic, the measurements, the report) is shared and cannot favour either version.
/// </summary>
internal interface ITrackerRunner
{
    /// <summary>The version's name in the report and chart: <c>bounded</c> or <c>unbounded</c>.</summary>
    string Version { get; }

    /// <summary>Registers the server's known models, subscribes the bus's wildcard handler and starts its worker.</summary>
    void Start();

    /// <summary>Passes one operation to the tracker that handles it.</summary>
    /// <param name="operation">The operation.</param>
    void Apply(TrafficOperation operation);

    /// <summary>Stops the bus once it has delivered what is queued, so that what is counted next stays still.</summary>
    /// <returns>Completes when the worker has ended.</returns>
    Task StopAsync();

    /// <summary>Counts what each tracker holds, in the order of <see cref="TrackerNames.All"/>.</summary>
    /// <returns>One count per tracker.</returns>
    IReadOnlyList<TrackerEntries> CountEntries();

    /// <summary>What happened along the way that the counts do not show: refusals, dropped and delivered events.</summary>
    /// <returns>Lines for the report.</returns>
    IReadOnlyList<string> Notes();

    /// <summary>Drops the runner's only reference to a tracker, so that the heap it frees can be measured.</summary>
    /// <param name="tracker">One of <see cref="TrackerNames.All"/>.</param>
    void Release(string tracker);
}
