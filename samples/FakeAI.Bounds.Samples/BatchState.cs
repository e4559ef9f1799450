using System;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// The lifecycle and per-request samples of one batch job. <see cref="BatchMetricsTracker"/> keeps one per active
/// batch and one per batch in its finished history, and only touches it under its lock.
/// </summary>
/// <remarks>
/// The Python original kept the latency and token count of every request of the batch. Here the counts and sums cover
/// every request, and only the newest <see cref="MaxRequestSamples"/> samples are kept for the latency percentiles;
/// failed requests are counted per error type for at most <see cref="MaxErrorTypes"/> types.
/// </remarks>
internal sealed partial class BatchState
{
    /// <summary>How many request samples a batch keeps for its latency distribution.</summary>
    public const int MaxRequestSamples = 1_000;

    /// <summary>How many distinct error types a batch counts.</summary>
    public const int MaxErrorTypes = 32;

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

    /// <summary>Whether the batch failed.</summary>
    public bool Failed { get; set; }

    /// <summary>Requests processed so far.</summary>
    public int RequestsProcessed { get; set; }

    /// <summary>Requests that succeeded.</summary>
    public int RequestsSucceeded { get; set; }

    /// <summary>Requests that failed.</summary>
    public int RequestsFailed { get; set; }

    /// <summary>The tokens of every processed request.</summary>
    public long TotalTokens { get; set; }

    /// <summary>The summed latency of every processed request, in milliseconds.</summary>
    public double TotalLatencyMs { get; set; }

    /// <summary>The newest request samples, oldest first; the oldest is evicted beyond <see cref="MaxRequestSamples"/>.</summary>
    public RequestSampleQueue Samples { get; } = new();

    /// <summary>Failed requests per error type; the type counted least recently is evicted beyond <see cref="MaxErrorTypes"/>.</summary>
    public ErrorTypeCounts ErrorTypes { get; } = new(StringComparer.Ordinal);

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

    /// <summary>Requests per second while processing.</summary>
    public double RequestsPerSecond => ProcessingSeconds > 0 && RequestsProcessed > 0 ? RequestsProcessed / ProcessingSeconds : 0;

    /// <summary>Tokens per second while processing.</summary>
    public double TokensPerSecond => ProcessingSeconds > 0 && TotalTokens > 0 ? TotalTokens / ProcessingSeconds : 0;

    /// <summary>Succeeded requests as a percentage of processed ones.</summary>
    public double SuccessRatePercent => RequestsProcessed > 0 ? (double)RequestsSucceeded / RequestsProcessed * 100 : 0;

    /// <summary>
    /// How much faster the batch ran than the same requests one by one with 50 ms of overhead each (2.5 means 2.5
    /// times faster); 1 without requests. Computed from the sums, so it covers every request.
    /// </summary>
    public double Efficiency
    {
        get
        {
            if (RequestsProcessed == 0)
            {
                return 1.0;
            }

            double sequentialMs = TotalLatencyMs + (RequestsProcessed * 50.0);
            double actualMs = ProcessingSeconds * 1000;
            return actualMs > 0 ? sequentialMs / actualMs : 1.0;
        }
    }

    /// <summary>The whole duration in seconds: up to completion, or up to <paramref name="now"/> while active.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The duration.</returns>
    public double GetTotalSeconds(DateTimeOffset now) => ((CompletionTime ?? now) - StartTime).TotalSeconds;

    /// <summary>Records one processed request.</summary>
    /// <param name="latencyMs">Its latency in milliseconds.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="success">Whether it succeeded.</param>
    /// <param name="errorType">Why it failed, for a failed request.</param>
    public void RecordRequest(double latencyMs, int tokens, bool success, string? errorType)
    {
        RequestsProcessed++;
        TotalTokens += tokens;
        TotalLatencyMs += latencyMs;
        Samples.Add(new RequestSample(latencyMs, tokens));
        if (success)
        {
            RequestsSucceeded++;
        }
        else
        {
            RequestsFailed++;
            if (!string.IsNullOrEmpty(errorType))
            {
                CountError(errorType);
            }
        }
    }

    /// <summary>Counts one failure of a type.</summary>
    /// <param name="errorType">The error type.</param>
    public void CountError(string errorType) =>
        ErrorTypes[errorType] = ErrorTypes.TryGetValue(errorType, out int count) ? count + 1 : 1;

    /// <summary>The latencies of the samples kept.</summary>
    /// <returns>A new array, oldest first.</returns>
    public double[] GetSampleLatencies()
    {
        var latencies = new double[Samples.Count];
        int i = 0;
        foreach (RequestSample sample in Samples)
        {
            latencies[i++] = sample.LatencyMs;
        }

        return latencies;
    }

    private static double Seconds(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } from && end is { } to ? (to - from).TotalSeconds : 0;

    /// <summary>One processed request.</summary>
    /// <param name="LatencyMs">Its latency in milliseconds.</param>
    /// <param name="Tokens">Its tokens.</param>
    internal readonly record struct RequestSample(double LatencyMs, int Tokens);

    /// <summary>The newest request samples of one batch.</summary>
    [Bounded(MaxLength = MaxRequestSamples)]
    internal sealed partial class RequestSampleQueue : IBoundedQueue<RequestSample>;

    /// <summary>Failed requests per error type of one batch.</summary>
    [Bounded(MaxLength = MaxErrorTypes, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    internal sealed partial class ErrorTypeCounts : IBoundedDictionary<string, int>;
}
