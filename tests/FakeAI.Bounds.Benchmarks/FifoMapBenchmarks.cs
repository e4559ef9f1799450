using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace FakeAI.Bounds.Benchmarks;

// FIFO (OverflowPolicy.DropOldest) maps of capacity 1,000, single-threaded calls. Two categories per class, each
// with its own baseline, so that one table reads both targets' ratios:
//
// - Insert: upsert of a new key on a full map, so every insert evicts the oldest key (the keys cycle through
//   MapData.InsertKeyCount = 2,000 distinct keys, see MapData). Mean is ns per insert.
// - Lookup: TryGetValue of keys that are all present, in a shuffled order. Mean is ns per lookup.
//
// The baseline of both is Dictionary + Queue under a `lock` (System.Threading.Lock), the usual hand-written FIFO bound; the
// same without the lock is a row too, because the single-threaded generated map takes no lock either. The
// thread-safe rows are uncontended here: the cost of being safe, not behaviour under contention.

/// <summary>FIFO map benchmarks, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FifoMapIntLong
{
    /// <summary>Inserts per invocation: one pass over the distinct insert keys.</summary>
    public const int Inserts = MapData.InsertKeyCount;

    /// <summary>Lookups per invocation: every present key once.</summary>
    public const int Lookups = MapData.Capacity;

    private const int Capacity = MapData.Capacity;

    private readonly Lock _gate = new();
    private readonly int[] _keys = MapData.IntKeys(MapData.InsertKeyCount);
    private int[] _lookupKeys = null!;

    private GeneratedFifoIntMap _generated = null!;
    private GeneratedConcurrentFifoIntMap _generatedThreadSafe = null!;
    private DictionaryQueueIntMap _dictionaryQueue = null!;
    private DictionaryQueueIntMap _dictionaryQueueLocked = null!;

    private GeneratedFifoIntMap _lookupGenerated = null!;
    private GeneratedConcurrentFifoIntMap _lookupGeneratedThreadSafe = null!;
    private DictionaryQueueIntMap _lookupDictionaryQueue = null!;
    private DictionaryQueueIntMap _lookupDictionaryQueueLocked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new GeneratedFifoIntMap(Capacity);
        _generatedThreadSafe = new GeneratedConcurrentFifoIntMap(Capacity);
        _dictionaryQueue = new DictionaryQueueIntMap(Capacity);
        _dictionaryQueueLocked = new DictionaryQueueIntMap(Capacity);

        // Two passes: the maps are full, have evicted, and have grown all they ever will.
        for (int pass = 0; pass < 2; pass++)
        {
            InsertDictionaryQueueLocked();
            InsertDictionaryQueue();
            InsertGenerated();
            InsertGeneratedThreadSafe();
        }

        MapData.Check("generated FIFO Count", _generated.Count, Capacity);
        MapData.Check("generated FIFO ThreadSafe Count", _generatedThreadSafe.Count, Capacity);
        MapData.Check("Dictionary + Queue Count", _dictionaryQueue.Count, Capacity);
        MapData.Check("Dictionary + Queue (locked) Count", _dictionaryQueueLocked.Count, Capacity);
        MapData.Check("generated FIFO Evicted", _generated.Evicted, (2 * Inserts) - Capacity);

        _lookupGenerated = new GeneratedFifoIntMap(Capacity);
        _lookupGeneratedThreadSafe = new GeneratedConcurrentFifoIntMap(Capacity);
        _lookupDictionaryQueue = new DictionaryQueueIntMap(Capacity);
        _lookupDictionaryQueueLocked = new DictionaryQueueIntMap(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _lookupGenerated[_keys[i]] = i;
            _lookupGeneratedThreadSafe[_keys[i]] = i;
            _lookupDictionaryQueue.Set(_keys[i], i);
            _lookupDictionaryQueueLocked.Set(_keys[i], i);
        }

        _lookupKeys = MapData.Pick(_keys, MapData.ShuffledIndices(Capacity));

        // Every lookup hits: the values are 0 … Capacity - 1, so the sum is known.
        const long sum = (long)Capacity * (Capacity - 1) / 2;
        MapData.Check("generated FIFO lookup sum", LookupGenerated(), sum);
        MapData.Check("generated FIFO ThreadSafe lookup sum", LookupGeneratedThreadSafe(), sum);
        MapData.Check("Dictionary + Queue lookup sum", LookupDictionaryQueue(), sum);
        MapData.Check("Dictionary + Queue (locked) lookup sum", LookupDictionaryQueueLocked(), sum);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertDictionaryQueueLocked()
    {
        DictionaryQueueIntMap map = _dictionaryQueueLocked;
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
    public void InsertDictionaryQueue()
    {
        DictionaryQueueIntMap map = _dictionaryQueue;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map.Set(keys[i], i);
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertGenerated()
    {
        GeneratedFifoIntMap map = _generated;
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
        GeneratedConcurrentFifoIntMap map = _generatedThreadSafe;
        int[] keys = _keys;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = i;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public long LookupDictionaryQueueLocked()
    {
        DictionaryQueueIntMap map = _lookupDictionaryQueueLocked;
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
    public long LookupDictionaryQueue()
    {
        DictionaryQueueIntMap map = _lookupDictionaryQueue;
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
    public long LookupGenerated()
    {
        GeneratedFifoIntMap map = _lookupGenerated;
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
        GeneratedConcurrentFifoIntMap map = _lookupGeneratedThreadSafe;
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
}

/// <summary>FIFO map benchmarks, <see cref="string"/> keys (15 characters) and <see cref="object"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FifoMapStringObject
{
    /// <summary>Inserts per invocation: one pass over the distinct insert keys.</summary>
    public const int Inserts = MapData.InsertKeyCount;

    /// <summary>Lookups per invocation: every present key once.</summary>
    public const int Lookups = MapData.Capacity;

    private const int Capacity = MapData.Capacity;

    private readonly Lock _gate = new();
    private readonly string[] _keys = MapData.StringKeys(MapData.InsertKeyCount);
    private readonly object[] _values = MapData.Boxed(Item.CreatePool(MapData.InsertKeyCount));
    private string[] _lookupKeys = null!;

    private GeneratedFifoStringMap _generated = null!;
    private GeneratedConcurrentFifoStringMap _generatedThreadSafe = null!;
    private DictionaryQueueStringMap _dictionaryQueue = null!;
    private DictionaryQueueStringMap _dictionaryQueueLocked = null!;

    private GeneratedFifoStringMap _lookupGenerated = null!;
    private GeneratedConcurrentFifoStringMap _lookupGeneratedThreadSafe = null!;
    private DictionaryQueueStringMap _lookupDictionaryQueue = null!;
    private DictionaryQueueStringMap _lookupDictionaryQueueLocked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = new GeneratedFifoStringMap(Capacity);
        _generatedThreadSafe = new GeneratedConcurrentFifoStringMap(Capacity);
        _dictionaryQueue = new DictionaryQueueStringMap(Capacity);
        _dictionaryQueueLocked = new DictionaryQueueStringMap(Capacity);

        for (int pass = 0; pass < 2; pass++)
        {
            InsertDictionaryQueueLocked();
            InsertDictionaryQueue();
            InsertGenerated();
            InsertGeneratedThreadSafe();
        }

        MapData.Check("generated FIFO Count", _generated.Count, Capacity);
        MapData.Check("generated FIFO ThreadSafe Count", _generatedThreadSafe.Count, Capacity);
        MapData.Check("Dictionary + Queue Count", _dictionaryQueue.Count, Capacity);
        MapData.Check("Dictionary + Queue (locked) Count", _dictionaryQueueLocked.Count, Capacity);
        MapData.Check("generated FIFO Evicted", _generated.Evicted, (2 * Inserts) - Capacity);

        _lookupGenerated = new GeneratedFifoStringMap(Capacity);
        _lookupGeneratedThreadSafe = new GeneratedConcurrentFifoStringMap(Capacity);
        _lookupDictionaryQueue = new DictionaryQueueStringMap(Capacity);
        _lookupDictionaryQueueLocked = new DictionaryQueueStringMap(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _lookupGenerated[_keys[i]] = _values[i];
            _lookupGeneratedThreadSafe[_keys[i]] = _values[i];
            _lookupDictionaryQueue.Set(_keys[i], _values[i]);
            _lookupDictionaryQueueLocked.Set(_keys[i], _values[i]);
        }

        // Lookups by equal strings that are not the stored instances.
        _lookupKeys = MapData.Copies(MapData.Pick(_keys, MapData.ShuffledIndices(Capacity)));

        MapData.Check("generated FIFO lookup hits", LookupGenerated(), Capacity);
        MapData.Check("generated FIFO ThreadSafe lookup hits", LookupGeneratedThreadSafe(), Capacity);
        MapData.Check("Dictionary + Queue lookup hits", LookupDictionaryQueue(), Capacity);
        MapData.Check("Dictionary + Queue (locked) lookup hits", LookupDictionaryQueueLocked(), Capacity);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertDictionaryQueueLocked()
    {
        DictionaryQueueStringMap map = _dictionaryQueueLocked;
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
    public void InsertDictionaryQueue()
    {
        DictionaryQueueStringMap map = _dictionaryQueue;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            map.Set(keys[i], values[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Inserts)]
    [BenchmarkCategory("Insert")]
    public void InsertGenerated()
    {
        GeneratedFifoStringMap map = _generated;
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
        GeneratedConcurrentFifoStringMap map = _generatedThreadSafe;
        string[] keys = _keys;
        object[] values = _values;
        for (int i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = values[i];
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("Lookup")]
    public int LookupDictionaryQueueLocked()
    {
        DictionaryQueueStringMap map = _lookupDictionaryQueueLocked;
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
    public int LookupDictionaryQueue()
    {
        DictionaryQueueStringMap map = _lookupDictionaryQueue;
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
    public int LookupGenerated()
    {
        GeneratedFifoStringMap map = _lookupGenerated;
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
        GeneratedConcurrentFifoStringMap map = _lookupGeneratedThreadSafe;
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
}
