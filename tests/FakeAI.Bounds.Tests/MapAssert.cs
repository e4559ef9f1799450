using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>Assertions that look at a map or a set through every read it offers, so that no view can disagree with another.</summary>
public static class MapAssert
{
    /// <summary>
    /// Asserts that the map holds exactly <paramref name="expected"/>, oldest (least recently used) first, as seen by
    /// <c>Count</c>, <c>IsFull</c>, foreach, the non-generic enumerator, <c>Keys</c>, <c>Values</c>,
    /// <c>ContainsKey</c> and <c>TryGetValue</c>. Keys are compared exactly (a string key keeps the spelling it was first
    /// stored with, whatever the map's comparer); reference values by identity.
    /// </summary>
    /// <remarks>
    /// <c>TryGetValue</c> marks a key used under least-recently-used eviction, so the keys are read from the least to
    /// the most recently used: that moves each to the newest end in turn and leaves the order as it was, which the
    /// second enumeration checks.
    /// </remarks>
    public static void Contents<TKey, TValue>(IBoundedDictionary<TKey, TValue> map, IReadOnlyList<KeyValuePair<TKey, TValue>> expected)
    {
        Assert.Equal(expected.Count, map.Count);
        Assert.Equal(expected.Count, ((IReadOnlyCollection<KeyValuePair<TKey, TValue>>)map).Count);
        Assert.Equal(expected.Count == map.Capacity, map.IsFull);
        Assert.True(map.Count <= map.Capacity);

        Pairs(expected, Listed(map, map.Capacity), "foreach");

        var nonGeneric = new List<KeyValuePair<TKey, TValue>>();
        foreach (object? item in Listed((IEnumerable<object?>)((IEnumerable)map).Cast<object?>(), map.Capacity))
        {
            nonGeneric.Add(Assert.IsType<KeyValuePair<TKey, TValue>>(item));
        }

        Pairs(expected, nonGeneric, "the non-generic enumerator");

        Assert.Equal(expected.Count, Assert.IsAssignableFrom<IReadOnlyCollection<TKey>>(map.Keys).Count);
        Assert.Equal(expected.Count, Assert.IsAssignableFrom<IReadOnlyCollection<TValue>>(map.Values).Count);
        QueueAssert.Sequence(expected.Select(pair => pair.Key).ToList(), Listed(map.Keys, map.Capacity), "Keys");
        QueueAssert.Sequence(expected.Select(pair => pair.Value).ToList(), Listed(map.Values, map.Capacity), "Values");

        var values = EqualityComparer<TValue>.Default;
        bool reads = !MarksUses(map);
        foreach (KeyValuePair<TKey, TValue> pair in expected)
        {
            if (!map.ContainsKey(pair.Key))
            {
                Assert.Fail($"ContainsKey({pair.Key}) is false.");
            }

            if (reads && (!map.TryGetValue(pair.Key, out TValue? value) || !values.Equals(pair.Value, value)))
            {
                Assert.Fail($"TryGetValue({pair.Key}) did not find {pair.Value}.");
            }
        }

        Pairs(expected, Listed(map, map.Capacity), "foreach after reading every key oldest first");
    }

    /// <summary>Asserts that the set holds exactly <paramref name="expected"/>, oldest (least recently used) first.</summary>
    /// <remarks>As for a map, <c>Contains</c> is called from the least to the most recently used, which keeps the order.</remarks>
    public static void Contents<T>(IBoundedSet<T> set, IReadOnlyList<T> expected)
    {
        Assert.Equal(expected.Count, set.Count);
        Assert.Equal(expected.Count, ((IReadOnlyCollection<T>)set).Count);
        Assert.Equal(expected.Count == set.Capacity, set.IsFull);
        Assert.True(set.Count <= set.Capacity);

        QueueAssert.Sequence(expected, Listed(set, set.Capacity), "foreach");
        QueueAssert.Sequence(expected.Cast<object?>().ToList(), Listed(((IEnumerable)set).Cast<object?>(), set.Capacity), "the non-generic enumerator");

        if (MarksUses(set))
        {
            return;
        }

        foreach (T item in expected)
        {
            if (!set.Contains(item))
            {
                Assert.Fail($"Contains({item}) is false.");
            }
        }

        QueueAssert.Sequence(expected, Listed(set, set.Capacity), "foreach after Contains of every value oldest first");
    }

    /// <summary>
    /// Whether a read marks the entry for second-chance eviction (a thread-safe least-recently-used collection): reading
    /// every key would mark them all and change what the collection evicts next, so the checks that read stay out.
    /// </summary>
    public static bool MarksUses(IBoundedCollection collection) =>
        collection.Overflow == OverflowPolicy.EvictLeastRecentlyUsed
        && collection.GetType().GetCustomAttributes(typeof(BoundedAttribute), inherit: false) is [BoundedAttribute { ThreadSafe: true }];

    /// <summary>
    /// Asserts the accounting invariant: every entry ever stored is still held, was evicted, or was removed
    /// (Remove, RemoveWhere or Clear); and a policy never uses the other policies' counter.
    /// </summary>
    public static void Invariant(IBoundedCollection collection, long removed)
    {
        if (collection.Count < 0 || collection.Count > collection.Capacity)
        {
            Assert.Fail($"Count {collection.Count} is outside 0 … Capacity {collection.Capacity}.");
        }

        Assert.Equal(collection.TotalAdded, collection.Count + collection.Evicted + removed);
        if (MapFactory.Evicts(collection.Overflow))
        {
            Assert.Equal(0, collection.Dropped);
        }
        else
        {
            Assert.Equal(0, collection.Evicted);
        }
    }

    /// <summary>
    /// Lists what a collection yields, failing (instead of running forever) when it yields more than its capacity: the
    /// sign of a broken order list, a cycle among the entries.
    /// </summary>
    public static List<T> Listed<T>(IEnumerable<T> items, int capacity)
    {
        var list = new List<T>();
        foreach (T item in items)
        {
            list.Add(item);
            if (list.Count > capacity)
            {
                Assert.Fail($"The enumeration yielded more than the capacity of {capacity} entries.");
            }
        }

        return list;
    }

    /// <summary>Asserts that two sequences of pairs are equal: keys exactly, values by their default equality (identity for classes).</summary>
    public static void Pairs<TKey, TValue>(IReadOnlyList<KeyValuePair<TKey, TValue>> expected, IReadOnlyList<KeyValuePair<TKey, TValue>> actual, string view)
    {
        bool equal = expected.Count == actual.Count;
        var keys = EqualityComparer<TKey>.Default;
        var values = EqualityComparer<TValue>.Default;
        for (int i = 0; equal && i < expected.Count; i++)
        {
            equal = keys.Equals(expected[i].Key, actual[i].Key) && values.Equals(expected[i].Value, actual[i].Value);
        }

        if (!equal)
        {
            Assert.Fail(
                $"{view} disagrees. Expected [{string.Join(", ", expected)}] ({expected.Count} entries), "
                + $"actual [{string.Join(", ", actual)}] ({actual.Count} entries).");
        }
    }
}
