using System.Collections.Generic;
using System.Linq;
using FakeAI.Bounds.Samples.Unbounded;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Counts what the unbounded trackers hold, through their public counts wherever they have one (<c>ActiveStreamCount</c>,
/// <c>PatternCount</c>, <c>UsageRecordCount</c>, <c>GetMetrics()</c>, <c>GetStats()</c> …). The Python-style trackers
/// expose no count for some private counters and none for the collections inside their entries; those are read by
/// reflection (see <see cref="PrivateState"/>) and marked so in the rows. Rows are named after the fields so that they
/// line up with the bounded version's <c>GetBounds()</c> names.
/// </summary>
internal static class UnboundedEntryCounter
{
    /// <summary>Streams, and the token texts and times of every stream held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(StreamingMetricsTracker tracker)
    {
        List<object> streams = [.. Held(tracker, "_activeStreams"), .. Held(tracker, "_completedStreams")];
        return Entries(
            TrackerNames.Streaming,
            CollectionEntries.Own("_activeStreams", tracker.ActiveStreamCount),
            CollectionEntries.Own("_completedStreams", tracker.CompletedStreamCount),
            PrivateState.Nested("StreamState.Tokens", streams, "Tokens"),
            PrivateState.Nested("StreamState.TokenTimestamps", streams, "TokenTimestamps"));
    }

    /// <summary>Errors, patterns and counters, and the models, users and request ids of every pattern held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(ErrorMetricsTracker tracker)
    {
        ErrorMetrics metrics = tracker.GetMetrics();
        List<object> patterns = Held(tracker, "_patterns");
        return Entries(
            TrackerNames.Errors,
            CollectionEntries.Own("_recentErrors", tracker.RecentErrorCount),
            CollectionEntries.Own("_patterns", tracker.PatternCount),
            ByReflection(tracker, "_requestsByEndpoint"),
            CollectionEntries.Own("_errorsByEndpoint", metrics.ErrorsByEndpoint.Count),
            ByReflection(tracker, "_successesByEndpoint"),
            CollectionEntries.Own("_errorsByType", metrics.ErrorsByType.Count),
            CollectionEntries.Own("_errorsByStatus", metrics.ErrorsByStatus.Count),
            CollectionEntries.Own("_errorsByModel", metrics.ErrorsByModel.Count),

            // GetErrorPatterns() shows at most five example ids per pattern, so its summaries cannot be counted.
            PrivateState.Nested("ErrorPattern.AffectedModels", patterns, "AffectedModels"),
            PrivateState.Nested("ErrorPattern.AffectedUsers", patterns, "AffectedUsers"),
            PrivateState.Nested("ErrorPattern.ExampleRequestIds", patterns, "ExampleRequestIds"));
    }

    /// <summary>Usage records and aggregates, and the per-model call counts of every API key held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(CostTracker tracker) => Entries(
        TrackerNames.Costs,
        CollectionEntries.Own("_usageRecords", tracker.UsageRecordCount),
        CollectionEntries.Own("_costsByKey", tracker.CostsByKey.Count),
        ByReflection(tracker, "_costsByModel"),
        ByReflection(tracker, "_costsByEndpoint"),
        ByReflection(tracker, "_tokensByKey"),
        ByReflection(tracker, "_modelUsageCount"),
        ByReflection(tracker, "_budgets"),
        CollectionEntries.Own("_suggestions", tracker.GetOptimizationSuggestions().Count),
        PrivateState.Nested("_modelUsageCount per key", Held(tracker, "_modelUsageCount")));

    /// <summary>Event types with subscribers, queued events, and the handlers of every type (all public).</summary>
    /// <param name="tracker">The bus.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(AsyncEventBus tracker)
    {
        IReadOnlyDictionary<string, int> subscribers = tracker.GetStats().SubscribersByEventType;
        return Entries(
            TrackerNames.EventBus,
            CollectionEntries.Own("_subscribers", subscribers.Count),
            CollectionEntries.Own("_queue", tracker.QueueDepth),
            new CollectionEntries(
                "handlers per event type",
                subscribers.Values.Sum(),
                subscribers.Count,
                subscribers.Count == 0 ? 0 : subscribers.Values.Max(),
                Capacity: null,
                ByReflection: false));
    }

    /// <summary>Active and finished batches, and the latencies, token counts and error types of every batch held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(BatchMetricsTracker tracker)
    {
        List<object> batches = [.. Held(tracker, "_activeBatches"), .. Held(tracker, "_completedBatches")];
        return Entries(
            TrackerNames.Batches,
            CollectionEntries.Own("_activeBatches", tracker.ActiveBatchCount),
            CollectionEntries.Own("_completedBatches", tracker.CompletedBatchCount),
            PrivateState.Nested("BatchState.RequestLatencies", batches, "RequestLatencies"),
            PrivateState.Nested("BatchState.RequestTokenCounts", batches, "RequestTokenCounts"),
            PrivateState.Nested("BatchState.ErrorTypes", batches, "ErrorTypes"));
    }

    /// <summary>Models, registered and auto-created in one dictionary.</summary>
    /// <param name="tracker">The registry.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(ModelRegistry tracker) =>
        Entries(TrackerNames.Models, CollectionEntries.Own("_models", tracker.Count));

    private static List<object> Held(object tracker, string field) => [.. PrivateState.Items(PrivateState.Field(tracker, field))];

    private static CollectionEntries ByReflection(object tracker, string field) =>
        CollectionEntries.OwnByReflection(field, PrivateState.Count(PrivateState.Field(tracker, field)));

    private static TrackerEntries Entries(string tracker, params CollectionEntries[] collections) => new(tracker, collections, []);
}
