using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// A bounded queue must stop referencing what it no longer holds: items evicted, dequeued, removed by RemoveWhere or
/// cleared become collectable, while the items still held stay alive. These fail if the generated code stops clearing
/// vacated slots.
/// </summary>
/// <remarks>
/// Every object under test is created and handled in a <see cref="MethodImplOptions.NoInlining"/> helper, so that no
/// local of the test method (which Debug builds keep alive to the end of the method) references it. The test method
/// only holds weak references and the queue.
/// </remarks>
public class CollectabilityTests
{
    public static TheoryData<bool> ThreadSafety => QueueFactory.ThreadSafety;

    /// <summary>How an item is made to leave a DropOldest queue by eviction.</summary>
    public enum EvictingAdd
    {
        Add,
        TryAdd,
        TryAddWithEvicted,
    }

    public static TheoryData<bool, EvictingAdd> EvictionCases
    {
        get
        {
            var cases = new TheoryData<bool, EvictingAdd>();
            foreach (bool threadSafe in new[] { false, true })
            {
                foreach (EvictingAdd add in Enum.GetValues<EvictingAdd>())
                {
                    cases.Add(threadSafe, add);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(EvictionCases))]
    public void Evicted_items_are_collectable(bool threadSafe, EvictingAdd add)
    {
        IBoundedQueue<Payload> queue = QueueFactory.Payload(OverflowPolicy.DropOldest, threadSafe, 4);
        Tracked[] first = AddTracked(queue, firstId: 0, count: 4, EvictingAdd.Add);
        Tracked[] second = AddTracked(queue, firstId: 100, count: 3, add);

        FullCollection();

        AssertCollected(first[0..3], "evicted");
        AssertAlive(first[3..], "still held");
        AssertAlive(second, "still held");
        GC.KeepAlive(queue);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Dequeued_items_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<Payload> queue = QueueFactory.Payload(policy, threadSafe, 6);
        Tracked[] items = AddTracked(queue, firstId: 0, count: 6, EvictingAdd.Add);
        Dequeue(queue, 4);

        // The ring now wraps: two more items go into the slots the dequeued ones left at its start.
        Tracked[] more = AddTracked(queue, firstId: 100, count: 2, EvictingAdd.Add);
        Dequeue(queue, 1);

        FullCollection();

        AssertCollected(items[0..5], "dequeued");
        AssertAlive(items[5..], "still held");
        AssertAlive(more, "still held");
        GC.KeepAlive(queue);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Items_removed_by_RemoveWhere_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<Payload> queue = QueueFactory.Payload(policy, threadSafe, 8);
        AddTracked(queue, firstId: 0, count: 3, EvictingAdd.Add);
        Dequeue(queue, 3);
        Tracked[] items = AddTracked(queue, firstId: 10, count: 8, EvictingAdd.Add);

        Assert.Equal(5, RemoveWhere(queue, id => id % 2 == 0 || id == 17));

        FullCollection();

        AssertAliveExactlyTheHeld(queue, items);
        Assert.Equal(3, queue.Count);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Items_removed_before_a_RemoveWhere_predicate_threw_are_collectable_or_still_held(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<Payload> queue = QueueFactory.Payload(policy, threadSafe, 8);
        Tracked[] items = AddTracked(queue, firstId: 0, count: 8, EvictingAdd.Add);

        Assert.Throws<FormatException>(() => RemoveWhere(queue, id => id == 5 ? throw new FormatException() : id % 2 == 0));

        FullCollection();

        // Whatever the queue kept after the failure, it references nothing else.
        AssertAliveExactlyTheHeld(queue, items);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Cleared_items_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<Payload> queue = QueueFactory.Payload(policy, threadSafe, 5);
        AddTracked(queue, firstId: 0, count: 3, EvictingAdd.Add);
        Dequeue(queue, 2);
        Tracked[] items = AddTracked(queue, firstId: 10, count: 4, EvictingAdd.Add);

        queue.Clear();
        FullCollection();

        AssertCollected(items, "cleared");
        Assert.Equal(0, queue.Count);

        Tracked[] after = AddTracked(queue, firstId: 20, count: 2, EvictingAdd.Add);
        FullCollection();
        AssertAlive(after, "added after Clear");
        GC.KeepAlive(queue);
    }

    [Fact]
    public void A_value_type_that_holds_a_reference_is_cleared_too()
    {
        var queue = new PairQueue(capacity: 4);
        WeakReference[] dequeued = AddPairs(queue, 0, 2);
        DequeuePairs(queue, 2);
        WeakReference[] removed = AddPairs(queue, 10, 2);
        Assert.Equal(2, queue.RemoveWhere(pair => pair.Key >= 10));
        WeakReference[] cleared = AddPairs(queue, 20, 3);
        queue.Clear();
        WeakReference[] held = AddPairs(queue, 30, 2);

        FullCollection();

        Assert.All(dequeued, reference => Assert.False(reference.IsAlive, "A dequeued pair's value is still referenced."));
        Assert.All(removed, reference => Assert.False(reference.IsAlive, "A removed pair's value is still referenced."));
        Assert.All(cleared, reference => Assert.False(reference.IsAlive, "A cleared pair's value is still referenced."));
        Assert.All(held, reference => Assert.True(reference.IsAlive, "A held pair's value was collected."));
        GC.KeepAlive(queue);
    }

    [Fact]
    public void A_generic_queue_of_references_releases_what_it_no_longer_holds()
    {
        var window = new Window<Payload>(capacity: 3);
        Tracked[] items = AddTracked(window, firstId: 0, count: 6, EvictingAdd.Add);
        Dequeue(window, 1);

        FullCollection();

        AssertCollected(items[0..4], "evicted or dequeued");
        AssertAlive(items[4..], "still held");
        GC.KeepAlive(window);
    }

    /// <summary>An item the test no longer references strongly, known by its id.</summary>
    public readonly record struct Tracked(int Id, WeakReference Reference);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tracked[] AddTracked(IBoundedQueue<Payload> queue, int firstId, int count, EvictingAdd add)
    {
        var tracked = new Tracked[count];
        for (int i = 0; i < count; i++)
        {
            var payload = new Payload(firstId + i);
            tracked[i] = new Tracked(payload.Id, new WeakReference(payload));
            switch (add)
            {
                case EvictingAdd.Add:
                    queue.Add(payload);
                    break;
                case EvictingAdd.TryAdd:
                    Assert.True(queue.TryAdd(payload));
                    break;
                default:
                    queue.TryAdd(payload, out Payload? evicted);
                    Assert.NotNull(evicted);
                    break;
            }
        }

        return tracked;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Dequeue(IBoundedQueue<Payload> queue, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Assert.True(queue.TryDequeue(out _));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RemoveWhere(IBoundedQueue<Payload> queue, Func<int, bool> matchId) => queue.RemoveWhere(item => matchId(item.Id));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HashSet<int> HeldIds(IBoundedQueue<Payload> queue)
    {
        var ids = new HashSet<int>();
        foreach (Payload item in queue.ToArray())
        {
            ids.Add(item.Id);
        }

        return ids;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] AddPairs(PairQueue queue, int firstKey, int count)
    {
        var references = new WeakReference[count];
        for (int i = 0; i < count; i++)
        {
            object value = new Payload(firstKey + i);
            references[i] = new WeakReference(value);
            queue.Add(new KeyValuePair<int, object>(firstKey + i, value));
        }

        return references;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DequeuePairs(PairQueue queue, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Assert.True(queue.TryDequeue(out _));
        }
    }

    private static void FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void AssertCollected(IEnumerable<Tracked> items, string what)
    {
        foreach (Tracked item in items)
        {
            Assert.False(item.Reference.IsAlive, $"Item {item.Id} was {what} but the queue still references it.");
        }
    }

    private static void AssertAlive(IEnumerable<Tracked> items, string what)
    {
        foreach (Tracked item in items)
        {
            Assert.True(item.Reference.IsAlive, $"Item {item.Id} is {what} but was collected.");
        }
    }

    private static void AssertAliveExactlyTheHeld(IBoundedQueue<Payload> queue, IEnumerable<Tracked> items)
    {
        HashSet<int> held = HeldIds(queue);
        foreach (Tracked item in items)
        {
            Assert.True(
                held.Contains(item.Id) == item.Reference.IsAlive,
                held.Contains(item.Id)
                    ? $"Item {item.Id} is held but was collected."
                    : $"Item {item.Id} left the queue but the queue still references it.");
        }
    }
}
