using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// SetCapacity on the types declared with ResizableCapacity = true: a lowered capacity evicts in policy order, counts
/// and reports what it evicts; a raised one lets the collection fill again; anything outside 1 … MaxLength throws and
/// changes nothing. Each test runs against the single-threaded and the thread-safe form.
/// </summary>
public class ResizableCapacityTests
{
    private const EvictionReason Shrunk = EvictionReason.CapacityReduced;

    public static TheoryData<string> QueueForms { get; } = ["single-threaded", "thread-safe"];

    public static TheoryData<string> MapForms { get; } = ["fifo", "fifo thread-safe", "lru", "lru thread-safe"];

    private static IResizableTestQueue NewQueue(string form, int capacity) =>
        form == "thread-safe" ? new ResizableQueueThreadSafe(capacity) : new ResizableQueue(capacity);

    private static IResizableTestMap NewMap(string form, int capacity) => form switch
    {
        "fifo" => new ResizableMap(capacity),
        "fifo thread-safe" => new ResizableMapThreadSafe(capacity),
        "lru" => new ResizableLruMap(capacity),
        _ => new ResizableLruMapThreadSafe(capacity),
    };

    [Theory]
    [MemberData(nameof(QueueForms))]
    public void Lowering_a_queues_capacity_evicts_the_oldest_items_counts_them_and_tells_the_hook(string form)
    {
        IResizableTestQueue queue = NewQueue(form, 10);
        for (int i = 1; i <= 10; i++)
        {
            queue.Add(i);
        }

        queue.SetCapacity(4);

        Assert.Equal(4, queue.Capacity);
        Assert.Equal([7, 8, 9, 10], queue.ToArray());
        Assert.Equal(6, queue.Evicted);
        Assert.Equal(10, queue.TotalAdded);
        Assert.Equal(Enumerable.Range(1, 6).Select(item => new Eviction<int>(item, Shrunk)), queue.Evictions);
        Assert.True(queue.IsFull);

        // The smaller ring keeps working as a full DropOldest queue.
        queue.Add(11);
        Assert.Equal([8, 9, 10, 11], queue.ToArray());
        Assert.Equal(new Eviction<int>(7, EvictionReason.Overflow), queue.Evictions.Last());
        Assert.Equal(7, queue.Evicted);
    }

    [Theory]
    [MemberData(nameof(QueueForms))]
    public void Lowering_a_queues_capacity_after_it_wrapped_keeps_the_newest_items_in_order(string form)
    {
        IResizableTestQueue queue = NewQueue(form, 8);
        for (int i = 1; i <= 13; i++)
        {
            queue.Add(i);
        }

        Assert.True(queue.TryDequeue(out int first));
        Assert.Equal(6, first);

        queue.SetCapacity(3);

        Assert.Equal([11, 12, 13], queue.ToArray());
        Assert.Equal([7, 8, 9, 10], queue.Evictions.Where(eviction => eviction.Reason == Shrunk).Select(eviction => eviction.Entry));
        Assert.True(queue.TryPeekOldest(out int oldest));
        Assert.Equal(11, oldest);
        Assert.Equal(11, queue[0]);
        Assert.Equal(13, queue[2]);
    }

    [Theory]
    [MemberData(nameof(QueueForms))]
    public void Raising_a_queues_capacity_lets_it_fill_to_the_new_capacity_without_evicting(string form)
    {
        IResizableTestQueue queue = NewQueue(form, 100);
        queue.SetCapacity(2);
        queue.Add(1);
        queue.Add(2);
        queue.Add(3);

        queue.SetCapacity(100);
        for (int i = 4; i <= 101; i++)
        {
            queue.Add(i);
        }

        Assert.Equal(100, queue.Capacity);
        Assert.Equal(Enumerable.Range(2, 100), queue.ToArray());
        Assert.Equal([new Eviction<int>(1, EvictionReason.Overflow)], queue.Evictions);
        queue.Add(102);
        Assert.Equal(2, queue.Evicted);
    }

    [Theory]
    [MemberData(nameof(QueueForms))]
    public void Lowering_a_queues_capacity_to_no_less_than_its_count_evicts_nothing(string form)
    {
        IResizableTestQueue queue = NewQueue(form, 50);
        for (int i = 0; i < 40; i++)
        {
            queue.Add(i);
        }

        queue.SetCapacity(40);
        queue.SetCapacity(45);

        Assert.Equal(Enumerable.Range(0, 40), queue.ToArray());
        Assert.Empty(queue.Evictions);
        Assert.Equal(0, queue.Evicted);
        Assert.Equal(45, queue.Capacity);
    }

    [Theory]
    [MemberData(nameof(QueueForms))]
    public void A_capacity_outside_1_to_MaxLength_throws_with_the_bound_and_changes_nothing(string form)
    {
        IResizableTestQueue queue = NewQueue(form, 5);
        queue.Add(1);

        foreach (int capacity in new[] { 0, -1, 101, int.MaxValue, int.MinValue })
        {
            var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => queue.SetCapacity(capacity));
            Assert.Equal("capacity", thrown.ParamName);
            Assert.Equal(capacity, thrown.ActualValue);
            Assert.Contains("between 1 and its MaxLength 100", thrown.Message, StringComparison.Ordinal);
        }

