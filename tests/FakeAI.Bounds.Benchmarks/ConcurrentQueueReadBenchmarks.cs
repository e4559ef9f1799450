using System;
using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;

namespace FakeAI.Bounds.Benchmarks;

// Readers of a thread-safe queue (TryPeekOldest, TryPeekNewest and Count: what a dashboard or a health check reads)
// while a writer keeps adding to it. A full DropOldest queue of capacity 1,024 longs; with Writer = true one thread
// reads and another adds (every add evicts) the same number of times per invocation, so that the writer runs for as
// long as the reader measures; with Writer = false the reader is alone. Mean is wall-clock ns per read (one peek of
// each end and one Count) on the reading thread.
//
// The generated queue's readers take no lock (the sequence lock: they read, and read again under the lock only when a
// writer got in the way); the locked form (LockedForm/LockedQueue.cs: the generated code of the one-lock-per-operation
// design) takes the writers' lock for every peek. ConcurrentQueue<T>, the BCL's lock-free queue, is the baseline; it has
// no bound, so its writer dequeues one item per add to keep it at 1,024 items.

/// <summary>Reads of a thread-safe queue, alone or beside one writer.</summary>
[MemoryDiagnoser]
public class ConcurrentQueueRead
{
    /// <summary>Reads (and, with a writer, adds) per invocation.</summary>
    public const int Operations = 50_000;

    private const int Capacity = ConcurrentMapData.Capacity;

    private ReaderGang? _gang;
    private GeneratedConcurrentQueue1024 _generated = null!;
    private LockedQueue<long> _locked = null!;
    private ConcurrentQueue<long> _concurrentQueue = null!;

    private Action<int> _generatedWork = null!;
    private Action<int> _lockedWork = null!;
    private Action<int> _concurrentQueueWork = null!;

    /// <summary>Whether a second thread adds to the queue while the first reads.</summary>
    [Params(false, true)]
    public bool Writer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generated = new GeneratedConcurrentQueue1024(Capacity);
        _locked = new LockedQueue<long>(Capacity);
        _concurrentQueue = new ConcurrentQueue<long>();
        for (long i = 0; i < Capacity; i++)
        {
            _generated.Add(i);
            _locked.Add(i);
            _concurrentQueue.Enqueue(i);
        }

        _generatedWork = GeneratedWork;
        _lockedWork = LockedWork;
        _concurrentQueueWork = ConcurrentQueueWork;
        _gang = new ReaderGang(Writer ? 2 : 1);

        // Every read sees a full queue whose newest item is not older than its oldest: the reader reports how many reads
        // saw that, which must be all of them, for every contender.
        Verify("generated queue reads", _generatedWork);
        Verify("locked queue reads", _lockedWork);
        Verify("ConcurrentQueue reads", _concurrentQueueWork);
        MapData.Check("generated queue Count", _generated.Count, Capacity);
        MapData.Check("locked queue Count", _locked.Count, Capacity);
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

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void ReadConcurrentQueue() => _gang!.Run(_concurrentQueueWork);

    [Benchmark(OperationsPerInvoke = Operations)]
    public void ReadGenerated() => _gang!.Run(_generatedWork);

    [Benchmark(OperationsPerInvoke = Operations)]
    public void ReadLocked() => _gang!.Run(_lockedWork);

    private void Verify(string what, Action<int> work)
    {
        _gang!.Run(work);
        MapData.Check(what, _gang.Result(0), Operations);
    }

    // One loop per contender over the concrete type, so that every call is direct. Thread 0 reads; thread 1, when
    // there is one, writes.

    private void GeneratedWork(int thread)
    {
        GeneratedConcurrentQueue1024 queue = _generated;
        if (thread != 0)
        {
            for (long i = 0; i < Operations; i++)
            {
                queue.Add(i);
            }

            return;
        }

        long good = 0;
        for (int i = 0; i < Operations; i++)
        {
            if (queue.TryPeekOldest(out long oldest) && queue.TryPeekNewest(out long newest) && queue.Count == Capacity && newest >= 0 && oldest >= 0)
            {
                good++;
            }
        }

        _gang!.Report(thread, good);
    }

    private void LockedWork(int thread)
    {
        LockedQueue<long> queue = _locked;
        if (thread != 0)
        {
            for (long i = 0; i < Operations; i++)
            {
                queue.Add(i);
            }

            return;
        }

        long good = 0;
        for (int i = 0; i < Operations; i++)
        {
            if (queue.TryPeekOldest(out long oldest) && queue.TryPeekNewest(out long newest) && queue.Count == Capacity && newest >= 0 && oldest >= 0)
            {
                good++;
            }
        }

        _gang!.Report(thread, good);
    }

    // ConcurrentQueue has no TryPeekNewest: the reader peeks the head and reads Count, one call fewer than the others.
    private void ConcurrentQueueWork(int thread)
    {
        ConcurrentQueue<long> queue = _concurrentQueue;
        if (thread != 0)
        {
            for (long i = 0; i < Operations; i++)
            {
                queue.Enqueue(i);
                queue.TryDequeue(out _);
            }

            return;
        }

        long good = 0;
        for (int i = 0; i < Operations; i++)
        {
            int count = queue.Count;
            if (queue.TryPeek(out long oldest) && count >= Capacity - 1 && oldest >= 0)
            {
                good++;
            }
        }

        _gang!.Report(thread, good);
    }
}

/// <summary>Generated thread-safe DropOldest queue of <see cref="long"/>, capacity 1,024.</summary>
[Bounded(MaxLength = ConcurrentMapData.Capacity, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentQueue1024 : IBoundedQueue<long>;
