using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Weighted maps against a plain reference model over long random runs (single-threaded, exact order and counters),
/// under several writers at once (the bound and the total hold at every moment a reader looks), and for allocation:
/// an insert that evicts several entries and tells the hook allocates nothing once the collection is warm.
/// </summary>
public class WeightReferenceModelTests
{
    private const int MaxWeight = 10;

    /// <summary>The reference: a list oldest (or least recently used) first, and the rules the documentation states.</summary>
    private sealed class ReferenceWeightedMap(bool lru)
    {
        private readonly List<(string Key, string Value)> _order = [];

        public long Evicted { get; private set; }

        public long Dropped { get; private set; }

        public long Weight => _order.Sum(entry => (long)entry.Value.Length);

        public IEnumerable<KeyValuePair<string, string>> Entries => _order.Select(entry => new KeyValuePair<string, string>(entry.Key, entry.Value));

        public bool Set(string key, string value)
        {
            int weight = value.Length;
            if (weight > MaxWeight)
            {
                Dropped++;
                return false;
            }

            int at = _order.FindIndex(entry => entry.Key == key);
            if (at >= 0)
            {
                long others = Weight - _order[at].Value.Length;
                if (weight > MaxWeight - others)
                {
                    _order.RemoveAt(at);
                    while (weight > MaxWeight - Weight)
                    {
                        _order.RemoveAt(0);
                        Evicted++;
                    }

                    _order.Add((key, value));
                }
                else if (lru)
                {
                    _order.RemoveAt(at);
                    _order.Add((key, value));
                }
                else
                {
                    _order[at] = (key, value);
                }

                return true;
            }

            while (_order.Count == 100 || weight > MaxWeight - Weight)
            {
                _order.RemoveAt(0);
                Evicted++;
            }

            _order.Add((key, value));
            return true;
        }

        public void Read(string key)
        {
            int at = _order.FindIndex(entry => entry.Key == key);
            if (lru && at >= 0)
            {
                var entry = _order[at];
                _order.RemoveAt(at);
                _order.Add(entry);
            }
        }

        public void Remove(string key) => _order.RemoveAll(entry => entry.Key == key);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    [InlineData(true, 4)]
    public void A_random_run_matches_the_reference(bool lru, int seed)
    {
        var random = new Random(seed);
        IBoundedDictionary<string, string> map = lru ? new WeightedLruMap() : new WeightedMap();
        var reference = new ReferenceWeightedMap(lru);
        for (int step = 0; step < 5_000; step++)
        {
            string key = "k" + random.Next(12);
            int operation = random.Next(10);
            if (operation < 6)
            {
                string value = new('v', random.Next(13));
                bool expected = reference.Set(key, value);
                bool threw = false;
                try
                {
                    map[key] = value;
                }
                catch (BoundExceededException)
                {
                    threw = true;
                }

                Assert.Equal(!expected, threw);
            }
            else if (operation < 9)
            {
                reference.Read(key);
                map.TryGetValue(key, out _);
            }
            else
            {
                reference.Remove(key);
                map.Remove(key);
            }

            Assert.Equal(reference.Entries, map.ToArray());
            Assert.Equal(reference.Weight, ((IWeightedCollection)map).Weight);
            Assert.Equal(reference.Evicted, map.Evicted);
            Assert.Equal(reference.Dropped, map.Dropped);
        }
    }

    public static TheoryData<string> ThreadSafeForms { get; } = ["fifo", "lru"];

    [Theory]
    [MemberData(nameof(ThreadSafeForms))]
    public async Task Several_writers_never_take_the_total_past_the_bound_and_it_stays_the_sum_of_the_entries(string form)
    {
        IBoundedDictionary<string, string> map = form == "lru" ? new WeightedLruMapThreadSafe() : new WeightedMapThreadSafe();
        var weighted = (IWeightedCollection)map;
        using var stop = new CancellationTokenSource();
        long overweight = 0;
        Task watcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (weighted.Weight > MaxWeight)
                {
                    Interlocked.Increment(ref overweight);
                }
            }
        });

        Parallel.For(0, 4, worker =>
        {
            var random = new Random(worker);
            for (int i = 0; i < 20_000; i++)
            {
                string key = "k" + random.Next(16);
                switch (random.Next(4))
                {
                    case 0:
                        map.Remove(key);
                        break;
                    case 1:
                        map.TryGetValue(key, out _);
                        break;
                    default:
                        map[key] = new string('v', random.Next(8));
                        break;
                }
            }
        });
        await stop.CancelAsync();
        await watcher;

        Assert.Equal(0, Interlocked.Read(ref overweight));
        Assert.Equal(map.ToArray().Sum(entry => (long)entry.Value.Length), weighted.Weight);
        Assert.True(weighted.Weight <= MaxWeight);
    }

    [Fact]
    public void Several_writers_with_a_hook_hear_of_every_eviction_once()
    {
        var map = new CountingHookWeightedLruMapThreadSafe();
        string[] values = [.. Enumerable.Range(0, 12).Select(length => new string('v', length))];
        Parallel.For(0, 4, worker =>
        {
            var random = new Random(worker);
            for (int i = 0; i < 20_000; i++)
            {
                map.TryAdd((worker * 1_000_000) + i, values[random.Next(values.Length)]);
            }
        });

        Assert.Equal(map.Evicted, map.Heard);
        Assert.Equal(80_000 - map.Dropped, map.Evicted + map.Count);
        Assert.Equal(map.ToArray().Sum(entry => (long)entry.Value.Length), map.Weight);
    }

    [Fact]
    public void Inserts_that_evict_several_entries_and_tell_the_hook_allocate_nothing_once_warm()
    {
        var plain = new CountingHookWeightedMap();
        var safe = new CountingHookWeightedLruMapThreadSafe();
        string light = new('v', 5);
        string heavy = new('v', 40);
        int key = 0;

        void Run()
        {
            for (int i = 0; i < 8; i++)
            {
                plain[key] = light;
                safe[key] = light;
                key++;
            }

            plain[key] = heavy;
            safe[key] = heavy;
            key++;
        }

        Run();
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(plain.Heard >= 16);
        Assert.True(safe.Heard >= 16);
    }
}
