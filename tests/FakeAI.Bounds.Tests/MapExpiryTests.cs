using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Dictionaries and sets declared with a maximum age: an entry's age counts from its last write (its insert, or a value
/// set on its key); once it reaches MaxAge no member returns it, the next add or read removes it, Expired counts it
/// and the hook hears it as Expired. Under LRU a read reorders entries without renewing them, so expiry follows the
/// write order, not the least recently used end; a random run against a reference model checks both orders at once.
/// </summary>
public class MapExpiryTests
{
    private readonly FakeTimeProvider _clock = new();

    private static int CountOf(IBoundedCollection collection) => collection.Count;

    private void Advance(int milliseconds) => _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public static TheoryData<string> Policies { get; } = ["fifo", "lru"];

    private IBoundedDictionary<string, int> NewMap(string policy) =>
        policy == "lru" ? new ExpiringLruMap(4, null, _clock) : new ExpiringMap(4, null, _clock);

    [Theory]
    [MemberData(nameof(Policies))]
    public void No_member_returns_an_expired_key(string policy)
    {
        var reads = new Dictionary<string, Func<IBoundedDictionary<string, int>, bool>>
        {
            ["TryGetValue"] = m => m.TryGetValue("old", out _),
            ["ContainsKey"] = m => m.ContainsKey("old"),
            ["indexer"] = m =>
            {
                try
                {
                    _ = m["old"];
                    return true;
                }
                catch (KeyNotFoundException)
                {
                    return false;
                }
            },
            ["Keys"] = m => m.Keys.Contains("old"),
            ["Values"] = m => m.Values.Contains(1),
            ["foreach"] = m => m.Any(pair => pair.Key == "old"),
            ["Count"] = m => CountOf(m) != 1,
            ["TryAdd"] = m => !m.TryAdd("old", 3),
            ["GetOrAdd"] = m => m.GetOrAdd("old", _ => 3) == 1,
            ["AddOrUpdate"] = m => m.AddOrUpdate("old", 3, (_, v) => v + 10) != 3,
            ["Remove"] = m => m.Remove("old"),
            ["RemoveWhere"] = m => m.RemoveWhere((k, _) => k == "old") == 1,
        };

        foreach ((string name, Func<IBoundedDictionary<string, int>, bool> seesOld) in reads)
        {
            IBoundedDictionary<string, int> map = NewMap(policy);
            map.TryAdd("old", 1);
            Advance(400);
            map.TryAdd("new", 2);
            Advance(600);
            Assert.False(seesOld(map), name + " saw an expired key");
        }
    }

    [Fact]
    public void A_fifo_map_expires_keys_in_write_order_and_a_value_set_renews_its_key()
    {
        var map = new ExpiringMap(4, null, _clock);
        map["a"] = 1;
        Advance(100);
        map["b"] = 2;
        Advance(100);
        map["c"] = 3;
        Advance(300);
        map["a"] = 10; // written again at 500 ms: a is now the newest write
        Assert.Equal(new[] { "b", "c", "a" }, map.Keys.ToArray());

        Advance(600); // now 1100: b (100) expired; c (200) and a (500) live
        Assert.Equal(new[] { "c", "a" }, map.Keys.ToArray());
        Advance(100);
        Assert.Equal(new[] { "a" }, map.Keys.ToArray());
        Advance(299);
        Assert.Equal(10, map["a"]);
        Advance(1);
        Assert.False(map.ContainsKey("a"));
        Assert.Equal(3, map.Expired);
        Assert.Equal(0, map.Evicted);
    }

    [Fact]
    public void Under_lru_a_read_does_not_renew_an_entry_and_an_expired_entry_is_removed_wherever_it_sits()
    {
        var map = new ExpiringLruMap(4, null, _clock);
        map["a"] = 1;
        Advance(100);
        map["b"] = 2;
        Advance(800);
        Assert.Equal(1, map["a"]); // a is now the most recently used, b the least
        Advance(100); // now 1000: a (0 ms) expired although most recently used; b (100 ms) live
        Assert.False(map.TryGetValue("a", out _));
        Assert.Equal(new[] { "b" }, map.Keys.ToArray());
        Assert.Equal(1, CountOf(map));

        map["c"] = 3;
        Advance(100); // now 1100: b expired; c (1000 ms) live
        Assert.Equal(new[] { "c" }, map.Keys.ToArray());
        Assert.Equal(2, map.Expired);
    }

    [Fact]
    public void Under_lru_a_value_set_renews_the_entry()
    {
        var map = new ExpiringLruMap(4, null, _clock);
        map["a"] = 1;
        map["b"] = 2;
        Advance(900);
        map["a"] = 5;
        map.AddOrUpdate("b", 0, (_, v) => v + 1);
        Advance(999);
        Assert.Equal(5, map["a"]);
        Assert.Equal(3, map["b"]);
        Advance(1);
        Assert.Equal(0, CountOf(map));
        Assert.Equal(2, map.Expired);
    }

