using System;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Section 1 of the Python suite (<c>TestStreamingTrackerBounds</c>): 7 tests.</summary>
public sealed class StreamingTrackerBounds
{
    /// <summary>1.1: max active 10; 10 streams start, the 11th throws.</summary>
    [Fact]
    public void MaxActiveStreamsEnforced()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 10);

        for (int i = 0; i < 10; i++)
        {
            tracker.StartStream($"stream-{i}", "gpt-4", promptTokens: 50);
        }

        Assert.Equal(10, tracker.ActiveStreamCount);
        var refused = Assert.Throws<BoundExceededException>(() => tracker.StartStream("stream-overflow", "gpt-4", promptTokens: 50));
        Assert.Contains("Max active streams limit reached", refused.Message, StringComparison.Ordinal);
        Assert.Equal(10, tracker.ActiveStreamCount);
        Assert.Null(tracker.GetStreamDetails("stream-overflow"));
    }

    /// <summary>1.2: the default cap is 10,000 active streams.</summary>
    [Fact]
    public void MaxActiveStreamsDefault10K()
    {
        var tracker = new StreamingMetricsTracker();

        Assert.Equal(10_000, tracker.MaxActiveStreams);
        Assert.Equal(1_000, tracker.MaxCompletedStreams);
    }

    /// <summary>1.3: max completed 100; of 200 finished streams only the newest 100 can be described.</summary>
    [Fact]
    public void CompletedStreamsBoundedTo1K()
    {
        var tracker = new StreamingMetricsTracker(maxCompletedStreams: 100);

        for (int i = 0; i < 200; i++)
        {
            string streamId = $"stream-{i}";
            tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
            tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);
            tracker.CompleteStream(streamId, "stop");
        }

        Assert.Null(tracker.GetStreamDetails("stream-0"));
        Assert.Null(tracker.GetStreamDetails("stream-50"));
        Assert.Null(tracker.GetStreamDetails("stream-99"));
        Assert.NotNull(tracker.GetStreamDetails("stream-100"));
        Assert.NotNull(tracker.GetStreamDetails("stream-150"));
        Assert.NotNull(tracker.GetStreamDetails("stream-199"));
    }

    /// <summary>1.4: max completed 5 reads back as 5; after 10 finished streams, 5 are held.</summary>
    [Fact]
    public void CompletedStreamsDequeMaxlen()
    {
        var tracker = new StreamingMetricsTracker(maxCompletedStreams: 5);

        Assert.Equal(5, tracker.MaxCompletedStreams);
        for (int i = 0; i < 10; i++)
        {
            string streamId = $"stream-{i}";
            tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
            tracker.CompleteStream(streamId, "stop");
        }

        Assert.Equal(5, tracker.CompletedStreamCount);
    }

    /// <summary>1.5: max completed 3, six streams 10 ms apart: the first three are gone, the last three remain.</summary>
    [Fact]
    public void OldStreamsEvictedFifo()
    {
        var clock = new FakeTimeProvider();
        var tracker = new StreamingMetricsTracker(maxCompletedStreams: 3, timeProvider: clock);

        for (int i = 0; i < 6; i++)
        {
            string streamId = $"stream-{i}";
            tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
            tracker.CompleteStream(streamId, "stop");
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Null(tracker.GetStreamDetails("stream-0"));
        Assert.Null(tracker.GetStreamDetails("stream-1"));
        Assert.Null(tracker.GetStreamDetails("stream-2"));
        Assert.NotNull(tracker.GetStreamDetails("stream-3"));
        Assert.NotNull(tracker.GetStreamDetails("stream-4"));
        Assert.NotNull(tracker.GetStreamDetails("stream-5"));
    }

    /// <summary>1.6: max active 5; the 6th throws; completing two lets two more start.</summary>
    [Fact]
    public void CompletingStreamsFreesActiveSlots()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 5);
        for (int i = 0; i < 5; i++)
        {
            tracker.StartStream($"stream-{i}", "gpt-4", promptTokens: 50);
        }

        Assert.Throws<BoundExceededException>(() => tracker.StartStream("overflow", "gpt-4", promptTokens: 50));

        tracker.CompleteStream("stream-0", "stop");
        tracker.CompleteStream("stream-1", "stop");
        tracker.StartStream("stream-5", "gpt-4", promptTokens: 50);
        tracker.StartStream("stream-6", "gpt-4", promptTokens: 50);

        Assert.Equal(5, tracker.ActiveStreamCount);
    }

    /// <summary>1.7: max active 3; failing one stream lets another start.</summary>
    [Fact]
    public void FailingStreamsFreesActiveSlots()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 3);
        for (int i = 0; i < 3; i++)
        {
            tracker.StartStream($"stream-{i}", "gpt-4", promptTokens: 50);
        }

        tracker.FailStream("stream-0", "Connection error");
        tracker.StartStream("stream-3", "gpt-4", promptTokens: 50);

        Assert.Equal(3, tracker.ActiveStreamCount);
        Assert.Equal("failed", tracker.GetStreamDetails("stream-0")?.Status);
    }

    /// <summary>The cap is checked before the duplicate check: a full tracker refuses even an id it already holds.</summary>
    [Fact]
    public void CapIsCheckedBeforeDuplicateIds()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 2);
        tracker.StartStream("a", "gpt-4", promptTokens: 50);
        tracker.StartStream("a", "gpt-4", promptTokens: 50);
        Assert.Equal(1, tracker.ActiveStreamCount);
        Assert.Equal(1, tracker.TotalStreamsStarted);

        tracker.StartStream("b", "gpt-4", promptTokens: 50);
        Assert.Throws<BoundExceededException>(() => tracker.StartStream("a", "gpt-4", promptTokens: 50));
    }
}
