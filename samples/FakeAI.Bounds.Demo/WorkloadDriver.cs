using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Replays the traffic through one version of the trackers and measures it.
/// </summary>
/// <remarks>
/// <para>
/// How the heap is attributed: the two versions run one after the other in the same process, never side by side. A
/// version's run starts from a heap measured before its trackers exist (the previous version's trackers have been
/// released and collected by then), and every sample is the retained heap minus that baseline. So each curve shows only
/// what its own trackers (plus a few kilobytes of traffic state in flight, the same in both runs) keep alive, and
/// neither version's state can leak into the other's numbers, as it would if the two shared the heap at once. The
/// bounded version runs first, so one-time costs of the process (type statics, thread-pool start-up, console buffers)
/// fall on it: any bias is against the bounded version, not for it.
/// </para>
/// <para>
/// At the end the bus is stopped (it delivers what is queued first), entries are counted, and then the trackers are
/// released one by one with the heap measured around each release: the drop is the memory that tracker alone kept alive.
/// </para>
/// </remarks>
internal static class WorkloadDriver
{
    /// <summary>Heap samples per run after the one at operation 0: enough for a smooth curve, few enough to stay fast.</summary>
    public const int SampleIntervals = 32;

    /// <summary>Runs one version.</summary>
    /// <param name="createRunner">Builds the version's trackers; called once the baseline has been measured.</param>
    /// <param name="operations">Operations to replay.</param>
    /// <param name="seed">The traffic's seed.</param>
    /// <param name="progress">Shows how far the run has got.</param>
    /// <returns>The version's measurements.</returns>
    public static async Task<VersionResult> RunAsync(Func<ITrackerRunner> createRunner, int operations, int seed, RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(createRunner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operations);
        ArgumentNullException.ThrowIfNull(progress);

        var stopwatch = Stopwatch.StartNew();
        int intervals = Math.Min(SampleIntervals, operations);
        var samples = new List<HeapSample>(intervals + 1);

        long baseline = MemoryProbe.RetainedBytes();
        ITrackerRunner runner = createRunner();
        var traffic = new TrafficGenerator(seed);
        runner.Start();

        long heap = MemoryProbe.RetainedBytes() - baseline;
        samples.Add(new HeapSample(0, heap));
        int nextInterval = 1;
        long nextSample = NextSampleAt(operations, intervals, nextInterval);

        for (long done = 1; done <= operations; done++)
        {
            runner.Apply(traffic.Next());
            if (done == nextSample)
            {
                heap = MemoryProbe.RetainedBytes() - baseline;
                samples.Add(new HeapSample(done, heap));
                nextInterval++;
                nextSample = nextInterval <= intervals ? NextSampleAt(operations, intervals, nextInterval) : long.MaxValue;
            }

            progress.Report(done, heap);
        }

        await runner.StopAsync().ConfigureAwait(false);

        // The bus worker's last step completes StopAsync, so the code after it may run inline on the worker's thread,
        // above the worker's own frames, which still reference the bus: measured there, a released bus would stay
        // reachable and count as retained by nothing. Yielding resumes on a fresh thread-pool work item instead.
        await Task.Yield();
        IReadOnlyList<TrackerEntries> entries = runner.CountEntries();
        IReadOnlyList<string> notes = runner.Notes();
        IReadOnlyList<long> retained = MemoryProbe.FreedByReleasing(TrackerNames.All, runner.Release);

        var trackers = new List<TrackerResult>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            trackers.Add(new TrackerResult(entries[i], retained[i]));
        }

        stopwatch.Stop();
        return new VersionResult(runner.Version, samples, trackers, notes, stopwatch.Elapsed);
    }

    /// <summary>The operation after which sample <paramref name="interval"/> is taken: evenly spaced, the last at the end.</summary>
    private static long NextSampleAt(int operations, int intervals, int interval) => (long)operations * interval / intervals;
}
