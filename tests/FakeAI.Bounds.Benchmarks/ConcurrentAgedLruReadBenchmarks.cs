using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BitFaster.Caching.Lru;

namespace FakeAI.Bounds.Benchmarks;

// Reads of the thread-safe generated LRU map with a maximum age from 1, 2 (and, on a larger machine, ProcessorCount)
// threads at once, in the scenario of ConcurrentLruRead (capacity 1,024, 1,000 int keys, every read a hit, each thread
// walking all keys ReadPasses times from its own offset; Mean is wall-clock ns per read on each thread), against the
// cache users age entries with across threads: BitFaster.Caching's ConcurrentTLru (pseudo-LRU, time to live one hour,
// expire after write). The age is one hour, so nothing expires during a run: the rows price the clock read and the
// stamp check each read pays. The count-only generated map is a row too, to show what the age adds.

/// <summary>Concurrent reads of the thread-safe age-bounded LRU map, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
public class ConcurrentAgedLruRead
{
    /// <summary>Reads per thread per invocation.</summary>
    public const int Reads = ConcurrentMapData.ReadsPerThread;

    private const int Capacity = ConcurrentMapData.Capacity;

    private static readonly TimeSpan Age = TimeSpan.FromHours(1);

    private int[][] _walks = null!;
    private ReaderGang? _gang;

    private ConcurrentTLru<int, long> _timedLru = null!;
    private GeneratedConcurrentAgedLruIntMap1024 _aged = null!;
    private GeneratedConcurrentLruIntMap1024 _countOnly = null!;

    // The work of each benchmark as a delegate created once in setup (a method group converted per invocation would allocate).
    private Action<int> _tryGetTimedLru = null!;
    private Action<int> _tryGetValueAged = null!;
    private Action<int> _tryGetValueCountOnly = null!;

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

        _timedLru = new ConcurrentTLru<int, long>(Capacity, Age);
        _aged = new GeneratedConcurrentAgedLruIntMap1024(Capacity);
        _countOnly = new GeneratedConcurrentLruIntMap1024(Capacity);
        for (int i = 0; i < keys.Length; i++)
        {
            _timedLru.AddOrUpdate(keys[i], i);
            _aged[keys[i]] = i;
            _countOnly[keys[i]] = i;
        }

        const int held = ConcurrentMapData.ReadKeyCount;
        MapData.Check("ConcurrentTLru Count", _timedLru.Count, held);
        MapData.Check("aged LRU Count", _aged.Count, held);
        MapData.Check("count-only LRU Count", _countOnly.Count, held);

        _tryGetTimedLru = TryGetTimedLruWork;
        _tryGetValueAged = TryGetValueAgedWork;
        _tryGetValueCountOnly = TryGetValueCountOnlyWork;

        _gang = new ReaderGang(Threads);

        // Every read hits, on every thread at once (values 0 … 999: a known sum per thread).
        const long sum = ConcurrentMapData.ReadPasses * ConcurrentMapData.ReadSumPerPass;
        Verify("ConcurrentTLru TryGet sum", _tryGetTimedLru, sum);
        Verify("aged LRU TryGetValue sum", _tryGetValueAged, sum);
        Verify("count-only LRU TryGetValue sum", _tryGetValueCountOnly, sum);
        MapData.Check("aged LRU Expired", _aged.Expired, 0);

        _gang.ResetOverlap();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_gang?.OverlapSummary() is string overlap)
        {
            Console.WriteLine($"// Cleanup: {overlap}.");
        }

        _gang?.Dispose();
        _gang = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    public void TryGetTimedLru() => _gang!.Run(_tryGetTimedLru);

    [Benchmark(OperationsPerInvoke = Reads)]
    public void TryGetValueAged() => _gang!.Run(_tryGetValueAged);

    [Benchmark(OperationsPerInvoke = Reads)]
    public void TryGetValueCountOnly() => _gang!.Run(_tryGetValueCountOnly);

    private void Verify(string what, Action<int> work, long expected)
    {
        _gang!.Run(work);
        _gang.CheckEvery(what, expected);
    }

    // One loop per contender, over the concrete type (see ConcurrentFifoRead).

    private void TryGetTimedLruWork(int thread)
    {
        ConcurrentTLru<int, long> cache = _timedLru;
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

    private void TryGetValueAgedWork(int thread)
    {
        GeneratedConcurrentAgedLruIntMap1024 map = _aged;
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

    private void TryGetValueCountOnlyWork(int thread)
    {
        GeneratedConcurrentLruIntMap1024 map = _countOnly;
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
