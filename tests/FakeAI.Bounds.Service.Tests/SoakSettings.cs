using System.Collections.Generic;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// Bounds small enough for one round of soak traffic to fill each of them several times over, so that the later
/// rounds only evict. (The unbounded copy reads the few sizes the Python had and ignores the rest.)
/// </summary>
internal static class SoakSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Trackers:Streaming:MaxCompletedStreams"] = "200",
        ["Trackers:Streaming:MaxTokenHistoryPerStream"] = "8",
        ["Trackers:Errors:MaxRecentErrors"] = "100",
        ["Trackers:Errors:MaxPatterns"] = "200",
        ["Trackers:Errors:MaxCounterKeys"] = "50",
        ["Trackers:Costs:MaxUsageRecords"] = "500",
        ["Trackers:Costs:MaxAggregateKeys"] = "200",
        // Under the 500 batches a round abandons, so that round 1 evicts, yet far above what the other visits create
        // while one visit waits between creating its batch and reading it back: with a bound of 100, a visit stalled on
        // a loaded machine found its batch evicted (a 404 the bounded service is right to answer).
        ["Trackers:Batches:MaxActiveBatches"] = "400",
        ["Trackers:Batches:MaxCompletedBatches"] = "100",
        ["Trackers:Models:MaxModels"] = "100",
    };

    /// <summary>
    /// The members one round fills to capacity: each visit adds to every one of them. (Active batches fill and evict
    /// too, but a batch read back leaves them, so how many are active at a given moment depends on which request
    /// finished last.)
    /// </summary>
    public static readonly (string Tracker, string Member)[] FilledMembers =
    [
        ("StreamingMetricsTracker", "_completedStreams"),
        ("ErrorMetricsTracker", "_recentErrors"),
        ("ErrorMetricsTracker", "_patterns"),
        ("CostTracker", "_usageRecords"),
        ("CostTracker", "_keys"),
        ("CostTracker", "_costsByModel"),
        ("BatchMetricsTracker", "_completedBatches"),
        ("ModelRegistry", "_autoCreated"),
    ];
}
