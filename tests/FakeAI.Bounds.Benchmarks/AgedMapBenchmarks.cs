using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BitFaster.Caching.Lru;
using Microsoft.Extensions.Caching.Memory;

namespace FakeAI.Bounds.Benchmarks;

// What a maximum age costs a FIFO map of capacity 1,000, single-threaded calls, and how the age-bounded map compares
// with the caches users age entries with. Two categories, each with the count-only generated map as its baseline:
//
// - Insert: upsert of a new key on a full map, so every insert evicts the oldest key (the keys cycle through
//   MapData.InsertKeyCount = 2,000 distinct keys). Mean is ns per insert.
// - Lookup: TryGetValue of keys that are all present, in a shuffled order. Mean is ns per lookup.
//
// The age is one hour, so no entry expires during a run: the rows measure the clock read and the age check every
// operation pays, not removals. The other rows:
// - BitFaster's ConcurrentTLru: capacity 1,000, time to live one hour (expire after write), thread-safe by design.
// - MemoryCache with SizeLimit = 1,000, Size = 1 per entry and an absolute expiration of one hour relative to now:
//   thread-safe, and not a strict bound (a full cache drops new entries until a background compaction makes room), so
//   its inserts do less than the others'; see LruMapBenchmarks.

/// <summary>Age-bounded FIFO map benchmarks, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AgedFifoMapIntLong
{
    /// <summary>Inserts per invocation: one pass over the distinct insert keys.</summary>
    public const int Inserts = MapData.InsertKeyCount;

    /// <summary>Lookups per invocation: every present key once.</summary>
    public const int Lookups = MapData.Capacity;

    private const int Capacity = MapData.Capacity;

    private static readonly TimeSpan Age = TimeSpan.FromHours(1);

    private readonly int[] _keys = MapData.IntKeys(MapData.InsertKeyCount);
    private readonly MemoryCacheEntryOptions _sizeOneForAnHour = new() { Size = 1, AbsoluteExpirationRelativeToNow = Age };
    private object[] _boxedKeys = null!;
    private object[] _boxedValues = null!;
    private int[] _lookupKeys = null!;
    private object[] _boxedLookupKeys = null!;

    private GeneratedFifoIntMap _countOnly = null!;
    private GeneratedAgedFifoIntMap _aged = null!;
    private ConcurrentTLru<int, long> _timedLru = null!;
    private MemoryCache _memoryCache = null!;

    private GeneratedFifoIntMap _lookupCountOnly = null!;
    private GeneratedAgedFifoIntMap _lookupAged = null!;
    private ConcurrentTLru<int, long> _lookupTimedLru = null!;
    private MemoryCache _lookupMemoryCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _boxedKeys = MapData.Boxed(_keys);
        _boxedValues = new object[_keys.Length];
        for (int i = 0; i < _boxedValues.Length; i++)
        {
            _boxedValues[i] = (long)i;
        }

        _countOnly = new GeneratedFifoIntMap(Capacity);
        _aged = new GeneratedAgedFifoIntMap(Capacity);
        _timedLru = new ConcurrentTLru<int, long>(Capacity, Age);
        _memoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });

        // Two passes: the maps are full, have evicted, and have grown all they ever will.
        for (int pass = 0; pass < 2; pass++)
        {
            InsertCountOnly();
            InsertAged();
            InsertTimedLru();
            InsertMemoryCache();
        }

        MapData.Check("count-only FIFO Count", _countOnly.Count, Capacity);
        MapData.Check("aged FIFO Count", _aged.Count, Capacity);
        MapData.Check("aged FIFO Evicted", _aged.Evicted, (2 * Inserts) - Capacity);
        MapData.Check("aged FIFO Expired", _aged.Expired, 0);

        _lookupCountOnly = new GeneratedFifoIntMap(Capacity);
        _lookupAged = new GeneratedAgedFifoIntMap(Capacity);
        _lookupTimedLru = new ConcurrentTLru<int, long>(Capacity, Age);
        _lookupMemoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });
        for (int i = 0; i < Capacity; i++)
        {
            _lookupCountOnly[_keys[i]] = i;
            _lookupAged[_keys[i]] = i;
            _lookupTimedLru.AddOrUpdate(_keys[i], i);
            _lookupMemoryCache.Set(_boxedKeys[i], _boxedValues[i], _sizeOneForAnHour);
        }

        _lookupKeys = MapData.Pick(_keys, MapData.ShuffledIndices(Capacity));
        _boxedLookupKeys = MapData.Boxed(_lookupKeys);

        // Every lookup hits: the values are 0 … Capacity - 1, so the sum is known.
        const long sum = (long)Capacity * (Capacity - 1) / 2;
        MapData.Check("count-only FIFO lookup sum", LookupCountOnly(), sum);
        MapData.Check("aged FIFO lookup sum", LookupAged(), sum);
        MapData.Check("ConcurrentTLru lookup sum", LookupTimedLru(), sum);
        MapData.Check("MemoryCache lookup sum", LookupMemoryCache(), sum);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memoryCache?.Dispose();
        _lookupMemoryCache?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertCountOnly()
    {
        GeneratedFifoIntMap map = _countOnly;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = i;
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertAged()
    {
        GeneratedAgedFifoIntMap map = _aged;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = i;
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertTimedLru()
    {
        ConcurrentTLru<int, long> cache = _timedLru;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            cache.AddOrUpdate(keys[i], i);
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertMemoryCache()
    {
        MemoryCache cache = _memoryCache;
        MemoryCacheEntryOptions options = _sizeOneForAnHour;
        object[] keys = _boxedKeys;
        object[] values = _boxedValues;
        for (int i = 0; i < keys.Length; i++)
        {
            cache.Set(keys[i], values[i], options);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupCountOnly()
    {
        GeneratedFifoIntMap map = _lookupCountOnly;
        long sum = 0;
        foreach (int key in _lookupKeys)
        {
            map.TryGetValue(key, out long value);
            sum += value;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupAged()
    {
        GeneratedAgedFifoIntMap map = _lookupAged;
        long sum = 0;
        foreach (int key in _lookupKeys)
        {
            map.TryGetValue(key, out long value);
            sum += value;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupTimedLru()
    {
        ConcurrentTLru<int, long> cache = _lookupTimedLru;
        long sum = 0;
        foreach (int key in _lookupKeys)
        {
            cache.TryGet(key, out long value);
            sum += value;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupMemoryCache()
    {
        MemoryCache cache = _lookupMemoryCache;
        long sum = 0;
        foreach (object key in _boxedLookupKeys)
        {
            cache.TryGetValue(key, out object? value);
            sum += value is long number ? number : 0;
        }

        return sum;
    }
}
