using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// Delivers published events to subscribers on a background worker. Publishing never blocks and never throws because
/// the queue is full: an event that finds the queue full is dropped and counted, and the events already queued are kept.
/// </summary>
/// <remarks>
/// <para>
/// The queue is a bounded channel of <see cref="MaxQueueSize"/> events (full mode <see cref="BoundedChannelFullMode.Wait"/>,
/// written only with <c>TryWrite</c>, so a full queue refuses the new event instead of waiting or discarding an old one).
/// The subscriber table is bounded too: at most <see cref="MaxEventTypes"/> event types (a subscription to a further type
/// throws <see cref="BoundExceededException"/>), at most <see cref="MaxSubscribersPerEventType"/> handlers per type, and an
/// event type leaves the table when its last handler is unsubscribed (the Python kept every type ever subscribed to).
/// </para>
/// <para>
/// One lock per instance guards the subscriber table and the counters; <see cref="Publish"/> takes it only for the
/// instant of the write. Handlers run on the worker, outside the lock.
/// </para>
/// </remarks>
[BoundedTracker]
public sealed partial class AsyncEventBus : IAsyncDisposable
{
    /// <summary>The largest <see cref="MaxQueueSize"/> allowed.</summary>
    public const int MaxAllowedQueueSize = 1_000_000;

    /// <summary>How many event types (including <c>*</c>) may have subscribers at once.</summary>
    public const int MaxEventTypes = 1_000;

    /// <summary>How many handlers one event type may have.</summary>
    public const int MaxSubscribersPerEventType = 100;

    /// <summary>How long a handler is given per event.</summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromSeconds(5);

    private const string AllEventTypes = "*";
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxQueueSize;

    /// <summary>Events waiting for the worker: <c>asyncio.Queue(maxsize=max_queue_size)</c> with <c>put_nowait</c>.</summary>
    private readonly Channel<IBusEvent> _queue;

    /// <summary>Subscribers per event type, highest priority first; a type with no handler left is removed.</summary>
    private readonly SubscriberMap _subscribers = new(StringComparer.Ordinal);

    private long _publishedEvents;
    private long _processedEvents;
    private long _droppedEvents;

    private Task? _worker;
    private CancellationTokenSource? _stopping;
    private CancellationTokenSource? _aborting;

