using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Enumeration of maps and sets while they change. A single-threaded form fails fast, like the BCL collections, on
/// every change of content or order (a least-recently-used read that moves a key included); a thread-safe form never
/// throws and yields exactly the entries present when the enumeration started.
/// </summary>
public class MapEnumerationTests
{
    /// <summary>What a test does to the map between two steps of an enumeration.</summary>
    public enum Change
    {
        IndexerSetOfANewKey,
        IndexerSetThatEvicts,
        TryAddOfANewKey,
        GetOrAddOfANewKey,
        AddOrUpdateOfANewKey,
        Remove,
        RemoveWithValue,
        RemoveWhere,
        Clear,
        ClearAndRefill,
        LruIndexerGet,
        LruTryGetValue,
        LruGetOrAddOfAPresentKey,
        LruIndexerSetOfAPresentKey,
        LruAddOrUpdateOfAPresentKey,
    }

    /// <summary>What is enumerated.</summary>
    public enum View
    {
        Pairs,
        Keys,
        Values,
    }

    public static TheoryData<OverflowPolicy, Change, View> SingleThreadedCases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, Change, View>();
            foreach (OverflowPolicy policy in MapFactory.Policies)
            {
                foreach (Change change in Enum.GetValues<Change>().Where(change => Applies(policy, change)))
                {
                    foreach (View view in Enum.GetValues<View>())
                    {
                        cases.Add(policy, change, view);
                    }
                }
            }

