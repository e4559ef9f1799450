using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BitFaster.Caching.Lru;
using Microsoft.Extensions.Caching.Memory;

namespace FakeAI.Bounds.Benchmarks;

// Least-recently-used maps of capacity 1,000 (the generated OverflowPolicy.EvictLeastRecentlyUsed map) and the
// caches a .NET developer would reach for instead, single-threaded calls, in the same two categories as the FIFO
// classes (Insert: a new key on a full map, every insert evicts; Lookup: TryGetValue of present keys, which
// refreshes them). The baseline of both is the classic Dictionary + LinkedList LRU without a lock; the same under
// a `lock` is a row for the thread-safe contenders to be read against.
//
// - BitFaster.Caching ConcurrentLru: thread-safe pseudo-LRU (hot, warm and cold queues; a hit sets a flag instead
//   of moving the entry), with its hit/miss metrics on as by default.
// - Microsoft.Extensions.Caching.Memory MemoryCache with SizeLimit = 1,000 and Size = 1 per entry: not a strict
//   LRU bound. A Set that would take the total size past SizeLimit is not stored; it only schedules a compaction on
//   the thread pool, which later removes a share of the entries (CompactionPercentage, 5% by default: expired first,
//   then low priority, then least recently accessed). So most "inserts" on a full MemoryCache are dropped, and a
//   key just set may be absent; the setup prints how many of the latest keys are held. Its keys and values are
//   object: the int keys and long values are boxed once in setup, so the rows measure the cache, not boxing; each
//   Set still allocates the cache's own entry.

