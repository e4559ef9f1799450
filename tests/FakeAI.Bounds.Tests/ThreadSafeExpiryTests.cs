using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The thread-safe dictionaries and sets with a maximum age: reads without the lock check each entry's age, so no
/// member returns an expired entry; writers, and reads that find an expired entry, sweep under the lock; the hook hears
/// of expiries after the lock is released. Checked against a reference model, and with writers and readers on several
/// threads while the clock moves between rounds.
/// </summary>
public class ThreadSafeExpiryTests
{
    private readonly FakeTimeProvider _clock = new();

    private static int CountOf(IBoundedCollection collection) => collection.Count;

    private void Advance(int milliseconds) => _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public static TheoryData<string> Forms { get; } = ["fifo", "lru"];

    private IBoundedDictionary<string, int> NewMap(string form) =>
        form == "lru" ? new ExpiringLruMapThreadSafe(4, null, _clock) : new ExpiringMapThreadSafe(4, null, _clock);

    [Theory]
    [MemberData(nameof(Forms))]
    public void No_member_returns_an_expired_key(string form)
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
            ["Count"] = m => m.Count != 1,
            ["TryAdd"] = m => !m.TryAdd("old", 3),
            ["GetOrAdd"] = m => m.GetOrAdd("old", _ => 3) == 1,
            ["AddOrUpdate"] = m => m.AddOrUpdate("old", 3, (_, v) => v + 10) != 3,
            ["Remove"] = m => m.Remove("old"),
            ["RemoveWhere"] = m => m.RemoveWhere((k, _) => k == "old") == 1,
        };

        foreach ((string name, Func<IBoundedDictionary<string, int>, bool> seesOld) in reads)
        {
            IBoundedDictionary<string, int> map = NewMap(form);
            map.TryAdd("old", 1);
            Advance(400);
            map.TryAdd("new", 2);
            Advance(600);
            Assert.False(seesOld(map), name + " saw an expired key");
        }
    }

    [Fact]
    public void A_read_that_finds_an_expired_entry_removes_it_and_counts_it()
    {
        var map = new ExpiringMapThreadSafe(4, null, _clock);
        map["a"] = 1;
        map["b"] = 2;
        Advance(1000);

        Assert.False(map.TryGetValue("a", out _));

        Assert.Equal(2, map.Expired);
        Assert.Equal(0, CountOf(map));
        Assert.Equal(0, map.Evicted);
    }

    [Fact]
    public void Count_is_the_live_count_and_a_write_renews_an_entry()
    {
        var map = new ExpiringMapThreadSafe(4, null, _clock);
        map["a"] = 1;
        map["b"] = 2;
        Advance(600);
        map["a"] = 10;
        Advance(400);

        Assert.Equal(1, CountOf(map));
        Assert.Equal([new KeyValuePair<string, int>("a", 10)], map.ToArray());
        Assert.Equal(1, map.Expired);
    }

    [Fact]
    public void A_set_entry_expires_and_frees_room_under_Throw()
    {
        var set = new ExpiringThrowSetThreadSafe(2, null, _clock);
        set.Add("a");
        set.Add("b");
        Assert.Throws<BoundExceededException>(() => set.Add("c"));
        Advance(1000);

        Assert.True(set.Add("c"));
        Assert.False(set.Contains("a"));
        Assert.Equal(["c"], set.ToArray());
        Assert.Equal(2, set.Expired);
    }

    [Fact]
    public void RemoveExpired_removes_them_now_and_says_how_many()
    {
        var map = new ExpiringLruMapThreadSafe(4, null, _clock);
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
    public void The_hook_hears_expiries_after_the_lock_is_released_even_when_it_throws_for_one()
    {
        var map = new HookedExpiringMapThreadSafe(4, null, _clock) { ThrowFor = "b" };
        map["a"] = 1;
        map["b"] = 2;
        map["c"] = 3;
        Advance(1000);

        var thrown = Assert.Throws<InvalidOperationException>(() => map["d"] = 4);

        Assert.Equal("hook failed for b", thrown.Message);
        Assert.Equal(["a", "b", "c"], map.Evictions.Select(e => e.Entry.Key));
        Assert.All(map.Evictions, e => Assert.Equal(EvictionReason.Expired, e.Reason));
        Assert.All(map.CountsSeenInHook, count => Assert.Equal(1, count));
        Assert.Equal([new KeyValuePair<string, int>("d", 4)], map.ToArray());
    }

    [Fact]
    public void A_fifo_map_agrees_with_a_reference_model_over_a_long_random_run()
    {
        var random = new Random(20261207);
        var map = new ExpiringMapThreadSafe(4, null, _clock);
        var order = new List<(string Key, int Value, long WrittenAt)>();
        long now = 0;
        long expired = 0;
        for (int step = 0; step < 5000; step++)
        {
            int advance = random.Next(0, 300);
            Advance(advance);
            now += advance;
            string key = "k" + random.Next(0, 7);
            int operation = random.Next(3);
            if (operation == 0)
            {
                expired += order.RemoveAll(entry => now - entry.WrittenAt >= 1000);
                map[key] = step;
                order.RemoveAll(entry => entry.Key == key);
                if (order.Count == 4)
                {
                    order.RemoveAt(0);
                }

                order.Add((key, step, now));
            }
            else if (operation == 1)
            {
                bool found = map.TryGetValue(key, out int value);
                int at = order.FindIndex(entry => entry.Key == key);
                bool live = at >= 0 && now - order[at].WrittenAt < 1000;
                Assert.Equal(live, found);
                if (found)
                {
                    Assert.Equal(order[at].Value, value);
                }
            }
            else
            {
                expired += order.RemoveAll(entry => now - entry.WrittenAt >= 1000);
                Assert.Equal(order.Count, map.Count);
            }

            Assert.Equal(order.Where(entry => now - entry.WrittenAt < 1000).Select(entry => entry.Key), map.Keys.ToArray());
        }

        Assert.True(map.Expired >= expired);
    }

    [Fact]
    public async Task Readers_on_several_threads_never_see_an_entry_of_an_expired_round()
    {
        // Each round, writers add keys of the round and readers look up keys of the round before, which the clock moved
        // past the age between the rounds: most of them are still in the table until a writer sweeps, so the readers
        // without the lock must tell by the age.
        var map = new LargeExpiringLruMapThreadSafe(4096, null, _clock);
        long seen = 0;
        for (int round = 1; round <= 20; round++)
        {
            long current = round;
            using var start = new Barrier(4);
            Task[] workers = new Task[4];
            for (int worker = 0; worker < 4; worker++)
            {
                int id = worker;
                workers[worker] = Task.Run(() =>
                {
                    var random = new Random((int)(current * 10) + id);
                    start.SignalAndWait();
                    for (int i = 0; i < 3000; i++)
                    {
                        long previous = ((current - 1) * 100_000) + random.Next(6000);
                        if (map.TryGetValue(previous, out _) || map.ContainsKey(previous))
                        {
                            Interlocked.Increment(ref seen);
                        }

                        if (id < 2)
                        {
                            map[(current * 100_000) + (id * 3000) + i] = current;
                        }
                    }
                });
            }

            await Task.WhenAll(workers);
            Advance(1000);
        }

        Assert.Equal(0, Interlocked.Read(ref seen));
        Assert.Equal(0, CountOf(map));
    }

    [Fact]
    public void On_the_system_clock_an_age_of_a_second_keeps_an_entry_a_second_and_at_most_two_clock_ticks_more()
    {
        // Ages of a second or more on the system clock are read from the coarse tick count, whose resolution is at most
        // 16 ms: an entry lives between its age and its age plus two resolutions.
        (SystemClockSecondMap plain, SystemClockSecondMapThreadSafe shared, bool plainAtHalf, bool sharedAtHalf) =
            SystemClockAttempt.FinishedWithin(TimeSpan.FromSeconds(1), () =>
            {
                var freshPlain = new SystemClockSecondMap();
                var freshShared = new SystemClockSecondMapThreadSafe();
                freshPlain[1] = 1;
                freshShared[1] = 1;
                Thread.Sleep(500);
                return (freshPlain, freshShared, freshPlain.ContainsKey(1), freshShared.ContainsKey(1));
            });
        Assert.True(plainAtHalf);
        Assert.True(sharedAtHalf);

        Thread.Sleep(600);

        Assert.False(plain.ContainsKey(1));
        Assert.False(shared.TryGetValue(1, out _));
        Assert.Equal(1, plain.Expired);
        Assert.Equal(1, shared.Expired);
        Assert.Equal(TimeSpan.FromSeconds(1), shared.MaxAge);
    }

    [Fact]
    public void Sweeps_that_tell_the_hook_allocate_nothing_once_warm()
    {
        var set = new CountingHookExpiringSetThreadSafe(64, null, _clock);
        int next = 0;

        void Round()
        {
            for (int i = 0; i < 16; i++)
            {
                set.Add(next++);
            }

            Advance(1000);
            set.Add(next++);
        }

        Round();
        Round();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Round();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(16 + 17 + 17, set.Heard);
    }
}
