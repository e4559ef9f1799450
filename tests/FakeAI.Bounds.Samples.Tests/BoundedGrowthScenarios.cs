using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Section 7 of the Python suite (<c>TestBoundedGrowthScenarios</c>): 3 tests.</summary>
public sealed class BoundedGrowthScenarios
{
    /// <summary>7.1: max active 100, max completed 50: 500 cycles leave 0 active and 50 completed.</summary>
    [Fact]
    public void StreamingTrackerSteadyState()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 100, maxCompletedStreams: 50);

        for (int i = 0; i < 500; i++)
        {
            string streamId = $"stream-{i}";
            tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
            tracker.RecordToken(streamId, "token", chunkSizeBytes: 5);
            tracker.CompleteStream(streamId, "stop");
        }

        Assert.Equal(0, tracker.ActiveStreamCount);
        Assert.Equal(50, tracker.CompletedStreamCount);
        Assert.Equal(500, tracker.TotalStreamsCompleted);
    }

    /// <summary>7.2: max recent 200, 1,000 errors: 200 held; the metrics count all 1,000.</summary>
    [Fact]
    public void ErrorTrackerHighErrorRate()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 200);

        for (int i = 0; i < 1_000; i++)
        {
            tracker.RecordError($"/v1/endpoint-{i % 10}", 500 + (i % 5), $"ErrorType{i % 3}", $"Error {i}");
        }

        Assert.Equal(200, tracker.RecentErrorCount);
        ErrorMetrics metrics = tracker.GetMetrics();
        Assert.Equal(1_000, metrics.TotalErrors);
        Assert.Equal(200, metrics.RecentErrorsCount);
    }

    /// <summary>7.3: 10 batches of 100 records over 5 keys, trimmed to the newest 500 after each: exactly 500 at the end.</summary>
    [Fact]
    public void CostTrackerLongRunningService()
    {
        var tracker = new CostTracker();

        for (int batch = 0; batch < 10; batch++)
        {
            for (int i = 0; i < 100; i++)
            {
                tracker.RecordUsage($"key-{i % 5}", "gpt-4", "/v1/chat/completions", promptTokens: 100, completionTokens: 50);
            }

            if (tracker.UsageRecordCount > 500)
            {
                Assert.Equal(100, tracker.TrimHistory(500));
            }
        }

        Assert.Equal(500, tracker.UsageRecordCount);
    }
}
