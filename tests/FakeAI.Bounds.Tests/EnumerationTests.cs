using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Enumeration while the queue changes. A single-threaded queue fails fast, like the BCL collections; a thread-safe
/// queue never throws, yields each item at most once and in order, and (as its generated documentation says) takes
/// the items present when it starts and skips those removed meanwhile.
/// </summary>
public class EnumerationTests
{
    /// <summary>What a test does to the queue between two steps of an enumeration.</summary>
    public enum Modification
    {
        Add,
        AddThatEvicts,
        TryAdd,
        TryAddWithEvicted,
        TryDequeue,
        RemoveWhereOfTheOldest,
        RemoveWhereOfTheNewest,
        RemoveWhereOfTheOldestThenAdd,
        Clear,
        ClearAndRefill,
    }

    public static TheoryData<OverflowPolicy, Modification> SingleThreadedCases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, Modification>();
            foreach (OverflowPolicy policy in new[] { OverflowPolicy.DropOldest, OverflowPolicy.DropNewest, OverflowPolicy.Throw })
            {
                foreach (Modification modification in Enum.GetValues<Modification>())
                {
                    if (modification != Modification.AddThatEvicts || policy == OverflowPolicy.DropOldest)
                    {
                        cases.Add(policy, modification);
                    }
                }
            }

