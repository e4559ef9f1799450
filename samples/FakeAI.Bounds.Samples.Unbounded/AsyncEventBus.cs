using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// Delivers published events to subscribers on a background worker. Publishing never blocks: an event that finds
/// the queue full is dropped and counted.
/// </summary>
/// <remarks>
/// The queue is bounded. The subscriber table is not: it keeps an entry for every event type anybody subscribed to,
/// and <see cref="Unsubscribe"/> removes a handler but leaves its event type in place.
/// </remarks>
public sealed class AsyncEventBus : IAsyncDisposable
{
    private static readonly TimeSpan HandlerTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly int _maxQueueSize;

    /// <summary>
    /// Events waiting for the worker. Bounded to <see cref="MaxQueueSize"/>: <see cref="Publish"/> only tries to write,
    /// and an event that does not fit is refused and counted in <see cref="DroppedEvents"/>.
    /// </summary>
    private readonly Channel<IBusEvent> _queue;

    /// <summary>
    /// Subscribers per event type, highest priority first. Grows with every event type subscribed to; nothing removes
    /// an event type.
    /// </summary>
    private readonly Dictionary<string, List<EventSubscriber>> _subscribers = new(StringComparer.Ordinal);

    private long _publishedEvents;
    private long _processedEvents;
    private long _droppedEvents;

    private Task? _worker;
    private CancellationTokenSource? _stopping;
    private CancellationTokenSource? _aborting;

    /// <summary>Creates a bus.</summary>
    /// <param name="maxQueueSize">How many events may wait for the worker.</param>
    public AsyncEventBus(int maxQueueSize = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueueSize);
        _maxQueueSize = maxQueueSize;
        _queue = Channel.CreateBounded<IBusEvent>(new BoundedChannelOptions(maxQueueSize)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>How many events may wait for the worker.</summary>
    public int MaxQueueSize => _maxQueueSize;

    /// <summary>Events waiting in the queue.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Events accepted into the queue.</summary>
    public long PublishedEvents => Interlocked.Read(ref _publishedEvents);

    /// <summary>Events delivered to their subscribers.</summary>
    public long ProcessedEvents => Interlocked.Read(ref _processedEvents);

    /// <summary>Events refused because the queue was full.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Whether the worker is running.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _worker is not null;
            }
        }
    }

    /// <summary>Queues an event for delivery without waiting; when the queue is full the event is dropped.</summary>
    /// <param name="busEvent">The event.</param>
    /// <returns>Whether the event was queued.</returns>
    public bool Publish(IBusEvent busEvent)
    {
        ArgumentNullException.ThrowIfNull(busEvent);
        if (_queue.Writer.TryWrite(busEvent))
        {
            Interlocked.Increment(ref _publishedEvents);
            return true;
        }

        Interlocked.Increment(ref _droppedEvents);
        return false;
    }

    /// <summary>Subscribes a handler to one event type, or to every type with <c>*</c>.</summary>
    /// <param name="eventType">The event type, or <c>*</c>.</param>
    /// <param name="handler">The handler; it is given five seconds per event.</param>
    /// <param name="priority">Higher-priority handlers are listed first.</param>
    public void Subscribe(string eventType, Func<IBusEvent, CancellationToken, Task> handler, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(eventType, out List<EventSubscriber>? list))
            {
                list = new List<EventSubscriber>();
                _subscribers.Add(eventType, list);
            }

            list.Add(new EventSubscriber(eventType, handler, priority));
            list.Sort((a, b) => b.Priority.CompareTo(a.Priority));
        }
    }

    /// <summary>Removes a handler from an event type.</summary>
    /// <param name="eventType">The event type, or <c>*</c>.</param>
    /// <param name="handler">The handler to remove.</param>
    public void Unsubscribe(string eventType, Func<IBusEvent, CancellationToken, Task> handler)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(eventType, out List<EventSubscriber>? list))
            {
                list.RemoveAll(s => s.Handler == handler);
            }
        }
    }

    /// <summary>Starts the worker that delivers queued events; does nothing when it is already running.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_worker is not null)
            {
                return;
            }

            _stopping = new CancellationTokenSource();
            _aborting = new CancellationTokenSource();
            CancellationToken stop = _stopping.Token;
            CancellationToken abort = _aborting.Token;
            _worker = Task.Run(() => ProcessAsync(stop, abort), CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops the worker once it has delivered what is queued; past <paramref name="timeout"/> the worker is abandoned
    /// and what is left stays queued.
    /// </summary>
    /// <param name="timeout">How long to wait for the queue to drain; ten seconds when <see langword="null"/>.</param>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        Task worker;
        CancellationTokenSource stopping;
        CancellationTokenSource aborting;
        lock (_lock)
        {
            if (_worker is null || _stopping is null || _aborting is null)
            {
                return;
            }

            worker = _worker;
            stopping = _stopping;
            aborting = _aborting;
            _worker = null;
            _stopping = null;
            _aborting = null;
        }

        try
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await worker.WaitAsync(timeout ?? DefaultStopTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                await aborting.CancelAsync().ConfigureAwait(false);
                await worker.ConfigureAwait(false);
            }
        }
        finally
        {
            stopping.Dispose();
            aborting.Dispose();
        }
    }

    /// <summary>The bus's counters and subscriber counts.</summary>
    public EventBusStats GetStats()
    {
        Dictionary<string, int> subscriberCounts;
        bool running;
        lock (_lock)
        {
            subscriberCounts = _subscribers.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal);
            running = _worker is not null;
        }

        long published = PublishedEvents;
        long dropped = DroppedEvents;
        return new EventBusStats(
            running,
            QueueDepth,
            _maxQueueSize,
            published,
            ProcessedEvents,
            dropped,
            published > 0 ? (double)dropped / published : 0,
            subscriberCounts);
    }

    /// <summary>Stops the worker, as <see cref="StopAsync"/> does with its default timeout.</summary>
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task ProcessAsync(CancellationToken stop, CancellationToken abort)
    {
        ChannelReader<IBusEvent> reader = _queue.Reader;
        while (!abort.IsCancellationRequested)
        {
            while (!abort.IsCancellationRequested && reader.TryRead(out IBusEvent? busEvent))
            {
                await DispatchAsync(busEvent, abort).ConfigureAwait(false);
                Interlocked.Increment(ref _processedEvents);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await reader.WaitToReadAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: deliver what is still queued, then leave.
            }
        }
    }

    private async Task DispatchAsync(IBusEvent busEvent, CancellationToken abort)
    {
        EventSubscriber[] targets;
        lock (_lock)
        {
            IEnumerable<EventSubscriber> forType = _subscribers.TryGetValue(busEvent.EventType, out List<EventSubscriber>? typed)
                ? typed
                : [];
            IEnumerable<EventSubscriber> forAll = _subscribers.TryGetValue("*", out List<EventSubscriber>? wildcard)
                ? wildcard
                : [];
            targets = forType.Concat(forAll).ToArray();
        }

        if (targets.Length > 0)
        {
            await Task.WhenAll(targets.Select(s => CallAsync(s, busEvent, abort))).ConfigureAwait(false);
        }
    }

    private static async Task CallAsync(EventSubscriber subscriber, IBusEvent busEvent, CancellationToken abort)
    {
        long started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
        timeout.CancelAfter(HandlerTimeout);
        try
        {
            await subscriber.Handler(busEvent, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            subscriber.RecordSuccess(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            subscriber.RecordTimeout();
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The bus is being abandoned: the event is neither a success nor a handler's fault.
        }
        catch (Exception)
        {
            // One failing handler must not stop delivery to the others or end the worker.
            subscriber.RecordError();
        }
    }
}
