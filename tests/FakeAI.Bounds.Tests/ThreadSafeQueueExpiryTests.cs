using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The thread-safe queue with a maximum age: its reads without the lock go ahead only when the oldest item is live (the
/// items are in write order, so then all are), otherwise they read under the lock, which sweeps first; the hook hears of
/// expiries after the lock is released. Checked member by member, and with writers and readers on several threads while
/// the clock moves between rounds.
/// </summary>
public class ThreadSafeQueueExpiryTests
{
    private readonly FakeTimeProvider _clock = new();

    private static int CountOf(IBoundedCollection collection) => collection.Count;

    private void Advance(int milliseconds) => _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));

    [Fact]
    public void No_member_returns_an_expired_item()
    {
        var reads = new Dictionary<string, Func<ExpiringQueueThreadSafe, bool>>
        {
            ["indexer"] = q => q[0] == 1,
            ["TryPeekOldest"] = q => q.TryPeekOldest(out int oldest) && oldest == 1,
            ["ToArray"] = q => q.ToArray().Contains(1),
            ["foreach"] = q => q.Any(item => item == 1),
            ["NewestFirst"] = q => q.NewestFirst.Contains(1),
            ["Count"] = q => CountOf(q) != 1,
            ["TryDequeue"] = q => q.TryDequeue(out int taken) && taken == 1,
            ["RemoveWhere"] = q => q.RemoveWhere(item => item == 1) == 1,
        };

        foreach ((string name, Func<ExpiringQueueThreadSafe, bool> seesOld) in reads)
        {
            var queue = new ExpiringQueueThreadSafe(4, _clock);
            queue.Add(1);
            Advance(400);
            queue.Add(2);
            Advance(600);
            Assert.False(seesOld(queue), name + " saw an expired item");
            Assert.Equal(1, queue.Expired);
        }
    }

    [Fact]
    public void Once_everything_expired_the_peeks_find_nothing()
    {
        var queue = new ExpiringQueueThreadSafe(4, _clock);
        queue.Add(1);
        queue.Add(2);
        Advance(1000);

        Assert.False(queue.TryPeekNewest(out _));
        Assert.False(queue.TryPeekOldest(out _));
        Assert.Empty(queue.ToArray());
        Assert.Equal(2, queue.Expired);
        Assert.Throws<ArgumentOutOfRangeException>(() => queue[0]);
    }

    [Fact]
    public void RemoveExpired_removes_them_now_and_says_how_many()
    {
        var queue = new ExpiringQueueThreadSafe(4, _clock);
        queue.Add(1);
        Advance(500);
        queue.Add(2);
        Assert.Equal(0, queue.RemoveExpired());
        Advance(500);

        Assert.Equal(1, queue.RemoveExpired());
        Assert.Equal([2], queue.ToArray());
        Assert.Equal(1, queue.Expired);
        Assert.Equal(0, queue.Evicted);
    }

    [Fact]
    public void The_hook_hears_expiries_after_the_lock_is_released_even_when_it_throws_for_one()
    {
        var queue = new HookedExpiringQueueThreadSafe(4, _clock) { ThrowFor = "b" };
        queue.Add("a");
        queue.Add("b");
        queue.Add("c");
        Advance(1000);

        var thrown = Assert.Throws<InvalidOperationException>(() => queue.Add("d"));

        Assert.Equal("hook failed for b", thrown.Message);
        Assert.Equal(["a", "b", "c"], queue.Evictions.Select(e => e.Entry));
        Assert.All(queue.Evictions, e => Assert.Equal(EvictionReason.Expired, e.Reason));
        Assert.All(queue.CountsSeenInHook, count => Assert.Equal(1, count));
        Assert.Equal(["d"], queue.ToArray());
    }

    [Fact]
    public void Count_can_be_read_from_a_RemoveWhere_predicate()
    {
        var queue = new ExpiringQueueThreadSafe(4, _clock);
        queue.Add(1);
        queue.Add(2);
        int seen = -1;

        queue.RemoveWhere(item =>
        {
            seen = queue.Count;
            return item == 1;
        });

        Assert.Equal(2, seen);
        Assert.Equal([2], queue.ToArray());
    }

    [Fact]
    public void A_lowered_capacity_reports_its_evictions_when_the_hook_throws_for_an_expiry_of_the_same_call()
    {
        var queue = new HookedResizableExpiringQueueThreadSafe(8, _clock) { ThrowFor = "a" };
        queue.Add("a");
        Advance(500);
        queue.Add("b");
        queue.Add("c");
        queue.Add("d");
        Advance(500);

        Assert.Throws<InvalidOperationException>(() => queue.SetCapacity(1));

        Assert.Equal(
            [new("a", EvictionReason.Expired), new("b", EvictionReason.CapacityReduced), new Eviction<string>("c", EvictionReason.CapacityReduced)],
            queue.Evictions);
        Assert.Equal(["d"], queue.ToArray());
    }

    [Fact]
    public void A_call_keeps_its_own_exception_when_the_hook_throws_for_an_expiry_it_swept()
    {
        var queue = new HookedExpiringQueueThreadSafe(4, _clock) { ThrowFor = "a" };
        queue.Add("a");
        Advance(1000);

        Assert.Throws<ArgumentOutOfRangeException>(() => queue[0]);

        Assert.Equal([new Eviction<string>("a", EvictionReason.Expired)], queue.Evictions);
        Assert.Empty(queue.ToArray());
    }

    [Fact]
    public async Task Readers_on_several_threads_never_see_an_item_of_an_expired_round()
    {
        // Each round, two writers add items tagged with the round and two readers peek and copy: the clock moves past
        // the age between rounds, so an item of an earlier round is never live, though it sits at the head until a
        // writer sweeps.
        var queue = new LargeExpiringQueueThreadSafe(4096, _clock);
        long seen = 0;
        for (int round = 1; round <= 20; round++)
        {
            long current = round;
            using var start = new Barrier(4);
            Task[] workers = new Task[4];
            for (int worker = 0; worker < 4; worker++)
            {
                int id = worker;
                workers[worker] = Task.Run(() =>
                {
                    start.SignalAndWait();
                    for (int i = 0; i < 2000; i++)
                    {
                        if (id < 2)
                        {
                            queue.Add(current);
                            continue;
                        }

                        if ((queue.TryPeekOldest(out long oldest) && oldest < current)
                            || (i % 50 == 0 && queue.ToArray().Any(item => item < current)))
                        {
                            Interlocked.Increment(ref seen);
                        }
                    }
                });
            }

            await Task.WhenAll(workers);
            Advance(1000);
        }

        Assert.Equal(0, Interlocked.Read(ref seen));
        Assert.Equal(0, CountOf(queue));
    }

    [Fact]
    public void Sweeps_that_tell_the_hook_allocate_nothing_once_warm()
    {
        var queue = new CountingHookExpiringQueueThreadSafe(64, _clock);

        void Round()
        {
            for (int i = 0; i < 16; i++)
            {
                queue.Add(i);
            }

            Advance(1000);
            queue.Add(-1);
        }

        Round();
        Round();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Round();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(16 + 17 + 17, queue.Heard);
    }
}
