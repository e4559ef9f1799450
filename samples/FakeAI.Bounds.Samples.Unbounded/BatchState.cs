using System;
using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// The lifecycle and per-request samples of one batch job. <see cref="BatchMetricsTracker"/> keeps one per active
/// batch and one per batch in its completed history.
/// </summary>
public sealed class BatchState
{
    /// <summary>Creates the state of a batch that has just been submitted.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="totalRequests">The number of requests in the batch.</param>
    /// <param name="startTime">When the batch was submitted.</param>
    public BatchState(string batchId, int totalRequests, DateTimeOffset startTime)
    {
        BatchId = batchId;
        TotalRequests = totalRequests;
        StartTime = startTime;
    }

    /// <summary>The batch's identifier.</summary>
    public string BatchId { get; }

    /// <summary>The number of requests in the batch.</summary>
    public int TotalRequests { get; }

    /// <summary>When the batch was submitted.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>When validation started.</summary>
    public DateTimeOffset? ValidationStart { get; set; }

    /// <summary>When validation ended.</summary>
    public DateTimeOffset? ValidationEnd { get; set; }

    /// <summary>When the batch was queued.</summary>
    public DateTimeOffset? QueueStart { get; set; }

    /// <summary>When the batch left the queue.</summary>
    public DateTimeOffset? QueueEnd { get; set; }

    /// <summary>When processing started.</summary>
    public DateTimeOffset? ProcessingStart { get; set; }

    /// <summary>When processing ended.</summary>
    public DateTimeOffset? ProcessingEnd { get; set; }

    /// <summary>When finalization started.</summary>
    public DateTimeOffset? FinalizationStart { get; set; }

    /// <summary>When finalization ended.</summary>
    public DateTimeOffset? FinalizationEnd { get; set; }

    /// <summary>When the batch completed or failed.</summary>
    public DateTimeOffset? CompletionTime { get; set; }

    /// <summary>Requests processed so far.</summary>
    public int RequestsProcessed { get; set; }

    /// <summary>Requests that succeeded.</summary>
    public int RequestsSucceeded { get; set; }

    /// <summary>Requests that failed.</summary>
    public int RequestsFailed { get; set; }

    /// <summary>
    /// The latency of every processed request, in milliseconds. One entry per request, never trimmed: as large as the
    /// batch, and a request reported for a batch beyond its declared size still adds one.
    /// </summary>
    public List<double> RequestLatencies { get; } = [];

    /// <summary>The tokens of every processed request. One entry per request, never trimmed.</summary>
    public List<int> RequestTokenCounts { get; } = [];

    /// <summary>Failed requests per error type. Grows with every distinct error type name reported for the batch.</summary>
    public Dictionary<string, int> ErrorTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The simulated peak memory of the batch, in megabytes.</summary>
    public double PeakMemoryMb { get; set; }

    /// <summary>Bytes written to output files.</summary>
    public long TotalBytesWritten { get; set; }

    /// <summary>Bytes read from input files.</summary>
    public long TotalBytesRead { get; set; }

    /// <summary>The simulated network bandwidth, in megabits per second.</summary>
    public double NetworkBandwidthMbps { get; set; }

    /// <summary>The validation time in seconds.</summary>
    public double ValidationSeconds => Seconds(ValidationStart, ValidationEnd);

    /// <summary>The time spent queued, in seconds.</summary>
    public double QueueSeconds => Seconds(QueueStart, QueueEnd);

    /// <summary>The processing time in seconds.</summary>
    public double ProcessingSeconds => Seconds(ProcessingStart, ProcessingEnd);

    /// <summary>The finalization time in seconds.</summary>
    public double FinalizationSeconds => Seconds(FinalizationStart, FinalizationEnd);

    /// <summary>The whole duration in seconds: up to completion, or up to <paramref name="now"/> while active.</summary>
    /// <param name="now">The current time.</param>
    public double GetTotalSeconds(DateTimeOffset now) => ((CompletionTime ?? now) - StartTime).TotalSeconds;

    /// <summary>Requests per second while processing.</summary>
    public double RequestsPerSecond => ProcessingSeconds > 0 && RequestsProcessed > 0 ? RequestsProcessed / ProcessingSeconds : 0;

    /// <summary>Tokens per second while processing.</summary>
    public double TokensPerSecond
    {
        get
        {
            long tokens = RequestTokenCounts.Sum(t => (long)t);
            return ProcessingSeconds > 0 && tokens > 0 ? tokens / ProcessingSeconds : 0;
        }
    }

    /// <summary>Succeeded requests as a percentage of processed ones.</summary>
    public double SuccessRatePercent => RequestsProcessed > 0 ? (double)RequestsSucceeded / RequestsProcessed * 100 : 0;

    /// <summary>
    /// How much faster the batch ran than the same requests one by one with 50 ms of overhead each (2.5 means 2.5
    /// times faster); 1 without samples.
    /// </summary>
    public double Efficiency
    {
        get
        {
            if (RequestLatencies.Count == 0)
            {
                return 1.0;
            }

            double sequentialMs = RequestLatencies.Sum() + (RequestLatencies.Count * 50.0);
            double actualMs = ProcessingSeconds * 1000;
            return actualMs > 0 ? sequentialMs / actualMs : 1.0;
        }
    }

    private static double Seconds(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } from && end is { } to ? (to - from).TotalSeconds : 0;
}
