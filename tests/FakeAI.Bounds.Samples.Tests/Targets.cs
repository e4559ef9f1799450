using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples.Tests;

// Adapters that let one scenario drive either the bounded trackers of FakeAI.Bounds.Samples or the unbounded ones of
// FakeAI.Bounds.Samples.Unbounded (whose public members have the same names).

internal sealed class BoundedStreaming(StreamingMetricsTracker tracker) : IStreamingTarget
{
    public StreamingMetricsTracker Tracker { get; } = tracker;

    public int ActiveStreamCount => Tracker.ActiveStreamCount;

    public int CompletedStreamCount => Tracker.CompletedStreamCount;

    public void StartStream(string streamId) => Tracker.StartStream(streamId, "gpt-4", promptTokens: 50);

    public void RecordToken(string streamId) => Tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);

    public void RecordBackpressure(string streamId) => Tracker.RecordBackpressure(streamId);

    public void CompleteStream(string streamId) => Tracker.CompleteStream(streamId, "stop");

    public void FailStream(string streamId) => Tracker.FailStream(streamId, "client disconnected");
}

internal sealed class UnboundedStreaming(Unbounded.StreamingMetricsTracker tracker) : IStreamingTarget
{
    public int ActiveStreamCount => tracker.ActiveStreamCount;

    public int CompletedStreamCount => tracker.CompletedStreamCount;

    public void StartStream(string streamId) => tracker.StartStream(streamId, "gpt-4", promptTokens: 50);

    public void RecordToken(string streamId) => tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);

    public void RecordBackpressure(string streamId) => tracker.RecordBackpressure(streamId);

    public void CompleteStream(string streamId) => tracker.CompleteStream(streamId, "stop");

    public void FailStream(string streamId) => tracker.FailStream(streamId, "client disconnected");
}

internal sealed class BoundedErrors(ErrorMetricsTracker tracker) : IErrorTarget
{
    public int PatternCount => tracker.PatternCount;

    public int RecentErrorCount => tracker.RecentErrorCount;

    public int LargestCounter
    {
        get
        {
            ErrorMetrics metrics = tracker.GetMetrics();
            return new[]
            {
                metrics.ErrorsByEndpoint.Count, metrics.ErrorsByStatus.Count, metrics.ErrorsByType.Count, metrics.ErrorsByModel.Count,
                tracker.GetSloStatus().EndpointErrorRates.Count,
            }.Max();
        }
    }

    public void RecordError(string endpoint, int statusCode, string errorType, string message, string model, string requestId, string userId) =>
        tracker.RecordError(endpoint, statusCode, errorType, message, model: model, requestId: requestId, userId: userId);

    public void RecordSuccess(string endpoint) => tracker.RecordSuccess(endpoint);

    public void RecordRequest(string endpoint) => tracker.RecordRequest(endpoint);
}

internal sealed class UnboundedErrors(Unbounded.ErrorMetricsTracker tracker) : IErrorTarget
{
    public int PatternCount => tracker.PatternCount;

    public int RecentErrorCount => tracker.RecentErrorCount;

    public int LargestCounter
    {
        get
        {
            Unbounded.ErrorMetrics metrics = tracker.GetMetrics();
            return new[]
            {
                metrics.ErrorsByEndpoint.Count, metrics.ErrorsByStatus.Count, metrics.ErrorsByType.Count, metrics.ErrorsByModel.Count,
                tracker.GetSloStatus().EndpointErrorRates.Count,
            }.Max();
        }
    }

    public void RecordError(string endpoint, int statusCode, string errorType, string message, string model, string requestId, string userId) =>
        tracker.RecordError(endpoint, statusCode, errorType, message, model: model, requestId: requestId, userId: userId);

    public void RecordSuccess(string endpoint) => tracker.RecordSuccess(endpoint);

    public void RecordRequest(string endpoint) => tracker.RecordRequest(endpoint);
}

internal sealed class BoundedCosts(CostTracker tracker) : ICostTarget
{
    public int UsageRecordCount => tracker.UsageRecordCount;

    public int KeyCount => tracker.CostsByKey.Count;

    public void RecordUsage(string apiKey, string model, string endpoint, int promptTokens, int completionTokens) =>
        tracker.RecordUsage(apiKey, model, endpoint, promptTokens, completionTokens);
}

