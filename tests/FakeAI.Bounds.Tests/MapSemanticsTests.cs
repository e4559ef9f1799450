using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>What a test does to a present key of a least-recently-used map.</summary>
public enum KeyUse
{
    IndexerGet,
    TryGetValue,
    GetOrAdd,
    IndexerSet,
    AddOrUpdate,
    ContainsKey,
}

/// <summary>
/// The semantics of the generated bounded dictionary for every policy in both thread-safety modes: the cap on distinct
/// keys, upserts, what each policy does with a new key on a full map, least-recently-used refreshes, every member's
/// result and the counters. The key and value types come from the concrete subclasses at the end of the file.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class MapSemanticsTests<TKey, TValue>
    where TKey : notnull
{
    private readonly MapItems<TKey, TValue> _items;

    protected MapSemanticsTests(MapItems<TKey, TValue> items)
    {
        _items = items;
    }

    public static TheoryData<KeyUse, bool> KeyUses
    {
        get
        {
            var data = new TheoryData<KeyUse, bool>();
            foreach (KeyUse use in Enum.GetValues<KeyUse>())
            {
                data.Add(use, false);
                data.Add(use, true);
            }

            return data;
        }
    }

    protected abstract ITestMap<TKey, TValue> Create(OverflowPolicy policy, bool threadSafe, int capacity);

    protected abstract ITestMap<TKey, TValue> CreateDefault(OverflowPolicy policy, bool threadSafe);

    private TKey K(int id) => _items.Key(id);

    private TValue V(int id) => _items.Value(id);

    /// <summary>The expected entries: (key id, value id) pairs, oldest first.</summary>
    private List<KeyValuePair<TKey, TValue>> E(params (int Key, int Value)[] entries) =>
        entries.Select(entry => new KeyValuePair<TKey, TValue>(K(entry.Key), V(entry.Value))).ToList();

    /// <summary>Entries whose value id is the key id.</summary>
    private List<KeyValuePair<TKey, TValue>> Same(params int[] ids) => E(ids.Select(id => (id, id)).ToArray());

    private List<KeyValuePair<TKey, TValue>> Range(int first, int last) => Same(Enumerable.Range(first, last - first + 1).ToArray());

    /// <summary>A map holding the keys <paramref name="ids"/>, each with the value of the same id, set in that order.</summary>
    private ITestMap<TKey, TValue> Filled(OverflowPolicy policy, bool threadSafe, int capacity, params int[] ids)
    {
        ITestMap<TKey, TValue> map = Create(policy, threadSafe, capacity);
        foreach (int id in ids)
        {
            map[K(id)] = V(id);
        }

        MapAssert.Contents(map, Same(ids));
        return map;
    }

    private static void AssertFull(BoundExceededException exception, int capacity)
    {
        Assert.Equal(capacity, exception.Capacity);
        Assert.Equal(TestMapLimits.MaxLength, exception.MaxLength);
        Assert.Contains("Throw", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Keys_are_kept_in_insertion_order_up_to_the_capacity(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Create(policy, threadSafe, 5);
        Assert.Equal(policy, map.Overflow);
        Assert.Equal(5, map.Capacity);
        Assert.Equal(TestMapLimits.MaxLength, map.MaxLength);
        MapAssert.Contents(map, Same());

        for (int id = 1; id <= 5; id++)
        {
            Assert.False(map.IsFull);
            map[K(id)] = V(id);
            Assert.Equal(id, map.Count);
            Assert.Equal(id, map.TotalAdded);
            Assert.Equal(V(id), map[K(id)]);
        }

        Assert.True(map.IsFull);
        MapAssert.Contents(map, Range(1, 5));
        Assert.Equal(0, map.Evicted);
        Assert.Equal(0, map.Dropped);
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_new_key_on_a_full_map_applies_the_policy(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1, 2, 3);

        for (int id = 4; id <= 9; id++)
        {
            if (policy == OverflowPolicy.Throw)
            {
                AssertFull(Assert.Throws<BoundExceededException>(() => map[K(id)] = V(id)), 3);
                Assert.False(map.ContainsKey(K(id)));
            }
            else
            {
                map[K(id)] = V(id);
            }

            Assert.Equal(3, map.Count);
            MapAssert.Invariant(map, removed: 0);
        }

        if (MapFactory.Evicts(policy))
        {
            // With no reads, least recently used is oldest inserted.
            MapAssert.Contents(map, Range(7, 9));
            Assert.Equal(9, map.TotalAdded);
            Assert.Equal(6, map.Evicted);
            Assert.Equal(0, map.Dropped);
            Assert.False(map.ContainsKey(K(1)));
            Assert.False(map.TryGetValue(K(6), out _));
        }
        else
        {
            MapAssert.Contents(map, Range(1, 3));
            Assert.Equal(3, map.TotalAdded);
            Assert.Equal(0, map.Evicted);
            Assert.Equal(6, map.Dropped);
            Assert.False(map.ContainsKey(K(9)));
        }
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Setting_a_present_key_replaces_its_value_keeps_its_place_and_evicts_nothing(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1, 2, 3);
        bool lru = policy == OverflowPolicy.EvictLeastRecentlyUsed;

        // A full map of every policy takes an update: it is not a new key.
        map[K(2)] = V(20);

        Assert.Equal(3, map.TotalAdded);
        Assert.Equal(0, map.Evicted);
        Assert.Equal(0, map.Dropped);
        MapAssert.Contents(map, lru ? E((1, 1), (3, 3), (2, 20)) : E((1, 1), (2, 20), (3, 3)));

        map[K(1)] = V(10);
        // Thread-safe, uses mark instead of moving: both used keys stay in their order, after the unused one.
        bool secondChance = lru && threadSafe;
        MapAssert.Contents(map, secondChance ? E((3, 3), (1, 10), (2, 20)) : lru ? E((3, 3), (2, 20), (1, 10)) : E((1, 10), (2, 20), (3, 3)));

        // The next new key shows whose place was kept.
        switch (policy)
        {
            case OverflowPolicy.DropOldest:
                map[K(4)] = V(4);
                MapAssert.Contents(map, E((2, 20), (3, 3), (4, 4)));
                break;
            case OverflowPolicy.EvictLeastRecentlyUsed:
                map[K(4)] = V(4);
                MapAssert.Contents(map, secondChance ? E((1, 10), (2, 20), (4, 4)) : E((2, 20), (1, 10), (4, 4)));
                break;
            case OverflowPolicy.DropNewest:
                map[K(4)] = V(4);
                MapAssert.Contents(map, E((1, 10), (2, 20), (3, 3)));
                break;
            default:
                AssertFull(Assert.Throws<BoundExceededException>(() => map[K(4)] = V(4)), 3);
                MapAssert.Contents(map, E((1, 10), (2, 20), (3, 3)));
                break;
        }

        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(KeyUses))]
    public void Under_LRU_a_read_or_write_of_a_present_key_refreshes_it_and_ContainsKey_does_not(KeyUse use, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(OverflowPolicy.EvictLeastRecentlyUsed, threadSafe, 3, 1, 2, 3);
        int factoryCalls = 0;

        TValue? seen = Use(map, use, 1, ref factoryCalls);

        bool refreshes = use != KeyUse.ContainsKey;
        int valueOf1 = use is KeyUse.IndexerSet or KeyUse.AddOrUpdate ? 10 : 1;
        Assert.Equal(use == KeyUse.AddOrUpdate ? 1 : 0, factoryCalls);
        if (use != KeyUse.ContainsKey && use != KeyUse.IndexerSet)
        {
            Assert.Equal(V(valueOf1), seen);
        }

        MapAssert.Contents(map, refreshes ? E((2, 2), (3, 3), (1, valueOf1)) : E((1, 1), (2, 2), (3, 3)));

        // The least recently used key is the one evicted next.
        map[K(4)] = V(4);
        MapAssert.Contents(map, refreshes ? E((3, 3), (1, valueOf1), (4, 4)) : E((2, 2), (3, 3), (4, 4)));
        Assert.Equal(1, map.Evicted);
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(KeyUses))]
    public void Without_LRU_reads_and_writes_of_a_present_key_keep_the_insertion_order(KeyUse use, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(OverflowPolicy.DropOldest, threadSafe, 3, 1, 2, 3);
        int factoryCalls = 0;

        Use(map, use, 1, ref factoryCalls);

        int valueOf1 = use is KeyUse.IndexerSet or KeyUse.AddOrUpdate ? 10 : 1;
        MapAssert.Contents(map, E((1, valueOf1), (2, 2), (3, 3)));
        map[K(4)] = V(4);
        MapAssert.Contents(map, E((2, 2), (3, 3), (4, 4)));
    }

    private TValue? Use(ITestMap<TKey, TValue> map, KeyUse use, int id, ref int factoryCalls)
    {
        int calls = 0;
        TValue? result = default;
        switch (use)
        {
            case KeyUse.IndexerGet:
                result = map[K(id)];
                break;
            case KeyUse.TryGetValue:
                Assert.True(map.TryGetValue(K(id), out result));
                break;
            case KeyUse.GetOrAdd:
                result = map.GetOrAdd(K(id), _ =>
                {
                    calls++;
                    return V(99);
                });
                break;
            case KeyUse.IndexerSet:
                map[K(id)] = V(id * 10);
                break;
            case KeyUse.AddOrUpdate:
                result = map.AddOrUpdate(K(id), V(98), (key, current) =>
                {
                    calls++;
                    Assert.Equal(K(id), key);
                    Assert.Equal(V(id), current);
                    return V(id * 10);
                });
                break;
            default:
                Assert.True(map.ContainsKey(K(id)));
                break;
        }

        factoryCalls += calls;
        return result;
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Reads_of_an_absent_key_change_nothing(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1, 2, 3);

        Assert.False(map.TryGetValue(K(7), out TValue? value));
        Assert.Equal(default, value);
        Assert.False(map.ContainsKey(K(7)));
        var exception = Assert.Throws<KeyNotFoundException>(() => map[K(7)]);
        Assert.Contains(K(7).ToString()!, exception.Message, StringComparison.Ordinal);
        Assert.False(map.Remove(K(7)));
        Assert.False(map.Remove(K(7), out value));
        Assert.Equal(default, value);

        MapAssert.Contents(map, Range(1, 3));
        Assert.Equal(3, map.TotalAdded);
        Assert.Equal(0, map.Evicted + map.Dropped);

        // A removed key is as absent as one never added.
        Assert.True(map.Remove(K(2)));
        Assert.Throws<KeyNotFoundException>(() => map[K(2)]);
        Assert.False(map.TryGetValue(K(2), out _));
        MapAssert.Contents(map, Same(1, 3));
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void TryAdd_never_throws_returns_false_for_a_present_key_and_when_the_policy_rejects(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Create(policy, threadSafe, 2);
        Assert.True(map.TryAdd(K(1), V(1)));
        Assert.False(map.TryAdd(K(1), V(10)));
        Assert.True(map.TryAdd(K(2), V(2)));
        MapAssert.Contents(map, Range(1, 2));

        // A present key on a full map: false, and no policy applies.
        Assert.False(map.TryAdd(K(2), V(20)));
        Assert.Equal(0, map.Evicted + map.Dropped);

        for (int id = 3; id <= 6; id++)
        {
            bool stored = map.TryAdd(K(id), V(id));

            Assert.Equal(MapFactory.Evicts(policy), stored);
            Assert.Equal(2, map.Count);
            MapAssert.Invariant(map, removed: 0);
        }

        if (MapFactory.Evicts(policy))
        {
            MapAssert.Contents(map, Range(5, 6));
            Assert.Equal(6, map.TotalAdded);
            Assert.Equal(4, map.Evicted);
        }
        else
        {
            MapAssert.Contents(map, Range(1, 2));
            Assert.Equal(2, map.TotalAdded);
            Assert.Equal(4, map.Dropped);
        }

        // Room again: the next key is simply added.
        Assert.True(map.Remove(map.Keys.First()));
        Assert.True(map.TryAdd(K(7), V(7)));
        Assert.Equal(2, map.Count);
        MapAssert.Invariant(map, removed: 1);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void GetOrAdd_calls_the_factory_once_for_an_absent_key_and_never_for_a_present_one(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 4, 1);
        var calls = new List<TKey>();
        TValue Factory(TKey key)
        {
            calls.Add(key);
            return V(_items.KeyId(key) * 10);
        }

        Assert.Equal(V(20), map.GetOrAdd(K(2), Factory));
        Assert.Equal(new[] { K(2) }, calls);
        Assert.Equal(V(20), map.GetOrAdd(K(2), Factory));
        Assert.Equal(V(1), map.GetOrAdd(K(1), Factory));
        Assert.Single(calls);

        // Thread-safe LRU marks both keys used, which leaves them in the order they were added.
        bool exactLru = policy == OverflowPolicy.EvictLeastRecentlyUsed && !threadSafe;
        MapAssert.Contents(map, exactLru ? E((2, 20), (1, 1)) : E((1, 1), (2, 20)));
        Assert.Equal(2, map.TotalAdded);
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void GetOrAdd_of_an_absent_key_on_a_full_map_applies_the_policy(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1, 2, 3);
        int calls = 0;
        TValue Factory(TKey key)
        {
            calls++;
            return V(40);
        }

        switch (policy)
        {
            case OverflowPolicy.Throw:
                AssertFull(Assert.Throws<BoundExceededException>(() => map.GetOrAdd(K(4), Factory)), 3);
                MapAssert.Contents(map, Range(1, 3));
                Assert.Equal(1, map.Dropped);
                break;
            case OverflowPolicy.DropNewest:
                // The factory's value comes back, but it is not stored.
                Assert.Equal(V(40), map.GetOrAdd(K(4), Factory));
                MapAssert.Contents(map, Range(1, 3));
                Assert.Equal(1, map.Dropped);
                break;
            default:
                Assert.Equal(V(40), map.GetOrAdd(K(4), Factory));
                MapAssert.Contents(map, E((2, 2), (3, 3), (4, 40)));
                Assert.Equal(1, map.Evicted);
                break;
        }

        Assert.Equal(1, calls);
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void GetOrAdd_whose_factory_adds_the_same_key_returns_the_stored_value(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1);
        int calls = 0;

        TValue result = map.GetOrAdd(K(2), key =>
        {
            calls++;
            map[key] = V(50);
            return V(60);
        });

        // The factory runs outside any lock and may use the map; what it stored wins over what it returned.
        Assert.Equal(V(50), result);
        Assert.Equal(1, calls);
        MapAssert.Contents(map, E((1, 1), (2, 50)));
        Assert.Equal(2, map.TotalAdded);
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_GetOrAdd_factory_that_throws_adds_nothing(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1);

        Assert.Throws<FormatException>(() => map.GetOrAdd(K(2), _ => throw new FormatException()));
        Assert.Throws<FormatException>(() => map.AddOrUpdate(K(1), V(5), (_, _) => throw new FormatException()));

        MapAssert.Contents(map, Same(1));
        Assert.Equal(1, map.TotalAdded);
        map[K(2)] = V(2);
        MapAssert.Contents(map, Range(1, 2));
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void AddOrUpdate_adds_an_absent_key_and_updates_a_present_one_from_its_value(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1, 2);
        var calls = new List<(TKey Key, TValue Value)>();
        TValue Update(TKey key, TValue current)
        {
            calls.Add((key, current));
            return V(_items.ValueId(current) + 100);
        }

        Assert.Equal(V(3), map.AddOrUpdate(K(3), V(3), Update));
        Assert.Empty(calls);

        Assert.Equal(V(101), map.AddOrUpdate(K(1), V(7), Update));
        Assert.Equal(new[] { (K(1), V(1)) }, calls);
        Assert.Equal(V(201), map.AddOrUpdate(K(1), V(7), Update));
        Assert.Equal(new[] { (K(1), V(1)), (K(1), V(101)) }, calls);

        // Full, but a present key is an update under every policy.
        Assert.True(map.IsFull);
        MapAssert.Contents(map, policy == OverflowPolicy.EvictLeastRecentlyUsed ? E((2, 2), (3, 3), (1, 201)) : E((1, 201), (2, 2), (3, 3)));
        Assert.Equal(3, map.TotalAdded);
        Assert.Equal(0, map.Evicted + map.Dropped);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void AddOrUpdate_of_an_absent_key_on_a_full_map_applies_the_policy(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 2, 1, 2);
        int calls = 0;
        TValue Update(TKey key, TValue current)
        {
            calls++;
            return current;
        }

        switch (policy)
        {
            case OverflowPolicy.Throw:
                AssertFull(Assert.Throws<BoundExceededException>(() => map.AddOrUpdate(K(3), V(3), Update)), 2);
                MapAssert.Contents(map, Range(1, 2));
                Assert.Equal(1, map.Dropped);
                break;
            case OverflowPolicy.DropNewest:
                Assert.Equal(V(3), map.AddOrUpdate(K(3), V(3), Update));
                MapAssert.Contents(map, Range(1, 2));
                Assert.Equal(1, map.Dropped);
                break;
            default:
                Assert.Equal(V(3), map.AddOrUpdate(K(3), V(3), Update));
                MapAssert.Contents(map, Range(2, 3));
                Assert.Equal(1, map.Evicted);
                break;
        }

        Assert.Equal(0, calls);
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Remove_takes_a_key_out_hands_back_its_value_and_makes_room(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 4, 1, 2, 3, 4);

        Assert.True(map.Remove(K(2)));
        MapAssert.Contents(map, Same(1, 3, 4));
        Assert.True(map.Remove(K(4), out TValue? removed));
        Assert.Equal(V(4), removed);
        MapAssert.Contents(map, Same(1, 3));
        Assert.False(map.Remove(K(4)));
        Assert.False(map.Remove(K(4), out removed));
        Assert.Equal(default, removed);

        // Removing frees room: two new keys fit without the policy, and a removed key comes back as the newest.
        map[K(5)] = V(5);
        map[K(2)] = V(22);
        MapAssert.Contents(map, E((1, 1), (3, 3), (5, 5), (2, 22)));
        Assert.Equal(0, map.Evicted + map.Dropped);
        Assert.Equal(6, map.TotalAdded);

        // Removing the oldest and the newest keeps the links between the others.
        Assert.True(map.Remove(K(1)));
        Assert.True(map.Remove(K(2), out removed));
        Assert.Equal(V(22), removed);
        MapAssert.Contents(map, Same(3, 5));
        Assert.True(map.Remove(K(3)));
        Assert.True(map.Remove(K(5)));
        MapAssert.Contents(map, Same());
        map[K(6)] = V(6);
        MapAssert.Contents(map, Same(6));
        MapAssert.Invariant(map, removed: 6);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void RemoveWhere_removes_the_matches_keeps_the_order_and_returns_the_count(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 7, 1, 2, 3, 4, 5, 6, 7);
        var judged = new List<KeyValuePair<TKey, TValue>>();

        int count = map.RemoveWhere((key, value) =>
        {
            judged.Add(new KeyValuePair<TKey, TValue>(key, value));
            return _items.KeyId(key) % 2 == 1;
        });

        Assert.Equal(4, count);
        MapAssert.Pairs(Range(1, 7), judged, "the entries the predicate judged");
        MapAssert.Contents(map, Same(2, 4, 6));
        Assert.Equal(0, map.RemoveWhere((_, _) => false));
        MapAssert.Invariant(map, removed: 4);

        // The table stays consistent: it fills up again in order, and then the policy applies as usual.
        for (int id = 8; id <= 11; id++)
        {
            Assert.True(map.TryAdd(K(id), V(id)));
        }

        MapAssert.Contents(map, Same(2, 4, 6, 8, 9, 10, 11));
        Assert.Equal(MapFactory.Evicts(policy), map.TryAdd(K(12), V(12)));
        MapAssert.Contents(map, MapFactory.Evicts(policy) ? Same(4, 6, 8, 9, 10, 11, 12) : Same(2, 4, 6, 8, 9, 10, 11));

        Assert.Equal(map.Count, map.RemoveWhere((_, _) => true));
        MapAssert.Contents(map, Same());
        MapAssert.Invariant(map, removed: 4 + 7);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void RemoveWhere_cleans_up_entries_by_age(OverflowPolicy policy, bool threadSafe)
    {
        // The value id stands for when a key was last seen; an update moves it forward.
        ITestMap<TKey, TValue> map = Create(policy, threadSafe, 10);
        for (int id = 1; id <= 6; id++)
        {
            map[K(id)] = V(100 + id);
        }

        map[K(2)] = V(200);
        map[K(5)] = V(201);

        int cutoff = 150;
        Assert.Equal(4, map.RemoveWhere((_, lastSeen) => _items.ValueId(lastSeen) < cutoff));

        var survivors = new HashSet<int>(map.Keys.Select(_items.KeyId));
        Assert.Equal(new HashSet<int> { 2, 5 }, survivors);
        Assert.Equal(V(200), map[K(2)]);
        Assert.Equal(V(201), map[K(5)]);
        MapAssert.Invariant(map, removed: 4);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_RemoveWhere_predicate_that_throws_midway_leaves_a_consistent_map(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 8, 1, 2, 3, 4, 5, 6, 7, 8);

        Assert.Throws<FormatException>(() => map.RemoveWhere((key, _) =>
            _items.KeyId(key) == 5 ? throw new FormatException("The predicate failed on purpose.") : _items.KeyId(key) % 2 == 0));

        // Keys 2 and 4 were judged before the failure: removed, or all kept; the rest is untouched.
        List<int> held = map.Keys.Select(_items.KeyId).ToList();
        Assert.True(
            held.SequenceEqual(new[] { 1, 3, 5, 6, 7, 8 }) || held.SequenceEqual(Enumerable.Range(1, 8)),
            $"After the predicate threw the map holds [{string.Join(", ", held)}].");
        MapAssert.Contents(map, Same(held.ToArray()));
        long removed = 8 - held.Count;
        MapAssert.Invariant(map, removed);

        // Every member still works on what is left.
        Assert.True(map.Remove(K(1)));
        Assert.True(map.TryAdd(K(20), V(20)));
        Assert.Equal(held.Count, map.Count);
        Assert.Equal(2, map.RemoveWhere((key, _) => _items.KeyId(key) is 3 or 20));
        MapAssert.Contents(map, Same(held.Where(id => id is not 1 and not 3).ToArray()));
        MapAssert.Invariant(map, removed + 3);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Clear_empties_the_map_and_keeps_the_counters(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1, 2, 3);
        map.TryAdd(K(4), V(4));
        long totalAdded = map.TotalAdded;
        long evicted = map.Evicted;
        long dropped = map.Dropped;
        Assert.Equal(1, evicted + dropped);

        map.Clear();

        MapAssert.Contents(map, Same());
        Assert.False(map.ContainsKey(K(3)));
        Assert.Throws<KeyNotFoundException>(() => map[K(4)]);
        Assert.Equal(totalAdded, map.TotalAdded);
        Assert.Equal(evicted, map.Evicted);
        Assert.Equal(dropped, map.Dropped);
        MapAssert.Invariant(map, removed: 3);

        map.Clear();
        MapAssert.Contents(map, Same());

        // The cleared table takes keys again, the cleared ones included, up to the capacity.
        for (int id = 3; id <= 5; id++)
        {
            map[K(id)] = V(id);
        }

        MapAssert.Contents(map, Range(3, 5));
        Assert.Equal(totalAdded + 3, map.TotalAdded);
        Assert.Equal(MapFactory.Evicts(policy), map.TryAdd(K(6), V(6)));
        MapAssert.Invariant(map, removed: 3);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_map_of_capacity_one_holds_a_single_key(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Create(policy, threadSafe, 1);
        map[K(1)] = V(1);
        map[K(1)] = V(11);
        MapAssert.Contents(map, E((1, 11)));

        bool stored = map.TryAdd(K(2), V(2));
        Assert.Equal(MapFactory.Evicts(policy), stored);
        MapAssert.Contents(map, stored ? Same(2) : E((1, 11)));

        Assert.True(map.Remove(map.Keys.Single()));
        map[K(3)] = V(3);
        MapAssert.Contents(map, Same(3));
        MapAssert.Invariant(map, removed: 1);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void The_default_capacity_is_MaxLength_and_the_table_grows_to_it(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = CreateDefault(policy, threadSafe);
        Assert.Equal(TestMapLimits.MaxLength, map.Capacity);
        Assert.Equal(TestMapLimits.MaxLength, map.MaxLength);
        Assert.Equal(policy, map.Overflow);

        // 100 keys: the entries grow 4 -> 8 -> ... -> 64 -> 100 and the buckets are rebuilt each time.
        for (int id = 1; id <= TestMapLimits.MaxLength; id++)
        {
            Assert.True(map.TryAdd(K(id), V(id)));
        }

        MapAssert.Contents(map, Range(1, TestMapLimits.MaxLength));
        Assert.True(map.IsFull);

        if (policy == OverflowPolicy.Throw)
        {
            AssertFull(Assert.Throws<BoundExceededException>(() => map[K(0)] = V(0)), TestMapLimits.MaxLength);
        }
        else
        {
            map[K(0)] = V(0);
        }

        Assert.Equal(MapFactory.Evicts(policy), map.ContainsKey(K(0)));
        Assert.Equal(!MapFactory.Evicts(policy), map.ContainsKey(K(1)));
        MapAssert.Invariant(map, removed: 0);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Null_factories_and_predicates_throw_ArgumentNullException(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 3, 1);

        Assert.Equal("valueFactory", Assert.Throws<ArgumentNullException>(() => map.GetOrAdd(K(1), null!)).ParamName);
        Assert.Equal("valueFactory", Assert.Throws<ArgumentNullException>(() => map.GetOrAdd(K(2), null!)).ParamName);
        Assert.Equal("updateValueFactory", Assert.Throws<ArgumentNullException>(() => map.AddOrUpdate(K(1), V(1), null!)).ParamName);
        Assert.Equal("updateValueFactory", Assert.Throws<ArgumentNullException>(() => map.AddOrUpdate(K(2), V(2), null!)).ParamName);
        Assert.Equal("match", Assert.Throws<ArgumentNullException>(() => map.RemoveWhere(null!)).ParamName);

        MapAssert.Contents(map, Same(1));
        Assert.Equal(1, map.TotalAdded);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Enumeration_lists_the_entries_oldest_first_or_least_recently_used_first(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<TKey, TValue> map = Filled(policy, threadSafe, 5, 3, 1, 4, 2);
        Assert.Equal(V(3), map[K(3)]);
        map[K(1)] = V(10);
        Assert.True(map.TryGetValue(K(4), out _));
        map[K(5)] = V(5);

        // Thread-safe LRU lists in eviction order: the keys not used since they were added (2, 5), then the used ones
        // in the order they were added (3, 1, 4).
        List<KeyValuePair<TKey, TValue>> expected = policy != OverflowPolicy.EvictLeastRecentlyUsed
            ? E((3, 3), (1, 10), (4, 4), (2, 2), (5, 5))
            : threadSafe
                ? E((2, 2), (5, 5), (3, 3), (1, 10), (4, 4))
                : E((2, 2), (3, 3), (1, 10), (4, 4), (5, 5));
        MapAssert.Contents(map, expected);

        IReadOnlyDictionary<TKey, TValue> readOnly = map;
        Assert.Equal(expected.Select(pair => pair.Key), readOnly.Keys);
        Assert.Equal(expected.Select(pair => pair.Value), readOnly.Values);
    }
}

public sealed class IntLongMapSemanticsTests : MapSemanticsTests<int, long>
{
    public IntLongMapSemanticsTests()
        : base(new IntLongItems())
    {
    }

    protected override ITestMap<int, long> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.Int(policy, threadSafe, capacity);

    protected override ITestMap<int, long> CreateDefault(OverflowPolicy policy, bool threadSafe) => MapFactory.Int(policy, threadSafe);
}

public sealed class StringPayloadMapSemanticsTests : MapSemanticsTests<string, Payload>
{
    public StringPayloadMapSemanticsTests()
        : base(new StringPayloadItems())
    {
    }

    protected override ITestMap<string, Payload> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.String(policy, threadSafe, capacity);

    protected override ITestMap<string, Payload> CreateDefault(OverflowPolicy policy, bool threadSafe) => MapFactory.String(policy, threadSafe);
}

/// <summary>The same semantics with every key in one bucket chain, so that lookups, removals and growth walk long chains.</summary>
public sealed class CollidingIntMapSemanticsTests : MapSemanticsTests<int, long>
{
    public CollidingIntMapSemanticsTests()
        : base(new IntLongItems())
    {
    }

    protected override ITestMap<int, long> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
        MapFactory.Int(policy, threadSafe, capacity, CollidingIntComparer.Instance);

    protected override ITestMap<int, long> CreateDefault(OverflowPolicy policy, bool threadSafe) =>
        MapFactory.IntConstructors(policy, threadSafe).WithComparer(CollidingIntComparer.Instance);
}
