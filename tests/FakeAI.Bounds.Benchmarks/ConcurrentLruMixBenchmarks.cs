using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BitFaster.Caching.Lru;

namespace FakeAI.Bounds.Benchmarks;

// 90 % reads and 10 % writes on every thread, on a thread-safe LRU of capacity 1,024, from 1, 2 (and, on a larger
// machine, ProcessorCount) threads at once. The operations are a fixed sequence drawn with a fixed seed
// (ConcurrentMapData.MixOps): keys uniform over 2,048 int keys, twice the capacity, so about half of the reads miss
// and about half of the writes add a key and evict the least recently used one; the map stays full. Each thread runs
// the whole sequence from its own offset per invocation, so OperationsPerInvoke is the operations of one thread and
// Mean is wall-clock ns per operation on each thread.
//
// Reads are TryGetValue (BitFaster: TryGet), writes the indexer's upsert, map[key] = value (BitFaster: AddOrUpdate).
// The baseline is BitFaster.Caching ConcurrentLru (a pseudo-LRU: its hits and misses differ from a strict LRU's, so
// the setup prints every contender's hit ratio); it allocates an item and a dictionary node per added key, which
// shows in Allocated. The contenders are the generated EvictLeastRecentlyUsed map and its locked form
// (LockedForm/LockedLruIntMap.cs: the generated code of the one-lock design, one lock per operation).

/// <summary>A 90/10 read/write mix on the thread-safe LRU map from several threads, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
public class ConcurrentLruMix
{
    /// <summary>Operations per thread per invocation.</summary>
    public const int Ops = ConcurrentMapData.MixOpsPerThread;

    private const int Capacity = ConcurrentMapData.Capacity;

    private int[] _mixKeys = null!;
    private int[][] _mixes = null!;
    private ReaderGang? _gang;

    private ConcurrentLru<int, long> _concurrentLru = null!;
    private GeneratedConcurrentLruIntMap1024 _generated = null!;
    private LockedLruIntMap _locked = null!;

    // The work of each benchmark as a delegate created once in setup (a method group converted per invocation would allocate).
    private Action<int> _mixConcurrentLru = null!;
    private Action<int> _mixGenerated = null!;
    private Action<int> _mixLocked = null!;

    /// <summary>The number of threads reading and writing at the same time.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>1, 2, and <see cref="Environment.ProcessorCount"/> when it is more than 2.</summary>
    public static IEnumerable<int> ThreadCounts() => ConcurrentMapData.ThreadCounts();

