using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// A bounded map or set must stop referencing what it no longer holds: keys and values evicted, removed (Remove, both
/// overloads, and RemoveWhere), replaced by an update, or cleared become collectable, while the entries still held
/// stay alive. These fail if the generated code stops clearing the entries it frees.
/// </summary>
/// <remarks>
/// Every key and value under test is created and handled in a <see cref="MethodImplOptions.NoInlining"/> helper, so that
/// no local of the test method (which Debug builds keep alive to the end of the method) references it. Keys are strings
/// built at run time, never interned literals. The test method only holds weak references and the collection.
/// </remarks>
public class MapCollectabilityTests
{
    public static TheoryData<OverflowPolicy, bool> Flavors => MapFactory.Flavors;

    public static TheoryData<bool> ThreadSafety => MapFactory.ThreadSafety;

    public static TheoryData<OverflowPolicy, bool> EvictingFlavors { get; } = new()
    {
        { OverflowPolicy.DropOldest, false },
        { OverflowPolicy.DropOldest, true },
        { OverflowPolicy.EvictLeastRecentlyUsed, false },
        { OverflowPolicy.EvictLeastRecentlyUsed, true },
    };

    /// <summary>A key and a value the test no longer references strongly, known by their id.</summary>
    public readonly record struct Tracked(int Id, WeakReference Key, WeakReference Value);

