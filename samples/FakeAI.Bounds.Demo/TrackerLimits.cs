using BoundedSamples = FakeAI.Bounds.Samples;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The constructor arguments both versions of the trackers are built with. The demo uses the trackers' own defaults,
/// the limits a user gets without configuring anything; the unbounded version receives the same value wherever its
/// constructor takes one (active and completed streams, recent errors, queue size, completed batches), so that the
/// two differ only where the bounded version bounds what the unbounded one cannot. Tests pass smaller limits to see
/// every cap reached with little traffic.
/// </summary>
internal sealed record TrackerLimits
{
    /// <summary>The trackers' defaults.</summary>
    public static TrackerLimits Defaults { get; } = new();

    /// <summary>Streams active at once; both versions refuse a start beyond it.</summary>
    public int MaxActiveStreams { get; init; } = 10_000;

    /// <summary>Finished streams kept; both versions evict the oldest.</summary>
    public int MaxCompletedStreams { get; init; } = 1_000;

    /// <summary>Token arrival times kept per stream (bounded version only; the unbounded one keeps every token).</summary>
    public int MaxTokenHistoryPerStream { get; init; } = BoundedSamples.StreamingMetricsTracker.DefaultMaxTokenHistoryPerStream;

    /// <summary>Recent errors kept; both versions evict the oldest.</summary>
    public int MaxRecentErrors { get; init; } = 500;

    /// <summary>Error patterns kept (bounded version only).</summary>
    public int MaxPatterns { get; init; } = BoundedSamples.ErrorMetricsTracker.DefaultMaxPatterns;

    /// <summary>Keys per error counter (bounded version only).</summary>
    public int MaxCounterKeys { get; init; } = BoundedSamples.ErrorMetricsTracker.DefaultMaxCounterKeys;

    /// <summary>Usage records kept (bounded version only).</summary>
    public int MaxUsageRecords { get; init; } = 10_000;

    /// <summary>API keys, models and endpoints per cost aggregate (bounded version only).</summary>
    public int MaxAggregateKeys { get; init; } = BoundedSamples.CostTracker.DefaultMaxAggregateKeys;

    /// <summary>Events waiting for the bus worker; both versions drop and count an event beyond it.</summary>
    public int MaxQueueSize { get; init; } = 10_000;

    /// <summary>Active batches: a cap in the bounded version, only the initial size of a dictionary in the unbounded one.</summary>
    public int MaxActiveBatches { get; init; } = 1_000;

    /// <summary>Finished batches kept; both versions evict the oldest.</summary>
    public int MaxCompletedBatches { get; init; } = 1_000;

    /// <summary>Models held, registered and auto-created together (bounded version only).</summary>
    public int MaxModels { get; init; } = 1_000;
}
