using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace FakeAI.Bounds.Samples;

/// <summary>What <see cref="StreamingMetricsTracker.GetStreamDetails"/> reports about one stream.</summary>
/// <param name="StreamId">The stream's identifier.</param>
/// <param name="Model">The model that generated it.</param>
/// <param name="Status"><c>active</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="TokensGenerated">The number of tokens recorded.</param>
/// <param name="DurationMs">The duration so far, or up to completion.</param>
/// <param name="TimeToFirstTokenMs">The time to first token, once known.</param>
/// <param name="TokensPerSecond">Tokens per second over the duration.</param>
/// <param name="AverageInterTokenLatencyMs">The mean time between tokens, from two tokens on.</param>
/// <param name="BackpressureCount">How often the client fell behind.</param>
/// <param name="FinishReason">Why generation stopped, for a completed stream.</param>
/// <param name="ErrorMessage">Why the stream failed, for a failed one.</param>
public sealed record StreamDetails(
    string StreamId,
    string Model,
    string Status,
    int TokensGenerated,
    double DurationMs,
    double? TimeToFirstTokenMs,
    double TokensPerSecond,
    double? AverageInterTokenLatencyMs,
    int BackpressureCount,
    string? FinishReason,
    string? ErrorMessage);

/// <summary>Aggregate streaming metrics: totals since the last reset, and distributions over the recent window.</summary>
public sealed record StreamingMetrics
{
    /// <summary>Streams started.</summary>
    public long TotalStreams { get; init; }

    /// <summary>Streams active now.</summary>
    public int ActiveStreams { get; init; }

    /// <summary>Streams completed.</summary>
    public long CompletedStreams { get; init; }

    /// <summary>Streams failed.</summary>
    public long FailedStreams { get; init; }

    /// <summary>Tokens recorded across all streams.</summary>
    public long TotalTokensGenerated { get; init; }

    /// <summary>Bytes sent across all streams.</summary>
    public long TotalBytesSent { get; init; }

    /// <summary>Completed streams over started streams.</summary>
    public double SuccessRate { get; init; }

    /// <summary>Mean tokens per second over the window.</summary>
    public double AverageTokensPerSecond { get; init; }

    /// <summary>Median tokens per second over the window.</summary>
    public double P50TokensPerSecond { get; init; }

    /// <summary>95th percentile of tokens per second over the window.</summary>
    public double P95TokensPerSecond { get; init; }

    /// <summary>99th percentile of tokens per second over the window.</summary>
    public double P99TokensPerSecond { get; init; }

    /// <summary>Mean time to first token (ms) over the window.</summary>
    public double AverageTimeToFirstTokenMs { get; init; }

    /// <summary>Median time to first token (ms).</summary>
    public double P50TimeToFirstTokenMs { get; init; }

    /// <summary>95th percentile of the time to first token (ms).</summary>
    public double P95TimeToFirstTokenMs { get; init; }

    /// <summary>99th percentile of the time to first token (ms).</summary>
    public double P99TimeToFirstTokenMs { get; init; }

    /// <summary>Shortest time to first token (ms).</summary>
    public double MinTimeToFirstTokenMs { get; init; }

    /// <summary>Longest time to first token (ms).</summary>
    public double MaxTimeToFirstTokenMs { get; init; }

    /// <summary>Mean inter-token latency (ms).</summary>
    public double AverageInterTokenLatencyMs { get; init; }

    /// <summary>Median inter-token latency (ms).</summary>
    public double P50InterTokenLatencyMs { get; init; }

    /// <summary>95th percentile of the inter-token latency (ms).</summary>
    public double P95InterTokenLatencyMs { get; init; }

    /// <summary>99th percentile of the inter-token latency (ms).</summary>
    public double P99InterTokenLatencyMs { get; init; }

    /// <summary>Mean stream duration (ms).</summary>
    public double AverageDurationMs { get; init; }

    /// <summary>Median stream duration (ms).</summary>
    public double P50DurationMs { get; init; }

    /// <summary>95th percentile of the stream duration (ms).</summary>
    public double P95DurationMs { get; init; }

    /// <summary>99th percentile of the stream duration (ms).</summary>
    public double P99DurationMs { get; init; }

    /// <summary>Backpressure events over the window.</summary>
    public long TotalBackpressureEvents { get; init; }

    /// <summary>Streams per model over the window (a snapshot).</summary>
    public IReadOnlyDictionary<string, int> StreamsByModel { get; init; } = ReadOnlyDictionary<string, int>.Empty;

    /// <summary>Tokens per model over the window (a snapshot).</summary>
    public IReadOnlyDictionary<string, long> TokensByModel { get; init; } = ReadOnlyDictionary<string, long>.Empty;
}
