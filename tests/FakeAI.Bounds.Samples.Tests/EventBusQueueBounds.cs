using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Section 4 of the Python suite (<c>TestEventBusQueue</c>): 5 tests, skipped in Python because the bus needed a
/// running event loop; all of them run here.
/// </summary>
public sealed class EventBusQueueBounds
{
    /// <summary>4.1: a bus of 100 reads back 100.</summary>
    [Fact]
    public void QueueHasMaxsize()
    {
        var bus = new AsyncEventBus(maxQueueSize: 100);

        Assert.Equal(100, bus.MaxQueueSize);
        Assert.Equal(100, bus.GetStats().MaxQueueSize);
    }

    /// <summary>4.2: max 5, no worker, 10 publishes: 5 dropped.</summary>
    [Fact]
    public void EventsDroppedWhenFull()
    {
        var bus = new AsyncEventBus(maxQueueSize: 5);

        for (int i = 0; i < 10; i++)
        {
            bus.Publish(new TestEvent("test.event", i));
        }

        Assert.True(bus.DroppedEvents > 0);
        Assert.Equal(5, bus.DroppedEvents);
        Assert.Equal(5, bus.PublishedEvents);
        Assert.Equal(5, bus.QueueDepth);
    }

    /// <summary>4.3: max 3: none dropped at first, 2 after 5 publishes, 5 after 3 more.</summary>
    [Fact]
    public void DroppedCountTracked()
    {
        var bus = new AsyncEventBus(maxQueueSize: 3);
        Assert.Equal(0, bus.DroppedEvents);

        for (int i = 0; i < 5; i++)
        {
            bus.Publish(new TestEvent("test.event"));
        }

        Assert.Equal(2, bus.DroppedEvents);

        for (int i = 0; i < 3; i++)
        {
            bus.Publish(new TestEvent("test.event"));
        }

        Assert.Equal(5, bus.DroppedEvents);
    }

    /// <summary>4.4: max 100, worker running, 50 publishes: the queue drains, and <c>StopAsync</c> delivers the rest.</summary>
    [Fact]
    public async Task QueueDrainsWhenWorkerActive()
    {
        var bus = new AsyncEventBus(maxQueueSize: 100);
        var delivered = new ConcurrentQueue<int>();
        bus.Subscribe("test.event", (e, _) =>
        {
            delivered.Enqueue(((TestEvent)e).Sequence);
            return Task.CompletedTask;
        });
        bus.Start();

        for (int i = 0; i < 50; i++)
        {
            Assert.True(bus.Publish(new TestEvent("test.event", i)));
        }

        Assert.True(await Eventually.HoldsAsync(() => bus.QueueDepth < 50 && bus.ProcessedEvents > 0), "the worker processed nothing");

        await bus.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, bus.QueueDepth);
        Assert.Equal(50, bus.ProcessedEvents);
        Assert.Equal(Enumerable.Range(0, 50), delivered.ToArray());
        Assert.False(bus.IsRunning);
    }

    /// <summary>4.5: the default queue holds 10,000 events.</summary>
    [Fact]
    public void DefaultQueueSize10K()
    {
        var bus = new AsyncEventBus();

        Assert.Equal(10_000, bus.MaxQueueSize);
    }

    /// <summary>A full queue refuses the new event and keeps the queued ones: they are what the worker delivers.</summary>
    [Fact]
    public async Task FullQueueDropsTheNewEventAndKeepsTheQueuedOnes()
    {
        var bus = new AsyncEventBus(maxQueueSize: 5);
        var delivered = new ConcurrentQueue<int>();
        bus.Subscribe("*", (e, _) =>
        {
            delivered.Enqueue(((TestEvent)e).Sequence);
            return Task.CompletedTask;
        });

        bool[] accepted = Enumerable.Range(0, 10).Select(i => bus.Publish(new TestEvent("test.event", i))).ToArray();

        Assert.Equal([true, true, true, true, true, false, false, false, false, false], accepted);
        bus.Start();
        await bus.StopAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([0, 1, 2, 3, 4], delivered.ToArray());
        Assert.Equal(5, bus.ProcessedEvents);
    }
}
