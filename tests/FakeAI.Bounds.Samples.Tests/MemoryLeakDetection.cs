using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Section 6 of the Python suite (<c>TestMemoryLeakDetection</c>): 6 tests. Where the Python used <c>tracemalloc</c>
/// and <c>gc</c>, these measure the retained managed heap after full collections and use weak references.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class MemoryLeakDetection(ITestOutputHelper output)
{
    /// <summary>6.1: max active 1,000, max completed 100: 10,000 start/token/complete cycles grow the heap by less than 500 KB.</summary>
    [Fact]
    public void StreamingTrackerNoMemoryLeak()
    {
        RunCycles(new StreamingMetricsTracker(), "warm-up-", 200);
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 1_000, maxCompletedStreams: 100);
        long baseline = Heap.RetainedBytes();

        RunCycles(tracker, "stream-", 10_000);

        long growth = Heap.RetainedBytes() - baseline;
        output.WriteLine($"10,000 cycles grew the heap by {Heap.Kb(growth)}");
        Assert.Equal(100, tracker.CompletedStreamCount);
        Assert.Equal(10_000, tracker.TotalTokensGenerated);
        Assert.True(growth < 500 * 1024, $"the heap grew by {Heap.Kb(growth)}");
        GC.KeepAlive(tracker);
    }

    /// <summary>
    /// 6.2: max completed 10, 20 streams: 10 held, the first 10 cannot be found, and nothing holds their state any more
    /// (their weak references are dead after a full collection) while the 10 held are still alive.
    /// </summary>
    [Fact]
    public void StreamingTrackerNoReferencesHeld()
    {
        var tracker = new StreamingMetricsTracker(maxCompletedStreams: 10);
        var states = new WeakReference[20];
        for (int i = 0; i < 20; i++)
        {
            string streamId = $"stream-{i}";
            tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
            states[i] = Heap.WeakOf(() => tracker.FindStreamState(streamId));
            tracker.CompleteStream(streamId, "stop");
        }

        Assert.Equal(10, tracker.CompletedStreamCount);
        for (int i = 0; i < 10; i++)
        {
            Assert.Null(tracker.GetStreamDetails($"stream-{i}"));
        }

        Assert.Equal(0, Heap.CountAlive(states[..10]));
        Assert.Equal(10, Heap.CountAlive(states[10..]));
        GC.KeepAlive(tracker);
    }

    /// <summary>6.3: max recent 100, 1,000 errors: 100 held, the newest of 10 returned is <c>Error 999</c>.</summary>
    [Fact]
    public void ErrorTrackerMemoryBounded()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 100);
        for (int i = 0; i < 1_000; i++)
        {
            tracker.RecordError("/v1/chat/completions", 500, "InternalServerError", $"Error {i}");
        }

        Assert.Equal(100, tracker.RecentErrorCount);
        IReadOnlyList<ErrorRecord> recent = tracker.GetRecentErrors(limit: 10);
        Assert.Equal(10, recent.Count);
        Assert.Contains("999", recent[0].ErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// 6.4: 1,000 records over 10 keys; after <c>ClearHistory()</c> and a collection there are no records or per-key
    /// costs, and the heap has given back most of what the records took.
    /// </summary>
    [Fact]
    public void CostTrackerCleanupRestoresMemory()
    {
        var tracker = new CostTracker();
        long baseline = Heap.RetainedBytes();
        for (int i = 0; i < 1_000; i++)
        {
            tracker.RecordUsage($"key-{i % 10}", "gpt-4", "/v1/chat/completions", promptTokens: 100, completionTokens: 50);
        }

        Assert.Equal(1_000, tracker.UsageRecordCount);
        long held = Heap.RetainedBytes() - baseline;

        tracker.ClearHistory();

        long afterClear = Heap.RetainedBytes() - baseline;
        output.WriteLine($"1,000 records retained {Heap.Kb(held)}, after clearing {Heap.Kb(afterClear)}");
        Assert.Equal(0, tracker.UsageRecordCount);
        Assert.Empty(tracker.CostsByKey);
        Assert.True(afterClear < held / 2, $"1,000 records retained {Heap.Kb(held)}, after clearing {Heap.Kb(afterClear)}");
        GC.KeepAlive(tracker);
    }

    /// <summary>6.5: max completed 10, 5 cycles of 100 streams: 10 held after each, and later cycles retain no more than the first.</summary>
    [Fact]
    public void RepeatedCyclesNoAccumulation()
    {
        var tracker = new StreamingMetricsTracker(maxCompletedStreams: 10);
        long afterFirstCycle = 0;
        for (int cycle = 0; cycle < 5; cycle++)
        {
            RunCycles(tracker, $"cycle{cycle}-stream", 100, withToken: false);
            long retained = Heap.RetainedBytes();
            Assert.Equal(10, tracker.CompletedStreamCount);
            if (cycle == 0)
            {
                afterFirstCycle = retained;
            }
            else
            {
                output.WriteLine($"after cycle {cycle}: {Heap.Kb(retained - afterFirstCycle)} more than after the first");
                Assert.True(retained - afterFirstCycle < 32 * 1024, $"cycle {cycle} retained {Heap.Kb(retained - afterFirstCycle)} more than the first");
            }
        }

        GC.KeepAlive(tracker);
    }

    /// <summary>6.6: default tracker, 100 streams of one token, <c>Reset()</c>: nothing active or completed, counters and metrics cache empty.</summary>
    [Fact]
    public void StreamingTrackerResetClearsMemory()
    {
        var tracker = new StreamingMetricsTracker();
        RunCycles(tracker, "stream-", 100);
        tracker.StartStream("still-active", "gpt-4", promptTokens: 50);
        _ = tracker.GetMetrics();
        Assert.True(tracker.HasCachedMetrics);

        tracker.Reset();

        Assert.Equal(0, tracker.ActiveStreamCount);
        Assert.Equal(0, tracker.CompletedStreamCount);
        Assert.Equal(0, tracker.TotalStreamsStarted);
        Assert.Equal(0, tracker.TotalTokensGenerated);
        Assert.False(tracker.HasCachedMetrics);
        Assert.All(tracker.GetBounds(), bound => Assert.Equal(0, bound.Count));
    }

    /// <summary>Starts, feeds one token to and completes <paramref name="count"/> streams; no local outlives the call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void RunCycles(StreamingMetricsTracker tracker, string prefix, int count, bool withToken = true)
    {
        for (int i = 0; i < count; i++)
        {
            string streamId = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
            if (withToken)
            {
                tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);
            }

            tracker.CompleteStream(streamId, "stop");
        }
    }
}
