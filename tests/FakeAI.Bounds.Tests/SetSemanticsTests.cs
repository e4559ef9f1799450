using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The semantics of the generated bounded set for every policy in both thread-safety modes: the cap on distinct values,
/// what each policy does with a new value on a full set, least-recently-used refreshes by Add and Contains, every
/// member's result and the counters. The value type comes from the concrete subclasses at the end of the file.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class SetSemanticsTests<T>
    where T : notnull
{
    private readonly ItemSource<T> _source;

    protected SetSemanticsTests(ItemSource<T> source)
    {
        _source = source;
    }

    protected abstract ITestSet<T> Create(OverflowPolicy policy, bool threadSafe, int capacity);

    private T I(int id) => _source.Item(id);

    private T[] Is(params int[] ids) => ids.Select(I).ToArray();

    private T[] Range(int first, int last) => _source.Items(first, last - first + 1);

    private ITestSet<T> Filled(OverflowPolicy policy, bool threadSafe, int capacity, params int[] ids)
    {
        ITestSet<T> set = Create(policy, threadSafe, capacity);
        foreach (int id in ids)
        {
            Assert.True(set.Add(I(id)));
        }

        MapAssert.Contents(set, Is(ids));
        return set;
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Values_are_kept_in_insertion_order_up_to_the_capacity(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Create(policy, threadSafe, 5);
        Assert.Equal(policy, set.Overflow);
        Assert.Equal(5, set.Capacity);
        Assert.Equal(TestMapLimits.MaxLength, set.MaxLength);

        for (int id = 1; id <= 5; id++)
        {
            Assert.False(set.IsFull);
            Assert.True(set.Add(I(id)));
            Assert.Equal(id, set.Count);
            Assert.Equal(id, set.TotalAdded);
        }

        Assert.True(set.IsFull);
        MapAssert.Contents(set, Range(1, 5));
        Assert.Equal(0, set.Evicted + set.Dropped);
        MapAssert.Invariant(set, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Add_of_a_new_value_to_a_full_set_applies_the_policy(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Filled(policy, threadSafe, 3, 1, 2, 3);

        for (int id = 4; id <= 8; id++)
        {
            if (policy == OverflowPolicy.Throw)
            {
                var exception = Assert.Throws<BoundExceededException>(() => set.Add(I(id)));
                Assert.Equal(3, exception.Capacity);
                Assert.Equal(TestMapLimits.MaxLength, exception.MaxLength);
            }
            else
            {
                Assert.Equal(MapFactory.Evicts(policy), set.Add(I(id)));
            }

            Assert.Equal(3, set.Count);
            MapAssert.Invariant(set, removed: 0);
        }

        if (MapFactory.Evicts(policy))
        {
            MapAssert.Contents(set, Range(6, 8));
            Assert.Equal(8, set.TotalAdded);
            Assert.Equal(5, set.Evicted);
        }
        else
        {
            MapAssert.Contents(set, Range(1, 3));
            Assert.Equal(3, set.TotalAdded);
            Assert.Equal(5, set.Dropped);
        }
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Adding_a_present_value_returns_false_evicts_nothing_and_keeps_its_place_unless_LRU(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Filled(policy, threadSafe, 3, 1, 2, 3);
        bool lru = policy == OverflowPolicy.EvictLeastRecentlyUsed;

        // Present values on a full set: no policy applies, not even Throw.
        Assert.False(set.Add(I(1)));
        Assert.False(set.TryAdd(I(2)));
        Assert.Equal(3, set.TotalAdded);
        Assert.Equal(0, set.Evicted + set.Dropped);
        MapAssert.Contents(set, lru ? Is(3, 1, 2) : Is(1, 2, 3));

        bool added = set.TryAdd(I(4));
        Assert.Equal(MapFactory.Evicts(policy), added);
        MapAssert.Contents(set, policy switch
        {
            OverflowPolicy.DropOldest => Is(2, 3, 4),
            OverflowPolicy.EvictLeastRecentlyUsed => Is(1, 2, 4),
            _ => Is(1, 2, 3),
        });
        MapAssert.Invariant(set, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.ThreadSafety), MemberType = typeof(MapFactory))]
    public void Under_LRU_Contains_and_Add_of_a_present_value_refresh_it(bool threadSafe)
    {
        ITestSet<T> set = Filled(OverflowPolicy.EvictLeastRecentlyUsed, threadSafe, 3, 1, 2, 3);

        Assert.True(set.Contains(I(1)));
        MapAssert.Contents(set, Is(2, 3, 1));
        Assert.True(set.Add(I(4)));
        MapAssert.Contents(set, Is(3, 1, 4));

        Assert.False(set.Add(I(3)));
        Assert.True(set.Add(I(5)));
        MapAssert.Contents(set, Is(4, 3, 5));

        // An absent value changes nothing.
        Assert.False(set.Contains(I(1)));
        Assert.False(set.Remove(I(1)));
        MapAssert.Contents(set, Is(4, 3, 5));
        Assert.Equal(2, set.Evicted);
    }

    [Theory]
    [MemberData(nameof(MapFactory.ThreadSafety), MemberType = typeof(MapFactory))]
    public void Without_LRU_Contains_does_not_change_the_order(bool threadSafe)
    {
        ITestSet<T> set = Filled(OverflowPolicy.DropOldest, threadSafe, 3, 1, 2, 3);

        Assert.True(set.Contains(I(1)));
        Assert.True(set.Add(I(4)));

        MapAssert.Contents(set, Is(2, 3, 4));
        Assert.False(set.Contains(I(1)));
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void TryAdd_never_throws_and_returns_false_for_a_present_value_and_when_the_policy_rejects(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Create(policy, threadSafe, 2);
        Assert.True(set.TryAdd(I(1)));
        Assert.False(set.TryAdd(I(1)));
        Assert.True(set.TryAdd(I(2)));

        for (int id = 3; id <= 6; id++)
        {
            Assert.Equal(MapFactory.Evicts(policy), set.TryAdd(I(id)));
            MapAssert.Invariant(set, removed: 0);
        }

        MapAssert.Contents(set, MapFactory.Evicts(policy) ? Range(5, 6) : Range(1, 2));
        Assert.Equal(MapFactory.Evicts(policy) ? 4 : 0, set.Evicted);
        Assert.Equal(MapFactory.Evicts(policy) ? 0 : 4, set.Dropped);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Remove_takes_a_value_out_and_makes_room(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Filled(policy, threadSafe, 4, 1, 2, 3, 4);

        Assert.True(set.Remove(I(2)));
        Assert.False(set.Remove(I(2)));
        Assert.True(set.Remove(I(4)));
        MapAssert.Contents(set, Is(1, 3));

        Assert.True(set.Add(I(5)));
        Assert.True(set.Add(I(2)));
        MapAssert.Contents(set, Is(1, 3, 5, 2));
        Assert.Equal(0, set.Evicted + set.Dropped);

        Assert.True(set.Remove(I(1)));
        Assert.True(set.Remove(I(2)));
        Assert.True(set.Remove(I(3)));
        Assert.True(set.Remove(I(5)));
        MapAssert.Contents(set, Is());
        Assert.True(set.Add(I(6)));
        MapAssert.Contents(set, Is(6));
        MapAssert.Invariant(set, removed: 6);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void RemoveWhere_removes_the_matches_keeps_the_order_and_returns_the_count(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Filled(policy, threadSafe, 7, 1, 2, 3, 4, 5, 6, 7);
        var judged = new List<T>();

        int count = set.RemoveWhere(item =>
        {
            judged.Add(item);
            return _source.Id(item) % 3 != 0;
        });

        Assert.Equal(5, count);
        QueueAssert.Sequence(Range(1, 7), judged, "the values the predicate judged");
        MapAssert.Contents(set, Is(3, 6));
        MapAssert.Invariant(set, removed: 5);

        foreach (T item in Range(8, 12))
        {
            Assert.True(set.TryAdd(item));
        }

        Assert.Equal(MapFactory.Evicts(policy), set.TryAdd(I(13)));
        MapAssert.Contents(set, MapFactory.Evicts(policy) ? Is(6, 8, 9, 10, 11, 12, 13) : Is(3, 6, 8, 9, 10, 11, 12));
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_RemoveWhere_predicate_that_throws_midway_leaves_a_consistent_set(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Filled(policy, threadSafe, 6, 1, 2, 3, 4, 5, 6);

        Assert.Throws<FormatException>(() => set.RemoveWhere(item =>
            _source.Id(item) == 4 ? throw new FormatException() : _source.Id(item) != 3));

        List<int> held = set.Select(_source.Id).ToList();
        Assert.True(
            held.SequenceEqual(new[] { 3, 4, 5, 6 }) || held.SequenceEqual(Enumerable.Range(1, 6)),
            $"After the predicate threw the set holds [{string.Join(", ", held)}].");
        MapAssert.Contents(set, Is(held.ToArray()));
        MapAssert.Invariant(set, 6 - held.Count);

        Assert.True(set.Remove(I(4)));
        Assert.True(set.Add(I(7)));
        Assert.Equal(held.Count, set.Count);
        Assert.True(set.Contains(I(7)));
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Clear_empties_the_set_and_keeps_the_counters(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Filled(policy, threadSafe, 2, 1, 2);
        set.TryAdd(I(3));
        long totalAdded = set.TotalAdded;
        long lost = set.Evicted + set.Dropped;

        set.Clear();

        MapAssert.Contents(set, Is());
        Assert.False(set.Contains(I(2)));
        Assert.Equal(totalAdded, set.TotalAdded);
        Assert.Equal(1, lost);
        Assert.Equal(lost, set.Evicted + set.Dropped);
        Assert.True(set.Add(I(2)));
        Assert.True(set.Add(I(1)));
        MapAssert.Contents(set, Is(2, 1));
        MapAssert.Invariant(set, removed: 2);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_set_of_capacity_one_holds_a_single_value(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Create(policy, threadSafe, 1);
        Assert.True(set.Add(I(1)));
        Assert.False(set.Add(I(1)));
        Assert.Equal(MapFactory.Evicts(policy), set.TryAdd(I(2)));
        MapAssert.Contents(set, MapFactory.Evicts(policy) ? Is(2) : Is(1));
        set.Clear();
        Assert.True(set.Add(I(3)));
        MapAssert.Contents(set, Is(3));
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_set_grows_to_MaxLength(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<T> set = Create(policy, threadSafe, TestMapLimits.MaxLength);
        foreach (T item in Range(1, TestMapLimits.MaxLength))
        {
            Assert.True(set.Add(item));
        }

        MapAssert.Contents(set, Range(1, TestMapLimits.MaxLength));
        Assert.Equal(MapFactory.Evicts(policy), set.TryAdd(I(0)));
        Assert.Equal(MapFactory.Evicts(policy), set.Contains(I(0)));
    }
}

public sealed class IntSetSemanticsTests : SetSemanticsTests<int>
{
    public IntSetSemanticsTests()
        : base(new IntItems())
    {
    }

    protected override ITestSet<int> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.IntSet(policy, threadSafe, capacity);
}

public sealed class StringSetSemanticsTests : SetSemanticsTests<string>
{
    public StringSetSemanticsTests()
        : base(new StringItems())
    {
    }

    protected override ITestSet<string> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.StringSet(policy, threadSafe, capacity);
}

/// <summary>The same semantics with every value in one bucket chain.</summary>
public sealed class CollidingIntSetSemanticsTests : SetSemanticsTests<int>
{
    public CollidingIntSetSemanticsTests()
        : base(new IntItems())
    {
    }

    protected override ITestSet<int> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
        MapFactory.IntSet(policy, threadSafe, capacity, CollidingIntComparer.Instance);
}
