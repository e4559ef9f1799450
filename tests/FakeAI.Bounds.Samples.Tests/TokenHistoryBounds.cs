using System;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Beyond the Python suite: the per-stream token history, which the Python kept whole (every token of every stream), is
/// bounded. In the heap-measuring collection because of the retained-memory tests.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class TokenHistoryBounds(ITestOutputHelper output)
{
    /// <summary>Counts cover every token, while the inter-token latency comes from the newest timestamps only.</summary>
    [Fact]
    public void TokenHistoryKeepsTheNewestTimestampsAndCountsEveryToken()
    {
        var clock = new FakeTimeProvider();
        var tracker = new StreamingMetricsTracker(timeProvider: clock, maxTokenHistoryPerStream: 8);
        tracker.StartStream("s", "gpt-4", promptTokens: 50);

        for (int i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(i < 92 ? 10 : 30));
            tracker.RecordToken("s", "token", chunkSizeBytes: 5);
        }

        StreamDetails? details = tracker.GetStreamDetails("s");
        Assert.NotNull(details);
        Assert.Equal(100, details.TokensGenerated);
        Assert.Equal(100, tracker.TotalTokensGenerated);
        Assert.Equal(500, tracker.TotalBytesSent);
        Assert.Equal(10, details.TimeToFirstTokenMs);

        // The eight timestamps kept are the last eight, 30 ms apart: an unbounded history would average about 11.6 ms.
        Assert.Equal(30, details.AverageInterTokenLatencyMs!.Value, precision: 6);
    }

    /// <summary>The default history is 1,024 timestamps; the allowed range is 1 … 65,536.</summary>
    [Fact]
    public void TokenHistoryDefaultsTo1024()
    {
        Assert.Equal(1_024, new StreamingMetricsTracker().MaxTokenHistoryPerStream);
        Assert.Equal(65_536, StreamingMetricsTracker.MaxAllowedTokenHistoryPerStream);
    }

    /// <summary>
    /// Once a stream's history is full (1,024 timestamps, 8 KB), 100,000 more tokens retain nothing more than a little
    /// overhead. The steady state is measured apart from the fill: the heap is the whole process's, and a measurement
    /// that includes the fill leaves little room under a tight limit for what the runner itself keeps meanwhile; the
    /// fill gets a looser limit of its own.
    /// </summary>
    [Fact]
    public void LongStreamRetainsBoundedMemory()
    {
        var tracker = new StreamingMetricsTracker();
        tracker.StartStream("long", "gpt-4", promptTokens: 50);
        long started = Heap.RetainedBytes();
        RecordTokens(tracker, "long", 100_000);
        long baseline = Heap.RetainedBytes();

        RecordTokens(tracker, "long", 100_000);

        long growth = Heap.RetainedBytes() - baseline;
        output.WriteLine($"the first 100,000 tokens retained {Heap.Kb(baseline - started)}, 100,000 more {Heap.Kb(growth)}");
        // The fill itself: the 8 KB history and overhead, far below what a larger history (64 K timestamps, 512 KB) holds.
        Assert.True(baseline - started < 128 * 1024, $"the first 100,000 tokens of a long stream retained {Heap.Kb(baseline - started)}");
        Assert.Equal(200_000, tracker.GetStreamDetails("long")?.TokensGenerated);
        Assert.True(growth < 32 * 1024, $"100,000 more tokens of a long stream retained {Heap.Kb(growth)}");
        GC.KeepAlive(tracker);
    }

    /// <summary>The same stream in the unbounded sample retains every token: more than 2 MB, the leak the bound removes.</summary>
    [Fact]
    public void LongStreamGrowsWithoutTheBound()
    {
        var tracker = new Unbounded.StreamingMetricsTracker();
        tracker.StartStream("long", "gpt-4", promptTokens: 50);
        long baseline = Heap.RetainedBytes();

        RecordTokens(tracker, "long", 100_000);

        long growth = Heap.RetainedBytes() - baseline;
        output.WriteLine($"100,000 tokens retained {Heap.Kb(growth)}");
        Assert.True(growth > 2 * 1024 * 1024, $"the unbounded stream retained only {Heap.Kb(growth)}");
        GC.KeepAlive(tracker);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecordTokens(StreamingMetricsTracker tracker, string streamId, int count)
    {
        for (int i = 0; i < count; i++)
        {
            tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RecordTokens(Unbounded.StreamingMetricsTracker tracker, string streamId, int count)
    {
        for (int i = 0; i < count; i++)
        {
            tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);
        }
    }
}