            return cases;
        }
    }

    public static TheoryData<Modification, bool> ThreadSafeCases
    {
        get
        {
            var cases = new TheoryData<Modification, bool>();
            foreach (Modification modification in Enum.GetValues<Modification>())
            {
                cases.Add(modification, false);
                cases.Add(modification, true);
            }

            return cases;
        }
    }

    /// <summary>A queue of 1 … 6 whose oldest item is not in the ring's first slot; full when the modification evicts.</summary>
    private static IBoundedQueue<int> Prepare(OverflowPolicy policy, bool threadSafe, Modification modification)
    {
        int capacity = modification == Modification.AddThatEvicts ? 6 : 20;
        IBoundedQueue<int> queue = QueueFactory.Int(policy, threadSafe, capacity);
        for (int id = 0; id <= 6; id++)
        {
            queue.TryAdd(id);
        }

        if (queue.Count == 7)
        {
            Assert.True(queue.TryDequeue(out int zero));
            Assert.Equal(0, zero);
        }

        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, queue.ToArray());
        return queue;
    }

    private static int _nextId = 1000;

    private static void Modify(IBoundedQueue<int> queue, Modification modification)
    {
        int id = System.Threading.Interlocked.Increment(ref _nextId);
        switch (modification)
        {
            case Modification.Add:
            case Modification.AddThatEvicts:
                queue.Add(id);
                break;
            case Modification.TryAdd:
                Assert.True(queue.TryAdd(id));
                break;
            case Modification.TryAddWithEvicted:
                Assert.NotEqual(BoundedAddResult.Rejected, queue.TryAdd(id, out _));
                break;
            case Modification.TryDequeue:
                queue.TryDequeue(out _);
                break;
            case Modification.RemoveWhereOfTheOldest:
                if (queue.TryPeekOldest(out int oldest))
                {
                    Assert.Equal(1, queue.RemoveWhere(item => item == oldest));
                }

                break;
            case Modification.RemoveWhereOfTheOldestThenAdd:
                if (queue.TryPeekOldest(out int first))
                {
                    Assert.Equal(1, queue.RemoveWhere(item => item == first));
                }

                queue.Add(id);
                break;
            case Modification.RemoveWhereOfTheNewest:
                if (queue.TryPeekNewest(out int newest))
                {
                    Assert.Equal(1, queue.RemoveWhere(item => item == newest));
                }

                break;
            case Modification.Clear:
                queue.Clear();
                break;
            case Modification.ClearAndRefill:
                queue.Clear();
                queue.Add(id);
                queue.Add(id + 1_000_000);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(SingleThreadedCases))]
    public void A_single_threaded_queue_modified_during_foreach_throws(OverflowPolicy policy, Modification modification)
    {
        IBoundedQueue<int> queue = Prepare(policy, threadSafe: false, modification);
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int item in queue)
            {
                Modify(queue, modification);
            }
        });

        queue = Prepare(policy, threadSafe: false, modification);
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int item in queue.NewestFirst)
            {
                Modify(queue, modification);
            }
        });
    }

    [Fact]
    public void The_struct_enumerators_of_a_single_threaded_queue_fail_fast()
    {
        var queue = new IntDropOldest(capacity: 4);
        queue.Add(1);
        queue.Add(2);

        IntDropOldest.Enumerator forward = queue.GetEnumerator();
        IntDropOldest.NewestFirstEnumerator backward = queue.NewestFirst.GetEnumerator();
        Assert.True(forward.MoveNext());
        Assert.True(backward.MoveNext());
        Assert.Equal(1, forward.Current);
        Assert.Equal(2, backward.Current);

        queue.Add(3);

        Assert.Throws<InvalidOperationException>(() => forward.MoveNext());
        Assert.Throws<InvalidOperationException>(() => backward.MoveNext());
        Assert.Throws<InvalidOperationException>(() => forward.Reset());
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Reads_during_foreach_do_not_disturb_it(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<int> queue = Prepare(policy, threadSafe, Modification.Add);
        var yielded = new List<int>();
        foreach (int item in queue)
        {
            yielded.Add(item);
            _ = queue[0];
            _ = queue.Count;
            _ = queue.ToArray();
            queue.TryPeekOldest(out _);
            queue.TryPeekNewest(out _);
            queue.CopyTo(new int[10], 0);
            foreach (int inner in queue.NewestFirst)
            {
                _ = inner;
            }
        }

        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, yielded);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Enumerators_reset_and_run_again(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<int> queue = Prepare(policy, threadSafe, Modification.Add);

        using IEnumerator<int> forward = queue.GetEnumerator();
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, Drain(forward));
        Assert.False(forward.MoveNext());
        forward.Reset();
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, Drain(forward));

        using IEnumerator<int> backward = queue.NewestFirst.GetEnumerator();
        Assert.Equal(new[] { 6, 5, 4, 3, 2, 1 }, Drain(backward));
        backward.Reset();
        Assert.Equal(new[] { 6, 5, 4, 3, 2, 1 }, Drain(backward));

        IEnumerator nonGeneric = ((IEnumerable)queue).GetEnumerator();
        Assert.True(nonGeneric.MoveNext());
        Assert.Equal(1, nonGeneric.Current);
    }

    [Theory]
    [MemberData(nameof(ThreadSafeCases))]
    public void A_thread_safe_queue_modified_during_foreach_does_not_throw_and_yields_each_item_at_most_once_in_order(Modification modification, bool newestFirst)
    {
        IBoundedQueue<int> queue = Prepare(OverflowPolicy.DropOldest, threadSafe: true, modification);

        List<int> yielded = EnumerateWhileModifying(queue, modification, newestFirst);

        Assert.NotEmpty(yielded);
        for (int i = 1; i < yielded.Count; i++)
        {
            Assert.True(
                newestFirst ? yielded[i] < yielded[i - 1] : yielded[i] > yielded[i - 1],
                $"{(newestFirst ? "NewestFirst" : "foreach")} with {modification} after each item yielded [{string.Join(", ", yielded)}]: "
                + $"{yielded[i]} follows {yielded[i - 1]}.");
        }
    }

    [Theory]
    [MemberData(nameof(ThreadSafeCases))]
    public void A_thread_safe_enumeration_yields_the_items_present_at_its_start_less_those_removed_meanwhile(Modification modification, bool newestFirst)
    {
        IBoundedQueue<int> queue = Prepare(OverflowPolicy.DropOldest, threadSafe: true, modification);
        int[] atStart = queue.ToArray();

        List<int> yielded = EnumerateWhileModifying(queue, modification, newestFirst);

        // Items removed are never re-added (ids are unique), so an item present at the start and at the end was present
        // throughout and must have been yielded; an item added after the start must not be.
        int[] atEnd = queue.ToArray();
        string seen = $"{(newestFirst ? "NewestFirst" : "foreach")} with {modification} after each item yielded [{string.Join(", ", yielded)}] "
            + $"from [{string.Join(", ", atStart)}], which ended as [{string.Join(", ", atEnd)}].";
        Assert.True(yielded.All(atStart.Contains), seen + " It yielded an item added after it started.");
        Assert.True(atStart.Intersect(atEnd).All(yielded.Contains), seen + " It skipped an item present throughout.");
    }

    private static List<int> EnumerateWhileModifying(IBoundedQueue<int> queue, Modification modification, bool newestFirst)
    {
        var yielded = new List<int>();
        IEnumerable<int> items = newestFirst ? queue.NewestFirst : queue;
        foreach (int item in items)
        {
            yielded.Add(item);
            Modify(queue, modification);
            if (yielded.Count > 100)
            {
                break;
            }
        }

        return yielded;
    }

    private static List<int> Drain(IEnumerator<int> enumerator)
    {
        var items = new List<int>();
        while (enumerator.MoveNext())
        {
            items.Add(enumerator.Current);
        }

        return items;
    }
}
