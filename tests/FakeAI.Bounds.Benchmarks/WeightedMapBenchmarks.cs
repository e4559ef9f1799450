using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Caching.Memory;

namespace FakeAI.Bounds.Benchmarks;

// What a maximum weight costs a FIFO map, single-threaded calls, and how it compares with the weighted cache .NET
// ships. Two categories, each with the count-only generated map of capacity 1,000 as its baseline:
//
// - Insert: upsert of a new key on a full map (the keys cycle through MapData.InsertKeyCount = 2,000 distinct keys),
//   so every insert of the count-only map evicts one key, and every insert of the weighted map evicts until the new
//   entry's weight fits (entries weigh 1 to 8, MaxWeight is 2,000: about 444 entries, and about one eviction per
//   insert). Mean is ns per insert.
// - Lookup: TryGetValue of keys that are all present, in a shuffled order. Mean is ns per lookup.
//
// The other row is MemoryCache with SizeLimit = 2,000 and each entry's Size its weight: thread-safe, and not a strict
// bound (a cache over its limit drops new entries until a background compaction makes room), so its inserts do less
// than the others'; see LruMapBenchmarks.

/// <summary>Weight-bounded FIFO map benchmarks, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WeightedFifoMapIntLong
{
    /// <summary>Inserts per invocation: one pass over the distinct insert keys.</summary>
    public const int Inserts = MapData.InsertKeyCount;

    /// <summary>Lookups per invocation: the keys the weighted map holds, each once.</summary>
    public const int Lookups = 400;

    private const int Capacity = MapData.Capacity;

    private readonly int[] _keys = MapData.IntKeys(MapData.InsertKeyCount);
    private MemoryCacheEntryOptions[] _sizes = null!;
    private object[] _boxedKeys = null!;
    private object[] _boxedValues = null!;
    private int[] _lookupKeys = null!;
    private object[] _boxedLookupKeys = null!;

    private GeneratedFifoIntMap _countOnly = null!;
    private GeneratedWeightedFifoIntMap _weighted = null!;
    private MemoryCache _memoryCache = null!;

    private GeneratedFifoIntMap _lookupCountOnly = null!;
    private GeneratedWeightedFifoIntMap _lookupWeighted = null!;
    private MemoryCache _lookupMemoryCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _boxedKeys = MapData.Boxed(_keys);
        _boxedValues = new object[_keys.Length];
        _sizes = new MemoryCacheEntryOptions[_keys.Length];
        for (int i = 0; i < _boxedValues.Length; i++)
        {
            _boxedValues[i] = (long)i;
            _sizes[i] = new MemoryCacheEntryOptions { Size = WeightedMapData.WeightOf(_keys[i]) };
        }

        _countOnly = new GeneratedFifoIntMap(Capacity);
        _weighted = new GeneratedWeightedFifoIntMap(Capacity);
        _memoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = WeightedMapData.MaxWeight });

        // Two passes: the maps are full, have evicted, and have grown all they ever will.
        for (int pass = 0; pass < 2; pass++)
        {
            InsertCountOnly();
            InsertWeighted();
            InsertMemoryCache();
        }

        MapData.Check("count-only FIFO Count", _countOnly.Count, Capacity);
        MapData.Check("weighted FIFO at most MaxWeight", _weighted.Weight <= WeightedMapData.MaxWeight ? 1 : 0, 1);
        MapData.Check("weighted FIFO nearly full", _weighted.Weight > WeightedMapData.MaxWeight - 8 ? 1 : 0, 1);

        _lookupCountOnly = new GeneratedFifoIntMap(Capacity);
        _lookupWeighted = new GeneratedWeightedFifoIntMap(Capacity);
        _lookupMemoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = WeightedMapData.MaxWeight });
        for (int i = 0; i < Lookups; i++)
        {
            _lookupCountOnly[_keys[i]] = i;
            _lookupWeighted[_keys[i]] = i;
            _lookupMemoryCache.Set(_boxedKeys[i], _boxedValues[i], _sizes[i]);
        }

        _lookupKeys = MapData.Pick(_keys, MapData.ShuffledIndices(Lookups));
        _boxedLookupKeys = MapData.Boxed(_lookupKeys);

        // Every lookup hits: the values are 0 … Lookups - 1, so the sum is known.
        const long sum = (long)Lookups * (Lookups - 1) / 2;
        MapData.Check("count-only FIFO lookup sum", LookupCountOnly(), sum);
        MapData.Check("weighted FIFO lookup sum", LookupWeighted(), sum);
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
    public void InsertWeighted()
    {
        GeneratedWeightedFifoIntMap map = _weighted;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = i;
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertMemoryCache()
    {
        MemoryCache cache = _memoryCache;
        MemoryCacheEntryOptions[] sizes = _sizes;
        object[] keys = _boxedKeys;
        object[] values = _boxedValues;
        for (int i = 0; i < keys.Length; i++)
        {
            cache.Set(keys[i], values[i], sizes[i]);
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
    public long LookupWeighted()
    {
        GeneratedWeightedFifoIntMap map = _lookupWeighted;
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
