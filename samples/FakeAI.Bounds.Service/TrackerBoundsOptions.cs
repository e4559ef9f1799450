namespace FakeAI.Bounds.Service;

/// <summary>
/// The trackers' bounds, bound from the <c>Trackers</c> section of <c>appsettings.json</c> (or any other configuration
/// source: <c>Trackers__Costs__MaxUsageRecords=50000</c> in the environment). The defaults are the trackers' own. The
/// trackers check the ranges when they are created, at start-up, and a bound out of range stops the service with an
/// <see cref="System.ArgumentOutOfRangeException"/> that names it.
/// </summary>
internal sealed class TrackerBoundsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Trackers";

    public StreamingBounds Streaming { get; set; } = new();

    public ErrorBounds Errors { get; set; } = new();

    public CostBounds Costs { get; set; } = new();

    public EventBusBounds EventBus { get; set; } = new();

    public BatchBounds Batches { get; set; } = new();

    public ModelBounds Models { get; set; } = new();

    /// <summary>Bounds of <c>StreamingMetricsTracker</c>.</summary>
    internal sealed class StreamingBounds
    {
        public int MaxActiveStreams { get; set; } = 10_000;

        public int MaxCompletedStreams { get; set; } = 1_000;

        public int MaxTokenHistoryPerStream { get; set; } = 1_024;
    }

    /// <summary>Bounds of <c>ErrorMetricsTracker</c>.</summary>
    internal sealed class ErrorBounds
    {
        public int MaxRecentErrors { get; set; } = 500;

        public int MaxPatterns { get; set; } = 10_000;

        public int MaxCounterKeys { get; set; } = 1_000;
    }

    /// <summary>Bounds of <c>CostTracker</c>.</summary>
    internal sealed class CostBounds
    {
        public int MaxUsageRecords { get; set; } = 10_000;

        public int MaxAggregateKeys { get; set; } = 1_000;
    }

    /// <summary>Bounds of <c>AsyncEventBus</c>.</summary>
    internal sealed class EventBusBounds
    {
        public int MaxQueueSize { get; set; } = 10_000;
    }

    /// <summary>Bounds of <c>BatchMetricsTracker</c>.</summary>
    internal sealed class BatchBounds
    {
        public int MaxActiveBatches { get; set; } = 1_000;

        public int MaxCompletedBatches { get; set; } = 1_000;
    }

    /// <summary>Bounds of <c>ModelRegistry</c>.</summary>
    internal sealed class ModelBounds
    {
        public int MaxModels { get; set; } = 1_000;
    }
}