    [Fact]
    public void Under_lru_expiry_removes_every_expired_entry_and_later_ones_when_their_own_age_comes()
    {
        var map = new ExpiringLruMap(4, null, _clock);
        for (int i = 0; i < 4; i++)
        {
            map["k" + i] = i;
            Advance(100);
        }

        // Reverse the recency order, so that the oldest writes sit at the most recently used end.
        for (int i = 3; i >= 0; i--)
        {
            Assert.Equal(i, map["k" + i]);
        }

        Advance(650); // now 1050: k0 (0) expired, k1 (100) not yet
        Assert.Equal(new[] { "k3", "k2", "k1" }, map.Keys.ToArray());
        Advance(100); // now 1150: k1 expired
        Assert.Equal(new[] { "k3", "k2" }, map.Keys.ToArray());
        Advance(200); // now 1350: k2 and k3 expired
        Assert.Empty(map.Keys);
        Assert.Equal(4, map.Expired);
    }

    [Fact]
    public void A_full_map_removes_expired_keys_before_its_policy_evicts_or_drops()
    {
        var lru = new ExpiringLruMap(2, null, _clock);
        lru["a"] = 1;
        lru["b"] = 2;
        Advance(1000);
        lru["c"] = 3;
        Assert.Equal(0, lru.Evicted);
        Assert.Equal(2, lru.Expired);

        var dropNewest = new ExpiringResizableDropNewestMap(2, null, _clock);
        Assert.True(dropNewest.TryAdd(1, "one"));
        Assert.True(dropNewest.TryAdd(2, "two"));
        Assert.False(dropNewest.TryAdd(3, "three"));
        Advance(1000);
        Assert.True(dropNewest.TryAdd(3, "three"));
        Assert.Equal(1, dropNewest.Dropped);
        Assert.Equal(2, dropNewest.Expired);
    }

    [Fact]
    public void A_full_throw_map_accepts_a_new_key_once_an_old_one_expired_and_a_rewrite_renews_without_moving_the_bound()
    {
        var map = new ExpiringThrowMap(_clock);
        map["a"] = 1;
        Advance(300);
        map["b"] = 2;
        Assert.Throws<BoundExceededException>(() => map["c"] = 3);
        Assert.False(map.TryAdd("c", 3));
        Advance(400);
        map["a"] = 10; // renewed at 700 ms: a full map still, so c is refused
        Assert.Throws<BoundExceededException>(() => map.GetOrAdd("c", _ => 3));
        Advance(600); // now 1300: b (300 ms) expired, a (700 ms) live
        map["c"] = 3;
        Assert.Equal(new[] { "a", "c" }, map.Keys.ToArray());
        Assert.Equal(3, map.Dropped);
        Assert.Equal(1, map.Expired);
    }

    [Fact]
    public void A_drop_oldest_set_evicts_only_live_values_and_expires_in_add_order()
    {
        var set = new ExpiringSet(_clock);
        set.Add("a");
        Advance(100);
        set.Add("b");
        set.Add("c");
        set.Add("d"); // evicts a
        Assert.Equal(new[] { "b", "c", "d" }, set.ToArray());
        Assert.Equal(1, set.Evicted);
        Advance(900); // now 1000: b, c and d (100 ms) live
        Assert.Equal(3, CountOf(set));
        Advance(100);
        Assert.Equal(0, CountOf(set));
        Assert.True(set.Add("e"));
        Assert.Equal(3, set.Expired);
        Assert.Equal(1, set.Evicted);
    }

    [Fact]
    public void Lowering_a_maps_capacity_keeps_the_ages_of_the_entries_that_stay()
    {
        var map = new ExpiringResizableDropNewestMap(4, null, _clock);
        for (int i = 0; i < 4; i++)
        {
            map.TryAdd(i, "v" + i);
            Advance(100);
        }

        map.SetCapacity(2);
        Assert.Equal(new[] { 2, 3 }, map.Keys.ToArray());
        Advance(800); // now 1200: 2 (200 ms) expired
        Assert.Equal(new[] { 3 }, map.Keys.ToArray());
        Assert.Equal(1, map.Expired);
        Assert.Equal(2, map.Evicted);
    }

    [Fact]
    public void Under_lru_an_entry_evicted_to_make_room_leaves_the_write_order_too()
    {
        var map = new ExpiringLruMap(2, null, _clock);
        map["a"] = 1;
        Advance(100);
        map["b"] = 2;
        _ = map["a"]; // b is now the least recently used
        Advance(100);
        map["c"] = 3; // evicts b, the oldest write after a
        Assert.Equal(1, map.Evicted);
        Advance(800); // now 1000: a (0 ms) expired
        Assert.Equal(new[] { "c" }, map.Keys.ToArray());
        Advance(200); // now 1200: c (200 ms) expired
        Assert.Empty(map.Keys);
        Assert.Equal(2, map.Expired);
    }

