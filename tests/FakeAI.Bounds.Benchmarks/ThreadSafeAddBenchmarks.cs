using System.Threading;
using BenchmarkDotNet.Attributes;

namespace FakeAI.Bounds.Benchmarks;

/// <summary>
/// <c>Add</c> on a full thread-safe DropOldest queue from 1 or 2 writer threads at once: the generated
/// <c>ThreadSafe = true</c> queue against the hand-written ring under a <c>lock</c> (the baseline).
/// </summary>
/// <remarks>
/// Every invocation makes <see cref="AddsPerInvoke"/> adds in total, split evenly over the writers (each writer
/// does AddsPerInvoke / Writers), so Mean is wall-clock nanoseconds per add with all writers running: the inverse
/// of throughput. The writer threads are started in the global setup and reused (see <see cref="WriterGang"/>).
/// </remarks>
[MemoryDiagnoser]
public class ThreadSafeAdd
{
    /// <summary>Adds per invocation, all writers together.</summary>
    public const int AddsPerInvoke = 1 << 16;

    /// <summary>The capacity of both queues.</summary>
    public const int Capacity = 1_024;

    private readonly Lock _gate = new();
    private GeneratedConcurrentLongQueue _generated = null!;
    private HandWrittenLongRing _ring = null!;
    private WriterGang? _gang;
    private int _addsPerWriter;

    /// <summary>The number of threads adding at the same time.</summary>
    [Params(1, 2)]
    public int Writers { get; set; }

    [GlobalSetup(Target = nameof(LockedHandWrittenRing))]
    public void SetupLocked()
    {
        _addsPerWriter = AddsPerInvoke / Writers;
        _ring = new HandWrittenLongRing(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _ring.Add(i);
        }

        _gang = new WriterGang(Writers, AddLocked);
    }

    [GlobalSetup(Target = nameof(GeneratedThreadSafe))]
    public void SetupGenerated()
    {
        _addsPerWriter = AddsPerInvoke / Writers;
        _generated = new GeneratedConcurrentLongQueue(Capacity);
        for (int i = 0; i < Capacity; i++)
        {
            _generated.Add(i);
        }

        _gang = new WriterGang(Writers, AddGenerated);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _gang?.Dispose();
        _gang = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = AddsPerInvoke)]
    public void LockedHandWrittenRing() => _gang!.Run();

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void GeneratedThreadSafe() => _gang!.Run();

    private void AddLocked(int writer)
    {
        HandWrittenLongRing ring = _ring;
        Lock gate = _gate;
        int adds = _addsPerWriter;
        long first = (long)writer << 32;
        for (int i = 0; i < adds; i++)
        {
            lock (gate)
            {
                ring.Add(first + i);
            }
        }
    }

    private void AddGenerated(int writer)
    {
        GeneratedConcurrentLongQueue queue = _generated;
        int adds = _addsPerWriter;
        long first = (long)writer << 32;
        for (int i = 0; i < adds; i++)
        {
            queue.Add(first + i);
        }
    }
}
