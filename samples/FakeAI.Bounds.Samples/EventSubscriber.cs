using System;
using System.Threading;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples;

/// <summary>A handler subscribed to <see cref="AsyncEventBus"/>, with its delivery counts.</summary>
public sealed class EventSubscriber
{
    private readonly Lock _metricsLock = new();
    private long _successCount;
    private long _errorCount;
    private long _timeoutCount;
    private double _totalProcessingMs;

    /// <summary>Creates a subscriber.</summary>
    /// <param name="eventType">The event type it receives, or <c>*</c> for all.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="priority">Its priority; higher runs first.</param>
    public EventSubscriber(string eventType, Func<IBusEvent, CancellationToken, Task> handler, int priority)
    {
        EventType = eventType;
        Handler = handler;
        Priority = priority;
    }

    /// <summary>The event type it receives, or <c>*</c> for all.</summary>
    public string EventType { get; }

    /// <summary>The handler.</summary>
    public Func<IBusEvent, CancellationToken, Task> Handler { get; }

    /// <summary>Its priority; higher runs first.</summary>
    public int Priority { get; }

    /// <summary>Events handled without error.</summary>
    public long SuccessCount
    {
        get
        {
            lock (_metricsLock)
            {
                return _successCount;
            }
        }
    }

    /// <summary>Events whose handling threw.</summary>
    public long ErrorCount
    {
        get
        {
            lock (_metricsLock)
            {
                return _errorCount;
            }
        }
    }

    /// <summary>Events whose handling took too long.</summary>
    public long TimeoutCount
    {
        get
        {
            lock (_metricsLock)
            {
                return _timeoutCount;
            }
        }
    }

    /// <summary>The mean handling time of successful events, in milliseconds.</summary>
    public double AverageProcessingMs
    {
        get
        {
            lock (_metricsLock)
            {
                return _successCount > 0 ? _totalProcessingMs / _successCount : 0;
            }
        }
    }

    internal void RecordSuccess(double processingMs)
    {
        lock (_metricsLock)
        {
            _successCount++;
            _totalProcessingMs += processingMs;
        }
    }

    internal void RecordError()
    {
        lock (_metricsLock)
        {
            _errorCount++;
        }
    }

    internal void RecordTimeout()
    {
        lock (_metricsLock)
        {
            _timeoutCount++;
        }
    }
}
