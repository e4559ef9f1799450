using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Python <c>deque(maxlen=N)</c> semantics of the generated queue, and what DropNewest and Throw do instead, for every
/// policy in both thread-safety modes. The item type comes from the concrete subclasses at the end of the file.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class DequeSemanticsTests<T>
{
    private readonly ItemSource<T> _source;

    protected DequeSemanticsTests(ItemSource<T> source)
    {
        _source = source;
    }

    protected abstract IBoundedQueue<T> Create(OverflowPolicy policy, bool threadSafe, int capacity);

    protected abstract IBoundedQueue<T> CreateDefault(OverflowPolicy policy, bool threadSafe);

    private T I(int id) => _source.Item(id);

    private T[] Is(params int[] ids) => ids.Select(I).ToArray();

    private T[] Range(int firstId, int lastId) => _source.Items(firstId, lastId - firstId + 1);

    /// <summary>Capacity 7 holding 4 … 10 with its oldest item in the middle of the ring, so that reads must wrap.</summary>
    private IBoundedQueue<T> WrappedQueueOf4To10(OverflowPolicy policy, bool threadSafe, out long removed)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 7);
        foreach (T item in Range(1, 7))
        {
            queue.Add(item);
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.True(queue.TryDequeue(out _));
        }

        foreach (T item in Range(8, 10))
        {
            queue.Add(item);
        }

        removed = 3;
        QueueAssert.Contents(queue, Range(4, 10));
        return queue;
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Items_are_kept_oldest_first_up_to_the_capacity(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 5);
        Assert.Equal(policy, queue.Overflow);

        for (int id = 1; id <= 5; id++)
        {
            Assert.False(queue.IsFull);
            queue.Add(I(id));
            Assert.Equal(id, queue.Count);
            Assert.Equal(id, queue.TotalAdded);
            Assert.Equal(I(1), queue[0]);
            Assert.Equal(I(id), queue[id - 1]);
        }

        Assert.True(queue.IsFull);
        QueueAssert.Contents(queue, Range(1, 5));
        Assert.Equal(0, queue.Evicted);
        Assert.Equal(0, queue.Dropped);
        QueueAssert.Invariant(queue, removed: 0);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Add_to_a_full_queue_applies_the_policy(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 3);
        foreach (T item in Range(1, 3))
        {
            queue.Add(item);
        }

        for (int id = 4; id <= 10; id++)
        {
            if (policy == OverflowPolicy.Throw)
            {
                var exception = Assert.Throws<BoundExceededException>(() => queue.Add(I(id)));
                Assert.Equal(3, exception.Capacity);
                Assert.Equal(TestQueueLimits.MaxLength, exception.MaxLength);
            }
            else
            {
                queue.Add(I(id));
            }

            Assert.Equal(3, queue.Count);
            QueueAssert.Invariant(queue, removed: 0);
        }

        if (policy == OverflowPolicy.DropOldest)
        {
            // deque(range(1, 11), maxlen=3) == deque([8, 9, 10])
            QueueAssert.Contents(queue, Is(8, 9, 10));
            Assert.Equal(10, queue.TotalAdded);
            Assert.Equal(7, queue.Evicted);
            Assert.Equal(0, queue.Dropped);
        }
        else
        {
            QueueAssert.Contents(queue, Is(1, 2, 3));
            Assert.Equal(3, queue.TotalAdded);
            Assert.Equal(0, queue.Evicted);
            Assert.Equal(7, queue.Dropped);
        }
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void A_queue_of_capacity_one_holds_a_single_item(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 1);

        Assert.True(queue.TryAdd(I(1)));
        QueueAssert.Contents(queue, Is(1));

        bool stored = queue.TryAdd(I(2));
        Assert.Equal(policy == OverflowPolicy.DropOldest, stored);
        QueueAssert.Contents(queue, policy == OverflowPolicy.DropOldest ? Is(2) : Is(1));

        Assert.True(queue.TryDequeue(out T? item));
        Assert.Equal(policy == OverflowPolicy.DropOldest ? I(2) : I(1), item);
        QueueAssert.Contents(queue, Array.Empty<T>());

        Assert.True(queue.TryAdd(I(3)));
        QueueAssert.Contents(queue, Is(3));
        QueueAssert.Invariant(queue, removed: 1);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void TryAdd_never_throws_and_returns_false_only_when_it_rejects(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 2);
        Assert.True(queue.TryAdd(I(1)));
        Assert.True(queue.TryAdd(I(2)));

        for (int id = 3; id <= 6; id++)
        {
            bool stored = queue.TryAdd(I(id));

            Assert.Equal(policy == OverflowPolicy.DropOldest, stored);
            Assert.Equal(2, queue.Count);
            QueueAssert.Invariant(queue, removed: 0);
        }

        if (policy == OverflowPolicy.DropOldest)
        {
            QueueAssert.Contents(queue, Is(5, 6));
            Assert.Equal(6, queue.TotalAdded);
            Assert.Equal(4, queue.Evicted);
        }
        else
        {
            QueueAssert.Contents(queue, Is(1, 2));
            Assert.Equal(2, queue.TotalAdded);
            Assert.Equal(4, queue.Dropped);
        }
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void TryAdd_with_evicted_reports_what_happened_and_hands_back_the_evicted_item(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 2);

        Assert.Equal(BoundedAddResult.Added, queue.TryAdd(I(1), out T? evicted));
        Assert.Equal(default, evicted);
        Assert.Equal(BoundedAddResult.Added, queue.TryAdd(I(2), out evicted));
        Assert.Equal(default, evicted);

        if (policy == OverflowPolicy.DropOldest)
        {
            Assert.Equal(BoundedAddResult.AddedWithEviction, queue.TryAdd(I(3), out evicted));
            Assert.Equal(I(1), evicted);
            Assert.Equal(BoundedAddResult.AddedWithEviction, queue.TryAdd(I(4), out evicted));
            Assert.Equal(I(2), evicted);
            QueueAssert.Contents(queue, Is(3, 4));
            Assert.Equal(2, queue.Evicted);
        }
        else
        {
            Assert.Equal(BoundedAddResult.Rejected, queue.TryAdd(I(3), out evicted));
            Assert.Equal(default, evicted);
            Assert.Equal(BoundedAddResult.Rejected, queue.TryAdd(I(4), out evicted));
            Assert.Equal(default, evicted);
            QueueAssert.Contents(queue, Is(1, 2));
            Assert.Equal(2, queue.Dropped);
        }

        // Room again: the next item is simply added.
        Assert.True(queue.TryDequeue(out _));
        Assert.Equal(BoundedAddResult.Added, queue.TryAdd(I(5), out evicted));
        Assert.Equal(default, evicted);
        QueueAssert.Contents(queue, policy == OverflowPolicy.DropOldest ? Is(4, 5) : Is(2, 5));
        QueueAssert.Invariant(queue, removed: 1);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void TryDequeue_removes_oldest_first_across_the_wrap_and_fails_when_empty(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 4);
        Assert.False(queue.TryDequeue(out T? item));
        Assert.Equal(default, item);

        foreach (T added in Range(1, 3))
        {
            queue.Add(added);
        }

        Assert.True(queue.TryDequeue(out item));
        Assert.Equal(I(1), item);

        // 4 and 5 go after 3; 5 lands in the ring's first slot.
        queue.Add(I(4));
        queue.Add(I(5));
        QueueAssert.Contents(queue, Range(2, 5));

        var dequeued = new List<T>();
        while (queue.TryDequeue(out item))
        {
            dequeued.Add(item);
            QueueAssert.Invariant(queue, removed: 1 + dequeued.Count);
        }

        Assert.Equal(Range(2, 5), dequeued);
        Assert.Equal(default, item);
        QueueAssert.Contents(queue, Array.Empty<T>());
        Assert.Equal(5, queue.TotalAdded);

        queue.Add(I(6));
        QueueAssert.Contents(queue, Is(6));
        QueueAssert.Invariant(queue, removed: 5);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Peeks_show_the_oldest_and_the_newest_without_removing_them(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 3);
        Assert.False(queue.TryPeekOldest(out T? oldest));
        Assert.False(queue.TryPeekNewest(out T? newest));
        Assert.Equal(default, oldest);
        Assert.Equal(default, newest);

        queue.Add(I(1));
        Assert.True(queue.TryPeekOldest(out oldest));
        Assert.True(queue.TryPeekNewest(out newest));
        Assert.Equal(I(1), oldest);
        Assert.Equal(I(1), newest);

        queue.Add(I(2));
        queue.Add(I(3));
        queue.TryAdd(I(4));
        Assert.True(queue.TryPeekOldest(out oldest));
        Assert.True(queue.TryPeekNewest(out newest));
        Assert.Equal(policy == OverflowPolicy.DropOldest ? I(2) : I(1), oldest);
        Assert.Equal(policy == OverflowPolicy.DropOldest ? I(4) : I(3), newest);
        Assert.Equal(3, queue.Count);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void RemoveWhere_removes_the_matches_keeps_the_order_and_returns_the_count(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out long removed);
        var judged = new List<T>();

        int count = queue.RemoveWhere(item =>
        {
            judged.Add(item);
            return _source.Id(item) % 2 == 1;
        });

        Assert.Equal(3, count);
        removed += count;
        Assert.Equal(Range(4, 10), judged);
        QueueAssert.Contents(queue, Is(4, 6, 8, 10));
        QueueAssert.Invariant(queue, removed);

        // The ring stays consistent: it fills up again in order, and then the policy applies as usual.
        foreach (T item in Range(11, 13))
        {
            queue.Add(item);
        }

        QueueAssert.Contents(queue, Is(4, 6, 8, 10, 11, 12, 13));
        bool stored = queue.TryAdd(I(14));
        Assert.Equal(policy == OverflowPolicy.DropOldest, stored);
        QueueAssert.Contents(queue, stored ? Is(6, 8, 10, 11, 12, 13, 14) : Is(4, 6, 8, 10, 11, 12, 13));
        QueueAssert.Invariant(queue, removed);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void RemoveWhere_of_nothing_and_of_everything(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out long removed);

        Assert.Equal(0, queue.RemoveWhere(_ => false));
        QueueAssert.Contents(queue, Range(4, 10));

        Assert.Equal(7, queue.RemoveWhere(_ => true));
        removed += 7;
        QueueAssert.Contents(queue, Array.Empty<T>());
        QueueAssert.Invariant(queue, removed);

        Assert.Equal(0, queue.RemoveWhere(_ => true));
        queue.Add(I(11));
        queue.Add(I(12));
        QueueAssert.Contents(queue, Is(11, 12));
        QueueAssert.Invariant(queue, removed);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void RemoveWhere_rejects_a_null_predicate(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out _);

        var exception = Assert.Throws<ArgumentNullException>(() => queue.RemoveWhere(null!));

        Assert.Equal("match", exception.ParamName);
        QueueAssert.Contents(queue, Range(4, 10));
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void RemoveWhere_whose_predicate_throws_midway_loses_and_duplicates_nothing(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out long removed);
        long evictedBefore = queue.Evicted;
        var judged = new List<T>();

        // Removes the even items; throws while judging 7, after 4 and 6 were judged to go.
        var thrown = Assert.Throws<PredicateFailedException>(() => queue.RemoveWhere(item =>
        {
            if (_source.Id(item) == 7)
            {
                throw new PredicateFailedException();
            }

            judged.Add(item);
            return _source.Id(item) % 2 == 0;
        }));

        Assert.NotNull(thrown);
        Assert.Equal(Is(4, 5, 6), judged);

        // Either the judged matches (4, 6) are gone, or the removal was rolled back; in both cases the item being judged
        // and every item not judged yet are still there, once each, in order.
        T[] after = queue.ToArray();
        T[] judgedMatchesGone = Is(5, 7, 8, 9, 10);
        T[] rolledBack = Range(4, 10);
        Assert.True(
            after.SequenceEqual(judgedMatchesGone) || after.SequenceEqual(rolledBack),
            "After the predicate threw the queue holds [" + string.Join(", ", after.Select(_source.Id)) + "]; expected [5, 7, 8, 9, 10] or [4 … 10].");
        QueueAssert.Contents(queue, after);
        Assert.Equal(evictedBefore, queue.Evicted);
        removed += 7 - after.Length;
        QueueAssert.Invariant(queue, removed);

        // And the ring is still sound.
        queue.Add(I(11));
        var rest = new List<T>();
        while (queue.TryDequeue(out T? item))
        {
            rest.Add(item);
        }

        Assert.Equal(after.Append(I(11)), rest);
        QueueAssert.Invariant(queue, removed + rest.Count);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void ToArray_is_a_copy_oldest_first(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> empty = Create(policy, threadSafe, 3);
        Assert.Empty(empty.ToArray());

        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out _);
        T[] array = queue.ToArray();
        Assert.Equal(Range(4, 10), array);

        array[0] = I(99);
        Assert.Equal(I(4), queue[0]);
        Assert.NotSame(array, queue.ToArray());
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void CopyTo_writes_oldest_first_from_the_index_and_nothing_else(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out _);
        T sentinel = I(-1);

        T[] array = Enumerable.Repeat(sentinel, 10).ToArray();
        queue.CopyTo(array, 2);
        Assert.Equal(new[] { sentinel, sentinel }.Concat(Range(4, 10)).Append(sentinel), array);

        T[] exact = new T[7];
        queue.CopyTo(exact, 0);
        Assert.Equal(Range(4, 10), exact);

        T[] tail = Enumerable.Repeat(sentinel, 9).ToArray();
        queue.CopyTo(tail, 2);
        Assert.Equal(new[] { sentinel, sentinel }.Concat(Range(4, 10)), tail);

        // An empty queue copies nothing, even at the very end of the array.
        IBoundedQueue<T> empty = Create(policy, threadSafe, 3);
        T[] untouched = { sentinel, sentinel };
        empty.CopyTo(untouched, 2);
        empty.CopyTo(untouched, 0);
        Assert.Equal(new[] { sentinel, sentinel }, untouched);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void CopyTo_rejects_bad_arguments_and_leaves_the_array_alone(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out _);
        T sentinel = I(-1);

        var nullArray = Assert.Throws<ArgumentNullException>(() => queue.CopyTo(null!, 0));
        Assert.Equal("array", nullArray.ParamName);

        T[] array = Enumerable.Repeat(sentinel, 8).ToArray();
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => queue.CopyTo(array, -1));
        Assert.Equal("arrayIndex", negative.ParamName);

        var pastTheEnd = Assert.Throws<ArgumentOutOfRangeException>(() => queue.CopyTo(array, 9));
        Assert.Equal("arrayIndex", pastTheEnd.ParamName);

        // Index 2 of 8 leaves room for 6 of the 7 items.
        var noRoom = Assert.Throws<ArgumentException>(() => queue.CopyTo(array, 2));
        Assert.Equal("array", noRoom.ParamName);
        Assert.Throws<ArgumentException>(() => queue.CopyTo(array, 8));
        Assert.Throws<ArgumentException>(() => queue.CopyTo(new T[6], 0));

        Assert.All(array, item => Assert.Equal(sentinel, item));
        QueueAssert.Contents(queue, Range(4, 10));
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Indexer_counts_from_the_oldest_and_rejects_positions_outside_the_items(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> empty = Create(policy, threadSafe, 3);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => empty[0]).ParamName);

        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out _);
        IReadOnlyList<T> list = queue;
        for (int index = 0; index < 7; index++)
        {
            Assert.Equal(I(4 + index), queue[index]);
            Assert.Equal(I(4 + index), list[index]);
        }

        foreach (int index in new[] { -1, 7, 8, int.MinValue, int.MaxValue })
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => queue[index]);
            Assert.Equal("index", exception.ParamName);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[index]);
        }

        // A position past Count is out of range even when the ring has a slot there.
        Assert.True(queue.TryDequeue(out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue[6]);
        Assert.Equal(I(10), queue[5]);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void Clear_empties_the_queue_and_keeps_the_counters(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 3);
        foreach (T item in Range(1, 5))
        {
            queue.TryAdd(item);
        }

        long totalAdded = queue.TotalAdded;
        long evicted = queue.Evicted;
        long dropped = queue.Dropped;
        int held = queue.Count;

        queue.Clear();

        QueueAssert.Contents(queue, Array.Empty<T>());
        Assert.Equal(totalAdded, queue.TotalAdded);
        Assert.Equal(evicted, queue.Evicted);
        Assert.Equal(dropped, queue.Dropped);
        Assert.Equal(policy == OverflowPolicy.DropOldest ? 5 : 3, totalAdded);
        QueueAssert.Invariant(queue, removed: held);

        queue.Clear();
        QueueAssert.Invariant(queue, removed: held);

        foreach (T item in Range(6, 9))
        {
            queue.TryAdd(item);
        }

        QueueAssert.Contents(queue, policy == OverflowPolicy.DropOldest ? Is(7, 8, 9) : Is(6, 7, 8));
        QueueAssert.Invariant(queue, removed: held);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void NewestFirst_runs_from_the_newest_to_the_oldest(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> empty = Create(policy, threadSafe, 3);
        Assert.Empty(empty.NewestFirst);

        IBoundedQueue<T> queue = WrappedQueueOf4To10(policy, threadSafe, out _);
        Assert.Equal(Range(4, 10).Reverse(), queue.NewestFirst);
        Assert.Equal(Range(4, 10).Reverse(), queue.NewestFirst.ToArray());
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void A_queue_at_its_MaxLength_grows_its_ring_and_keeps_every_item_in_order(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = CreateDefault(policy, threadSafe);
        Assert.Equal(TestQueueLimits.MaxLength, queue.Capacity);

        // Dequeue now and then so that every growth of the ring happens with its oldest item away from slot 0.
        var expected = new List<T>();
        long removed = 0;
        int nextId = 1;
        while (expected.Count < TestQueueLimits.MaxLength)
        {
            T item = I(nextId++);
            queue.Add(item);
            expected.Add(item);
            if (nextId % 3 == 0)
            {
                Assert.True(queue.TryDequeue(out T? oldest));
                Assert.Equal(expected[0], oldest);
                expected.RemoveAt(0);
                removed++;
            }

            QueueAssert.Contents(queue, expected);
        }

        Assert.True(queue.IsFull);
        bool stored = queue.TryAdd(I(nextId));
        Assert.Equal(policy == OverflowPolicy.DropOldest, stored);
        if (stored)
        {
            expected.RemoveAt(0);
            expected.Add(I(nextId));
        }

        QueueAssert.Contents(queue, expected);
        QueueAssert.Invariant(queue, removed);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.ThreadSafety), MemberType = typeof(QueueFactory))]
    public void Throw_policy_throws_an_exception_that_carries_the_bound_and_changes_nothing(bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(OverflowPolicy.Throw, threadSafe, 2);
        queue.Add(I(1));
        queue.Add(I(2));

        for (int attempt = 1; attempt <= 3; attempt++)
        {
            var exception = Assert.Throws<BoundExceededException>(() => queue.Add(I(3)));

            Assert.IsAssignableFrom<InvalidOperationException>(exception);
            Assert.Equal(2, exception.Capacity);
            Assert.Equal(TestQueueLimits.MaxLength, exception.MaxLength);
            Assert.Contains("'" + queue.GetType().Name + "' is full (capacity 2 of MaxLength 100)", exception.Message, StringComparison.Ordinal);
            QueueAssert.Contents(queue, Is(1, 2));
            Assert.Equal(2, queue.TotalAdded);
            Assert.Equal(attempt, queue.Dropped);
        }

        Assert.True(queue.TryDequeue(out _));
        queue.Add(I(3));
        QueueAssert.Contents(queue, Is(2, 3));
        QueueAssert.Invariant(queue, removed: 1);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.ThreadSafety), MemberType = typeof(QueueFactory))]
    public void Throw_policy_at_MaxLength_names_the_bound_once(bool threadSafe)
    {
        IBoundedQueue<T> queue = CreateDefault(OverflowPolicy.Throw, threadSafe);
        foreach (T item in Range(1, TestQueueLimits.MaxLength))
        {
            queue.Add(item);
        }

        var exception = Assert.Throws<BoundExceededException>(() => queue.Add(I(0)));

        Assert.Equal(TestQueueLimits.MaxLength, exception.Capacity);
        Assert.Equal(TestQueueLimits.MaxLength, exception.MaxLength);
        Assert.Contains("(MaxLength 100)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(TestQueueLimits.MaxLength, queue.Count);
        Assert.Equal(1, queue.Dropped);
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void The_accounting_invariant_holds_through_every_kind_of_removal(OverflowPolicy policy, bool threadSafe)
    {
        IBoundedQueue<T> queue = Create(policy, threadSafe, 4);
        long removed = 0;
        int nextId = 1;

        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 6; i++)
            {
                queue.TryAdd(I(nextId++));
                QueueAssert.Invariant(queue, removed);
            }

            Assert.True(queue.TryDequeue(out _));
            removed++;
            QueueAssert.Invariant(queue, removed);

            removed += queue.RemoveWhere(item => _source.Id(item) % 3 == 0);
            QueueAssert.Invariant(queue, removed);

            if (round % 2 == 1)
            {
                removed += queue.Count;
                queue.Clear();
                QueueAssert.Invariant(queue, removed);
            }
        }

        // Every offered item was either stored or dropped; DropOldest stores them all.
        Assert.Equal(30, queue.TotalAdded + queue.Dropped);
        if (policy == OverflowPolicy.DropOldest)
        {
            Assert.Equal(30, queue.TotalAdded);
        }
    }

    /// <summary>Thrown by a predicate on purpose.</summary>
    public sealed class PredicateFailedException : Exception
    {
        public PredicateFailedException()
            : base("The predicate failed on purpose.")
        {
        }
    }
}

public sealed class IntDequeSemanticsTests : DequeSemanticsTests<int>
{
    public IntDequeSemanticsTests()
        : base(new IntItems())
    {
    }

    protected override IBoundedQueue<int> Create(OverflowPolicy policy, bool threadSafe, int capacity) => QueueFactory.Int(policy, threadSafe, capacity);

    protected override IBoundedQueue<int> CreateDefault(OverflowPolicy policy, bool threadSafe) => QueueFactory.Int(policy, threadSafe);
}

public sealed class PayloadDequeSemanticsTests : DequeSemanticsTests<Payload>
{
    public PayloadDequeSemanticsTests()
        : base(new PayloadItems())
    {
    }

    protected override IBoundedQueue<Payload> Create(OverflowPolicy policy, bool threadSafe, int capacity) => QueueFactory.Payload(policy, threadSafe, capacity);

    protected override IBoundedQueue<Payload> CreateDefault(OverflowPolicy policy, bool threadSafe) => QueueFactory.Payload(policy, threadSafe);
}