    [Fact]
    public void Lowering_a_lru_maps_capacity_keeps_the_write_order_of_the_entries_that_stay()
    {
        var map = new ExpiringResizableLruMap(4, null, _clock);
        for (int i = 0; i < 4; i++)
        {
            map["k" + i] = i;
            Advance(100);
        }

        for (int i = 3; i >= 0; i--)
        {
            _ = map["k" + i]; // recency: k3 least recently used … k0 most
        }

        map.SetCapacity(2); // evicts k3 and k2; k1 and k0 move into a new array
        Assert.Equal(new[] { "k1", "k0" }, map.Keys.ToArray());
        map["n"] = 9; // written at 400 ms, evicts k1 (least recently used)
        Assert.Equal(new[] { "k0", "n" }, map.Keys.ToArray());
        Advance(600); // now 1000: k0 (0 ms) expired
        Assert.Equal(new[] { "n" }, map.Keys.ToArray());
        Advance(400); // now 1400: n expired
        Assert.Empty(map.Keys);
        Assert.Equal(2, map.Expired);
        Assert.Equal(3, map.Evicted);
    }

    [Fact]
    public void A_lru_map_agrees_with_a_reference_model_over_a_long_random_run()
    {
        // The reference: a plain dictionary of value and write time, with the LRU order as a list.
        var random = new Random(20261207);
        var map = new ExpiringLruMap(4, null, _clock);
        var values = new Dictionary<string, (int Value, long WrittenAt)>();
        var recency = new List<string>();
        long now = 0;
        for (int step = 0; step < 5000; step++)
        {
            int advance = random.Next(0, 300);
            Advance(advance);
            now += advance;
            foreach (string expired in values.Where(pair => now - pair.Value.WrittenAt >= 1000).Select(pair => pair.Key).ToList())
            {
                values.Remove(expired);
                recency.Remove(expired);
            }

            string key = "k" + random.Next(0, 7);
            if (random.Next(2) == 0)
            {
                map[key] = step;
                if (!values.ContainsKey(key) && values.Count == 4)
                {
                    values.Remove(recency[0]);
                    recency.RemoveAt(0);
                }

                values[key] = (step, now);
                recency.Remove(key);
                recency.Add(key);
            }
            else
            {
                bool found = map.TryGetValue(key, out int value);
                Assert.Equal(values.ContainsKey(key), found);
                if (found)
                {
                    Assert.Equal(values[key].Value, value);
                    recency.Remove(key);
                    recency.Add(key);
                }
            }

            Assert.Equal(recency, map.Keys.ToArray());
        }
    }

    [Fact]
    public void RemoveExpired_removes_them_now_and_says_how_many()
    {
        var map = new ExpiringLruMap(4, null, _clock);
        Assert.Equal(0, map.RemoveExpired());
        map["a"] = 1;
        map["b"] = 2;
        Advance(500);
        map["c"] = 3;
        Assert.Equal(0, map.RemoveExpired());
        Advance(500);
        Assert.Equal(2, map.RemoveExpired());
        Assert.Equal(0, map.RemoveExpired());
        Assert.Equal(2, map.Expired);
    }

    [Fact]
    public void The_hook_hears_each_expired_entry_once_as_Expired_even_when_it_throws_for_one()
    {
        var map = new HookedExpiringLruMap(4, null, _clock) { ThrowFor = "b" };
        map["a"] = 1;
        map["b"] = 2;
        map["c"] = 3;
        Advance(1000);
        Assert.Throws<InvalidOperationException>(() => map.RemoveExpired());
        Assert.Equal(new[] { "a", "b", "c" }, map.Evictions.Select(e => e.Entry.Key));
        Assert.All(map.Evictions, e => Assert.Equal(EvictionReason.Expired, e.Reason));
        Assert.Equal(0, CountOf(map));
        Assert.Equal(3, map.Expired);
    }

    [Fact]
    public void The_fifo_hook_hears_expiries_oldest_write_first_and_overflow_as_Overflow()
    {
        var map = new HookedExpiringMap(2, null, _clock);
        map["a"] = 1;
        map["b"] = 2;
        map["c"] = 3; // evicts a
        Advance(1000);
        Assert.Equal(2, map.RemoveExpired());
        Assert.Equal(
            new[]
            {
                new Eviction<(string, int)>(("a", 1), EvictionReason.Overflow),
                new Eviction<(string, int)>(("b", 2), EvictionReason.Expired),
                new Eviction<(string, int)>(("c", 3), EvictionReason.Expired),
            },
            map.Evictions);
    }