        Assert.Equal(5, queue.Capacity);
        Assert.Equal([1], queue.ToArray());
        queue.SetCapacity(1);
        queue.SetCapacity(100);
        Assert.Equal(100, queue.Capacity);
    }

    [Theory]
    [MemberData(nameof(QueueForms))]
    public void A_throwing_hook_still_hears_of_every_item_and_the_first_exception_reaches_the_caller(string form)
    {
        IResizableTestQueue queue = NewQueue(form, 10);
        for (int i = 1; i <= 10; i++)
        {
            queue.Add(i);
        }

        queue.ThrowFor = 2;

        var thrown = Assert.Throws<InvalidOperationException>(() => queue.SetCapacity(5));

        Assert.Equal("hook failed for 2", thrown.Message);
        Assert.Equal([1, 2, 3, 4, 5], queue.Evictions.Select(eviction => eviction.Entry));
        Assert.Equal([6, 7, 8, 9, 10], queue.ToArray());
        Assert.Equal(5, queue.Evicted);
        queue.Add(11);
        Assert.Equal([7, 8, 9, 10, 11], queue.ToArray());
    }

    [Fact]
    public void Lowering_the_capacity_during_enumeration_is_a_modification()
    {
        var queue = new ResizableQueue(10);
        for (int i = 0; i < 10; i++)
        {
            queue.Add(i);
        }

        ResizableQueue.Enumerator enumerator = queue.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        queue.SetCapacity(5);

        Assert.Throws<InvalidOperationException>(() => enumerator.MoveNext());
    }

    [Fact]
    public void A_DropNewest_queue_counts_what_a_lowered_capacity_evicts_apart_from_what_it_drops()
    {
        var queue = new ResizableDropNewestQueue(4);
        foreach (string item in new[] { "a", "b", "c", "d", "e" })
        {
            queue.Add(item);
        }

        queue.SetCapacity(2);
        queue.Add("f");

        Assert.Equal(["c", "d"], queue.ToArray());
        Assert.Equal(2, queue.Evicted);
        Assert.Equal(2, queue.Dropped);
        Assert.Equal(4, queue.TotalAdded);
    }

    [Theory]
    [MemberData(nameof(MapForms))]
    public void Lowering_a_maps_capacity_evicts_in_policy_order_and_every_remaining_key_is_still_found(string form)
    {
        IResizableTestMap map = NewMap(form, 50);
        for (int i = 0; i < 50; i++)
        {
            map["k" + i] = i;
        }

        map.SetCapacity(10);

        Assert.Equal(10, map.Count);
        Assert.Equal(10, map.Capacity);
        Assert.Equal(40, map.Evicted);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => new Eviction<(string, int)>(("k" + i, i), Shrunk)), map.Evictions);
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(i >= 40, map.TryGetValue("k" + i, out int value));
            Assert.Equal(i >= 40 ? i : 0, value);
        }

        // The compacted table keeps working: a new key evicts by the policy, a removed key frees a slot.
        map["new"] = -1;
        Assert.Equal(10, map.Count);
        Assert.Equal(EvictionReason.Overflow, map.Evictions.Last().Reason);
        Assert.True(map.Remove("new"));
        Assert.True(map.TryAdd("again", -2));
        Assert.Equal(10, map.Keys.Distinct().Count());
    }

    [Theory]
    [InlineData("lru")]
    [InlineData("lru thread-safe")]
    public void Lowering_a_least_recently_used_maps_capacity_keeps_the_entries_used_since(string form)
    {
        IResizableTestMap map = NewMap(form, 6);
        for (int i = 0; i < 6; i++)
        {
            map["k" + i] = i;
        }

        Assert.Equal(0, map["k0"]);
        Assert.True(map.TryGetValue("k1", out _));

        map.SetCapacity(3);

        Assert.Equal(["k2", "k3", "k4"], map.Evictions.Select(eviction => eviction.Entry.Key));
        Assert.Equal(["k0", "k1", "k5"], map.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(MapForms))]
    public void Raising_a_maps_capacity_lets_it_fill_to_the_new_capacity(string form)
    {
        IResizableTestMap map = NewMap(form, 100);
        map.SetCapacity(1);
        map["a"] = 1;
        map["b"] = 2;

        map.SetCapacity(100);
        for (int i = 0; i < 99; i++)
        {
            Assert.True(map.TryAdd("k" + i, i));
        }

        Assert.Equal(100, map.Count);
        Assert.Equal(1, map.Evicted);
        Assert.False(map.ContainsKey("a"));
        Assert.Equal(2, map["b"]);
    }

    [Theory]
    [MemberData(nameof(MapForms))]
    public void A_maps_capacity_outside_1_to_MaxLength_throws_and_changes_nothing(string form)
    {
        IResizableTestMap map = NewMap(form, 3);
        map["a"] = 1;

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => map.SetCapacity(101));
        Assert.Equal("capacity", thrown.ParamName);
        Assert.Contains("MaxLength 100", thrown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.SetCapacity(0));

        Assert.Equal(3, map.Capacity);
        Assert.Equal(1, map["a"]);
    }

    [Theory]
    [MemberData(nameof(MapForms))]
    public void A_throwing_map_hook_still_hears_of_every_entry(string form)
    {
        IResizableTestMap map = NewMap(form, 5);
        for (int i = 0; i < 5; i++)
        {
            map["k" + i] = i;
        }

        map.ThrowFor = "k1";

        var thrown = Assert.Throws<InvalidOperationException>(() => map.SetCapacity(2));

        Assert.Equal("hook failed for k1", thrown.Message);
        Assert.Equal(["k0", "k1", "k2"], map.Evictions.Select(eviction => eviction.Entry.Key));
        Assert.Equal(["k3", "k4"], map.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lowering_a_maps_capacity_during_enumeration_is_a_modification()
    {
        var map = new ResizableMap(10);
        for (int i = 0; i < 10; i++)
        {
            map["k" + i] = i;
        }

        using IEnumerator<KeyValuePair<string, int>> enumerator = ((IEnumerable<KeyValuePair<string, int>>)map).GetEnumerator();
        Assert.True(enumerator.MoveNext());
        map.SetCapacity(10);
        Assert.True(enumerator.MoveNext());
        map.SetCapacity(9);

        Assert.Throws<InvalidOperationException>(() => enumerator.MoveNext());
    }

    [Fact]
    public void Sets_in_both_forms_grow_back_and_refuse_a_capacity_outside_1_to_MaxLength()
    {
        var plain = new ResizableDropNewestSet(100);
        var safe = new ResizableLruSetThreadSafe(100);
        foreach (Action<int> setCapacity in new Action<int>[] { plain.SetCapacity, safe.SetCapacity })
        {
            Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => setCapacity(0)).ParamName);
            Assert.Contains("MaxLength 100", Assert.Throws<ArgumentOutOfRangeException>(() => setCapacity(101)).Message, StringComparison.Ordinal);
            setCapacity(3);
        }

        for (int i = 0; i < 5; i++)
        {
            plain.Add(i);
            safe.Add(i);
        }

        Assert.Equal(3, plain.Count);
        Assert.Equal(2, plain.Dropped);
        Assert.Equal(3, safe.Count);
        Assert.Equal(2, safe.Evicted);

        plain.SetCapacity(100);
        safe.SetCapacity(100);
        for (int i = 10; i < 107; i++)
        {
            plain.Add(i);
            safe.Add(i);
        }

        Assert.Equal(100, plain.Count);
        Assert.Equal(100, safe.Count);
        Assert.Equal(2, plain.Dropped);
        Assert.Equal(2, safe.Evicted);
        Assert.True(plain.Contains(106));
        Assert.True(safe.Contains(106));
    }

    [Fact]
    public void Only_types_that_ask_for_it_get_SetCapacity()
    {
        Assert.NotNull(typeof(ResizableQueue).GetMethod("SetCapacity", [typeof(int)]));
        Assert.NotNull(typeof(ResizableDropNewestSet).GetMethod("SetCapacity", [typeof(int)]));
        Assert.Null(typeof(IntDropOldest).GetMethod("SetCapacity"));
        Assert.Null(typeof(HookedMapThreadSafe).GetMethod("SetCapacity"));
        Assert.Null(typeof(HookedSet).GetMethod("SetCapacity"));
    }

    [Fact]
    public void Sets_of_every_policy_evict_in_policy_order_when_their_capacity_is_lowered()
    {
        var dropNewest = new ResizableDropNewestSet(5);
        var throwing = new ResizableThrowSetThreadSafe(5);
        var lru = new ResizableLruSetThreadSafe(5);
        for (int i = 0; i < 5; i++)
        {
            dropNewest.Add(i);
            throwing.Add(i);
            lru.Add(i);
        }

        Assert.True(lru.Contains(0));
        dropNewest.SetCapacity(2);
        throwing.SetCapacity(2);
        lru.SetCapacity(2);

        Assert.Equal([3, 4], dropNewest.Order());
        Assert.Equal(3, dropNewest.Evicted);
        Assert.False(dropNewest.Add(9));
        Assert.Equal(1, dropNewest.Dropped);

        Assert.Equal([0, 1, 2], throwing.Evictions.Select(eviction => eviction.Entry));
        Assert.All(throwing.Evictions, eviction => Assert.Equal(Shrunk, eviction.Reason));
        Assert.Throws<BoundExceededException>(() => throwing.Add(9));
        Assert.Equal(3, throwing.Evicted);

        Assert.Equal([1, 2, 3], lru.Evictions.Select(eviction => eviction.Entry));
        Assert.Equal([0, 4], lru.Order());
    }
}