    /// <summary>Creates a bus. Call <see cref="Start"/> to deliver events.</summary>
    /// <param name="maxQueueSize">How many events may wait for the worker: 1 … <see cref="MaxAllowedQueueSize"/>.</param>
    /// <param name="timeProvider">The clock of the handler and stop timeouts; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxQueueSize"/> is outside its range.</exception>
    public AsyncEventBus(int maxQueueSize = 10_000, TimeProvider? timeProvider = null)
    {
        _maxQueueSize = Guard.InRange(maxQueueSize, 1, MaxAllowedQueueSize, nameof(maxQueueSize));
        _timeProvider = timeProvider ?? TimeProvider.System;
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

    /// <summary>Events accepted into the queue (<see cref="Publish"/> returned <see langword="true"/>).</summary>
    public long PublishedEvents
    {
        get
        {
            lock (_lock)
            {
                return _publishedEvents;
            }
        }
    }

    /// <summary>Events delivered to their subscribers.</summary>
    public long ProcessedEvents
    {
        get
        {
            lock (_lock)
            {
                return _processedEvents;
            }
        }
    }

    /// <summary>Events refused because the queue was full.</summary>
    public long DroppedEvents
    {
        get
        {
            lock (_lock)
            {
                return _droppedEvents;
            }
        }
    }

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

    /// <summary>
    /// Queues an event for delivery without waiting. When the queue is full the event is dropped and counted in
    /// <see cref="DroppedEvents"/>; the events already queued are kept.
    /// </summary>
    /// <param name="busEvent">The event.</param>
    /// <returns>Whether the event was queued.</returns>
    public bool Publish(IBusEvent busEvent)
    {
        ArgumentNullException.ThrowIfNull(busEvent);
        lock (_lock)
        {
            if (_queue.Writer.TryWrite(busEvent))
            {
                _publishedEvents++;
                return true;
            }

            _droppedEvents++;
            return false;
        }
    }

    /// <summary>Subscribes a handler to one event type, or to every type with <c>*</c>.</summary>
    /// <param name="eventType">The event type, or <c>*</c>.</param>
    /// <param name="handler">The handler; it is given <see cref="HandlerTimeout"/> per event.</param>
    /// <param name="priority">Higher-priority handlers are started first.</param>
    /// <exception cref="BoundExceededException">
    /// The type is new and <see cref="MaxEventTypes"/> types have subscribers, or the type has
    /// <see cref="MaxSubscribersPerEventType"/> handlers.
    /// </exception>
    public void Subscribe(string eventType, Func<IBusEvent, CancellationToken, Task> handler, int priority = 0)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            EventSubscriber[] current;
            if (!_subscribers.TryGetValue(eventType, out EventSubscriber[]? existing))
            {
                if (_subscribers.IsFull)
                {
                    throw new BoundExceededException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Max event types limit reached: {MaxEventTypes} event types have subscribers, cannot subscribe to '{eventType}'."));
                }

                current = [];
            }
            else
            {
                current = existing;
            }

            if (current.Length >= MaxSubscribersPerEventType)
            {
                throw new BoundExceededException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Max subscribers limit reached: '{eventType}' has {MaxSubscribersPerEventType} handlers."));
            }

            // Insert after every handler of the same or higher priority: higher first, ties in subscription order.
            var subscriber = new EventSubscriber(eventType, handler, priority);
            int position = 0;
            while (position < current.Length && current[position].Priority >= priority)
            {
                position++;
            }

            var updated = new EventSubscriber[current.Length + 1];
            Array.Copy(current, 0, updated, 0, position);
            updated[position] = subscriber;
            Array.Copy(current, position, updated, position + 1, current.Length - position);
            _subscribers[eventType] = updated;
        }
    }

    /// <summary>Removes a handler from an event type; the type leaves the table with its last handler.</summary>
    /// <param name="eventType">The event type, or <c>*</c>.</param>
    /// <param name="handler">The handler to remove.</param>
    /// <returns>Whether the handler was subscribed.</returns>
    public bool Unsubscribe(string eventType, Func<IBusEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(eventType, out EventSubscriber[]? current))
            {
                return false;
            }

            EventSubscriber[] remaining = Array.FindAll(current, s => s.Handler != handler);
            if (remaining.Length == current.Length)
            {
                return false;
            }

            if (remaining.Length == 0)
            {
                _subscribers.Remove(eventType);
            }
            else
            {
                _subscribers[eventType] = remaining;
            }

            return true;
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
    /// Stops the worker once it has delivered what is queued (the Python's stop did not drain); past
    /// <paramref name="timeout"/> the worker is abandoned and what is left stays queued for a later <see cref="Start"/>.
    /// </summary>
    /// <param name="timeout">How long to wait for the queue to drain; ten seconds when <see langword="null"/>.</param>
    /// <returns>A task that completes when the worker has ended.</returns>
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
                await worker.WaitAsync(timeout ?? DefaultStopTimeout, _timeProvider).ConfigureAwait(false);
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
    /// <returns>A snapshot.</returns>
    public EventBusStats GetStats()
    {
        lock (_lock)
        {
            var subscriberCounts = new Dictionary<string, int>(_subscribers.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<string, EventSubscriber[]> entry in _subscribers)
            {
                subscriberCounts[entry.Key] = entry.Value.Length;
            }

            return new EventBusStats(
                _worker is not null,
                QueueDepth,
                _maxQueueSize,
                _publishedEvents,
                _processedEvents,
                _droppedEvents,
                _publishedEvents > 0 ? (double)_droppedEvents / _publishedEvents : 0,
                subscriberCounts);
        }
    }

    /// <summary>Stops the worker, as <see cref="StopAsync"/> does with its default timeout.</summary>
    /// <returns>A task that completes when the worker has ended.</returns>
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task ProcessAsync(CancellationToken stop, CancellationToken abort)
    {
        ChannelReader<IBusEvent> reader = _queue.Reader;
        while (!abort.IsCancellationRequested)
        {
            while (!abort.IsCancellationRequested && reader.TryRead(out IBusEvent? busEvent))
            {
                await DispatchAsync(busEvent, abort).ConfigureAwait(false);
                lock (_lock)
                {
                    _processedEvents++;
                }
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
            EventSubscriber[] forType = _subscribers.TryGetValue(busEvent.EventType, out EventSubscriber[]? typed) ? typed : [];
            EventSubscriber[] forAll = busEvent.EventType != AllEventTypes && _subscribers.TryGetValue(AllEventTypes, out EventSubscriber[]? wildcard)
                ? wildcard
                : [];
            targets = Merge(forType, forAll);
        }

        if (targets.Length == 0)
        {
            return;
        }

        var calls = new Task[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            calls[i] = CallAsync(targets[i], busEvent, abort);
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    /// <summary>Merges two priority-ordered handler lists; on equal priority the type's own handlers come first.</summary>
    private static EventSubscriber[] Merge(EventSubscriber[] forType, EventSubscriber[] forAll)
    {
        if (forAll.Length == 0)
        {
            return forType;
        }

        if (forType.Length == 0)
        {
            return forAll;
        }

        var merged = new EventSubscriber[forType.Length + forAll.Length];
        int t = 0;
        int a = 0;
        for (int i = 0; i < merged.Length; i++)
        {
            merged[i] = a >= forAll.Length || (t < forType.Length && forType[t].Priority >= forAll[a].Priority)
                ? forType[t++]
                : forAll[a++];
        }

        return merged;
    }

    private async Task CallAsync(EventSubscriber subscriber, IBusEvent busEvent, CancellationToken abort)
    {
        long started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource(HandlerTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timeout.Token);
        try
        {
            await subscriber.Handler(busEvent, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
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

    /// <summary>Handlers per event type: subscriptions come from code, so a type beyond the cap is refused, not evicted.</summary>
    [Bounded(MaxLength = MaxEventTypes, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    private sealed partial class SubscriberMap : IBoundedDictionary<string, EventSubscriber[]>;
}
