using System;
using System.Collections.Generic;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The hot paths of the generated maps and sets allocate nothing once the table has grown to its capacity: upserts of
/// int keys and long values that evict, updates, lookups, removals and re-adds, and enumeration of the single-threaded
/// forms through their struct enumerators (the map itself, Keys and Values). Each measurement runs its action twice to
/// warm up (JIT, growth, tiering) and then counts the bytes the current thread allocates during a third run.
/// </summary>
public class MapAllocationTests
{
    private const int Operations = 50_000;

    private static readonly Payload[] Payloads = CreatePayloads();

    private static readonly string[] Keys = CreateKeys();

    private static Payload[] CreatePayloads()
    {
        var payloads = new Payload[256];
        for (int i = 0; i < payloads.Length; i++)
        {
            payloads[i] = new Payload(i);
        }

        return payloads;
    }

    private static string[] CreateKeys()
    {
        var keys = new string[256];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = "key" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return keys;
    }

    private static long AllocatedBy(Action action)
    {
        action();
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void The_measurement_sees_an_allocation_when_there_is_one()
    {
        // Enumerating through the interface boxes the struct enumerator: proof that a zero below is not an accident.
        var map = new IntMapDropOldest(capacity: 4);
        map[1] = 2;
        long sum = 0;
        long allocated = AllocatedBy(() =>
        {
            foreach (KeyValuePair<int, long> pair in (IEnumerable<KeyValuePair<int, long>>)map)
            {
                sum += pair.Value;
            }
        });
        Assert.True(allocated > 0);
        Assert.Equal(6, sum);
    }

    // ---- upserts of new keys on a full map: every one evicts ---------------------------------------------------------

    [Fact]
    public void Upsert_with_eviction_of_int_to_long_allocates_nothing()
    {
        var map = new IntMapDropOldest();
        Assert.Equal(0, AllocatedBy(() => UpsertNewKeys(map)));
        Assert.True(map.IsFull);
        Assert.Equal((3L * Operations) - map.Capacity, map.Evicted);
    }

    [Fact]
    public void Upsert_with_eviction_of_int_to_long_allocates_nothing_thread_safe()
    {
        var map = new IntMapDropOldestThreadSafe();
        Assert.Equal(0, AllocatedBy(() => UpsertNewKeys(map)));
        Assert.Equal((3L * Operations) - map.Capacity, map.Evicted);
    }

    [Fact]
    public void Upsert_with_least_recently_used_eviction_of_int_to_long_allocates_nothing()
    {
        var map = new IntMapLru();
        var shared = new IntMapLruThreadSafe();
        Assert.Equal(0, AllocatedBy(() =>
        {
            UpsertNewKeys(map);
            UpsertNewKeys(shared);
        }));
        Assert.Equal((3L * Operations) - map.Capacity, map.Evicted);
        Assert.Equal((3L * Operations) - shared.Capacity, shared.Evicted);
    }

    [Fact]
    public void Every_adding_member_that_evicts_allocates_nothing()
    {
        var map = new IntMapDropOldest(capacity: 64);
        var shared = new IntMapLruThreadSafe(capacity: 64);
        int next = 0;
        Func<int, long> factory = static key => key * 3L;
        Func<int, long, long> update = static (_, current) => current + 1;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations / 4; i++)
            {
                next++;
                map.TryAdd(next, next);
                shared.TryAdd(next, next);
                next++;
                map.GetOrAdd(next, factory);
                shared.GetOrAdd(next, factory);
                next++;
                map.AddOrUpdate(next, next, update);
                shared.AddOrUpdate(next, next, update);
            }
        }));
        Assert.True(map.Evicted > 0 && shared.Evicted > 0);
    }

    [Fact]
    public void Rejected_new_keys_allocate_nothing()
    {
        var dropNewest = new IntMapDropNewest(capacity: 8);
        var dropNewestShared = new IntMapDropNewestThreadSafe(capacity: 8);
        var hardCap = new IntMapThrow(capacity: 8);
        var hardCapShared = new IntMapThrowThreadSafe(capacity: 8);
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                dropNewest[i] = i;
                dropNewestShared.TryAdd(i, i);
                hardCap.TryAdd(i, i);
                hardCapShared.TryAdd(i, i);
            }
        }));
        Assert.True(dropNewest.Dropped > 0 && dropNewestShared.Dropped > 0 && hardCap.Dropped > 0 && hardCapShared.Dropped > 0);
    }

    // ---- updates, lookups, removals --------------------------------------------------------------------------------

    [Fact]
    public void Updates_of_present_keys_allocate_nothing()
    {
        var map = new IntMapThrow();
        var lru = new IntMapLruThreadSafe();
        Fill(map);
        Fill(lru);
        Func<int, long, long> update = static (_, current) => current + 1;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                int key = i % TestMapLimits.MaxLength;
                map[key] = i;
                lru[key] = i;
                map.AddOrUpdate(key, 0, update);
                lru.AddOrUpdate(key, 0, update);
            }
        }));
        Assert.Equal(TestMapLimits.MaxLength, map.TotalAdded);
    }

    [Fact]
    public void TryGetValue_and_the_indexer_allocate_nothing()
    {
        var map = new IntMapDropOldest();
        var shared = new IntMapDropOldestThreadSafe();
        var lru = new IntMapLru();
        var lruShared = new IntMapLruThreadSafe();
        var strings = new StringMapLruThreadSafe();
        Fill(map);
        Fill(shared);
        Fill(lru);
        Fill(lruShared);
        for (int i = 0; i < TestMapLimits.MaxLength; i++)
        {
            strings[Keys[i]] = Payloads[i];
        }

        long sum = 0;
        Func<int, long> factory = static key => key;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                // Every other lookup misses.
                int key = i % (2 * TestMapLimits.MaxLength);
                sum += map.TryGetValue(key, out long a) ? a : 0;
                sum += shared.TryGetValue(key, out long b) ? b : 0;
                sum += lru.TryGetValue(key, out long c) ? c : 0;
                sum += lruShared.TryGetValue(key, out long d) ? d : 0;
                sum += strings.TryGetValue(Keys[key & 255], out Payload? e) ? e.Id : 0;
                sum += map.ContainsKey(key) ? 1 : 0;
                int present = key % TestMapLimits.MaxLength;
                sum += map[present] + lru[present] + lruShared[present] + lruShared.GetOrAdd(present, factory);
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void Remove_and_re_add_cycles_allocate_nothing()
    {
        var map = new IntMapDropNewest(capacity: 16);
        var shared = new IntMapThrowThreadSafe(capacity: 16);
        var set = new IntSetLruThreadSafe(capacity: 16);
        long sum = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                int key = i & 31;
                map.TryAdd(key, i);
                shared.TryAdd(key, i);
                set.Add(key);
                int gone = (i + 7) & 31;
                map.Remove(gone);
                sum += shared.Remove(gone, out long value) ? value : 0;
                set.Remove(gone);
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void RemoveWhere_with_a_cached_predicate_allocates_nothing()
    {
        var map = new IntMapDropOldest(capacity: 64);
        var shared = new IntMapLruThreadSafe(capacity: 64);
        var set = new IntSetDropOldestThreadSafe(capacity: 64);
        long removed = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < 500; round++)
            {
                for (int i = 0; i < 64; i++)
                {
                    map[i] = i;
                    shared[i] = i;
                    set.Add(i);
                }

                removed += map.RemoveWhere(static (key, _) => (key & 1) == 0);
                removed += shared.RemoveWhere(static (_, value) => (value & 1) == 0);
                removed += set.RemoveWhere(static value => (value & 1) == 0);
            }
        }));
        Assert.True(removed > 0);
    }

    [Fact]
    public void Set_adds_that_evict_and_lookups_allocate_nothing()
    {
        var set = new IntSetDropOldest();
        var lru = new IntSetLruThreadSafe();
        long hits = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                set.Add(i);
                lru.TryAdd(i);
                hits += set.Contains(i - 50) ? 1 : 0;
                hits += lru.Contains(i - 50) ? 1 : 0;
            }
        }));
        Assert.True(hits > 0);
    }

    // ---- enumeration through the struct enumerators ------------------------------------------------------------------

    [Fact]
    public void Foreach_over_a_single_threaded_map_its_Keys_and_its_Values_allocates_nothing()
    {
        var map = new IntMapDropOldest();
        var lru = new IntMapLru();
        var strings = new StringMapDropNewest();
        Fill(map);
        Fill(lru);
        for (int i = 0; i < 50; i++)
        {
            strings[Keys[i]] = Payloads[i];
        }

        long sum = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < Operations / 100; round++)
            {
                foreach (KeyValuePair<int, long> pair in map)
                {
                    sum += pair.Key + pair.Value;
                }

                foreach (int key in lru.Keys)
                {
                    sum += key;
                }

                foreach (long value in map.Values)
                {
                    sum += value;
                }

                foreach (KeyValuePair<string, Payload> pair in strings)
                {
                    sum += pair.Value.Id;
                }

                foreach (string key in strings.Keys)
                {
                    sum += key.Length;
                }

                foreach (Payload value in strings.Values)
                {
                    sum += value.Id;
                }
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void Foreach_over_a_single_threaded_set_or_a_generic_map_allocates_nothing()
    {
        var set = new IntSetLru();
        var strings = new StringSetThrow();
        var generic = new LruCache<int, long>();
        for (int i = 0; i < 60; i++)
        {
            set.Add(i);
            strings.Add(Keys[i]);
            generic[i] = i;
        }

        long sum = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < Operations / 100; round++)
            {
                foreach (int value in set)
                {
                    sum += value;
                }

                foreach (string value in strings)
                {
                    sum += value.Length;
                }

                foreach (KeyValuePair<int, long> pair in generic)
                {
                    sum += pair.Value;
                }

                foreach (int key in generic.Keys)
                {
                    sum += key;
                }
            }
        }));
        Assert.True(sum > 0);
    }

    // A thread-safe map or set enumerates a copy taken under its lock, so each enumeration allocates exactly one array
    // of the entries held (Keys and Values walk the same copy of the pairs), and nothing else.
    [Fact]
    public void A_thread_safe_foreach_allocates_one_copy_of_the_entries_and_nothing_more()
    {
        var map = new IntMapDropOldestThreadSafe();
        var lru = new IntMapLruThreadSafe(capacity: 37);
        var strings = new StringMapThrowThreadSafe();
        var set = new IntSetDropNewestThreadSafe();
        var stringSet = new StringSetLruThreadSafe();
        Fill(map);
        for (int i = 0; i < 60; i++)
        {
            lru[i] = i;
            strings[Keys[i]] = Payloads[i];
            set.Add(i);
            stringSet.Add(Keys[i]);
        }

        int pairOfIntAndLong = 16;
        int pairOfReferences = 2 * IntPtr.Size;
        long sum = 0;

        Assert.Equal(ArrayBytes(map.Count, pairOfIntAndLong), AllocatedBy(() =>
        {
            foreach (KeyValuePair<int, long> pair in map)
            {
                sum += pair.Value;
            }
        }));
        Assert.Equal(ArrayBytes(lru.Count, pairOfIntAndLong), AllocatedBy(() =>
        {
            foreach (int key in lru.Keys)
            {
                sum += key;
            }
        }));
        Assert.Equal(ArrayBytes(map.Count, pairOfIntAndLong), AllocatedBy(() =>
        {
            foreach (long value in map.Values)
            {
                sum += value;
            }
        }));
        Assert.Equal(ArrayBytes(strings.Count, pairOfReferences), AllocatedBy(() =>
        {
            foreach (KeyValuePair<string, Payload> pair in strings)
            {
                sum += pair.Value.Id;
            }
        }));
        Assert.Equal(ArrayBytes(set.Count, sizeof(int)), AllocatedBy(() =>
        {
            foreach (int value in set)
            {
                sum += value;
            }
        }));
        Assert.Equal(ArrayBytes(stringSet.Count, IntPtr.Size), AllocatedBy(() =>
        {
            foreach (string value in stringSet)
            {
                sum += value.Length;
            }
        }));

        // An empty thread-safe collection has nothing to copy.
        map.Clear();
        Assert.Equal(0, AllocatedBy(() =>
        {
            foreach (KeyValuePair<int, long> pair in map)
            {
                sum += pair.Value;
            }
        }));
        Assert.True(sum > 0);
    }

    // An array on 64-bit .NET: a 16-byte header and an 8-byte length, then the elements, rounded up to 8 bytes.
    private static long ArrayBytes(int length, int elementSize)
    {
        return (16 + 8 + ((long)length * elementSize) + 7) & ~7L;
    }

    /// <summary>Sets <see cref="Operations"/> keys, each new, through the indexer.</summary>
    private static void UpsertNewKeys(IBoundedDictionary<int, long> map)
    {
        int start = (int)map.TotalAdded;
        for (int i = 0; i < Operations; i++)
        {
            map[start + i] = i;
        }
    }

    private static void Fill(IBoundedDictionary<int, long> map)
    {
        for (int i = 0; i < map.Capacity; i++)
        {
            map[i] = i * 10L;
        }
    }
}
