using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.Samples;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Drives FakeAI's trackers as ported onto generated bounded collections (<c>FakeAI.Bounds.Samples</c>). The trackers
/// are built with <see cref="TrackerLimits"/>; where a bounded tracker refuses work (a stream start past the active cap,
/// a subscription past the event-type cap) the refusal is counted, as a server would answer it with an error.
/// </summary>
internal sealed class BoundedRunner : ITrackerRunner
{
    /// <summary>The handler of every client subscription: one instance, so that unsubscribing finds it.</summary>
    private static readonly Func<IBusEvent, CancellationToken, Task> ClientHandler = static (_, _) => Task.CompletedTask;

    private StreamingMetricsTracker? _streaming;
    private ErrorMetricsTracker? _errors;
    private CostTracker? _costs;
    private AsyncEventBus? _bus;
    private BatchMetricsTracker? _batches;
    private ModelRegistry? _models;

    private long _refusedStreams;
    private long _refusedSubscriptions;
    private long _eventsDelivered;

    /// <summary>Builds the six trackers.</summary>
    /// <param name="limits">Their constructor arguments.</param>
    public BoundedRunner(TrackerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _streaming = new StreamingMetricsTracker(
            maxActiveStreams: limits.MaxActiveStreams,
            maxCompletedStreams: limits.MaxCompletedStreams,
            maxTokenHistoryPerStream: limits.MaxTokenHistoryPerStream);
        _errors = new ErrorMetricsTracker(
            maxRecentErrors: limits.MaxRecentErrors,
            maxPatterns: limits.MaxPatterns,
            maxCounterKeys: limits.MaxCounterKeys);
        _costs = new CostTracker(maxUsageRecords: limits.MaxUsageRecords, maxAggregateKeys: limits.MaxAggregateKeys);
        _bus = new AsyncEventBus(maxQueueSize: limits.MaxQueueSize);
        _batches = new BatchMetricsTracker(maxActiveBatches: limits.MaxActiveBatches, maxCompletedBatches: limits.MaxCompletedBatches);
        _models = new ModelRegistry(maxModels: limits.MaxModels);
    }

    /// <inheritdoc/>
    public string Version => "bounded";

    private StreamingMetricsTracker Streaming => _streaming ?? throw Released(TrackerNames.Streaming);

    private ErrorMetricsTracker Errors => _errors ?? throw Released(TrackerNames.Errors);

    private CostTracker Costs => _costs ?? throw Released(TrackerNames.Costs);

    private AsyncEventBus Bus => _bus ?? throw Released(TrackerNames.EventBus);

    private BatchMetricsTracker Batches => _batches ?? throw Released(TrackerNames.Batches);

    private ModelRegistry Models => _models ?? throw Released(TrackerNames.Models);

    /// <inheritdoc/>
    public void Start()
    {
        foreach (string model in TrafficVocabulary.KnownModels)
        {
            Models.Register(model, ownedBy: "fakeai");
        }

        Bus.Subscribe("*", (_, _) =>
        {
            Interlocked.Increment(ref _eventsDelivered);
            return Task.CompletedTask;
        });
        Bus.Start();
    }

