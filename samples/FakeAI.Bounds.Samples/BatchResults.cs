using System.Collections.Generic;

namespace FakeAI.Bounds.Samples;

/// <summary>A latency distribution in milliseconds.</summary>
/// <param name="Count">The number of samples.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Max">The largest.</param>
/// <param name="Average">The mean.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
public sealed record LatencySummary(int Count, double Min, double Max, double Average, double P50, double P90, double P95, double P99);

/// <summary>What <see cref="BatchMetricsTracker.GetBatchStats"/> reports about one batch.</summary>
/// <param name="BatchId">The batch's identifier.</param>
/// <param name="Status"><c>active</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="ValidationTimeMs">The validation time.</param>
/// <param name="QueueTimeMs">The time spent queued.</param>
/// <param name="ProcessingTimeMs">The processing time.</param>
/// <param name="FinalizationTimeMs">The finalization time.</param>
/// <param name="TotalDurationMs">The whole duration so far.</param>
/// <param name="TotalRequests">Requests in the batch.</param>
/// <param name="RequestsProcessed">Requests processed.</param>
/// <param name="RequestsSucceeded">Requests that succeeded.</param>
/// <param name="RequestsFailed">Requests that failed.</param>
/// <param name="SuccessRatePercent">Succeeded over processed, as a percentage.</param>
/// <param name="Latency">The latency distribution of the newest requests (at most 1,000 samples per batch).</param>
/// <param name="TotalTokens">Tokens over all requests of the batch.</param>
/// <param name="RequestsPerSecond">Requests per second while processing.</param>
/// <param name="TokensPerSecond">Tokens per second while processing.</param>
/// <param name="Efficiency">Speed-up over sequential processing.</param>
/// <param name="PeakMemoryMb">The simulated peak memory.</param>
/// <param name="BytesRead">Bytes read.</param>
/// <param name="BytesWritten">Bytes written.</param>
/// <param name="NetworkBandwidthMbps">The simulated bandwidth.</param>
/// <param name="ErrorsByType">Failed requests per error type.</param>
public sealed record BatchStats(
    string BatchId,
    string Status,
    double ValidationTimeMs,
    double QueueTimeMs,
    double ProcessingTimeMs,
    double FinalizationTimeMs,
    double TotalDurationMs,
    int TotalRequests,
    int RequestsProcessed,
    int RequestsSucceeded,
    int RequestsFailed,
    double SuccessRatePercent,
    LatencySummary Latency,
    long TotalTokens,
    double RequestsPerSecond,
    double TokensPerSecond,
    double Efficiency,
    double PeakMemoryMb,
    long BytesRead,
    long BytesWritten,
    double NetworkBandwidthMbps,
    IReadOnlyDictionary<string, int> ErrorsByType);

/// <summary>What <see cref="BatchMetricsTracker.GetAllBatchesStats"/> reports across batches.</summary>
/// <param name="TotalBatchesStarted">Batches started since the last reset.</param>
/// <param name="TotalBatchesCompleted">Batches completed.</param>
/// <param name="TotalBatchesFailed">Batches failed.</param>
/// <param name="ActiveBatches">Batches active now.</param>
/// <param name="TotalRequestsProcessed">Requests processed across batches.</param>
/// <param name="TotalTokensProcessed">Tokens processed across batches.</param>
/// <param name="Latency">The request latency distribution over the completed history.</param>
/// <param name="ErrorsByType">Failed requests per error type over the completed history.</param>
/// <param name="TotalBatchesAbandoned">
/// Active batches evicted, never completed or failed, to make room for newer ones once the active table was full.
/// </param>
public sealed record BatchAggregateStats(
    long TotalBatchesStarted,
    long TotalBatchesCompleted,
    long TotalBatchesFailed,
    int ActiveBatches,
    long TotalRequestsProcessed,
    long TotalTokensProcessed,
    LatencySummary Latency,
    IReadOnlyDictionary<string, int> ErrorsByType,
    long TotalBatchesAbandoned);