            return cases;
        }
    }

    public static TheoryData<OverflowPolicy, Change> ThreadSafeCases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, Change>();
            foreach (OverflowPolicy policy in MapFactory.Policies)
            {
                foreach (Change change in Enum.GetValues<Change>().Where(change => Applies(policy, change)))
                {
                    cases.Add(policy, change);
                }
            }

            return cases;
        }
    }

    private static bool IsLruRead(Change change) => change.ToString().StartsWith("Lru", StringComparison.Ordinal);

    // The LRU reads change the order only under LRU; a new key on a full map changes nothing but under an evicting policy.
    private static bool Applies(OverflowPolicy policy, Change change) =>
        (!IsLruRead(change) || policy == OverflowPolicy.EvictLeastRecentlyUsed)
        && (change != Change.IndexerSetThatEvicts || MapFactory.Evicts(policy));

    private static int _nextKey = 1000;

    /// <summary>A map holding 1 … 6 (values 10 … 60), full when the change is meant to evict, else with room.</summary>
    private static ITestMap<int, long> Prepare(OverflowPolicy policy, bool threadSafe, Change change)
    {
        ITestMap<int, long> map = MapFactory.Int(policy, threadSafe, change == Change.IndexerSetThatEvicts ? 6 : 20);

        // Key 0 takes the first entry and frees it again: key 1 goes to the free list's entry.
        map[0] = 0;
        Assert.True(map.Remove(0));
        for (int key = 1; key <= 6; key++)
        {
            map[key] = key * 10;
        }

        Assert.Equal(Enumerable.Range(1, 6), map.Keys);
        return map;
    }

    private static void Apply(ITestMap<int, long> map, Change change)
    {
        int key = System.Threading.Interlocked.Increment(ref _nextKey);

        // The present key that the LRU reads move: the least recently used one, so that its move is a change.
        int oldest = map.Keys.FirstOrDefault();
        switch (change)
        {
            case Change.IndexerSetOfANewKey:
            case Change.IndexerSetThatEvicts:
                map[key] = key;
                break;
            case Change.TryAddOfANewKey:
                Assert.True(map.TryAdd(key, key));
                break;
            case Change.GetOrAddOfANewKey:
                Assert.Equal(key, map.GetOrAdd(key, k => k));
                break;
            case Change.AddOrUpdateOfANewKey:
                map.AddOrUpdate(key, key, (_, current) => current);
                break;
            case Change.Remove:
                map.Remove(oldest);
                break;
            case Change.RemoveWithValue:
                map.Remove(map.Keys.LastOrDefault(), out _);
                break;
            case Change.RemoveWhere:
                map.RemoveWhere((candidate, _) => candidate == oldest);
                break;
            case Change.Clear:
                map.Clear();
                break;
            case Change.ClearAndRefill:
                map.Clear();
                map[key] = key;
                map[key + 1_000_000] = key;
                break;
            case Change.LruIndexerGet:
                _ = map[oldest];
                break;
            case Change.LruTryGetValue:
                Assert.True(map.TryGetValue(oldest, out _));
                break;
            case Change.LruGetOrAddOfAPresentKey:
                map.GetOrAdd(oldest, _ => throw new InvalidOperationException("The key is present."));
                break;
            case Change.LruIndexerSetOfAPresentKey:
                map[oldest] = -1;
                break;
            default:
                map.AddOrUpdate(oldest, 0, (_, current) => current + 1);
                break;
        }
    }

    private static IEnumerable<object> Items(ITestMap<int, long> map, View view) => view switch
    {
        View.Pairs => map.Cast<object>(),
        View.Keys => map.Keys.Cast<object>(),
        _ => map.Values.Cast<object>(),
    };

    [Theory]
    [MemberData(nameof(SingleThreadedCases))]
    public void A_single_threaded_map_changed_during_foreach_throws(OverflowPolicy policy, Change change, View view)
    {
        ITestMap<int, long> map = Prepare(policy, threadSafe: false, change);
        int yielded = 0;
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (object item in Items(map, view))
            {
                // A change that goes unnoticed could make the walk go round for ever; stop and let Throws fail.
                if (++yielded > 20)
                {
                    break;
                }

                Apply(map, change);
            }
        });
        Assert.Equal(1, yielded);
    }

    [Fact]
    public void The_struct_enumerators_of_a_single_threaded_map_fail_fast()
    {
        var map = new IntMapDropOldest(capacity: 4);
        map[1] = 10;
        map[2] = 20;

        IntMapDropOldest.Enumerator pairs = map.GetEnumerator();
        IntMapDropOldest.KeyCollection.Enumerator keys = map.Keys.GetEnumerator();
        IntMapDropOldest.ValueCollection.Enumerator values = map.Values.GetEnumerator();
        Assert.True(pairs.MoveNext());
        Assert.True(keys.MoveNext());
        Assert.True(values.MoveNext());
        Assert.Equal(new KeyValuePair<int, long>(1, 10), pairs.Current);
        Assert.Equal(1, keys.Current);
        Assert.Equal(10, values.Current);

        map[3] = 30;

        Assert.Throws<InvalidOperationException>(() => pairs.MoveNext());
        Assert.Throws<InvalidOperationException>(() => keys.MoveNext());
        Assert.Throws<InvalidOperationException>(() => values.MoveNext());
        Assert.Throws<InvalidOperationException>(() => pairs.Reset());
    }

    [Fact]
    public void The_struct_enumerators_of_a_single_threaded_LRU_map_fail_fast_after_a_read_that_moves_a_key()
    {
        var map = new IntMapLru(capacity: 4);
        map[1] = 10;
        map[2] = 20;

        IntMapLru.Enumerator pairs = map.GetEnumerator();
        IntMapLru.ValueCollection.Enumerator values = map.Values.GetEnumerator();
        Assert.True(pairs.MoveNext());
        Assert.True(values.MoveNext());

        // Reading the most recently used key moves nothing; reading the least recently used one moves it.
        Assert.Equal(20, map[2]);
        Assert.True(pairs.MoveNext());
        Assert.Equal(2, pairs.Current.Key);
        Assert.True(map.TryGetValue(1, out _));

        Assert.Throws<InvalidOperationException>(() => pairs.MoveNext());
        Assert.Throws<InvalidOperationException>(() => values.MoveNext());
        Assert.Equal(new[] { 2, 1 }, map.Keys);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Reads_that_change_nothing_do_not_disturb_a_foreach(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<int, long> map = Prepare(policy, threadSafe, Change.Remove);
        var yielded = new List<int>();
        foreach (KeyValuePair<int, long> pair in map)
        {
            yielded.Add(pair.Key);
            Assert.True(map.ContainsKey(pair.Key));
            Assert.False(map.ContainsKey(-5));
            Assert.False(map.TryGetValue(-5, out _));
            Assert.False(map.Remove(-5));
            Assert.False(map.TryAdd(pair.Key, 0));
            Assert.Equal(0, map.RemoveWhere((_, _) => false));
            _ = map.Count + map.TotalAdded + map.Evicted + map.Dropped;
            if (policy != OverflowPolicy.EvictLeastRecentlyUsed)
            {
                // Without LRU a read of a present key moves nothing.
                Assert.Equal(pair.Value, map[pair.Key]);
                Assert.True(map.TryGetValue(pair.Key, out _));
            }

            foreach (int inner in map.Keys)
            {
                _ = inner;
            }
        }

        Assert.Equal(Enumerable.Range(1, 6), yielded);
    }

    [Theory]
    [MemberData(nameof(MapFactory.ThreadSafety), MemberType = typeof(MapFactory))]
    public void Updating_values_during_foreach_is_allowed_when_it_moves_nothing(bool threadSafe)
    {
        // As with Dictionary<TKey, TValue>: replacing the value of a present key is not a change of the key set or order.
        ITestMap<int, long> map = Prepare(OverflowPolicy.DropOldest, threadSafe, Change.Remove);
        var yielded = new List<int>();
        foreach (KeyValuePair<int, long> pair in map)
        {
            yielded.Add(pair.Key);
            map[pair.Key] = pair.Value + 1;
            map.AddOrUpdate(pair.Key, 0, (_, current) => current + 1);
        }

        Assert.Equal(Enumerable.Range(1, 6), yielded);
        Assert.Equal(Enumerable.Range(1, 6).Select(key => (key * 10L) + 2), map.Values);
    }

    [Theory]
    [MemberData(nameof(MapFactory.Flavors), MemberType = typeof(MapFactory))]
    public void Enumerators_reset_and_run_again(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<int, long> map = Prepare(policy, threadSafe, Change.Remove);

        using IEnumerator<KeyValuePair<int, long>> pairs = map.GetEnumerator();
        Assert.Equal(Enumerable.Range(1, 6), Drain(pairs).Select(pair => pair.Key));
        Assert.False(pairs.MoveNext());
        pairs.Reset();
        Assert.Equal(Enumerable.Range(1, 6).Select(key => key * 10L), Drain(pairs).Select(pair => pair.Value));

        using IEnumerator<int> keys = map.Keys.GetEnumerator();
        Assert.Equal(Enumerable.Range(1, 6), Drain(keys));
        keys.Reset();
        Assert.Equal(Enumerable.Range(1, 6), Drain(keys));

        IEnumerator nonGeneric = ((IEnumerable)map).GetEnumerator();
        Assert.True(nonGeneric.MoveNext());
        Assert.Equal(new KeyValuePair<int, long>(1, 10), nonGeneric.Current);
        IEnumerator nonGenericValues = ((IEnumerable)map.Values).GetEnumerator();
        Assert.True(nonGenericValues.MoveNext());
        Assert.Equal(10L, nonGenericValues.Current);
    }

    [Theory]
    [MemberData(nameof(ThreadSafeCases))]
    public void A_thread_safe_map_changed_during_foreach_yields_exactly_the_entries_present_at_the_start(OverflowPolicy policy, Change change)
    {
        foreach (View view in Enum.GetValues<View>())
        {
            ITestMap<int, long> map = Prepare(policy, threadSafe: true, change);
            List<object> atStart = Items(map, view).ToList();

            var yielded = new List<object>();
            foreach (object item in Items(map, view))
            {
                yielded.Add(item);
                if (yielded.Count > 20)
                {
                    break;
                }

                Apply(map, change);
            }

            Assert.Equal(atStart, yielded);
            Assert.Equal(6, atStart.Count);
        }
    }

    // ---- sets --------------------------------------------------------------------------------------------------------

    /// <summary>What a test does to a set between two steps of an enumeration.</summary>
    public enum SetChange
    {
        AddOfANewValue,
        AddThatEvicts,
        TryAddOfANewValue,
        Remove,
        RemoveWhere,
        Clear,
        LruContains,
        LruAddOfAPresentValue,
    }

    public static TheoryData<OverflowPolicy, SetChange> SetCases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, SetChange>();
            foreach (OverflowPolicy policy in MapFactory.Policies)
            {
                foreach (SetChange change in Enum.GetValues<SetChange>())
                {
                    bool lruRead = change is SetChange.LruContains or SetChange.LruAddOfAPresentValue;
                    if ((!lruRead || policy == OverflowPolicy.EvictLeastRecentlyUsed) && (change != SetChange.AddThatEvicts || MapFactory.Evicts(policy)))
                    {
                        cases.Add(policy, change);
                    }
                }
            }

            return cases;
        }
    }

    private static ITestSet<string> PrepareSet(OverflowPolicy policy, bool threadSafe, SetChange change)
    {
        ITestSet<string> set = MapFactory.StringSet(policy, threadSafe, change == SetChange.AddThatEvicts ? 5 : 20);
        foreach (string value in new[] { "a", "b", "c", "d", "e" })
        {
            Assert.True(set.Add(value));
        }

        return set;
    }

    private static void Apply(ITestSet<string> set, SetChange change)
    {
        string value = "n" + System.Threading.Interlocked.Increment(ref _nextKey).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string oldest = set.FirstOrDefault() ?? "none";
        switch (change)
        {
            case SetChange.AddOfANewValue:
            case SetChange.AddThatEvicts:
                Assert.True(set.Add(value));
                break;
            case SetChange.TryAddOfANewValue:
                Assert.True(set.TryAdd(value));
                break;
            case SetChange.Remove:
                set.Remove(oldest);
                break;
            case SetChange.RemoveWhere:
                set.RemoveWhere(candidate => candidate == oldest);
                break;
            case SetChange.Clear:
                set.Clear();
                break;
            case SetChange.LruContains:
                Assert.True(set.Contains(oldest));
                break;
            default:
                Assert.False(set.Add(oldest));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(SetCases))]
    public void A_single_threaded_set_changed_during_foreach_throws(OverflowPolicy policy, SetChange change)
    {
        ITestSet<string> set = PrepareSet(policy, threadSafe: false, change);
        int yielded = 0;
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (string value in set)
            {
                if (++yielded > 20)
                {
                    break;
                }

                Apply(set, change);
            }
        });
        Assert.Equal(1, yielded);
    }

    [Theory]
    [MemberData(nameof(SetCases))]
    public void A_thread_safe_set_changed_during_foreach_yields_exactly_the_values_present_at_the_start(OverflowPolicy policy, SetChange change)
    {
        ITestSet<string> set = PrepareSet(policy, threadSafe: true, change);
        var yielded = new List<string>();
        foreach (string value in set)
        {
            yielded.Add(value);
            if (yielded.Count > 20)
            {
                break;
            }

            Apply(set, change);
        }

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, yielded);
    }

    [Theory]
    [MemberData(nameof(MapFactory.ThreadSafety), MemberType = typeof(MapFactory))]
    public void Contains_during_foreach_of_a_set_without_LRU_changes_nothing(bool threadSafe)
    {
        ITestSet<string> set = PrepareSet(OverflowPolicy.DropOldest, threadSafe, SetChange.Remove);
        var yielded = new List<string>();
        foreach (string value in set)
        {
            yielded.Add(value);
            Assert.True(set.Contains(value));
            Assert.False(set.Add(value));
            Assert.False(set.Remove("absent"));
        }

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, yielded);
    }

    private static List<T> Drain<T>(IEnumerator<T> enumerator)
    {
        var items = new List<T>();
        while (enumerator.MoveNext())
        {
            items.Add(enumerator.Current);
        }

        return items;
    }
}