internal sealed class UnboundedCosts(Unbounded.CostTracker tracker) : ICostTarget
{
    public int UsageRecordCount => tracker.UsageRecordCount;

    public int KeyCount => tracker.CostsByKey.Count;

    public void RecordUsage(string apiKey, string model, string endpoint, int promptTokens, int completionTokens) =>
        tracker.RecordUsage(apiKey, model, endpoint, promptTokens, completionTokens);
}

internal sealed class BoundedBus(AsyncEventBus bus) : IBusTarget
{
    private static readonly Func<IBusEvent, CancellationToken, Task> Handler = static (_, _) => Task.CompletedTask;

    public int QueueDepth => bus.QueueDepth;

    public long ProcessedEvents => bus.ProcessedEvents;

    public long DroppedEvents => bus.DroppedEvents;

    public int SubscribedEventTypes => bus.GetStats().SubscribersByEventType.Count;

    public void Start() => bus.Start();

    public Task StopAsync() => bus.StopAsync();

    public void Publish(string eventType) => bus.Publish(new TestEvent(eventType));

    public void Subscribe(string eventType) => bus.Subscribe(eventType, Handler);

    public void Unsubscribe(string eventType) => bus.Unsubscribe(eventType, Handler);
}

internal sealed class UnboundedBus(Unbounded.AsyncEventBus bus) : IBusTarget
{
    private static readonly Func<Unbounded.IBusEvent, CancellationToken, Task> Handler = static (_, _) => Task.CompletedTask;

    public int QueueDepth => bus.QueueDepth;

    public long ProcessedEvents => bus.ProcessedEvents;

    public long DroppedEvents => bus.DroppedEvents;

    public int SubscribedEventTypes => bus.GetStats().SubscribersByEventType.Count;

    public void Start() => bus.Start();

    public Task StopAsync() => bus.StopAsync();

    public void Publish(string eventType) => bus.Publish(new UnboundedTestEvent(eventType));

    public void Subscribe(string eventType) => bus.Subscribe(eventType, Handler);

    public void Unsubscribe(string eventType) => bus.Unsubscribe(eventType, Handler);
}

internal sealed class BoundedBatches(BatchMetricsTracker tracker) : IBatchTarget
{
    public int ActiveBatchCount => tracker.ActiveBatchCount;

    public int CompletedBatchCount => tracker.CompletedBatchCount;

    public void StartBatch(string batchId, int totalRequests) => tracker.StartBatch(batchId, totalRequests);

    public void RecordRequestProcessed(string batchId, double latencyMs, int tokens, bool success, string? errorType) =>
        tracker.RecordRequestProcessed(batchId, latencyMs, tokens, success, errorType);

    public void CompleteBatch(string batchId) => tracker.CompleteBatch(batchId);

    public void FailBatch(string batchId) => tracker.FailBatch(batchId, "validation failed");
}

internal sealed class UnboundedBatches(Unbounded.BatchMetricsTracker tracker) : IBatchTarget
{
    public int ActiveBatchCount => tracker.ActiveBatchCount;

    public int CompletedBatchCount => tracker.CompletedBatchCount;

    public void StartBatch(string batchId, int totalRequests) => tracker.StartBatch(batchId, totalRequests);

    public void RecordRequestProcessed(string batchId, double latencyMs, int tokens, bool success, string? errorType) =>
        tracker.RecordRequestProcessed(batchId, latencyMs, tokens, success, errorType);

    public void CompleteBatch(string batchId) => tracker.CompleteBatch(batchId);

    public void FailBatch(string batchId) => tracker.FailBatch(batchId, "validation failed");
}

internal sealed class BoundedModels(ModelRegistry registry) : IRegistryTarget
{
    public int Count => registry.Count;

    public void GetOrCreate(string modelId) => registry.GetOrCreate(modelId);

    public void Register(string modelId) => registry.Register(modelId);

    public void Unregister(string modelId) => registry.Unregister(modelId);
}

internal sealed class UnboundedModels(Unbounded.ModelRegistry registry) : IRegistryTarget
{
    public int Count => registry.Count;

    public void GetOrCreate(string modelId) => registry.GetOrCreate(modelId);

    public void Register(string modelId) => registry.Register(modelId);

    public void Unregister(string modelId) => registry.Unregister(modelId);
}
