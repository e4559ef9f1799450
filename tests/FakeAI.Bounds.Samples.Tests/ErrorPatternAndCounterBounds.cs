using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Beyond the Python suite: the error tracker's pattern sets (affected models and users, example request ids), its
/// pattern count and its per-key counters are bounded, whatever clients send.
/// </summary>
public sealed class ErrorPatternAndCounterBounds
{
    private const string Endpoint = "/v1/chat/completions";

    [Fact]
    public void APatternNotSeenForADayExpiresWithoutACleanup()
    {
        var clock = new FakeTimeProvider();
        var tracker = new ErrorMetricsTracker(timeProvider: clock);
        tracker.RecordError(Endpoint, 500, "InternalServerError", "Seen once");
        tracker.RecordError(Endpoint, 500, "InternalServerError", "Seen again");
        clock.Advance(TimeSpan.FromHours(20));
        tracker.RecordError(Endpoint, 500, "InternalServerError", "Seen again");
        clock.Advance(TimeSpan.FromHours(4));

        Assert.Equal(1, tracker.PatternCount);
        ErrorPatternSummary kept = Assert.Single(tracker.GetErrorPatterns(minCount: 1, recentOnly: false));
        Assert.Equal(2, kept.Count);

        clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(0, tracker.PatternCount);
        Dictionary<string, BoundSnapshot> bounds = tracker.GetBounds().ToDictionary(b => b.Name);
        Assert.Equal(2, bounds["_patterns"].Expired);
        Assert.Equal(TimeSpan.FromSeconds(ErrorMetricsTracker.PatternRetentionSeconds), bounds["_patterns"].MaxAge);
    }

    [Fact]
    public void AffectedUsersOfAPatternAreBounded()
    {
        var tracker = new ErrorMetricsTracker();

        for (int i = 0; i < 10_000; i++)
        {
            tracker.RecordError(Endpoint, 500, "InternalServerError", "Database unavailable", userId: $"user-{i}");
        }

        ErrorPatternSummary pattern = Assert.Single(tracker.GetErrorPatterns(minCount: 1));
        Assert.Equal(10_000, pattern.Count);
        Assert.Equal(ErrorMetricsTracker.MaxAffectedUsersPerPattern, pattern.AffectedUserCount);
        Assert.Equal(100, pattern.AffectedUserCount);
    }

    [Fact]
    public void AffectedModelsOfAPatternKeepTheMostRecent()
    {
        var tracker = new ErrorMetricsTracker();

        for (int i = 0; i < 1_000; i++)
        {
            tracker.RecordError(Endpoint, 500, "InternalServerError", "Database unavailable", model: $"model-{i}");
        }

        ErrorPatternSummary pattern = Assert.Single(tracker.GetErrorPatterns(minCount: 1));
        Assert.Equal(ErrorMetricsTracker.MaxAffectedModelsPerPattern, pattern.AffectedModels.Count);
        Assert.Contains("model-999", pattern.AffectedModels);
        Assert.DoesNotContain("model-0", pattern.AffectedModels);
    }

    [Fact]
    public void ExampleRequestIdsKeepTheFirstTen()
    {
        var tracker = new ErrorMetricsTracker();

        for (int i = 0; i < 50; i++)
        {
            tracker.RecordError(Endpoint, 500, "InternalServerError", "Database unavailable", requestId: $"req-{i}");
        }

        ErrorPatternSummary pattern = Assert.Single(tracker.GetErrorPatterns(minCount: 1));
        Assert.Equal(["req-0", "req-1", "req-2", "req-3", "req-4"], pattern.ExampleRequestIds);
        Assert.Equal((0, 0, ErrorMetricsTracker.MaxExampleRequestIdsPerPattern), tracker.GetPatternSetSizes(pattern.Fingerprint));
    }

    [Fact]
    public void MessagesThatDifferInIdsAndNumbersShareAPattern()
    {
        var tracker = new ErrorMetricsTracker();

        tracker.RecordError(Endpoint, 500, "Timeout", "Request req-abc123 for 3fa85f64-5717-4562-b3fc-2c963f66afa6 timed out after 30 s at 0x7ffd");
        tracker.RecordError(Endpoint, 500, "Timeout", "Request req-zz9 for 00000000-0000-0000-0000-000000000000 timed out after 5 s at 0x1");

        ErrorPatternSummary pattern = Assert.Single(tracker.GetErrorPatterns(minCount: 1));
        Assert.Equal(2, pattern.Count);
        Assert.Equal("Request <REQUEST_ID> for <UUID> timed out after <NUM> s at <ADDR>", pattern.NormalizedMessage);
        Assert.Matches("^[0-9a-f]{8}$", pattern.Fingerprint);
    }

