using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace FakeAI.Bounds.Benchmarks;

// Reads of the thread-safe generated maps and set that do not reorder on a read (DropOldest, DropNewest, Throw),
// from 1, 2 (and, on a larger machine, ProcessorCount) threads at once: the scenario of the product's issue, a map
// of capacity 1,024 holding 1,000 int keys, every read a hit. Each thread reads every key ReadPasses times per
// invocation, starting at its own offset (ConcurrentMapData.PerThreadWalks), and the threads run in parallel, so
// OperationsPerInvoke is the reads of one thread and Mean is wall-clock ns per read on each thread: flat across the
// Threads rows when reads scale, rising when they serialize.
//
// Two categories, each with its own baseline, the collection a .NET developer would reach for to read from several
// threads:
//
// - TryGetValue: ConcurrentDictionary<int, long>.TryGetValue (lock-free reads) against the generated DropOldest,
//   DropNewest and Throw maps, and against the locked form of each (LockedForm/: the generated code of the one-lock design, one lock
//   per operation, reads included). DropNewest and Throw differ from DropOldest only on a full map, which a read never
//   meets; they are rows of their own because each is a separate generated type whose read path could diverge.
// - Contains: ConcurrentDictionary<int, byte>.ContainsKey, the usual concurrent set, against the generated
//   DropOldest set and its locked form.
//
// The threads are started once and released per invocation by a spinning gate (ReaderGang over WriterGang; the
// calling thread is thread 0). The cleanup prints how much of a run all threads were running at once while the
// benchmark was measured ("// Cleanup:" in the log): read a two-thread row only if that share is near 100 %.