    /// <inheritdoc/>
    public void Apply(TrafficOperation operation)
    {
        switch (operation)
        {
            case StreamStarted start:
                try
                {
                    Streaming.StartStream(start.StreamId, start.Model, start.PromptTokens, start.Temperature, start.MaxTokens, start.ClientId);
                }
                catch (BoundExceededException)
                {
                    _refusedStreams++;
                }

                break;
            case TokenStreamed token:
                Streaming.RecordToken(token.StreamId, token.Token, token.ChunkBytes);
                break;
            case StreamCompleted completed:
                Streaming.CompleteStream(completed.StreamId, completed.FinishReason);
                break;
            case StreamFailed failed:
                Streaming.FailStream(failed.StreamId, failed.ErrorMessage);
                break;
            case ErrorOccurred error:
                Errors.RecordError(
                    error.Endpoint, error.StatusCode, error.ErrorType, error.Message, error.Model, error.ApiKey, error.RequestId, error.UserId);
                break;
            case RequestSucceeded success:
                Errors.RecordSuccess(success.Endpoint, success.Model);
                break;
            case UsageRecorded usage:
                Costs.RecordUsage(usage.ApiKey, usage.Model, usage.Endpoint, usage.PromptTokens, usage.CompletionTokens, usage.CachedTokens);
                break;
            case EventPublished published:
                Bus.Publish(new DemoEvent(published.EventType, published.Subject));
                break;
            case ClientSubscribed subscribed:
                try
                {
                    Bus.Subscribe(subscribed.EventType, ClientHandler);
                }
                catch (BoundExceededException)
                {
                    _refusedSubscriptions++;
                }

                break;
            case ClientUnsubscribed unsubscribed:
                Bus.Unsubscribe(unsubscribed.EventType, ClientHandler);
                break;
            case BatchStarted started:
                Batches.StartBatch(started.BatchId, started.TotalRequests);
                Batches.RecordValidationComplete(started.BatchId);
                Batches.RecordProcessingStart(started.BatchId);
                break;
            case BatchRequestProcessed request:
                Batches.RecordRequestProcessed(request.BatchId, request.LatencyMs, request.Tokens, request.Success, request.ErrorType);
                break;
            case BatchCompleted completed:
                Batches.RecordProcessingComplete(completed.BatchId);
                Batches.RecordFinalizationComplete(completed.BatchId);
                Batches.CompleteBatch(completed.BatchId, completed.BytesWritten, completed.BytesRead);
                break;
            case BatchFailed failed:
                Batches.FailBatch(failed.BatchId, failed.ErrorMessage);
                break;
            case ModelRequested requested:
                Models.GetOrCreate(requested.ModelId);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation?.GetType().Name, "Unknown traffic operation.");
        }
    }

    /// <inheritdoc/>
    public Task StopAsync() => Bus.StopAsync(TimeSpan.FromSeconds(30));

    /// <inheritdoc/>
    public IReadOnlyList<TrackerEntries> CountEntries() =>
    [
        BoundedEntryCounter.Count(Streaming),
        BoundedEntryCounter.Count(Errors),
        BoundedEntryCounter.Count(Costs),
        BoundedEntryCounter.Count(Bus),
        BoundedEntryCounter.Count(Batches),
        BoundedEntryCounter.Count(Models),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<string> Notes()
    {
        EventBusStats stats = Bus.GetStats();
        return
        [
            string.Create(
                CultureInfo.InvariantCulture,
                $"events: {stats.PublishedEvents:N0} published, {Interlocked.Read(ref _eventsDelivered):N0} delivered, {stats.DroppedEvents:N0} dropped (queue full)"),
            string.Create(
                CultureInfo.InvariantCulture,
                $"refused: {_refusedStreams:N0} stream starts (active-stream cap), {_refusedSubscriptions:N0} subscriptions (event-type cap)"),
            string.Create(
                CultureInfo.InvariantCulture,
                $"let go: {Batches.TotalBatchesAbandoned:N0} active batches evicted as abandoned, {Models.AutoCreationsNotKept:N0} auto-created models not kept"),
        ];
    }

    /// <inheritdoc/>
    public void Release(string tracker)
    {
        switch (tracker)
        {
            case TrackerNames.Streaming: _streaming = null; break;
            case TrackerNames.Errors: _errors = null; break;
            case TrackerNames.Costs: _costs = null; break;
            case TrackerNames.EventBus: _bus = null; break;
            case TrackerNames.Batches: _batches = null; break;
            case TrackerNames.Models: _models = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(tracker), tracker, "Unknown tracker.");
        }
    }

    private static InvalidOperationException Released(string tracker) => new($"The bounded {tracker} has been released.");
}
