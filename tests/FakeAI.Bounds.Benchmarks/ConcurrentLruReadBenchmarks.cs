using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BitFaster.Caching.Lru;

namespace FakeAI.Bounds.Benchmarks;

// Reads of the thread-safe generated least-recently-used map from 1, 2 (and, on a larger machine, ProcessorCount)
// threads at once, in the scenario of ConcurrentFifoRead (capacity 1,024, 1,000 int keys, every read a hit, each
// thread walking all keys ReadPasses times from its own offset; Mean is wall-clock ns per read on each thread).
//
// An LRU read is a write: it makes its key the most recently used. The generated map reads without its lock and
// marks the entry for a second chance at eviction (a byte, written only when clear); the baseline, BitFaster.Caching
// ConcurrentLru (the thread-safe LRU cache a .NET developer would reach for), is a pseudo-LRU whose hit only sets a
// flag on the item (hot, warm and cold queues rearranged on writes), with its hit/miss metrics on as by default. The
// locked form (LockedForm/LockedLruIntMap.cs: the generated code of the one-lock-per-operation design, which moved
// the entry under the lock) is a row too, so that the generated form is read against it in the same run.

/// <summary>Concurrent reads of the thread-safe LRU map, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
public class ConcurrentLruRead
{
    /// <summary>Reads per thread per invocation.</summary>
    public const int Reads = ConcurrentMapData.ReadsPerThread;

    private const int Capacity = ConcurrentMapData.Capacity;

    private int[][] _walks = null!;
    private ReaderGang? _gang;

    private ConcurrentLru<int, long> _concurrentLru = null!;
    private GeneratedConcurrentLruIntMap1024 _generated = null!;
    private LockedLruIntMap _locked = null!;

    // The work of each benchmark as a delegate created once in setup (a method group converted per invocation would allocate).
    private Action<int> _tryGetConcurrentLru = null!;
    private Action<int> _tryGetValueGenerated = null!;
    private Action<int> _tryGetValueLocked = null!;

    /// <summary>The number of threads reading at the same time.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>1, 2, and <see cref="Environment.ProcessorCount"/> when it is more than 2.</summary>
    public static IEnumerable<int> ThreadCounts() => ConcurrentMapData.ThreadCounts();

    [GlobalSetup]
    public void Setup()
    {
        int[] keys = ConcurrentMapData.ReadKeys();
        _walks = ConcurrentMapData.PerThreadWalks(keys, Threads);

        _concurrentLru = new ConcurrentLru<int, long>(Capacity);
        _generated = new GeneratedConcurrentLruIntMap1024(Capacity);
        _locked = new LockedLruIntMap(Capacity);
        for (int i = 0; i < keys.Length; i++)
        {
            _concurrentLru.AddOrUpdate(keys[i], i);
            _generated[keys[i]] = i;
            _locked[keys[i]] = i;
        }

        const int held = ConcurrentMapData.ReadKeyCount;
        MapData.Check("ConcurrentLru Count", _concurrentLru.Count, held);
        MapData.Check("generated LRU Count", _generated.Count, held);
        MapData.Check("locked LRU Count", _locked.Count, held);
        MapData.Check("generated LRU Capacity", _generated.Capacity, Capacity);

        _tryGetConcurrentLru = TryGetConcurrentLruWork;
        _tryGetValueGenerated = TryGetValueGeneratedWork;
        _tryGetValueLocked = TryGetValueLockedWork;

        _gang = new ReaderGang(Threads);

        // Every read hits, on every thread at once (values 0 … 999: a known sum per thread). Reads reorder the LRU
        // maps, so this also checks that concurrent refreshes lose no key.
        const long sum = ConcurrentMapData.ReadPasses * ConcurrentMapData.ReadSumPerPass;
        Verify("ConcurrentLru TryGet sum", _tryGetConcurrentLru, sum);
        Verify("generated LRU TryGetValue sum", _tryGetValueGenerated, sum);
        Verify("locked LRU TryGetValue sum", _tryGetValueLocked, sum);
        MapData.Check("ConcurrentLru Count after the reads", _concurrentLru.Count, held);
        MapData.Check("generated LRU Count after the reads", _generated.Count, held);
        MapData.Check("locked LRU Count after the reads", _locked.Count, held);

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

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    public void TryGetConcurrentLru() => _gang!.Run(_tryGetConcurrentLru);

    [Benchmark(OperationsPerInvoke = Reads)]
    public void TryGetValueGenerated() => _gang!.Run(_tryGetValueGenerated);

    [Benchmark(OperationsPerInvoke = Reads)]
    public void TryGetValueLocked() => _gang!.Run(_tryGetValueLocked);

    private void Verify(string what, Action<int> work, long expected)
    {
        _gang!.Run(work);
        _gang.CheckEvery(what, expected);
    }

    // One loop per contender, over the concrete type (see ConcurrentFifoRead).

    private void TryGetConcurrentLruWork(int thread)
    {
        ConcurrentLru<int, long> cache = _concurrentLru;
        int[] walk = _walks[thread];
        long sum = 0;
        for (int pass = 0; pass < ConcurrentMapData.ReadPasses; pass++)
        {
            for (int i = 0; i < walk.Length; i++)
            {
                if (cache.TryGet(walk[i], out long value))
                {
                    sum += value;
                }
            }
        }

        _gang!.Report(thread, sum);
    }

    private void TryGetValueGeneratedWork(int thread)
    {
        GeneratedConcurrentLruIntMap1024 map = _generated;
        int[] walk = _walks[thread];
        long sum = 0;
        for (int pass = 0; pass < ConcurrentMapData.ReadPasses; pass++)
        {
            for (int i = 0; i < walk.Length; i++)
            {
                if (map.TryGetValue(walk[i], out long value))
                {
                    sum += value;
                }
            }
        }

        _gang!.Report(thread, sum);
    }

    private void TryGetValueLockedWork(int thread)
    {
        LockedLruIntMap map = _locked;
        int[] walk = _walks[thread];
        long sum = 0;
        for (int pass = 0; pass < ConcurrentMapData.ReadPasses; pass++)
        {
            for (int i = 0; i < walk.Length; i++)
            {
                if (map.TryGetValue(walk[i], out long value))
                {
                    sum += value;
                }
            }
        }

        _gang!.Report(thread, sum);
    }
}