    [Fact]
    public void PatternCountIsCappedAt10000ByDefaultAndKeepsActivePatterns()
    {
        var tracker = new ErrorMetricsTracker();
        Assert.Equal(10_000, tracker.MaxPatterns);

        for (int i = 0; i < 12_000; i++)
        {
            tracker.RecordError(Endpoint, 500, "InternalServerError", $"Failure in {Word(i)}");
            if (i % 100 == 0)
            {
                tracker.RecordError(Endpoint, 503, "Unavailable", "The busy pattern");
            }
        }

        Assert.Equal(10_000, tracker.PatternCount);
        Assert.Contains(tracker.GetErrorPatterns(minCount: 1), p => p.ErrorType == "Unavailable" && p.Count == 120);
        Assert.DoesNotContain(tracker.GetErrorPatterns(minCount: 1), p => p.NormalizedMessage == $"Failure in {Word(0)}");
        Assert.Equal(12_120, tracker.GetMetrics().TotalErrors);
    }

    [Fact]
    public void PatternCapIsConfigurable()
    {
        var tracker = new ErrorMetricsTracker(maxPatterns: 5);

        for (int i = 0; i < 50; i++)
        {
            tracker.RecordError($"/v1/endpoint-{i}", 500, "InternalServerError", "Same message");
        }

        Assert.Equal(5, tracker.PatternCount);
        Assert.Equal(
            ["/v1/endpoint-45", "/v1/endpoint-46", "/v1/endpoint-47", "/v1/endpoint-48", "/v1/endpoint-49"],
            tracker.GetErrorPatterns(minCount: 1).Select(p => p.Endpoint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PerKeyCountersKeepAtMost1000KeysByDefault()
    {
        var tracker = new ErrorMetricsTracker();
        Assert.Equal(1_000, tracker.MaxCounterKeys);

        for (int i = 0; i < 5_000; i++)
        {
            tracker.RecordError($"/v1/made-up-{i}", 10_000 + i, $"ErrorType{i}", "Not found", model: $"model-{i}");
            tracker.RecordSuccess($"/v1/other-{i}");
            tracker.RecordRequest($"/v1/third-{i}");
        }

        ErrorMetrics metrics = tracker.GetMetrics();
        Assert.Equal(1_000, metrics.ErrorsByEndpoint.Count);
        Assert.Equal(1_000, metrics.ErrorsByStatus.Count);
        Assert.Equal(1_000, metrics.ErrorsByType.Count);
        Assert.Equal(1_000, metrics.ErrorsByModel.Count);
        Assert.Equal(1_000, tracker.GetSloStatus().EndpointErrorRates.Count);
        Assert.Equal(15_000, metrics.TotalRequests);
        Assert.All(tracker.GetBounds(), bound => Assert.InRange(bound.Count, 0, bound.Capacity));
    }

    [Fact]
    public void CounterKeyLimitIsConfigurableAndKeepsBusyKeys()
    {
        var tracker = new ErrorMetricsTracker(maxCounterKeys: 10);

        for (int i = 0; i < 100; i++)
        {
            tracker.RecordError("/v1/chat/completions", 500, "InternalServerError", "Overloaded");
            tracker.RecordError($"/v1/made-up-{i}", 404, "NotFound", "No such route");
        }

        ErrorMetrics metrics = tracker.GetMetrics();
        Assert.Equal(10, tracker.MaxCounterKeys);
        Assert.Equal(10, metrics.ErrorsByEndpoint.Count);
        Assert.Equal(100, metrics.ErrorsByEndpoint["/v1/chat/completions"]);
        Assert.True(metrics.ErrorsByEndpoint.ContainsKey("/v1/made-up-99"));
        Assert.False(metrics.ErrorsByEndpoint.ContainsKey("/v1/made-up-0"));
    }

    [Fact]
    public void UnboundedSampleKeepsEveryKeyAndPattern()
    {
        var tracker = new Unbounded.ErrorMetricsTracker();

        for (int i = 0; i < 12_000; i++)
        {
            tracker.RecordError($"/v1/made-up-{i}", 500, "InternalServerError", $"Failure in {Word(i)}", userId: $"user-{i % 500}");
        }

        Assert.Equal(12_000, tracker.PatternCount);
        Assert.Equal(12_000, tracker.GetMetrics().ErrorsByEndpoint.Count);
    }

    /// <summary>A distinct letters-only word per number, so that fingerprints differ (digits are folded into &lt;NUM&gt;).</summary>
    private static string Word(int number)
    {
        Span<char> letters = stackalloc char[4];
        for (int i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + (number % 26));
            number /= 26;
        }

        return new string(letters);
    }
}
