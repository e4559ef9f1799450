using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Real threads on the thread-safe resizable collections: four writers add while another thread keeps lowering and
/// raising the capacity and a reader checks that the count never exceeds it. Every item is added once, so at the end
/// each one is either held or was reported to the hook exactly once, and the counters agree.
/// </summary>
public class ResizableCapacityConcurrencyTests
{
    private const int Writers = 4;
    private const int AddsPerWriter = 20_000;

    /// <summary>The capacities the resizing thread cycles through, ending at the largest.</summary>
    private static readonly int[] Capacities = [64, 7, 100, 1, 33, 100];

    /// <summary>How long a stuck test may wait for its threads before it reports a deadlock (not a timing assertion).</summary>
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_queue_resized_while_four_writers_add_accounts_for_every_item()
    {
        var queue = new ResizableQueueThreadSafe(64);

        Run(
            (writer, i) => queue.Add((writer * AddsPerWriter) + i),
            queue.SetCapacity,
            () =>
            {
                // A snapshot is one state of the queue: within the bound, and each writer's items in the order added.
                int[] snapshot = queue.ToArray();
                Assert.True(snapshot.Length <= queue.MaxLength);
                foreach (IGrouping<int, int> items in snapshot.GroupBy(item => item / AddsPerWriter))
                {
                    Assert.Equal(items.Order(), items);
                }
            });

        AssertAccountedFor([.. queue.Evictions.Select(eviction => eviction.Entry)], queue.ToArray(), queue.Evicted, queue.TotalAdded, queue.Capacity);
        Assert.Contains(queue.Evictions, eviction => eviction.Reason == EvictionReason.CapacityReduced);
    }

    [Fact]
    public void A_map_resized_while_four_writers_add_accounts_for_every_entry()
    {
        var map = new ResizableMapThreadSafe(64);

        Run(
            (writer, i) => map["k" + ((writer * AddsPerWriter) + i)] = i,
            map.SetCapacity,
            () =>
            {
                // Lookups without the lock race with the compaction a lowered capacity runs: a key found has its own value.
                int key = Environment.TickCount & 0xFFFF;
                if (map.TryGetValue("k" + key, out int value))
                {
                    Assert.Equal(key % AddsPerWriter, value);
                }
            });

        int[] notified = [.. map.Evictions.Select(eviction => int.Parse(eviction.Entry.Key.AsSpan(1), provider: null))];
        int[] held = [.. map.Keys.Select(key => int.Parse(key.AsSpan(1), provider: null))];
        AssertAccountedFor(notified, held, map.Evicted, map.TotalAdded, map.Capacity);
    }

    [Fact]
    public void A_least_recently_used_set_resized_while_four_writers_add_and_read_accounts_for_every_value()
    {
        var set = new ResizableLruSetThreadSafe(64);

        Run(
            (writer, i) =>
            {
                int item = (writer * AddsPerWriter) + i;
                set.Add(item);
                set.Contains(item - 2);
            },
            set.SetCapacity,
            () =>
            {
                // Enumerable.ToArray enumerates (a collection expression would size its array by a Count read before).
                int[] snapshot = Enumerable.ToArray(set);
                Assert.True(snapshot.Length <= set.MaxLength);
                Assert.Equal(snapshot.Length, snapshot.Distinct().Count());
            });

        AssertAccountedFor([.. set.Evictions.Select(eviction => eviction.Entry)], [.. set], set.Evicted, set.TotalAdded, set.Capacity);
    }

    // Every item is added once, by one writer: so each is either still held or was notified, never both, never twice.
    private static void AssertAccountedFor(int[] notified, int[] held, long evicted, long totalAdded, int capacity)
    {
        Assert.Equal(Capacities[^1], capacity);
        Assert.Equal(Writers * AddsPerWriter, totalAdded);
        Assert.True(held.Length <= capacity);
        Assert.Equal(notified.Length, notified.Distinct().Count());
        Assert.Equal(evicted, notified.Length);
        Assert.Empty(notified.Intersect(held));
        Assert.Equal(Enumerable.Range(0, Writers * AddsPerWriter), notified.Concat(held).Order());
    }

    private static void Run(Action<int, int> add, Action<int> setCapacity, Action read)
    {
        using var done = new CancellationTokenSource();
        using var start = new Barrier(Writers + 2);
        int rounds = 0;
        Task[] writers = [.. Enumerable.Range(0, Writers).Select(writer => Start(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < AddsPerWriter; i++)
            {
                if (i == AddsPerWriter / 2)
                {
                    // Halfway, each writer waits for the resizer to go through its capacities twice, so that capacity
                    // changes surely happen among the adds however the threads are scheduled.
                    int seen = Volatile.Read(ref rounds);
                    Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref rounds) >= seen + (2 * Capacities.Length), DeadlockGuard), "the resizer never ran");
                }

                add(writer, i);
            }
        }))];
        Task resizer = Start(() =>
        {
            start.SignalAndWait();
            for (int round = 0; !done.IsCancellationRequested; round++)
            {
                setCapacity(Capacities[round % Capacities.Length]);
                Interlocked.Increment(ref rounds);
                Thread.Yield();
            }

            setCapacity(Capacities[^1]);
        });
        Task reader = Start(() =>
        {
            start.SignalAndWait();
            while (!done.IsCancellationRequested)
            {
                read();
            }
        });

        bool finished = Task.WaitAll(writers, DeadlockGuard);
        done.Cancel();
        Assert.True(finished && Task.WaitAll([resizer, reader], DeadlockGuard), "the threads did not finish: a deadlock?");
    }

    private static Task Start(Action body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
