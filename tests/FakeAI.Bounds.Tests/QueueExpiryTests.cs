using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Queues declared with a maximum age: an item written MaxAge ago or longer is never returned by any member, is removed
/// from the front on the next add or read (oldest first), is counted in Expired and not in Evicted, and is reported to
/// the hook as Expired. Time is a fake clock moved by hand, so every boundary is exact.
/// </summary>
public class QueueExpiryTests
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _clock = new();

    /// <summary>Reads Count through the interface, as a tracker does; a read that removes the expired items first.</summary>
    private static int CountOf(IBoundedCollection collection) => collection.Count;

    private void Advance(int milliseconds) => _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));

    [Fact]
    public void An_item_is_live_until_exactly_its_maximum_age_and_never_returned_after()
    {
        var queue = new ExpiringQueue(_clock);
        queue.Add(1);
        _clock.Advance(TimeSpan.FromMilliseconds(1000) - Millisecond);
        Assert.Equal(1, CountOf(queue));
        Assert.True(queue.TryPeekOldest(out int oldest));
        Assert.Equal(1, oldest);

        _clock.Advance(Millisecond);
        Assert.False(queue.TryPeekOldest(out _));
        Assert.False(queue.TryPeekNewest(out _));
        Assert.Equal(0, CountOf(queue));
        Assert.Equal(1, queue.Expired);
        Assert.Equal(0, queue.Evicted);
        Assert.Equal(1, queue.TotalAdded);
    }

    [Fact]
    public void No_member_returns_an_expired_item()
    {
        // Each read runs on a fresh queue, so that no earlier read has removed the expired items for it.
        var reads = new Dictionary<string, Func<ExpiringQueue, int[]>>
        {
            ["ToArray"] = q => q.ToArray(),
            ["foreach"] = q =>
            {
                var seen = new List<int>();
                foreach (int item in q)
                {
                    seen.Add(item);
                }

                return seen.ToArray();
            },
            ["NewestFirst"] = q => q.NewestFirst.Reverse().ToArray(),
            ["LINQ"] = q => q.Select(x => x).ToArray(),
            ["CopyTo"] = q =>
            {
                var array = new int[4];
                q.CopyTo(array, 0);
                return array.Take(q.Count).ToArray();
            },
            ["indexer"] = q => Enumerable.Range(0, q.Count).Select(i => q[i]).ToArray(),
            ["TryDequeue"] = q =>
            {
                var seen = new List<int>();
                while (q.TryDequeue(out int item))
                {
                    seen.Add(item);
                }

                return seen.ToArray();
            },
        };

        foreach ((string name, Func<ExpiringQueue, int[]> read) in reads)
        {
            var clock = new FakeTimeProvider();
            var queue = new ExpiringQueue(clock);
            queue.Add(1);
            clock.Advance(TimeSpan.FromMilliseconds(400));
            queue.Add(2);
            clock.Advance(TimeSpan.FromMilliseconds(600));
            Assert.True(new[] { 2 }.SequenceEqual(read(queue)), name + " returned an expired item");
        }
    }

    [Fact]
    public void The_indexer_throws_for_a_position_only_an_expired_item_held()
    {
        var queue = new ExpiringQueue(_clock);
        queue.Add(1);
        queue.Add(2);
        Advance(1000);
        Assert.Throws<ArgumentOutOfRangeException>(() => queue[0]);
    }

    [Fact]
    public void Items_expire_oldest_first_across_ring_growth_and_wrap_around()
    {
        var queue = new LongExpiringQueue(_clock);
        for (int i = 0; i < 12; i++)
        {
            queue.Add(i);
            Advance(100);
        }

        // Item i was written at 100·i ms; now is 1200 ms: items 0, 1 and 2 have reached 1000 ms.
        Assert.Equal(Enumerable.Range(3, 9), queue.ToArray());
        Assert.Equal(3, queue.Expired);

        // Fill and wrap the head around the ring (item 3 is evicted to make room), then let item 4 reach its age.
        for (int i = 12; i < 20; i++)
        {
            queue.Add(i);
        }

        Advance(150); // now 1350: item 4, written at 400 ms, is 950 ms old
        Assert.Equal(Enumerable.Range(4, 16), queue.ToArray());
        Advance(50);
        Assert.Equal(Enumerable.Range(5, 15), queue.ToArray());
        Assert.Equal(4, queue.Expired);
        Assert.Equal(1, queue.Evicted);
    }

    [Fact]
    public void A_full_drop_oldest_queue_removes_expired_items_before_it_evicts()
    {
        var queue = new ExpiringQueue(_clock);
        queue.Add(1);
        queue.Add(2);
        Advance(500);
        queue.Add(3);
        queue.Add(4);
        Advance(500);

        // 1 and 2 expired: the add finds room and evicts nothing.
        queue.Add(5);
        Assert.Equal(new[] { 3, 4, 5 }, queue.ToArray());
        Assert.Equal(2, queue.Expired);
        Assert.Equal(0, queue.Evicted);

        queue.Add(6);
        queue.Add(7);
        Assert.Equal(new[] { 4, 5, 6, 7 }, queue.ToArray());
        Assert.Equal(1, queue.Evicted);
        Assert.Equal(2, queue.Expired);
    }

    [Fact]
    public void A_full_drop_newest_queue_accepts_an_item_once_an_old_one_expired()
    {
        var queue = new ExpiringDropNewestQueue(_clock);
        for (int i = 0; i < 4; i++)
        {
            queue.Add("item " + i);
        }

        Assert.False(queue.TryAdd("rejected"));
        Assert.Equal(1, queue.Dropped);
        Advance(1000);
        Assert.True(queue.TryAdd("accepted"));
        Assert.Equal(new[] { "accepted" }, queue.ToArray());
        Assert.Equal(4, queue.Expired);
        Assert.Equal(1, queue.Dropped);
    }

    [Fact]
    public void RemoveWhere_keeps_each_remaining_item_with_its_own_age()
    {
        var queue = new ExpiringQueue(_clock);
        queue.Add(1);
        Advance(100);
        queue.Add(2);
        Advance(100);
        queue.Add(3);
        Advance(100);
        queue.Add(4);
        Assert.Equal(1, queue.RemoveWhere(x => x == 2));

        Advance(800); // now 1100: 1 (0 ms) expired; 3 (200 ms) and 4 (300 ms) live
        Assert.Equal(new[] { 3, 4 }, queue.ToArray());
        Advance(100);
        Assert.Equal(new[] { 4 }, queue.ToArray());
        Assert.Equal(2, queue.Expired);
    }

    [Fact]
    public void Lowering_the_capacity_keeps_the_ages_of_the_items_that_stay()
    {
        var queue = new ExpiringResizableThrowQueue(_clock);
        for (int i = 0; i < 4; i++)
        {
            queue.Add("item " + i);
            Advance(100);
        }

        queue.SetCapacity(2);
        Assert.Equal(new[] { "item 2", "item 3" }, queue.ToArray());
        Assert.Equal(2, queue.Evicted);

        Advance(800); // now 1200: item 2 (200 ms) expired
        Assert.Equal(new[] { "item 3" }, queue.ToArray());
        queue.Add("new");
        Assert.Throws<BoundExceededException>(() => queue.Add("over"));
        Assert.Equal(1, queue.Expired);
        Assert.Equal(2, queue.Evicted);
    }

    [Fact]
    public void RemoveExpired_removes_them_now_and_says_how_many()
    {
        var queue = new ExpiringQueue(_clock);
        Assert.Equal(0, queue.RemoveExpired());
        queue.Add(1);
        queue.Add(2);
        Advance(500);
        queue.Add(3);
        Assert.Equal(0, queue.RemoveExpired());
        Advance(500);
        Assert.Equal(2, queue.RemoveExpired());
        Assert.Equal(0, queue.RemoveExpired());
        Assert.Equal(2, queue.Expired);
        Assert.Equal(new[] { 3 }, queue.ToArray());
    }

    [Fact]
    public void The_hook_hears_every_expired_item_oldest_first_as_Expired_even_when_it_throws_for_one()
    {
        var queue = new HookedExpiringQueue(_clock) { ThrowFor = "b" };
        queue.Add("a");
        queue.Add("b");
        queue.Add("c");
        Advance(1000);
        var failure = Assert.Throws<InvalidOperationException>(() => queue.Count);
        Assert.Equal("hook failed for b", failure.Message);
        Assert.Equal(
            new[] { new Eviction<string>("a", EvictionReason.Expired), new Eviction<string>("b", EvictionReason.Expired), new Eviction<string>("c", EvictionReason.Expired) },
            queue.Evictions);
        Assert.Equal(0, CountOf(queue));
        Assert.Equal(3, queue.Expired);
    }

    [Fact]
    public void The_hook_hears_an_overflow_eviction_as_Overflow_and_an_expiry_as_Expired()
    {
        var queue = new HookedExpiringQueue(_clock);
        foreach (string item in new[] { "a", "b", "c", "d", "e" })
        {
            queue.Add(item);
        }

        Advance(1000);
        queue.RemoveExpired();
        Assert.Equal(new Eviction<string>("a", EvictionReason.Overflow), queue.Evictions[0]);
        Assert.Equal(new[] { "b", "c", "d", "e" }, queue.Evictions.Skip(1).Select(e => e.Entry));
        Assert.All(queue.Evictions.Skip(1), e => Assert.Equal(EvictionReason.Expired, e.Reason));
    }

    [Fact]
    public void An_enumeration_that_finds_the_queue_changed_by_an_expiry_fails_fast()
    {
        var queue = new ExpiringQueue(_clock);
        queue.Add(1);
        queue.Add(2);
        using ExpiringQueue.Enumerator enumerator = queue.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Advance(1000);
        Assert.Equal(0, CountOf(queue));
        Assert.Throws<InvalidOperationException>(() => enumerator.MoveNext());
    }

    [Fact]
    public void The_age_and_the_clock_are_the_declared_ones()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1000), new ExpiringQueue(_clock).MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(1), new ExpiringDropNewestQueue().MaxAge);
        Assert.Equal(1000L, ExpiringDropNewestQueue.DeclaredMaxAgeMilliseconds);
        Assert.Throws<ArgumentNullException>(() => new ExpiringQueue(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpiringQueue(5, _clock));
        Assert.Equal(2, new ExpiringQueue(2, _clock).Capacity);
    }

    [Fact]
    public void An_age_bounded_type_reports_through_IExpiringCollection_and_a_type_without_an_age_does_not()
    {
        IExpiringCollection expiring = new HookedExpiringMap(_clock);
        ((IBoundedDictionary<string, int>)expiring).TryAdd("a", 1);
        Advance(1000);
        Assert.Equal(TimeSpan.FromSeconds(1), expiring.MaxAge);
        Assert.Equal(1, expiring.RemoveExpired());
        Assert.Equal(1, expiring.Expired);
        Assert.IsAssignableFrom<IExpiringCollection>(new ExpiringQueue());
        Assert.IsAssignableFrom<IExpiringCollection>(new ExpiringThrowSet());
        object withoutAge = new ResizableQueue();
        Assert.False(withoutAge is IExpiringCollection);
    }

    [Fact]
    public void Without_a_clock_the_system_clock_ages_the_items()
    {
        (SystemClockExpiringQueue queue, int countRightAfter) = SystemClockAttempt.FinishedWithin(TimeSpan.FromMilliseconds(50), () =>
        {
            var fresh = new SystemClockExpiringQueue();
            fresh.Add(1);
            return (fresh, CountOf(fresh));
        });
        Assert.Equal(1, countRightAfter);
        Thread.Sleep(200);
        Assert.Equal(0, CountOf(queue));
        Assert.Equal(1, queue.Expired);
    }

    [Fact]
    public void Adding_to_and_reading_a_queue_with_nothing_expired_allocates_nothing()
    {
        var queue = new ExpiringQueue(_clock);
        for (int i = 0; i < 8; i++)
        {
            queue.Add(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            queue.Add(i);
            _ = queue.TryPeekOldest(out _);
            _ = queue.Count;
            foreach (int item in queue)
            {
                _ = item;
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
