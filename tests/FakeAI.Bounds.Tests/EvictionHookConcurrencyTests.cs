using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Real threads adding to the thread-safe collections with hooks at once: every evicted entry is notified exactly once,
/// never one that is still held, and what was added is what is held plus what was notified.
/// </summary>
public class EvictionHookConcurrencyTests
{
    private const int Writers = 4;
    private const int AddsPerWriter = 20_000;
    private const int Capacity = 64;

    /// <summary>How long a stuck test may wait for its threads before it reports a deadlock (not a timing assertion).</summary>
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public void Four_writers_on_a_DropOldest_queue_have_every_evicted_item_notified_once()
    {
        var queue = new HookedQueueThreadSafe(Capacity);

        RunWriters((writer, i) =>
        {
            int item = (writer * AddsPerWriter) + i;
            if ((i & 1) == 0)
            {
                queue.Add(item);
            }
            else
            {
                Assert.True(queue.TryAdd(item));
            }
        });

        int[] notified = [.. queue.Evictions.Select(eviction => eviction.Entry)];
        AssertAccountedFor(notified, queue.ToArray(), queue.Evicted, queue.TotalAdded);
        Assert.All(queue.Evictions, eviction => Assert.Equal(EvictionReason.Overflow, eviction.Reason));
    }

    [Fact]
    public void Four_writers_on_a_DropOldest_map_have_every_evicted_entry_notified_once_with_its_value()
    {
        var map = new HookedMapThreadSafe(Capacity);

        RunWriters((writer, i) =>
        {
            int key = (writer * AddsPerWriter) + i;
            switch (i % 3)
            {
                case 0:
                    map[key] = -key;
                    break;
                case 1:
                    Assert.True(map.TryAdd(key, -key));
                    break;
                default:
                    Assert.Equal(-key, map.GetOrAdd(key, k => -k));
                    break;
            }
        });

        Assert.All(map.Evictions, eviction => Assert.Equal(-eviction.Entry.Key, eviction.Entry.Value));
        AssertAccountedFor([.. map.Evictions.Select(eviction => eviction.Entry.Key)], [.. map.Keys], map.Evicted, map.TotalAdded);
    }

    [Fact]
    public void Four_writers_and_readers_on_a_least_recently_used_map_have_every_evicted_entry_notified_once()
    {
        var map = new HookedLruMapThreadSafe(Capacity);

        RunWriters((writer, i) =>
        {
            int key = (writer * AddsPerWriter) + i;
            map.AddOrUpdate(key, key, (_, old) => old);

            // Reads mark entries used, so that evictions pass over some of them.
            map.TryGetValue(key - 3, out _);
        });

        AssertAccountedFor([.. map.Evictions.Select(eviction => eviction.Entry.Key)], [.. map.Keys], map.Evicted, map.TotalAdded);
    }

    [Fact]
    public void Four_writers_on_a_least_recently_used_set_have_every_evicted_value_notified_once()
    {
        var set = new HookedLruSetThreadSafe(Capacity);

        RunWriters((writer, i) =>
        {
            int item = (writer * AddsPerWriter) + i;
            Assert.True(set.Add(item));
            set.Contains(item - 5);
        });

        AssertAccountedFor([.. set.Evictions.Select(eviction => eviction.Entry)], [.. set], set.Evicted, set.TotalAdded);
    }

    // Every item is added once, by one writer: so each is either still held or was notified, never both, never twice.
    private static void AssertAccountedFor(int[] notified, int[] held, long evicted, long totalAdded)
    {
        Assert.Equal(Writers * AddsPerWriter, totalAdded);
        Assert.Equal(Capacity, held.Length);
        Assert.Equal(notified.Length, notified.Distinct().Count());
        Assert.Equal(evicted, notified.Length);
        Assert.Empty(notified.Intersect(held));
        Assert.Equal(totalAdded, notified.Length + held.Length);
        Assert.Equal(Enumerable.Range(0, Writers * AddsPerWriter), notified.Concat(held).Order());
    }

    private static void RunWriters(Action<int, int> add)
    {
        using var start = new Barrier(Writers);
        Task[] writers = [.. Enumerable.Range(0, Writers).Select(writer => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (int i = 0; i < AddsPerWriter; i++)
                {
                    add(writer, i);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default))];

        Assert.True(Task.WaitAll(writers, DeadlockGuard), "the writers did not finish: a deadlock?");
    }
}