    [GlobalSetup]
    public void Setup()
    {
        _mixKeys = MapData.IntKeys(ConcurrentMapData.MixKeyCount);
        int[] ops = ConcurrentMapData.MixOps(_mixKeys);
        _mixes = ConcurrentMapData.PerThreadMixes(ops, Threads);
        int reads = 0;
        foreach (int op in ops)
        {
            reads += op >= 0 ? 1 : 0;
        }

        // Full from the start: the first 1,024 keys, in order, with the same values in every contender.
        _concurrentLru = new ConcurrentLru<int, long>(Capacity);
        _generated = new GeneratedConcurrentLruIntMap1024(Capacity);
        _locked = new LockedLruIntMap(Capacity);
        var strictLru = new LinkedListLruIntMap(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _concurrentLru.AddOrUpdate(_mixKeys[i], i);
            _generated[_mixKeys[i]] = i;
            _locked[_mixKeys[i]] = i;
            strictLru.Set(_mixKeys[i], i);
        }

        MapData.Check("generated LRU Count", _generated.Count, Capacity);
        MapData.Check("locked LRU Count", _locked.Count, Capacity);

        _mixConcurrentLru = MixConcurrentLruWork;
        _mixGenerated = MixGeneratedWork;
        _mixLocked = MixLockedWork;

        _gang = new ReaderGang(Threads);

        // One thread first, on the calling thread (thread 0's sequence is the unrotated one). A strict LRU's hits are
        // then fully determined: the locked form, a strict LRU, must hit exactly as often as the hand-written
        // LinkedList LRU does. The generated map is only held to hitting about as often (at least 90 % of that), so
        // that a thread-safe form which approximates LRU order (as ConcurrentLru does) still runs: with keys drawn
        // uniformly, any policy that keeps the map full hits about Capacity / MixKeyCount of the reads, and a map
        // that lost keys or stopped finding them would not.
        long strictHits = 0;
        for (int i = 0; i < ops.Length; i++)
        {
            int op = ops[i];
            if (op >= 0)
            {
                strictHits += strictLru.TryGetValue(op, out _) ? 1 : 0;
            }
            else
            {
                strictLru.Set(~op, i);
            }
        }

        MixLockedWork(0);
        MapData.Check("locked LRU hits, one thread", _gang.Result(0), strictHits);
        MixGeneratedWork(0);
        long generatedHits = _gang.Result(0);
        if (generatedHits < strictHits * 9 / 10)
        {
            throw new InvalidOperationException($"Setup: generated LRU hits, one thread, are {generatedHits}, less than 90 % of a strict LRU's {strictHits}; the benchmark would measure the wrong thing.");
        }

        MixConcurrentLruWork(0);
        long concurrentLruHits = _gang.Result(0);

        // Then every thread at once: the generated map and the locked form must still hold exactly their capacity of
        // distinct keys, all of them keys of the mix (a torn eviction would lose or duplicate one).
        double lockedHitRatio = RunAndHitRatio(_mixLocked, reads);
        double generatedHitRatio = RunAndHitRatio(_mixGenerated, reads);
        double concurrentLruHitRatio = RunAndHitRatio(_mixConcurrentLru, reads);
        CheckHeld("generated LRU", _generated, _generated.Count);
        CheckHeld("locked LRU", _locked, _locked.Count);
        MapData.Check("generated LRU Count after the mix", _generated.Count, Capacity);
        MapData.Check("locked LRU Count after the mix", _locked.Count, Capacity);

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Setup: read hit ratio on one thread: strict LRU (locked) {(double)strictHits / reads:P1}, generated {(double)generatedHits / reads:P1}, ConcurrentLru {(double)concurrentLruHits / reads:P1}; with Threads = {Threads}, all threads at once: locked {lockedHitRatio:P1}, generated {generatedHitRatio:P1}, ConcurrentLru {concurrentLruHitRatio:P1}. ConcurrentLru holds {_concurrentLru.Count} keys."));

        // From here on the gang records how much the threads overlap, for the cleanup to print: the runs above ran
        // code the JIT had not optimized yet.
        _gang.ResetOverlap();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Whether the threads ran in parallel while this benchmark was measured (pilot, warm-up and measured runs);
        // read its multi-thread row only if they were all running for most of a run.
        if (_gang?.OverlapSummary() is string overlap)
        {
            Console.WriteLine($"// Cleanup: {overlap}.");
        }

        _gang?.Dispose();
        _gang = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public void MixConcurrentLru() => _gang!.Run(_mixConcurrentLru);

    [Benchmark(OperationsPerInvoke = Ops)]
    public void MixGenerated() => _gang!.Run(_mixGenerated);

    [Benchmark(OperationsPerInvoke = Ops)]
    public void MixLocked() => _gang!.Run(_mixLocked);

    /// <summary>Runs <paramref name="work"/> on every thread once and returns the share of all threads' reads that hit.</summary>
    private double RunAndHitRatio(Action<int> work, int readsPerThread)
    {
        _gang!.Run(work);
        long hits = 0;
        for (int thread = 0; thread < Threads; thread++)
        {
            hits += _gang.Result(thread);
        }

        return (double)hits / ((long)readsPerThread * Threads);
    }

    /// <summary>Fails the setup unless enumerating <paramref name="map"/> yields <paramref name="count"/> distinct keys of the mix.</summary>
    private void CheckHeld(string what, IEnumerable<KeyValuePair<int, long>> map, int count)
    {
        var mixKeys = new HashSet<int>(_mixKeys);
        var held = new HashSet<int>();
        int entries = 0;
        foreach (KeyValuePair<int, long> entry in map)
        {
            entries++;
            if (mixKeys.Contains(entry.Key))
            {
                held.Add(entry.Key);
            }
        }

        MapData.Check($"{what} entries enumerated", entries, count);
        MapData.Check($"{what} distinct keys of the mix enumerated", held.Count, count);
    }

    // One loop per contender, over the concrete type (see ConcurrentFifoRead). A negative op is a write of its
    // complement (see ConcurrentMapData.MixOps); the value written is the op's position, which nothing reads back.

    private void MixConcurrentLruWork(int thread)
    {
        ConcurrentLru<int, long> cache = _concurrentLru;
        int[] mix = _mixes[thread];
        long hits = 0;
        for (int i = 0; i < mix.Length; i++)
        {
            int op = mix[i];
            if (op >= 0)
            {
                if (cache.TryGet(op, out _))
                {
                    hits++;
                }
            }
            else
            {
                cache.AddOrUpdate(~op, i);
            }
        }

        _gang!.Report(thread, hits);
    }

    private void MixGeneratedWork(int thread)
    {
        GeneratedConcurrentLruIntMap1024 map = _generated;
        int[] mix = _mixes[thread];
        long hits = 0;
        for (int i = 0; i < mix.Length; i++)
        {
            int op = mix[i];
            if (op >= 0)
            {
                if (map.TryGetValue(op, out _))
                {
                    hits++;
                }
            }
            else
            {
                map[~op] = i;
            }
        }

        _gang!.Report(thread, hits);
    }

    private void MixLockedWork(int thread)
    {
        LockedLruIntMap map = _locked;
        int[] mix = _mixes[thread];
        long hits = 0;
        for (int i = 0; i < mix.Length; i++)
        {
            int op = mix[i];
            if (op >= 0)
            {
                if (map.TryGetValue(op, out _))
                {
                    hits++;
                }
            }
            else
            {
                map[~op] = i;
            }
        }

        _gang!.Report(thread, hits);
    }
}
