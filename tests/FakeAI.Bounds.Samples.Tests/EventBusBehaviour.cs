using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Subscriptions of the bounded bus: priority, <c>*</c>, unsubscribing, failing and hanging handlers, and its bounds.</summary>
public sealed class EventBusBehaviour
{
    [Fact]
    public async Task HandlersStartByPriorityAndWildcardSeesEveryType()
    {
        var bus = new AsyncEventBus();
        var order = new ConcurrentQueue<string>();
        bus.Subscribe("a", Recording(order, "a:0"));
        bus.Subscribe("a", Recording(order, "a:10"), priority: 10);
        bus.Subscribe("*", Recording(order, "*:5"), priority: 5);
        bus.Subscribe("b", Recording(order, "b:0"));

        bus.Publish(new TestEvent("a"));
        bus.Publish(new TestEvent("b"));
        bus.Publish(new TestEvent("c"));
        bus.Start();
        await bus.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a:10", "*:5", "a:0", "*:5", "b:0", "*:5"], order.ToArray());
    }

    [Fact]
    public async Task UnsubscribedHandlersGetNothingAndTheirTypeLeavesTheTable()
    {
        var bus = new AsyncEventBus();
        var order = new ConcurrentQueue<string>();
        Func<IBusEvent, CancellationToken, Task> handler = Recording(order, "a");
        bus.Subscribe("a", handler);

        Assert.True(bus.Unsubscribe("a", handler));
        Assert.False(bus.Unsubscribe("a", handler));
        bus.Publish(new TestEvent("a"));
        bus.Start();
        await bus.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(order);
        Assert.Empty(bus.GetStats().SubscribersByEventType);
        Assert.Equal(1, bus.ProcessedEvents);
    }

    [Fact]
    public async Task AFailingHandlerDoesNotStopTheOthersOrTheWorker()
    {
        var bus = new AsyncEventBus();
        var order = new ConcurrentQueue<string>();
        bus.Subscribe("a", (_, _) => throw new InvalidOperationException("handler bug"), priority: 1);
        bus.Subscribe("a", Recording(order, "ok"));

        bus.Start();
        bus.Publish(new TestEvent("a"));
        bus.Publish(new TestEvent("a"));
        await bus.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["ok", "ok"], order.ToArray());
        Assert.Equal(2, bus.ProcessedEvents);
    }

    [Fact]
    public async Task AHandlerThatNeverFinishesIsAbandonedAfterTheTimeoutOnTheBusClock()
    {
        var clock = new FakeTimeProvider();
        var bus = new AsyncEventBus(timeProvider: clock);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bus.Subscribe("hang", (_, _) =>
        {
            entered.TrySetResult();
            return new TaskCompletionSource().Task;
        });
        bus.Start();

        bus.Publish(new TestEvent("hang"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, bus.ProcessedEvents);

        clock.Advance(AsyncEventBus.HandlerTimeout);

        Assert.True(await Eventually.HoldsAsync(() => bus.ProcessedEvents == 1), "the hanging handler was not abandoned");
        await bus.StopAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SubscriberTableIsBounded()
    {
        var bus = new AsyncEventBus();
        Func<IBusEvent, CancellationToken, Task> handler = (_, _) => Task.CompletedTask;
        for (int i = 0; i < 10_000; i++)
        {
            bus.Subscribe($"type-{i}", handler);
            bus.Unsubscribe($"type-{i}", handler);
        }

        Assert.Empty(bus.GetStats().SubscribersByEventType);

        for (int i = 0; i < AsyncEventBus.MaxEventTypes; i++)
        {
            bus.Subscribe($"type-{i}", handler);
        }

        var refused = Assert.Throws<BoundExceededException>(() => bus.Subscribe("one-too-many", handler));
        Assert.Contains("Max event types limit reached", refused.Message, StringComparison.Ordinal);
        bus.Subscribe("type-0", (_, _) => Task.CompletedTask);
        Assert.Equal(AsyncEventBus.MaxEventTypes, bus.GetStats().SubscribersByEventType.Count);
    }

    [Fact]
    public void HandlersPerEventTypeAreBounded()
    {
        var bus = new AsyncEventBus();
        for (int i = 0; i < AsyncEventBus.MaxSubscribersPerEventType; i++)
        {
            bus.Subscribe("a", (_, _) => Task.CompletedTask);
        }

        Assert.Throws<BoundExceededException>(() => bus.Subscribe("a", (_, _) => Task.CompletedTask));
        Assert.Equal(AsyncEventBus.MaxSubscribersPerEventType, bus.GetStats().SubscribersByEventType["a"]);
    }

    [Fact]
    public void UnboundedSampleKeepsEveryEventTypeEverSubscribedTo()
    {
        var bus = new Unbounded.AsyncEventBus();
        Func<Unbounded.IBusEvent, CancellationToken, Task> handler = (_, _) => Task.CompletedTask;
        for (int i = 0; i < 10_000; i++)
        {
            bus.Subscribe($"type-{i}", handler);
            bus.Unsubscribe($"type-{i}", handler);
        }

        Assert.Equal(10_000, bus.GetStats().SubscribersByEventType.Count);
    }

    private static Func<IBusEvent, CancellationToken, Task> Recording(ConcurrentQueue<string> order, string name) =>
        (_, _) =>
        {
            order.Enqueue(name);
            return Task.CompletedTask;
        };
}
