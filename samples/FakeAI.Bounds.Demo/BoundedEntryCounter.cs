using System.Collections.Generic;
using System.Linq;
using FakeAI.Bounds.Samples;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Counts what the bounded trackers hold. A tracker's own collections come from its generated <c>GetBounds()</c>, the
/// API a service would log or export; the collections inside its entries (per stream, per pattern, per key, per batch)
/// are not tracker members, so they are read by reflection (see <see cref="PrivateState"/>), as in the unbounded version.
/// </summary>
internal static class BoundedEntryCounter
{
    /// <summary>Streams, and the token times of every stream held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(StreamingMetricsTracker tracker)
    {
        BoundSnapshot[] bounds = tracker.GetBounds();
        List<object> streams = [.. Held(tracker, "_activeStreams"), .. Held(tracker, "_completedStreams")];
        return Entries(TrackerNames.Streaming, bounds, PrivateState.Nested("StreamState.TokenTimes", streams, "TokenTimes"));
    }

    /// <summary>Errors, patterns and counters, and the models, users and request ids of every pattern held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(ErrorMetricsTracker tracker)
    {
        BoundSnapshot[] bounds = tracker.GetBounds();
        List<object> patterns = Held(tracker, "_patterns");
        return Entries(
            TrackerNames.Errors,
            bounds,
            PrivateState.Nested("ErrorPattern.AffectedModels", patterns, "AffectedModels"),
            PrivateState.Nested("ErrorPattern.AffectedUsers", patterns, "AffectedUsers"),
            PrivateState.Nested("ErrorPattern.ExampleRequestIds", patterns, "ExampleRequestIds"));
    }

    /// <summary>Usage records and aggregates, and the per-model call counts of every API key held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(CostTracker tracker)
    {
        BoundSnapshot[] bounds = tracker.GetBounds();
        return Entries(TrackerNames.Costs, bounds, PrivateState.Nested("KeyUsage.CallsByModel", Held(tracker, "_keys"), "CallsByModel"));
    }

    /// <summary>Event types with subscribers, queued events, and the handlers of every type (all public).</summary>
    /// <param name="tracker">The bus.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(AsyncEventBus tracker)
    {
        BoundSnapshot[] bounds = tracker.GetBounds();
        IReadOnlyDictionary<string, int> subscribers = tracker.GetStats().SubscribersByEventType;
        return Entries(
            TrackerNames.EventBus,
            bounds,
            CollectionEntries.Own("_queue", tracker.QueueDepth, tracker.MaxQueueSize),
            new CollectionEntries(
                "handlers per event type",
                subscribers.Values.Sum(),
                subscribers.Count,
                subscribers.Count == 0 ? 0 : subscribers.Values.Max(),
                AsyncEventBus.MaxSubscribersPerEventType,
                ByReflection: false));
    }

    /// <summary>Active and finished batches, and the samples and error types of every batch held.</summary>
    /// <param name="tracker">The tracker.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(BatchMetricsTracker tracker)
    {
        BoundSnapshot[] bounds = tracker.GetBounds();
        List<object> batches = [.. Held(tracker, "_activeBatches"), .. Held(tracker, "_completedBatches")];
        return Entries(
            TrackerNames.Batches,
            bounds,
            PrivateState.Nested("BatchState.Samples", batches, "Samples"),
            PrivateState.Nested("BatchState.ErrorTypes", batches, "ErrorTypes"));
    }

    /// <summary>Registered and auto-created models.</summary>
    /// <param name="tracker">The registry.</param>
    /// <returns>Its entries.</returns>
    public static TrackerEntries Count(ModelRegistry tracker) => Entries(TrackerNames.Models, tracker.GetBounds());

    private static List<object> Held(object tracker, string field) => [.. PrivateState.Items(PrivateState.Field(tracker, field))];

    private static TrackerEntries Entries(string tracker, BoundSnapshot[] bounds, params CollectionEntries[] more) =>
        new(tracker, [.. bounds.Select(CollectionEntries.Of), .. more], bounds);
}
