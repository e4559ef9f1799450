using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Section 2 of the Python suite (<c>TestErrorTrackerBounds</c>): 6 tests.</summary>
public sealed class ErrorTrackerBounds
{
    private const string Endpoint = "/v1/chat/completions";
    private const string ErrorType = "InternalServerError";

    /// <summary>2.1: max recent 50, 100 errors: 50 returned, newest first (<c>req-99</c>).</summary>
    [Fact]
    public void RecentErrorsBoundedTo500()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 50);

        for (int i = 0; i < 100; i++)
        {
            tracker.RecordError(Endpoint, 500, ErrorType, $"Error {i}", requestId: $"req-{i}");
        }

        IReadOnlyList<ErrorRecord> recent = tracker.GetRecentErrors(limit: 100);
        Assert.Equal(50, recent.Count);
        Assert.Equal("req-99", recent[0].RequestId);
        Assert.Equal("req-50", recent[^1].RequestId);
        Assert.Equal(500, new ErrorMetricsTracker().MaxRecentErrors);
    }

    /// <summary>2.2: max recent 10 reads back as 10; after 20 errors, 10 are held.</summary>
    [Fact]
    public void RecentErrorsDequeMaxlen()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 10);

        Assert.Equal(10, tracker.MaxRecentErrors);
        for (int i = 0; i < 20; i++)
        {
            tracker.RecordError(Endpoint, 500, ErrorType, $"Error {i}");
        }

        Assert.Equal(10, tracker.RecentErrorCount);
    }

    /// <summary>2.3: max recent 5, 10 errors: 5 returned, <c>Error 9</c>, <c>Error 8</c> … <c>Error 5</c>.</summary>
    [Fact]
    public void OldestErrorsEvicted()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 5);

        for (int i = 0; i < 10; i++)
        {
            tracker.RecordError(Endpoint, 500, ErrorType, $"Error {i}");
        }

        IReadOnlyList<ErrorRecord> recent = tracker.GetRecentErrors(limit: 10);
        Assert.Equal(5, recent.Count);
        Assert.Equal("Error 9", recent[0].ErrorMessage);
        Assert.Equal("Error 8", recent[1].ErrorMessage);
        Assert.Equal("Error 5", recent[4].ErrorMessage);
    }

    /// <summary>
    /// 2.4: 10 patterns, 5 of them last seen two hours ago: <c>CleanupOldPatterns(1 h)</c> removes exactly those 5.
    /// The Python edited the timestamps; here the clock moves between the two halves.
    /// </summary>
    [Fact]
    public void PatternCountCleanup()
    {
        var clock = new FakeTimeProvider();
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 100, timeProvider: clock);

        for (int i = 0; i < 10; i++)
        {
            if (i == 5)
            {
                clock.Advance(TimeSpan.FromHours(2));
            }

            tracker.RecordError($"/v1/endpoint-{i}", 500, ErrorType, $"Consistent error pattern {i}");
        }

        Assert.Equal(10, tracker.PatternCount);

        int removed = tracker.CleanupOldPatterns(TimeSpan.FromHours(1));

        Assert.Equal(5, removed);
        Assert.Equal(5, tracker.PatternCount);
    }

    /// <summary>2.5: 100 distinct patterns; once time has moved on, <c>CleanupOldPatterns(0)</c> removes them all.</summary>
    [Fact]
    public void PatternCountBoundedGrowth()
    {
        var clock = new FakeTimeProvider();
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 100, timeProvider: clock);

        for (int i = 0; i < 100; i++)
        {
            tracker.RecordError($"/v1/endpoint-{i}", 500 + (i % 10), $"ErrorType{i % 20}", $"Unique error message {i}");
        }

        Assert.Equal(100, tracker.PatternCount);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(100, tracker.CleanupOldPatterns(TimeSpan.Zero));
        Assert.Equal(0, tracker.PatternCount);
    }

    /// <summary>2.6: 50 errors over 5 endpoints, 3 status codes, 4 types and 3 models: counters hold at most that many keys.</summary>
    [Fact]
    public void ErrorMetricsCountersGrowButManageable()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 100);

        for (int i = 0; i < 50; i++)
        {
            tracker.RecordError($"/v1/endpoint-{i % 5}", 500 + (i % 3), $"ErrorType{i % 4}", $"Error {i}", model: $"model-{i % 3}");
        }

        ErrorMetrics metrics = tracker.GetMetrics();
        Assert.InRange(metrics.ErrorsByEndpoint.Count, 1, 5);
        Assert.InRange(metrics.ErrorsByStatus.Count, 1, 3);
        Assert.InRange(metrics.ErrorsByType.Count, 1, 4);
        Assert.InRange(metrics.ErrorsByModel.Count, 1, 3);
        Assert.Equal(10, metrics.ErrorsByEndpoint["/v1/endpoint-0"]);
    }
}
