using System;
using System.Threading;

namespace FakeAI.Bounds.Benchmarks;

/// <summary>
/// Runs one piece of work on several writer threads at once, started once and reused for every invocation, so that
/// a benchmark measures the writers and not thread start-up. The calling thread is writer 0 and the others are
/// dedicated threads waiting at a start gate: on a two-core machine a separate coordinating thread would compete with
/// the writers for a core.
/// </summary>
/// <remarks>
/// Between invocations the helpers spin and yield (never sleep) on the gate, so that they start within
/// microseconds of the caller; the gate is a generation counter rather than a <see cref="Barrier"/>, whose waiters
/// block in the kernel and wake up tens of microseconds late.
/// </remarks>
internal sealed class WriterGang : IDisposable
{
    private readonly Action<int> _work;
    private readonly Thread[] _helpers;
    private int _generation;
    private int _pending;
    private volatile bool _stopping;

    /// <param name="writers">The number of threads that run <paramref name="work"/> per invocation, the caller included.</param>
    /// <param name="work">The work of one writer, given its index from 0 to <paramref name="writers"/> - 1.</param>
    public WriterGang(int writers, Action<int> work)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _work = work;
        _helpers = new Thread[writers - 1];

        // The generation the helpers wait to see change, read here and not when a helper thread starts running: a
        // helper that starts after the first Run has already moved the generation on would take that generation for
        // the starting one, miss the run, and leave Run waiting for it forever.
        int initialGeneration = _generation;
        for (int i = 0; i < _helpers.Length; i++)
        {
            int index = i + 1;
            _helpers[i] = new Thread(() => HelperLoop(index, initialGeneration))
            {
                IsBackground = true,
                Name = "writer " + index,
            };
            _helpers[i].Start();
        }
    }

    /// <summary>Runs the work on every writer and returns when all have finished.</summary>
    public void Run()
    {
        Volatile.Write(ref _pending, _helpers.Length);
        Interlocked.Increment(ref _generation);
        _work(0);

        var spinner = default(SpinWait);
        while (Volatile.Read(ref _pending) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (Thread helper in _helpers)
        {
            helper.Join();
        }
    }

    private void HelperLoop(int index, int seen)
    {
        while (true)
        {
            var spinner = default(SpinWait);
            int generation;
            while ((generation = Volatile.Read(ref _generation)) == seen)
            {
                if (_stopping)
                {
                    return;
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            seen = generation;
            _work(index);
            Interlocked.Decrement(ref _pending);
        }
    }
}
