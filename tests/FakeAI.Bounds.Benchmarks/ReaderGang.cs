using System;
using System.Diagnostics;
using System.Globalization;

namespace FakeAI.Bounds.Benchmarks;

/// <summary>
/// A <see cref="WriterGang"/> whose work is chosen per run, with a result slot per thread and a record of how much
/// the threads overlapped: what the concurrent map benchmarks need to run any of their contenders on the same threads.
/// </summary>
/// <remarks>
/// <para>
/// A benchmark class builds one gang in its global setup and every benchmark method passes its own work to
/// <see cref="Run"/>. One gang, not one per contender: idle helpers spin on their start gate, and the helpers of
/// several gangs would compete with the measured threads for the cores. The work is published by a plain field
/// write before <see cref="WriterGang.Run"/> increments the generation (an interlocked, fully fenced operation) and
/// is read by a helper after it has seen the new generation, so every helper runs the work of the current run.
/// </para>
/// <para>
/// Every run records when each thread started and finished its work (two timestamps per thread, tens of
/// nanoseconds against a run of tens of microseconds or more), and the caller adds up how much of the run all threads
/// were running at once. <see cref="OverlapSummary"/> reports it for the runs since <see cref="ResetOverlap"/>, so a
/// benchmark can say in its log whether its threads actually ran in parallel while it was measured: a helper that
/// loses its core to another process (it yields while waiting at the gate) starts a whole time slice late, and the
/// threads then run one after the other.
/// </para>
/// </remarks>
internal sealed class ReaderGang : IDisposable
{
    // Per thread, one block of ConcurrentMapData.ResultStride longs (128 bytes) that only that thread writes:
    // its result, then its start and end timestamps of the last run.
    private const int ResultOffset = 0;
    private const int StartOffset = 1;
    private const int EndOffset = 2;

    private readonly WriterGang _gang;
    private readonly long[] _slots;
    private Action<int> _work = static _ => { };
    private double _overlapSum;
    private long _elapsedSum;
    private long _runs;

    /// <param name="threads">The number of threads that run the work of each run, the caller included.</param>
    public ReaderGang(int threads)
    {
        Threads = threads;
        _slots = new long[threads * ConcurrentMapData.ResultStride];
        _gang = new WriterGang(threads, RunOne);
    }

    /// <summary>The number of threads, the caller (thread 0) included.</summary>
    public int Threads { get; }

    /// <summary>Runs <paramref name="work"/> on every thread (given its index) and returns when all have finished.</summary>
    /// <remarks>Pass a delegate created once in setup: a method group converted here would allocate on every run.</remarks>
    public void Run(Action<int> work)
    {
        _work = work;
        _gang.Run();
        AddOverlap();
    }

    /// <summary>Stores what thread <paramref name="thread"/> computed (a sum or a count), so that its reads are not dead code.</summary>
    public void Report(int thread, long result) => _slots[(thread * ConcurrentMapData.ResultStride) + ResultOffset] = result;

    /// <summary>What thread <paramref name="thread"/> reported in the last run.</summary>
    public long Result(int thread) => _slots[(thread * ConcurrentMapData.ResultStride) + ResultOffset];

    /// <summary>Fails the setup loudly unless every thread reported <paramref name="expected"/> in the last run.</summary>
    public void CheckEvery(string what, long expected)
    {
        for (int thread = 0; thread < Threads; thread++)
        {
            MapData.Check($"{what} (thread {thread} of {Threads})", Result(thread), expected);
        }
    }

    /// <summary>Forgets the overlap of the runs so far (the setup's checks, on code the JIT has not optimized yet).</summary>
    public void ResetOverlap()
    {
        _overlapSum = 0;
        _elapsedSum = 0;
        _runs = 0;
    }

    /// <summary>
    /// The mean share of a run's wall-clock time during which all the threads were running, over the runs since
    /// <see cref="ResetOverlap"/>, as a line for the benchmark's log; <see langword="null"/> with one thread. Near
    /// 100 %: the threads ran in parallel. Well below: they partly ran one after the other, and the Mean of that
    /// benchmark understates contention and overstates throughput per thread.
    /// </summary>
    public string? OverlapSummary()
    {
        if (Threads == 1 || _runs == 0)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Threads} threads all running for {_overlapSum / _runs:P0} of a run, mean of {_runs} runs of {Stopwatch.GetElapsedTime(0, _elapsedSum / _runs).TotalMicroseconds:F0} µs");
    }

    public void Dispose()
    {
        _work = static _ => { };
        _gang.Dispose();
    }

    private void RunOne(int thread)
    {
        int slot = thread * ConcurrentMapData.ResultStride;
        _slots[slot + StartOffset] = Stopwatch.GetTimestamp();
        _work(thread);
        _slots[slot + EndOffset] = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Adds the last run's overlap: from the last thread to start to the first to finish, over the first start to
    /// the last finish. The helpers wrote their timestamps before <see cref="WriterGang.Run"/> saw them finish.
    /// </summary>
    private void AddOverlap()
    {
        if (Threads == 1)
        {
            return;
        }

        long firstStart = long.MaxValue;
        long lastStart = long.MinValue;
        long firstEnd = long.MaxValue;
        long lastEnd = long.MinValue;
        for (int thread = 0; thread < Threads; thread++)
        {
            int slot = thread * ConcurrentMapData.ResultStride;
            long start = _slots[slot + StartOffset];
            long end = _slots[slot + EndOffset];
            firstStart = Math.Min(firstStart, start);
            lastStart = Math.Max(lastStart, start);
            firstEnd = Math.Min(firstEnd, end);
            lastEnd = Math.Max(lastEnd, end);
        }

        long elapsed = lastEnd - firstStart;
        _overlapSum += elapsed <= 0 ? 1 : Math.Max(0, firstEnd - lastStart) / (double)elapsed;
        _elapsedSum += elapsed;
        _runs++;
    }
}
