using System.Collections.Generic;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The six trackers in the order they are reported. Both versions use the same class names (only the namespaces
/// differ), so one list labels the rows of both.
/// </summary>
internal static class TrackerNames
{
    /// <summary>Streams, their tokens and the finished-stream history.</summary>
    public const string Streaming = "StreamingMetricsTracker";

    /// <summary>Recent errors, error patterns and per-key counters.</summary>
    public const string Errors = "ErrorMetricsTracker";

    /// <summary>Priced usage and spend per key, model and endpoint.</summary>
    public const string Costs = "CostTracker";

    /// <summary>The event queue and its subscribers.</summary>
    public const string EventBus = "AsyncEventBus";

    /// <summary>Batch jobs and their per-request samples.</summary>
    public const string Batches = "BatchMetricsTracker";

    /// <summary>Registered and auto-created models.</summary>
    public const string Models = "ModelRegistry";

    /// <summary>Every tracker, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Streaming, Errors, Costs, EventBus, Batches, Models];
}