    [Theory]
    [MemberData(nameof(EvictingFlavors))]
    public void Evicted_keys_and_values_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 4);
        Tracked[] first = AddTracked(map, firstId: 0, count: 4);
        Tracked[] second = AddTracked(map, firstId: 100, count: 3);

        FullCollection();

        AssertCollected(first[0..3], "evicted");
        AssertAlive(first[3..], "still held");
        AssertAlive(second, "still held");
        GC.KeepAlive(map);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void Keys_and_values_removed_by_Remove_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 6);
        Tracked[] items = AddTracked(map, firstId: 0, count: 6);
        Remove(map, 1, withValue: false);
        Remove(map, 4, withValue: true);
        Remove(map, 5, withValue: false);

        // Two more entries reuse the freed ones.
        Tracked[] more = AddTracked(map, firstId: 100, count: 2);

        FullCollection();

        AssertAliveExactlyTheHeld(map, items);
        AssertAlive(more, "still held");
        Assert.Equal(5, map.Count);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void Keys_and_values_removed_by_RemoveWhere_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 8);
        Tracked[] items = AddTracked(map, firstId: 10, count: 8);

        Assert.Equal(5, RemoveWhere(map, id => id % 2 == 0 || id == 17));

        FullCollection();

        AssertAliveExactlyTheHeld(map, items);
        Assert.Equal(3, map.Count);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void Entries_removed_before_a_RemoveWhere_predicate_threw_are_collectable_or_still_held(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 8);
        Tracked[] items = AddTracked(map, firstId: 0, count: 8);

        Assert.Throws<FormatException>(() => RemoveWhere(map, id => id == 5 ? throw new FormatException() : id % 2 == 0));

        FullCollection();

        AssertAliveExactlyTheHeld(map, items);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void Cleared_keys_and_values_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 5);
        Tracked[] items = AddTracked(map, firstId: 0, count: 4);
        Remove(map, 2, withValue: false);

        map.Clear();
        FullCollection();

        AssertCollected(items, "cleared");
        Assert.Equal(0, map.Count);

        Tracked[] after = AddTracked(map, firstId: 20, count: 2);
        FullCollection();
        AssertAlive(after, "added after Clear");
        GC.KeepAlive(map);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void A_value_replaced_by_an_update_is_collectable_and_its_key_stays(OverflowPolicy policy, bool threadSafe)
    {
        ITestMap<string, Payload> map = MapFactory.String(policy, threadSafe, 4);
        Tracked[] items = AddTracked(map, firstId: 0, count: 3);
        WeakReference[] replaced = Replace(map, ids: [0, 2]);

        FullCollection();

        Assert.All(replaced, reference => Assert.False(reference.IsAlive, "A value replaced by an update is still referenced."));
        Assert.All(items, item => Assert.True(item.Key.IsAlive, $"Key {item.Id} is still held but was collected."));
        Assert.True(items[1].Value.IsAlive, "A value that was not replaced was collected.");
        GC.KeepAlive(map);
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public void Evicted_removed_and_cleared_set_values_are_collectable(OverflowPolicy policy, bool threadSafe)
    {
        ITestSet<string> set = MapFactory.StringSet(policy, threadSafe, 4);
        WeakReference[] first = AddValues(set, firstId: 0, count: 4);
        WeakReference[] overflow = AddValues(set, firstId: 10, count: 2);
        RemoveValues(set);

        FullCollection();

        bool evicts = MapFactory.Evicts(policy);

        // Evicting: 0 and 1 evicted, 2 removed by Remove, 3 by RemoveWhere; 10 and 11 held.
        // Not evicting: 10 and 11 never stored, 2 and 3 removed; 0 and 1 held.
        Assert.Equal(!evicts, first[0].IsAlive);
        Assert.Equal(!evicts, first[1].IsAlive);
        Assert.False(first[2].IsAlive, "A removed value is still referenced.");
        Assert.False(first[3].IsAlive, "A value removed by RemoveWhere is still referenced.");
        Assert.Equal(evicts, overflow[0].IsAlive);
        Assert.Equal(evicts, overflow[1].IsAlive);
        Assert.Equal(2, set.Count);

        set.Clear();
        FullCollection();
        Assert.All(first, reference => Assert.False(reference.IsAlive, "A cleared value is still referenced."));
        Assert.All(overflow, reference => Assert.False(reference.IsAlive, "A cleared value is still referenced."));
        GC.KeepAlive(set);
    }

    [Fact]
    public void A_generic_map_of_references_releases_what_it_no_longer_holds()
    {
        var cache = new LruCache<string, Payload>(capacity: 3);
        Tracked[] items = AddTracked(cache, firstId: 0, count: 6);
        Remove(cache, 4);

        FullCollection();

        AssertCollected(items[0..3], "evicted");
        AssertCollected(items[4..5], "removed");
        AssertAlive([items[3], items[5]], "still held");
        GC.KeepAlive(cache);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tracked[] AddTracked(IBoundedDictionary<string, Payload> map, int firstId, int count)
    {
        var tracked = new Tracked[count];
        for (int i = 0; i < count; i++)
        {
            string key = NewKey(firstId + i);
            var value = new Payload(firstId + i);
            tracked[i] = new Tracked(value.Id, new WeakReference(key), new WeakReference(value));
            map[key] = value;
        }

        return tracked;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] AddValues(IBoundedSet<string> set, int firstId, int count)
    {
        var references = new WeakReference[count];
        for (int i = 0; i < count; i++)
        {
            string value = NewKey(firstId + i);
            references[i] = new WeakReference(value);
            set.TryAdd(value);
        }

        return references;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RemoveValues(IBoundedSet<string> set)
    {
        Assert.True(set.Remove(NewKey(2)));
        Assert.Equal(1, set.RemoveWhere(value => value == NewKey(3)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] Replace(IBoundedDictionary<string, Payload> map, int[] ids)
    {
        var replaced = new WeakReference[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            string key = NewKey(ids[i]);
            Assert.True(map.TryGetValue(key, out Payload? old));
            replaced[i] = new WeakReference(old);
            if (i % 2 == 0)
            {
                map[key] = new Payload(1000 + ids[i]);
            }
            else
            {
                map.AddOrUpdate(key, new Payload(-1), (_, _) => new Payload(1000 + ids[i]));
            }
        }

        return replaced;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Remove(IBoundedDictionary<string, Payload> map, int id, bool withValue = false)
    {
        if (withValue && map is ITestMap<string, Payload> testMap)
        {
            Assert.True(testMap.Remove(NewKey(id), out Payload? value));
            Assert.Equal(id, value.Id);
        }
        else
        {
            Assert.True(map.Remove(NewKey(id)));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RemoveWhere(IBoundedDictionary<string, Payload> map, Func<int, bool> matchId) => map.RemoveWhere((_, value) => matchId(value.Id));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static HashSet<int> HeldIds(IBoundedDictionary<string, Payload> map)
    {
        var ids = new HashSet<int>();
        foreach (KeyValuePair<string, Payload> pair in map)
        {
            Assert.Equal(NewKey(pair.Value.Id), pair.Key);
            ids.Add(pair.Value.Id);
        }

        return ids;
    }

    /// <summary>A new string instance on every call, equal to the key of <paramref name="id"/>.</summary>
    private static string NewKey(int id) => "key-" + id.ToString(CultureInfo.InvariantCulture);

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
            Assert.False(item.Key.IsAlive, $"Key {item.Id} was {what} but the map still references it.");
            Assert.False(item.Value.IsAlive, $"Value {item.Id} was {what} but the map still references it.");
        }
    }

    private static void AssertAlive(IEnumerable<Tracked> items, string what)
    {
        foreach (Tracked item in items)
        {
            Assert.True(item.Key.IsAlive, $"Key {item.Id} is {what} but was collected.");
            Assert.True(item.Value.IsAlive, $"Value {item.Id} is {what} but was collected.");
        }
    }

    private static void AssertAliveExactlyTheHeld(IBoundedDictionary<string, Payload> map, IEnumerable<Tracked> items)
    {
        HashSet<int> held = HeldIds(map);
        foreach (Tracked item in items)
        {
            bool isHeld = held.Contains(item.Id);
            Assert.True(
                isHeld == item.Key.IsAlive && isHeld == item.Value.IsAlive,
                isHeld
                    ? $"Entry {item.Id} is held but its key or value was collected."
                    : $"Entry {item.Id} left the map but the map still references its key ({item.Key.IsAlive}) or value ({item.Value.IsAlive}).");
        }
    }
}
