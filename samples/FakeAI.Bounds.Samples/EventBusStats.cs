using System.Collections.Generic;

namespace FakeAI.Bounds.Samples;

/// <summary>What <see cref="AsyncEventBus.GetStats"/> reports.</summary>
/// <param name="Running">Whether the worker is running.</param>
/// <param name="QueueDepth">Events waiting in the queue.</param>
/// <param name="MaxQueueSize">The queue's capacity.</param>
/// <param name="PublishedEvents">Events accepted into the queue.</param>
/// <param name="ProcessedEvents">Events delivered to their subscribers.</param>
/// <param name="DroppedEvents">Events refused because the queue was full.</param>
/// <param name="DropRate">Dropped over accepted events.</param>
/// <param name="SubscribersByEventType">The number of subscribers per event type.</param>
public sealed record EventBusStats(
    bool Running,
    int QueueDepth,
    int MaxQueueSize,
    long PublishedEvents,
    long ProcessedEvents,
    long DroppedEvents,
    double DropRate,
    IReadOnlyDictionary<string, int> SubscribersByEventType);
