using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The four constructors of the generated maps and sets, for every policy in both modes: the capacity check, the
/// comparer (default, given, case-insensitive), and null keys.
/// </summary>
public class MapConstructionTests
{
    private static readonly int[] BadCapacities = [0, -1, TestMapLimits.MaxLength + 1, int.MinValue, int.MaxValue];

    public static TheoryData<OverflowPolicy, bool, int> BadCapacityCases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, bool, int>();
            foreach (object[] flavor in MapFactory.Flavors)
            {
                foreach (int capacity in BadCapacities)
                {
                    cases.Add((OverflowPolicy)flavor[0], (bool)flavor[1], capacity);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(BadCapacityCases))]
    public void A_capacity_outside_1_to_MaxLength_throws_ArgumentOutOfRangeException_from_every_constructor(OverflowPolicy policy, bool threadSafe, int capacity)
    {
        var attempts = new List<Action>
        {
            () => MapFactory.IntConstructors(policy, threadSafe).WithCapacity(capacity),
            () => MapFactory.IntConstructors(policy, threadSafe).WithCapacityAndComparer(capacity, null),
            () => MapFactory.StringConstructors(policy, threadSafe).WithCapacity(capacity),
            () => MapFactory.StringConstructors(policy, threadSafe).WithCapacityAndComparer(capacity, StringComparer.OrdinalIgnoreCase),
            () => MapFactory.IntSetConstructors(policy, threadSafe).WithCapacity(capacity),
            () => MapFactory.IntSetConstructors(policy, threadSafe).WithCapacityAndComparer(capacity, CollidingIntComparer.Instance),
            () => MapFactory.StringSetConstructors(policy, threadSafe).WithCapacity(capacity),
            () => MapFactory.StringSetConstructors(policy, threadSafe).WithCapacityAndComparer(capacity, null),
        };

        foreach (Action attempt in attempts)
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(attempt);
            Assert.Equal("capacity", exception.ParamName);
            Assert.Equal(capacity, exception.ActualValue);
            Assert.Contains("MaxLength", exception.Message, StringComparison.Ordinal);
            Assert.Contains(TestMapLimits.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Every_constructor_sets_the_capacity_and_the_comparer(OverflowPolicy policy, bool threadSafe)
    {
        Constructors<ITestMap<string, Payload>, string> maps = MapFactory.StringConstructors(policy, threadSafe);
        Constructors<ITestSet<int>, int> sets = MapFactory.IntSetConstructors(policy, threadSafe);
        IEqualityComparer<string> ignoreCase = StringComparer.OrdinalIgnoreCase;

        AssertShape(maps.Default(), TestMapLimits.MaxLength, EqualityComparer<string>.Default);
        AssertShape(maps.WithCapacity(1), 1, EqualityComparer<string>.Default);
        AssertShape(maps.WithCapacity(TestMapLimits.MaxLength), TestMapLimits.MaxLength, EqualityComparer<string>.Default);
        AssertShape(maps.WithComparer(ignoreCase), TestMapLimits.MaxLength, ignoreCase);
        AssertShape(maps.WithComparer(null), TestMapLimits.MaxLength, EqualityComparer<string>.Default);
        AssertShape(maps.WithComparer(EqualityComparer<string>.Default), TestMapLimits.MaxLength, EqualityComparer<string>.Default);
        AssertShape(maps.WithCapacityAndComparer(7, ignoreCase), 7, ignoreCase);
        AssertShape(maps.WithCapacityAndComparer(7, null), 7, EqualityComparer<string>.Default);

        AssertShape(sets.Default(), TestMapLimits.MaxLength, EqualityComparer<int>.Default);
        AssertShape(sets.WithCapacity(3), 3, EqualityComparer<int>.Default);
        AssertShape(sets.WithComparer(CollidingIntComparer.Instance), TestMapLimits.MaxLength, CollidingIntComparer.Instance);
        AssertShape(sets.WithCapacityAndComparer(2, CollidingIntComparer.Instance), 2, CollidingIntComparer.Instance);
        AssertShape(sets.WithCapacityAndComparer(2, null), 2, EqualityComparer<int>.Default);

        void AssertShape<TKey>(IBoundedCollection collection, int capacity, IEqualityComparer<TKey> comparer)
        {
            Assert.Equal(capacity, collection.Capacity);
            Assert.Equal(TestMapLimits.MaxLength, collection.MaxLength);
            Assert.Equal(policy, collection.Overflow);
            Assert.Equal(0, collection.Count);
            Assert.Equal(0, collection.TotalAdded + collection.Evicted + collection.Dropped);
            IEqualityComparer<TKey> actual = collection switch
            {
                ITestMap<TKey, Payload> map => map.Comparer,
                ITestSet<TKey> set => set.Comparer,
                _ => throw new InvalidOperationException("Not a test map or set."),
            };
            Assert.Same(comparer, actual);
        }
    }

    [Fact]
    public void DeclaredMaxLength_is_the_MaxLength_of_the_declaration()
    {
        Assert.Equal(TestMapLimits.MaxLength, IntMapLruThreadSafe.DeclaredMaxLength);
        Assert.Equal(TestMapLimits.MaxLength, StringSetThrow.DeclaredMaxLength);
        Assert.Equal(16, LruCache<string, int>.DeclaredMaxLength);
        Assert.Equal(8, MapHolder.ActiveStreams.DeclaredMaxLength);
        Assert.Equal(4, MapHolder.Inner.AffectedUsers.DeclaredMaxLength);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_case_insensitive_comparer_makes_spellings_of_a_key_one_key_that_keeps_its_first_spelling(OverflowPolicy policy, bool threadSafe)
    {
        foreach (ITestMap<string, Payload> map in new[]
        {
            MapFactory.StringConstructors(policy, threadSafe).WithComparer(StringComparer.OrdinalIgnoreCase),
            MapFactory.String(policy, threadSafe, 3, StringComparer.OrdinalIgnoreCase),
        })
        {
            var one = new Payload(1);
            var two = new Payload(2);
            var three = new Payload(3);
            map["Alpha"] = one;
            Assert.False(map.TryAdd("ALPHA", two));
            map["alpha"] = two;
            Assert.Same(two, map["ALPHA"]);
            Assert.True(map.TryGetValue("aLpHa", out Payload? found));
            Assert.Same(two, found);
            Assert.True(map.ContainsKey("ALPHA"));
            Assert.Same(two, map.GetOrAdd("alpha", _ => throw new InvalidOperationException("The key is present.")));
            Assert.Same(three, map.AddOrUpdate("ALPHA", one, (key, current) =>
            {
                Assert.Equal("ALPHA", key);
                Assert.Same(two, current);
                return three;
            }));

            map["Beta"] = one;

            // Thread-safe LRU lists in eviction order: Beta, never used since it was added, goes before Alpha.
            bool secondChance = policy == OverflowPolicy.EvictLeastRecentlyUsed && threadSafe;
            MapAssert.Contents(map, secondChance ? new[] { Pair("Beta", one), Pair("Alpha", three) } : new[] { Pair("Alpha", three), Pair("Beta", one) });
            Assert.Equal(2, map.TotalAdded);

            Assert.True(map.Remove("BETA", out Payload? removed));
            Assert.Same(one, removed);
            Assert.Equal(1, map.RemoveWhere((key, _) => key == "Alpha"));
            Assert.Equal(0, map.Count);
        }

        static KeyValuePair<string, Payload> Pair(string key, Payload value) => new(key, value);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_case_insensitive_set_holds_one_spelling_of_each_value(OverflowPolicy policy, bool threadSafe)
    {
        foreach (ITestSet<string> set in new[]
        {
            MapFactory.StringSetConstructors(policy, threadSafe).WithComparer(StringComparer.OrdinalIgnoreCase),
            MapFactory.StringSet(policy, threadSafe, 2, StringComparer.OrdinalIgnoreCase),
        })
        {
            Assert.True(set.Add("User@Example.com"));
            Assert.False(set.Add("user@example.com"));
            Assert.False(set.TryAdd("USER@EXAMPLE.COM"));
            Assert.True(set.Contains("user@EXAMPLE.com"));
            Assert.True(set.Add("other"));
            bool secondChance = policy == OverflowPolicy.EvictLeastRecentlyUsed && threadSafe;
            MapAssert.Contents(set, secondChance ? new[] { "other", "User@Example.com" } : new[] { "User@Example.com", "other" });
            Assert.True(set.Remove("OTHER"));
            Assert.Equal(1, set.RemoveWhere(value => value == "User@Example.com"));
            Assert.Equal(0, set.Count);
            Assert.Equal(2, set.TotalAdded);
        }
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_null_key_throws_ArgumentNullException_from_every_member_and_changes_nothing(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 3);
        var payload = new Payload(1);
        map["a"] = payload;
        string key = null!;

        var attempts = new List<Action>
        {
            () => _ = map[key],
            () => map[key] = payload,
            () => map.TryAdd(key, payload),
            () => map.TryGetValue(key, out _),
            () => map.ContainsKey(key),
            () => map.GetOrAdd(key, _ => payload),
            () => map.AddOrUpdate(key, payload, (_, current) => current),
            () => map.Remove(key),
            () => map.Remove(key, out _),
        };

        foreach (Action attempt in attempts)
        {
            Assert.Equal("key", Assert.Throws<ArgumentNullException>(attempt).ParamName);
        }

        MapAssert.Contents(map, new[] { new KeyValuePair<string, Payload>("a", payload) });
        Assert.Equal(1, map.TotalAdded);
        Assert.Equal(0, map.Evicted + map.Dropped);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void A_null_value_of_a_set_throws_ArgumentNullException_from_every_member_and_changes_nothing(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<string> set = MapFactory.StringSet(policy, threadSafe, 3);
        set.Add("a");
        string item = null!;

        var attempts = new List<Action>
        {
            () => set.Add(item),
            () => set.TryAdd(item),
            () => set.Contains(item),
            () => set.Remove(item),
        };

        foreach (Action attempt in attempts)
        {
            Assert.Equal("item", Assert.Throws<ArgumentNullException>(attempt).ParamName);
        }

        Assert.Equal("match", Assert.Throws<ArgumentNullException>(() => set.RemoveWhere(null!)).ParamName);
        MapAssert.Contents(set, new[] { "a" });
        Assert.Equal(1, set.TotalAdded);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Null_values_are_stored_like_any_other(OverflowPolicy policy, bool threadSafe)
    {
        // The values of a dictionary of a reference type may be null (the nullable annotations aside).
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 2);
        map["a"] = null!;
        Assert.True(map.TryGetValue("a", out Payload? value));
        Assert.Null(value);
        Assert.True(map.ContainsKey("a"));
        Assert.Equal(new[] { "a" }, map.Keys);
        Assert.Equal(1, map.Count);
    }
}
