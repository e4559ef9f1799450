using System;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The OnEvicted hook hears of every entry the bound removes, once, in eviction order, with the reason; it hears
/// nothing of what the caller takes out; and a hook that throws leaves the collection as the change made it.
/// </summary>
public class EvictionHookTests
{
    private const EvictionReason Overflow = EvictionReason.Overflow;

    [Fact]
    public void A_full_DropOldest_queue_tells_the_hook_of_each_evicted_item_oldest_first()
    {
        var queue = new HookedQueue(capacity: 3);
        queue.Add(1);
        queue.Add(2);
        queue.Add(3);
        Assert.Empty(queue.Evictions);

        queue.Add(4);
        Assert.True(queue.TryAdd(5));
        Assert.Equal(BoundedAddResult.AddedWithEviction, queue.TryAdd(6, out int evicted));

        Assert.Equal(3, evicted);
        Assert.Equal([new(1, Overflow), new Eviction<int>(2, Overflow), new(3, Overflow)], queue.Evictions);
        Assert.Equal([4, 5, 6], queue.ToArray());
        Assert.Equal(3, queue.Evicted);
    }

    [Fact]
    public void Taking_items_out_of_a_queue_is_not_an_eviction()
    {
        var queue = new HookedQueue(capacity: 4);
        for (int i = 0; i < 4; i++)
        {
            queue.Add(i);
        }

        Assert.True(queue.TryDequeue(out _));
        Assert.Equal(1, queue.RemoveWhere(item => item == 2));
        queue.Clear();

        Assert.Empty(queue.Evictions);
        Assert.Equal(0, queue.Evicted);
    }

    [Fact]
    public void A_DropNewest_queue_rejects_without_telling_the_hook()
    {
        var queue = new HookedDropNewestQueue(capacity: 2);
        for (int i = 0; i < 5; i++)
        {
            queue.Add(i);
        }

        Assert.Empty(queue.Evictions);
        Assert.Equal(3, queue.Dropped);
    }

    [Fact]
    public void A_throwing_hook_reaches_the_caller_after_the_queue_has_stored_the_item()
    {
        var queue = new HookedQueue(capacity: 2) { ThrowFor = 1 };
        queue.Add(1);
        queue.Add(2);

        var thrown = Assert.Throws<InvalidOperationException>(() => queue.Add(3));

        Assert.Equal("hook failed for 1", thrown.Message);
        Assert.Equal([2, 3], queue.ToArray());
        Assert.Equal(1, queue.Evicted);
        Assert.Equal(3, queue.TotalAdded);
        queue.Add(4);
        Assert.Equal([3, 4], queue.ToArray());
        Assert.Equal([1, 2], queue.Evictions.Select(eviction => eviction.Entry));
    }

    [Fact]
    public void The_thread_safe_queue_calls_its_hook_outside_the_lock_once_the_change_is_complete()
    {
        var queue = new HookedQueueThreadSafe(capacity: 2) { ReadsItselfInHook = true };
        queue.Add(1);
        queue.Add(2);

        queue.Add(3);

        // Reading the queue from inside the hook would throw if the hook ran under the lock.
        Assert.Equal(2, queue.CountSeenInHook);
        Assert.Equal([new Eviction<int>(1, Overflow)], queue.Evictions);
    }

    [Fact]
    public void A_throwing_hook_leaves_the_thread_safe_queue_consistent_and_unlocked()
    {
        var queue = new HookedQueueThreadSafe(capacity: 2) { ThrowFor = 1 };
        queue.Add(1);
        queue.Add(2);

        Assert.Throws<InvalidOperationException>(() => queue.TryAdd(3));

        Assert.Equal([2, 3], queue.ToArray());
        queue.Add(4);
        Assert.Equal([3, 4], queue.ToArray());
        Assert.Equal(2, queue.Evicted);
    }

    [Fact]
    public void A_DropOldest_map_tells_the_hook_of_each_evicted_key_and_value_from_every_inserting_member()
    {
        var map = new HookedMap(capacity: 2);
        map["a"] = 1;
        map["b"] = 2;

        map["c"] = 3;
        Assert.True(map.TryAdd("d", 4));
        Assert.Equal(5, map.GetOrAdd("e", _ => 5));
        Assert.Equal(6, map.AddOrUpdate("f", 6, (_, old) => old + 1));

        Assert.Equal(
            [new(("a", 1), Overflow), new(("b", 2), Overflow), new(("c", 3), Overflow), new Eviction<(string, int)>(("d", 4), Overflow)],
            map.Evictions);
        Assert.Equal(4, map.Evicted);
    }