/// <summary>Concurrent reads of the thread-safe FIFO-family maps and set, <see cref="int"/> keys and <see cref="long"/> values.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConcurrentFifoRead
{
    /// <summary>Reads per thread per invocation.</summary>
    public const int Reads = ConcurrentMapData.ReadsPerThread;

    private const int Capacity = ConcurrentMapData.Capacity;

    private int[][] _walks = null!;
    private ReaderGang? _gang;

    private ConcurrentDictionary<int, long> _dictionary = null!;
    private GeneratedConcurrentFifoIntMap1024 _generatedDropOldest = null!;
    private LockedFifoIntMap _lockedDropOldest = null!;
    private GeneratedConcurrentDropNewestIntMap1024 _generatedDropNewest = null!;
    private LockedDropNewestIntMap _lockedDropNewest = null!;
    private GeneratedConcurrentThrowIntMap1024 _generatedThrow = null!;
    private LockedThrowIntMap _lockedThrow = null!;

    private ConcurrentDictionary<int, byte> _dictionarySet = null!;
    private GeneratedConcurrentFifoIntSet1024 _generatedSet = null!;
    private LockedFifoIntSet _lockedSet = null!;

    // The work of each benchmark as a delegate created once in setup: a method group converted in the benchmark
    // method would allocate a delegate per invocation and show in Allocated.
    private Action<int> _tryGetValueConcurrentDictionary = null!;
    private Action<int> _tryGetValueGeneratedDropOldest = null!;
    private Action<int> _tryGetValueLockedDropOldest = null!;
    private Action<int> _tryGetValueGeneratedDropNewest = null!;
    private Action<int> _tryGetValueLockedDropNewest = null!;
    private Action<int> _tryGetValueGeneratedThrow = null!;
    private Action<int> _tryGetValueLockedThrow = null!;
    private Action<int> _containsConcurrentDictionary = null!;
    private Action<int> _containsGeneratedSet = null!;
    private Action<int> _containsLockedSet = null!;

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

        _dictionary = new ConcurrentDictionary<int, long>(Environment.ProcessorCount, Capacity);
        _generatedDropOldest = new GeneratedConcurrentFifoIntMap1024(Capacity);
        _lockedDropOldest = new LockedFifoIntMap(Capacity);
        _generatedDropNewest = new GeneratedConcurrentDropNewestIntMap1024(Capacity);
        _lockedDropNewest = new LockedDropNewestIntMap(Capacity);
        _generatedThrow = new GeneratedConcurrentThrowIntMap1024(Capacity);
        _lockedThrow = new LockedThrowIntMap(Capacity);
        _dictionarySet = new ConcurrentDictionary<int, byte>(Environment.ProcessorCount, Capacity);
        _generatedSet = new GeneratedConcurrentFifoIntSet1024(Capacity);
        _lockedSet = new LockedFifoIntSet(Capacity);
        for (int i = 0; i < keys.Length; i++)
        {
            _dictionary[keys[i]] = i;
            _generatedDropOldest[keys[i]] = i;
            _lockedDropOldest[keys[i]] = i;
            _generatedDropNewest[keys[i]] = i;
            _lockedDropNewest[keys[i]] = i;
            _generatedThrow[keys[i]] = i;
            _lockedThrow[keys[i]] = i;
            _dictionarySet[keys[i]] = 0;
            _generatedSet.Add(keys[i]);
            _lockedSet.Add(keys[i]);
        }

        const int held = ConcurrentMapData.ReadKeyCount;
        MapData.Check("ConcurrentDictionary<int, long> Count", _dictionary.Count, held);
        MapData.Check("generated DropOldest Count", _generatedDropOldest.Count, held);
        MapData.Check("locked DropOldest Count", _lockedDropOldest.Count, held);
        MapData.Check("generated DropNewest Count", _generatedDropNewest.Count, held);
        MapData.Check("locked DropNewest Count", _lockedDropNewest.Count, held);
        MapData.Check("generated Throw Count", _generatedThrow.Count, held);
        MapData.Check("locked Throw Count", _lockedThrow.Count, held);
        MapData.Check("ConcurrentDictionary<int, byte> Count", _dictionarySet.Count, held);
        MapData.Check("generated set Count", _generatedSet.Count, held);
        MapData.Check("locked set Count", _lockedSet.Count, held);
        MapData.Check("generated DropOldest Capacity", _generatedDropOldest.Capacity, Capacity);
        MapData.Check("generated DropNewest Capacity", _generatedDropNewest.Capacity, Capacity);
        MapData.Check("generated Throw Capacity", _generatedThrow.Capacity, Capacity);
        MapData.Check("generated set Capacity", _generatedSet.Capacity, Capacity);

        _tryGetValueConcurrentDictionary = TryGetValueConcurrentDictionaryWork;
        _tryGetValueGeneratedDropOldest = TryGetValueGeneratedDropOldestWork;
        _tryGetValueLockedDropOldest = TryGetValueLockedDropOldestWork;
        _tryGetValueGeneratedDropNewest = TryGetValueGeneratedDropNewestWork;
        _tryGetValueLockedDropNewest = TryGetValueLockedDropNewestWork;
        _tryGetValueGeneratedThrow = TryGetValueGeneratedThrowWork;
        _tryGetValueLockedThrow = TryGetValueLockedThrowWork;
        _containsConcurrentDictionary = ContainsConcurrentDictionaryWork;
        _containsGeneratedSet = ContainsGeneratedSetWork;
        _containsLockedSet = ContainsLockedSetWork;

        _gang = new ReaderGang(Threads);

        // Every read hits, on every thread at once: the values are 0 … 999, so each thread reads a known sum; the
        // set's rows count hits. A lost or torn read under concurrency fails here.
        const long sum = ConcurrentMapData.ReadPasses * ConcurrentMapData.ReadSumPerPass;
        Verify("ConcurrentDictionary TryGetValue sum", _tryGetValueConcurrentDictionary, sum);
        Verify("generated DropOldest TryGetValue sum", _tryGetValueGeneratedDropOldest, sum);
        Verify("locked DropOldest TryGetValue sum", _tryGetValueLockedDropOldest, sum);
        Verify("generated DropNewest TryGetValue sum", _tryGetValueGeneratedDropNewest, sum);
        Verify("locked DropNewest TryGetValue sum", _tryGetValueLockedDropNewest, sum);
        Verify("generated Throw TryGetValue sum", _tryGetValueGeneratedThrow, sum);
        Verify("locked Throw TryGetValue sum", _tryGetValueLockedThrow, sum);
        Verify("ConcurrentDictionary ContainsKey hits", _containsConcurrentDictionary, Reads);
        Verify("generated set Contains hits", _containsGeneratedSet, Reads);
        Verify("locked set Contains hits", _containsLockedSet, Reads);

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
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueConcurrentDictionary() => _gang!.Run(_tryGetValueConcurrentDictionary);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueGeneratedDropOldest() => _gang!.Run(_tryGetValueGeneratedDropOldest);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueLockedDropOldest() => _gang!.Run(_tryGetValueLockedDropOldest);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueGeneratedDropNewest() => _gang!.Run(_tryGetValueGeneratedDropNewest);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueLockedDropNewest() => _gang!.Run(_tryGetValueLockedDropNewest);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueGeneratedThrow() => _gang!.Run(_tryGetValueGeneratedThrow);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("TryGetValue")]
    public void TryGetValueLockedThrow() => _gang!.Run(_tryGetValueLockedThrow);

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    [BenchmarkCategory("Contains")]
    public void ContainsConcurrentDictionary() => _gang!.Run(_containsConcurrentDictionary);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("Contains")]
    public void ContainsGeneratedSet() => _gang!.Run(_containsGeneratedSet);

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("Contains")]
    public void ContainsLockedSet() => _gang!.Run(_containsLockedSet);

    private void Verify(string what, Action<int> work, long expected)
    {
        _gang!.Run(work);
        _gang.CheckEvery(what, expected);
    }

    // One loop per contender, each over the concrete type, as a consumer's code would call it (a shared generic
    // loop over the interface would measure interface dispatch). Each thread walks its own rotation of the keys.

    private void TryGetValueConcurrentDictionaryWork(int thread)
    {
        ConcurrentDictionary<int, long> map = _dictionary;
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

    private void TryGetValueGeneratedDropOldestWork(int thread)
    {
        GeneratedConcurrentFifoIntMap1024 map = _generatedDropOldest;
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

    private void TryGetValueLockedDropOldestWork(int thread)
    {
        LockedFifoIntMap map = _lockedDropOldest;
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

    private void TryGetValueGeneratedDropNewestWork(int thread)
    {
        GeneratedConcurrentDropNewestIntMap1024 map = _generatedDropNewest;
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

    private void TryGetValueLockedDropNewestWork(int thread)
    {
        LockedDropNewestIntMap map = _lockedDropNewest;
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

    private void TryGetValueGeneratedThrowWork(int thread)
    {
        GeneratedConcurrentThrowIntMap1024 map = _generatedThrow;
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

    private void TryGetValueLockedThrowWork(int thread)
    {
        LockedThrowIntMap map = _lockedThrow;
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

    private void ContainsConcurrentDictionaryWork(int thread)
    {
        ConcurrentDictionary<int, byte> set = _dictionarySet;
        int[] walk = _walks[thread];
        long hits = 0;
        for (int pass = 0; pass < ConcurrentMapData.ReadPasses; pass++)
        {
            for (int i = 0; i < walk.Length; i++)
            {
                if (set.ContainsKey(walk[i]))
                {
                    hits++;
                }
            }
        }

        _gang!.Report(thread, hits);
    }

    private void ContainsGeneratedSetWork(int thread)
    {
        GeneratedConcurrentFifoIntSet1024 set = _generatedSet;
        int[] walk = _walks[thread];
        long hits = 0;
        for (int pass = 0; pass < ConcurrentMapData.ReadPasses; pass++)
        {
            for (int i = 0; i < walk.Length; i++)
            {
                if (set.Contains(walk[i]))
                {
                    hits++;
                }
            }
        }

        _gang!.Report(thread, hits);
    }

    private void ContainsLockedSetWork(int thread)
    {
        LockedFifoIntSet set = _lockedSet;
        int[] walk = _walks[thread];
        long hits = 0;
        for (int pass = 0; pass < ConcurrentMapData.ReadPasses; pass++)
        {
            for (int i = 0; i < walk.Length; i++)
            {
                if (set.Contains(walk[i]))
                {
                    hits++;
                }
            }
        }

        _gang!.Report(thread, hits);
    }
}
