using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.Samples.Unbounded;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Drives FakeAI's trackers as the Python wrote them, on plain <c>List</c> and <c>Dictionary</c>
/// (<c>FakeAI.Bounds.Samples.Unbounded</c>). They take the <see cref="TrackerLimits"/> their constructors have (active
/// and finished streams, recent errors, queue size, finished batches); the rest of their state has no limit to give.
/// The Python's one hard cap, on active streams, throws here too, and is counted like the bounded version's refusals.
/// </summary>
internal sealed class UnboundedRunner : ITrackerRunner
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
    private long _eventsDelivered;

    /// <summary>Builds the six trackers.</summary>
    /// <param name="limits">The constructor arguments, where a constructor takes them.</param>
    public UnboundedRunner(TrackerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _streaming = new StreamingMetricsTracker(maxActiveStreams: limits.MaxActiveStreams, maxCompletedStreams: limits.MaxCompletedStreams);
        _errors = new ErrorMetricsTracker(maxRecentErrors: limits.MaxRecentErrors);
        _costs = new CostTracker();
        _bus = new AsyncEventBus(maxQueueSize: limits.MaxQueueSize);

        // maxActiveBatches only pre-sizes the active-batch dictionary here: it is no limit (BND003).
        _batches = new BatchMetricsTracker(maxActiveBatches: limits.MaxActiveBatches, maxCompletedBatches: limits.MaxCompletedBatches);
        _models = new ModelRegistry();
    }

    /// <inheritdoc/>
    public string Version => "unbounded";

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
                Bus.Subscribe(subscribed.EventType, ClientHandler);
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
        UnboundedEntryCounter.Count(Streaming),
        UnboundedEntryCounter.Count(Errors),
        UnboundedEntryCounter.Count(Costs),
        UnboundedEntryCounter.Count(Bus),
        UnboundedEntryCounter.Count(Batches),
        UnboundedEntryCounter.Count(Models),
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
                $"refused: {_refusedStreams:N0} stream starts (active-stream cap)"),
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

    private static InvalidOperationException Released(string tracker) => new($"The unbounded {tracker} has been released.");
}