    [Fact]
    public void Updating_a_present_key_and_removing_keys_are_not_evictions()
    {
        var map = new HookedMap(capacity: 3);
        map["a"] = 1;
        map["b"] = 2;
        map["c"] = 3;

        map["a"] = 10;
        map.AddOrUpdate("b", 0, (_, old) => old + 1);
        Assert.Equal(3, map.GetOrAdd("c", _ => 0));
        Assert.False(map.TryAdd("a", 5));
        Assert.True(map.Remove("a"));
        Assert.Equal(1, map.RemoveWhere((key, _) => key == "c"));
        map.Clear();

        Assert.Empty(map.Evictions);
    }

    [Fact]
    public void A_least_recently_used_map_tells_the_hook_of_the_entry_used_longest_ago()
    {
        var map = new HookedLruMap(capacity: 2);
        map["a"] = 1;
        map["b"] = 2;
        Assert.Equal(1, map["a"]);

        map["c"] = 3;

        Assert.Equal([new Eviction<(string, int)>(("b", 2), Overflow)], map.Evictions);
        Assert.True(map.ContainsKey("a"));
    }

    [Fact]
    public void A_throwing_hook_leaves_the_map_with_the_new_key_and_without_the_evicted_one()
    {
        var map = new HookedMap(capacity: 2) { ThrowFor = "a" };
        map["a"] = 1;
        map["b"] = 2;

        Assert.Throws<InvalidOperationException>(() => map["c"] = 3);

        Assert.Equal(2, map.Count);
        Assert.False(map.ContainsKey("a"));
        Assert.Equal(3, map["c"]);
        Assert.Equal(1, map.Evicted);
        map["d"] = 4;
        Assert.Equal(["c", "d"], map.Keys.OrderBy(key => key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_thread_safe_map_calls_its_hook_outside_the_lock()
    {
        var map = new HookedMapThreadSafe(capacity: 2) { ReadsItselfInHook = true };
        map[1] = 10;
        map[2] = 20;

        map[3] = 30;
        Assert.True(map.TryAdd(4, 40));

        Assert.True(map.EvictedKeyWasGoneInHook);
        Assert.Equal([new((1, 10), Overflow), new Eviction<(int, int)>((2, 20), Overflow)], map.Evictions);
    }

    [Fact]
    public void A_throwing_hook_leaves_the_thread_safe_map_consistent_and_unlocked()
    {
        var map = new HookedMapThreadSafe(capacity: 2) { ThrowFor = 1 };
        map[1] = 10;
        map[2] = 20;

        Assert.Throws<InvalidOperationException>(() => map.GetOrAdd(3, key => key * 10));

        Assert.Equal(30, map[3]);
        Assert.False(map.ContainsKey(1));
        map[4] = 40;
        Assert.Equal([3, 4], map.Keys.Order());
    }

    [Fact]
    public void Sets_tell_the_hook_of_each_evicted_value_in_policy_order()
    {
        var set = new HookedSet(capacity: 2);
        var lru = new HookedLruSetThreadSafe(capacity: 2);
        foreach (int value in new[] { 1, 2, 1, 3, 4 })
        {
            set.Add(value);
            lru.Add(value);
        }

        Assert.Equal([new(1, Overflow), new Eviction<int>(2, Overflow)], set.Evictions);

        // 1 was used again before 3 came, so the thread-safe LRU set's second chance passes over it once.
        Assert.Equal([new(2, Overflow), new Eviction<int>(1, Overflow)], lru.Evictions);
        Assert.False(set.Remove(1));
        Assert.True(set.Remove(3));
        Assert.Equal(2, set.Evictions.Count);
    }

    [Fact]
    public void A_hook_declared_without_a_body_compiles_away()
    {
        var set = new DeclaredOnlyHookSet(capacity: 2);
        for (int i = 0; i < 10; i++)
        {
            set.Add(i);
        }

        Assert.Equal([8, 9], set.Order());
        Assert.Equal(8, set.Evicted);
    }
}