/// <summary>LRU map benchmarks, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LruMapIntLong
{
    /// <summary>Inserts per invocation: one pass over the distinct insert keys.</summary>
    public const int Inserts = MapData.InsertKeyCount;

    /// <summary>Lookups per invocation: every present key once.</summary>
    public const int Lookups = MapData.Capacity;

    private const int Capacity = MapData.Capacity;

    private readonly Lock _gate = new();
    private readonly int[] _keys = MapData.IntKeys(MapData.InsertKeyCount);
    private readonly MemoryCacheEntryOptions _sizeOne = new() { Size = 1 };
    private object[] _boxedKeys = null!;
    private object[] _boxedValues = null!;
    private int[] _lookupKeys = null!;
    private object[] _boxedLookupKeys = null!;

    private GeneratedLruIntMap _generated = null!;
    private GeneratedConcurrentLruIntMap _generatedThreadSafe = null!;
    private LinkedListLruIntMap _linkedList = null!;
    private LinkedListLruIntMap _linkedListLocked = null!;
    private ConcurrentLru<int, long> _concurrentLru = null!;
    private MemoryCache _memoryCache = null!;

    private GeneratedLruIntMap _lookupGenerated = null!;
    private GeneratedConcurrentLruIntMap _lookupGeneratedThreadSafe = null!;
    private LinkedListLruIntMap _lookupLinkedList = null!;
    private LinkedListLruIntMap _lookupLinkedListLocked = null!;
    private ConcurrentLru<int, long> _lookupConcurrentLru = null!;
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

        _generated = new GeneratedLruIntMap(Capacity);
        _generatedThreadSafe = new GeneratedConcurrentLruIntMap(Capacity);
        _linkedList = new LinkedListLruIntMap(Capacity);
        _linkedListLocked = new LinkedListLruIntMap(Capacity);
        _concurrentLru = new ConcurrentLru<int, long>(Capacity);
        _memoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });

        for (int pass = 0; pass < 2; pass++)
        {
            InsertLinkedList();
            InsertLinkedListLocked();
            InsertGenerated();
            InsertGeneratedThreadSafe();
            InsertConcurrentLru();
            InsertMemoryCache();
        }

        MapData.Check("generated LRU Count", _generated.Count, Capacity);
        MapData.Check("generated LRU ThreadSafe Count", _generatedThreadSafe.Count, Capacity);
        MapData.Check("Dictionary + LinkedList Count", _linkedList.Count, Capacity);
        MapData.Check("Dictionary + LinkedList (locked) Count", _linkedListLocked.Count, Capacity);
        MapData.Check("generated LRU Evicted", _generated.Evicted, (2 * Inserts) - Capacity);
        int lruHeld = 0;
        int cacheHeld = 0;
        for (int i = _keys.Length - Capacity; i < _keys.Length; i++)
        {
            lruHeld += _concurrentLru.TryGet(_keys[i], out _) ? 1 : 0;
            cacheHeld += _memoryCache.TryGetValue(_boxedKeys[i], out _) ? 1 : 0;
        }

        Console.WriteLine($"// Setup: after {2 * Inserts} inserts, ConcurrentLru holds {_concurrentLru.Count} keys ({lruHeld} of the latest {Capacity}); MemoryCache holds {_memoryCache.Count} ({cacheHeld} of the latest {Capacity}).");

        _lookupGenerated = new GeneratedLruIntMap(Capacity);
        _lookupGeneratedThreadSafe = new GeneratedConcurrentLruIntMap(Capacity);
        _lookupLinkedList = new LinkedListLruIntMap(Capacity);
        _lookupLinkedListLocked = new LinkedListLruIntMap(Capacity);
        _lookupConcurrentLru = new ConcurrentLru<int, long>(Capacity);
        _lookupMemoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });
        for (int i = 0; i < Capacity; i++)
        {
            _lookupGenerated[_keys[i]] = i;
            _lookupGeneratedThreadSafe[_keys[i]] = i;
            _lookupLinkedList.Set(_keys[i], i);
            _lookupLinkedListLocked.Set(_keys[i], i);
            _lookupConcurrentLru.AddOrUpdate(_keys[i], i);
            _lookupMemoryCache.Set(_boxedKeys[i], _boxedValues[i], _sizeOne);
        }

        int[] order = MapData.ShuffledIndices(Capacity);
        _lookupKeys = MapData.Pick(_keys, order);
        _boxedLookupKeys = MapData.Boxed(_lookupKeys);

        const long sum = (long)Capacity * (Capacity - 1) / 2;
        MapData.Check("generated LRU lookup sum", LookupGenerated(), sum);
        MapData.Check("generated LRU ThreadSafe lookup sum", LookupGeneratedThreadSafe(), sum);
        MapData.Check("Dictionary + LinkedList lookup sum", LookupLinkedList(), sum);
        MapData.Check("Dictionary + LinkedList (locked) lookup sum", LookupLinkedListLocked(), sum);
        MapData.Check("ConcurrentLru lookup sum", LookupConcurrentLru(), sum);
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
    public void InsertLinkedList()
    {
        LinkedListLruIntMap map = _linkedList;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map.Set(keys[i], i);
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertLinkedListLocked()
    {
        LinkedListLruIntMap map = _linkedListLocked;
        Lock gate = _gate;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            lock (gate)
            {
                map.Set(keys[i], i);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertGenerated()
    {
        GeneratedLruIntMap map = _generated;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = i;
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertGeneratedThreadSafe()
    {
        GeneratedConcurrentLruIntMap map = _generatedThreadSafe;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = i;
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertConcurrentLru()
    {
        ConcurrentLru<int, long> cache = _concurrentLru;
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
        MemoryCacheEntryOptions sizeOne = _sizeOne;
        object[] keys = _boxedKeys;
        object[] values = _boxedValues;
        for (int i = 0; i < keys.Length; i++)
        {
            cache.Set(keys[i], values[i], sizeOne);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupLinkedList()
    {
        LinkedListLruIntMap map = _lookupLinkedList;
        int[] keys = _lookupKeys;
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (map.TryGetValue(keys[i], out long value))
            {
                sum += value;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupLinkedListLocked()
    {
        LinkedListLruIntMap map = _lookupLinkedListLocked;
        Lock gate = _gate;
        int[] keys = _lookupKeys;
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            long value;
            bool found;
            lock (gate)
            {
                found = map.TryGetValue(keys[i], out value);
            }

            if (found)
            {
                sum += value;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupGenerated()
    {
        GeneratedLruIntMap map = _lookupGenerated;
        int[] keys = _lookupKeys;
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (map.TryGetValue(keys[i], out long value))
            {
                sum += value;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupGeneratedThreadSafe()
    {
        GeneratedConcurrentLruIntMap map = _lookupGeneratedThreadSafe;
        int[] keys = _lookupKeys;
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (map.TryGetValue(keys[i], out long value))
            {
                sum += value;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupConcurrentLru()
    {
        ConcurrentLru<int, long> cache = _lookupConcurrentLru;
        int[] keys = _lookupKeys;
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (cache.TryGet(keys[i], out long value))
            {
                sum += value;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupMemoryCache()
    {
        MemoryCache cache = _lookupMemoryCache;
        object[] keys = _boxedLookupKeys;
        long sum = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (cache.TryGetValue(keys[i], out object? value))
            {
                sum += (long)value!;
            }
        }

        return sum;
    }
}

/// <summary>LRU map benchmarks, <see cref="string"/> keys (15 characters) and <see cref="object"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LruMapStringObject
{
    /// <summary>Inserts per invocation: one pass over the distinct insert keys.</summary>
    public const int Inserts = MapData.InsertKeyCount;

    /// <summary>Lookups per invocation: every present key once.</summary>
    public const int Lookups = MapData.Capacity;

    private const int Capacity = MapData.Capacity;

    private readonly Lock _gate = new();
    private readonly string[] _keys = MapData.StringKeys(MapData.InsertKeyCount);
    private readonly object[] _values = MapData.Boxed(Item.CreatePool(MapData.InsertKeyCount));
    private readonly MemoryCacheEntryOptions _sizeOne = new() { Size = 1 };
    private string[] _lookupKeys = null!;

    private GeneratedLruStringMap _generated = null!;
    private GeneratedConcurrentLruStringMap _generatedThreadSafe = null!;
    private LinkedListLruStringMap _linkedList = null!;
    private LinkedListLruStringMap _linkedListLocked = null!;
    private ConcurrentLru<string, object> _concurrentLru = null!;
    private MemoryCache _memoryCache = null!;

    private GeneratedLruStringMap _lookupGenerated = null!;
    private GeneratedConcurrentLruStringMap _lookupGeneratedThreadSafe = null!;
    private LinkedListLruStringMap _lookupLinkedList = null!;
    private LinkedListLruStringMap _lookupLinkedListLocked = null!;
    private ConcurrentLru<string, object> _lookupConcurrentLru = null!;
    private MemoryCache _lookupMemoryCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new GeneratedLruStringMap(Capacity);
        _generatedThreadSafe = new GeneratedConcurrentLruStringMap(Capacity);
        _linkedList = new LinkedListLruStringMap(Capacity);
        _linkedListLocked = new LinkedListLruStringMap(Capacity);
        _concurrentLru = new ConcurrentLru<string, object>(Capacity);
        _memoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });

        for (int pass = 0; pass < 2; pass++)
        {
            InsertLinkedList();
            InsertLinkedListLocked();
            InsertGenerated();
            InsertGeneratedThreadSafe();
            InsertConcurrentLru();
            InsertMemoryCache();
        }

        MapData.Check("generated LRU Count", _generated.Count, Capacity);
        MapData.Check("generated LRU ThreadSafe Count", _generatedThreadSafe.Count, Capacity);
        MapData.Check("Dictionary + LinkedList Count", _linkedList.Count, Capacity);
        MapData.Check("Dictionary + LinkedList (locked) Count", _linkedListLocked.Count, Capacity);
        MapData.Check("generated LRU Evicted", _generated.Evicted, (2 * Inserts) - Capacity);
        int lruHeld = 0;
        int cacheHeld = 0;
        for (int i = _keys.Length - Capacity; i < _keys.Length; i++)
        {
            lruHeld += _concurrentLru.TryGet(_keys[i], out _) ? 1 : 0;
            cacheHeld += _memoryCache.TryGetValue(_keys[i], out _) ? 1 : 0;
        }

        Console.WriteLine($"// Setup: after {2 * Inserts} inserts, ConcurrentLru holds {_concurrentLru.Count} keys ({lruHeld} of the latest {Capacity}); MemoryCache holds {_memoryCache.Count} ({cacheHeld} of the latest {Capacity}).");

        _lookupGenerated = new GeneratedLruStringMap(Capacity);
        _lookupGeneratedThreadSafe = new GeneratedConcurrentLruStringMap(Capacity);
        _lookupLinkedList = new LinkedListLruStringMap(Capacity);
        _lookupLinkedListLocked = new LinkedListLruStringMap(Capacity);
        _lookupConcurrentLru = new ConcurrentLru<string, object>(Capacity);
        _lookupMemoryCache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity });
        for (int i = 0; i < Capacity; i++)
        {
            _lookupGenerated[_keys[i]] = _values[i];
            _lookupGeneratedThreadSafe[_keys[i]] = _values[i];
            _lookupLinkedList.Set(_keys[i], _values[i]);
            _lookupLinkedListLocked.Set(_keys[i], _values[i]);
            _lookupConcurrentLru.AddOrUpdate(_keys[i], _values[i]);
            _lookupMemoryCache.Set(_keys[i], _values[i], _sizeOne);
        }

        // Lookups by equal strings that are not the stored instances.
        _lookupKeys = MapData.Copies(MapData.Pick(_keys, MapData.ShuffledIndices(Capacity)));

        MapData.Check("generated LRU lookup hits", LookupGenerated(), Capacity);
        MapData.Check("generated LRU ThreadSafe lookup hits", LookupGeneratedThreadSafe(), Capacity);
        MapData.Check("Dictionary + LinkedList lookup hits", LookupLinkedList(), Capacity);
        MapData.Check("Dictionary + LinkedList (locked) lookup hits", LookupLinkedListLocked(), Capacity);
        MapData.Check("ConcurrentLru lookup hits", LookupConcurrentLru(), Capacity);
        MapData.Check("MemoryCache lookup hits", LookupMemoryCache(), Capacity);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memoryCache?.Dispose();
        _lookupMemoryCache?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertLinkedList()
    {
        LinkedListLruStringMap map = _linkedList;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            map.Set(keys[i], values[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertLinkedListLocked()
    {
        LinkedListLruStringMap map = _linkedListLocked;
        Lock gate = _gate;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            lock (gate)
            {
                map.Set(keys[i], values[i]);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertGenerated()
    {
        GeneratedLruStringMap map = _generated;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = values[i];
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertGeneratedThreadSafe()
    {
        GeneratedConcurrentLruStringMap map = _generatedThreadSafe;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = values[i];
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertConcurrentLru()
    {
        ConcurrentLru<string, object> cache = _concurrentLru;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            cache.AddOrUpdate(keys[i], values[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertMemoryCache()
    {
        MemoryCache cache = _memoryCache;
        MemoryCacheEntryOptions sizeOne = _sizeOne;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            cache.Set(keys[i], values[i], sizeOne);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupLinkedList()
    {
        LinkedListLruStringMap map = _lookupLinkedList;
        string[] keys = _lookupKeys;
        int hits = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (map.TryGetValue(keys[i], out _))
            {
                hits++;
            }
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupLinkedListLocked()
    {
        LinkedListLruStringMap map = _lookupLinkedListLocked;
        Lock gate = _gate;
        string[] keys = _lookupKeys;
        int hits = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            lock (gate)
            {
                if (map.TryGetValue(keys[i], out _))
                {
                    hits++;
                }
            }
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupGenerated()
    {
        GeneratedLruStringMap map = _lookupGenerated;
        string[] keys = _lookupKeys;
        int hits = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (map.TryGetValue(keys[i], out _))
            {
                hits++;
            }
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupGeneratedThreadSafe()
    {
        GeneratedConcurrentLruStringMap map = _lookupGeneratedThreadSafe;
        string[] keys = _lookupKeys;
        int hits = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (map.TryGetValue(keys[i], out _))
            {
                hits++;
            }
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupConcurrentLru()
    {
        ConcurrentLru<string, object> cache = _lookupConcurrentLru;
        string[] keys = _lookupKeys;
        int hits = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (cache.TryGet(keys[i], out _))
            {
                hits++;
            }
        }

        return hits;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupMemoryCache()
    {
        MemoryCache cache = _lookupMemoryCache;
        string[] keys = _lookupKeys;
        int hits = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (cache.TryGetValue(keys[i], out _))
            {
                hits++;
            }
        }

        return hits;
    }
}