    [Fact]
    public void A_set_entry_ages_from_when_it_was_added_and_adding_it_again_does_not_renew_it()
    {
        var set = new ExpiringThrowSet(2, null, _clock);
        Assert.True(set.Add("a"));
        Advance(500);
        Assert.True(set.Add("b"));
        Assert.False(set.Add("a"));
        Assert.Throws<BoundExceededException>(() => set.Add("c"));
        Advance(500); // a expired: room for c
        Assert.False(set.Contains("a"));
        Assert.True(set.Add("c"));
        Assert.Equal(new[] { "b", "c" }, set.ToArray());
        Assert.Equal(1, set.Expired);
    }

    [Fact]
    public void A_lru_set_reports_expired_values_to_its_hook()
    {
        var set = new HookedExpiringLruSet(4, null, _clock);
        set.Add(1);
        set.Add(2);
        Advance(1000);
        Assert.True(set.Add(3));
        Assert.Equal(new[] { new Eviction<int>(1, EvictionReason.Expired), new Eviction<int>(2, EvictionReason.Expired) }, set.Evictions);
        Assert.Equal(new[] { 3 }, set.ToArray());
    }

    [Fact]
    public void A_hook_that_writes_to_the_map_during_a_sweep_leaves_it_consistent()
    {
        var map = new ReentrantExpiringLruMap(4, null, _clock);
        map["a"] = 1;
        map["b"] = 2;
        Advance(500);
        map["c"] = 3;
        _ = map["a"];
        Advance(500); // now 1000: a and b expire, and the hook writes a' and b', stamped now

        // The hook hears a first; its write of a' starts by removing what has expired, so b (and b') come first.
        Assert.Equal(new[] { "c", "b'", "a'" }, map.Keys.ToArray());
        Assert.Equal(2, map.Expired);
        Advance(500); // c (500 ms) expires; a' and b' (1000 ms) do not
        Assert.Equal(new[] { "b'", "a'", "c'" }, map.Keys.ToArray());
        Advance(500);
        Assert.Equal(new[] { "c'" }, map.Keys.ToArray());
        Assert.Equal(5, map.Expired);
    }

    [Fact]
    public void A_hook_that_adds_to_the_queue_during_a_sweep_leaves_it_consistent()
    {
        var queue = new ReentrantExpiringQueue(4, _clock);
        queue.Add(1);
        queue.Add(2);
        Advance(500);
        queue.Add(3);
        Advance(500); // 1 and 2 expire, and the hook adds 101 and 102, stamped now

        // The hook hears 1 first; its Add starts by removing what has expired, so 2 (and 102) come first.
        Assert.Equal(new[] { 3, 102, 101 }, queue.ToArray());
        Advance(500);
        Assert.Equal(new[] { 102, 101, 103 }, queue.ToArray());
        Assert.Equal(3, queue.Expired);
    }

    [Fact]
    public void The_constructors_take_the_clock_and_refuse_a_missing_one()
    {
        Assert.Throws<ArgumentNullException>(() => new ExpiringMap((TimeProvider)null!));
        Assert.Throws<ArgumentNullException>(() => new ExpiringMap(2, null, null!));
        Assert.Equal(4, new ExpiringMap(_clock).Capacity);
        var ignoringCase = new ExpiringMap(2, StringComparer.OrdinalIgnoreCase, _clock);
        ignoringCase["A"] = 1;
        Assert.True(ignoringCase.ContainsKey("a"));
        Assert.Equal(TimeSpan.FromSeconds(1), new ExpiringResizableDropNewestMap().MaxAge);
    }

    [Fact]
    public void Without_a_clock_the_system_clock_ages_the_entries()
    {
        (SystemClockExpiringMap map, bool presentRightAfter) = SystemClockAttempt.FinishedWithin(TimeSpan.FromMilliseconds(50), () =>
        {
            var fresh = new SystemClockExpiringMap();
            fresh[1] = 1;
            return (fresh, fresh.ContainsKey(1));
        });
        Assert.True(presentRightAfter);
        Thread.Sleep(200);
        Assert.False(map.ContainsKey(1));
        Assert.Equal(1, map.Expired);
    }

    [Fact]
    public void Writing_and_reading_a_map_with_nothing_expired_allocates_nothing()
    {
        var fifo = new ExpiringMap(4, null, _clock);
        var lru = new ExpiringLruMap(4, null, _clock);
        string[] keys = ["a", "b", "c", "d", "e"];
        foreach (string key in keys)
        {
            fifo[key] = 0;
            lru[key] = 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            string key = keys[i % keys.Length];
            fifo[key] = i;
            lru[key] = i;
            _ = fifo.TryGetValue(key, out _);
            _ = lru.TryGetValue(keys[(i + 2) % keys.Length], out _);
            foreach (KeyValuePair<string, int> pair in lru)
            {
                _ = pair;
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
