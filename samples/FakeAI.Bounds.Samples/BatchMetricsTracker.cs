using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FakeAI.Bounds.Samples.Shared;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// Tracks batch jobs: each batch's lifecycle and request samples while it runs, and a history of finished batches.
/// </summary>
/// <remarks>
/// <para>
/// In the Python original a batch that was started and never completed stayed forever, and every batch kept one
/// latency and one token sample per request. Here both are bounded by client-independent limits: at most
/// <see cref="MaxActiveBatches"/> active batches (starting one more evicts the batch that has gone longest without
/// any activity, counted as abandoned), at most <see cref="MaxCompletedBatches"/> finished batches (the oldest evicted), and per batch the newest
/// 1,000 request samples and 32 error types, with counts and sums that still cover every request.
/// </para>
/// <para>
/// One lock per instance guards every public member. The generated <c>GetBounds()</c> and <c>ClearBounds()</c> run
/// outside it on thread-safe collections; <see cref="Reset"/> clears everything at once.
/// </para>
/// </remarks>
[BoundedTracker]
public sealed partial class BatchMetricsTracker
{
    /// <summary>The largest <see cref="MaxActiveBatches"/> allowed.</summary>
    public const int MaxAllowedActiveBatches = 100_000;

    /// <summary>The largest <see cref="MaxCompletedBatches"/> allowed.</summary>
    public const int MaxAllowedCompletedBatches = 100_000;

    /// <summary>How many request samples each batch keeps for its latency distribution.</summary>
    public const int MaxRequestSamplesPerBatch = BatchState.MaxRequestSamples;

    /// <summary>How many distinct error types each batch counts.</summary>
    public const int MaxErrorTypesPerBatch = BatchState.MaxErrorTypes;

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>The batches in progress, by batch id; a new batch on a full table evicts the one idle longest.</summary>
    private readonly ActiveBatchMap _activeBatches;

    /// <summary>Completed and failed batches, oldest first: <c>deque(maxlen=1000)</c>.</summary>
    private readonly CompletedBatchQueue _completedBatches;

    private long _totalBatchesStarted;
    private long _totalBatchesCompleted;
    private long _totalBatchesFailed;
    private long _totalBatchesAbandoned;
    private long _totalRequestsProcessed;
    private long _totalTokensProcessed;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxActiveBatches">How many batches may be active at once: 1 … <see cref="MaxAllowedActiveBatches"/>.</param>
    /// <param name="maxCompletedBatches">How many finished batches the history keeps: 1 … <see cref="MaxAllowedCompletedBatches"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside its range; the exception names it.</exception>
    public BatchMetricsTracker(int maxActiveBatches = 1_000, int maxCompletedBatches = 1_000, TimeProvider? timeProvider = null)
    {
        Guard.InRange(maxActiveBatches, 1, MaxAllowedActiveBatches, nameof(maxActiveBatches));
        Guard.InRange(maxCompletedBatches, 1, MaxAllowedCompletedBatches, nameof(maxCompletedBatches));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _activeBatches = new ActiveBatchMap(maxActiveBatches, StringComparer.Ordinal);
        _completedBatches = new CompletedBatchQueue(maxCompletedBatches);
    }

    /// <summary>How many batches may be active at once.</summary>
    public int MaxActiveBatches => _activeBatches.Capacity;

    /// <summary>How many finished batches the history keeps.</summary>
    public int MaxCompletedBatches => _completedBatches.Capacity;

    /// <summary>The number of batches in progress.</summary>
    public int ActiveBatchCount
    {
        get
        {
            lock (_lock)
            {
                return _activeBatches.Count;
            }
        }
    }

    /// <summary>The number of finished batches in the history.</summary>
    public int CompletedBatchCount
    {
        get
        {
            lock (_lock)
            {
                return _completedBatches.Count;
            }
        }
    }

    /// <summary>Active batches evicted, never finished, to make room for newer ones since the last reset.</summary>
    public long TotalBatchesAbandoned
    {
        get
        {
            lock (_lock)
            {
                return _totalBatchesAbandoned;
            }
        }
    }

    /// <summary>
    /// Starts tracking a batch; starting an active id again replaces its state. When <see cref="MaxActiveBatches"/>
    /// batches are active, the one that has gone longest without being started, updated or read is evicted and counted
    /// in <see cref="TotalBatchesAbandoned"/>: a batch still reporting requests is not the one to go.
    /// </summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="totalRequests">The number of requests in the batch.</param>
    public void StartBatch(string batchId, int totalRequests)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();

            // A restarted batch replaces the old state and counts as just used.
            bool restarted = _activeBatches.Remove(batchId);
            if (!restarted && _activeBatches.IsFull)
            {
                _totalBatchesAbandoned++;
            }

            _activeBatches[batchId] = new BatchState(batchId, totalRequests, now) { ValidationStart = now };
            _totalBatchesStarted++;
        }
    }

    /// <summary>Records that a batch passed validation and was queued.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public void RecordValidationComplete(string batchId)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (_activeBatches.TryGetValue(batchId, out BatchState? batch))
            {
                DateTimeOffset now = _timeProvider.GetUtcNow();
                batch.ValidationEnd = now;
                batch.QueueStart = now;
            }
        }
    }

    /// <summary>Records that a batch left the queue and processing started.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public void RecordProcessingStart(string batchId)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (_activeBatches.TryGetValue(batchId, out BatchState? batch))
            {
                DateTimeOffset now = _timeProvider.GetUtcNow();
                batch.QueueEnd = now;
                batch.ProcessingStart = now;
            }
        }
    }

    /// <summary>Records one processed request of an active batch; a request of an unknown batch is ignored.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="latencyMs">The request's latency in milliseconds.</param>
    /// <param name="tokens">The request's tokens.</param>
    /// <param name="success">Whether the request succeeded.</param>
    /// <param name="errorType">Why it failed, for a failed request.</param>
    public void RecordRequestProcessed(string batchId, double latencyMs, int tokens, bool success = true, string? errorType = null)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (!_activeBatches.TryGetValue(batchId, out BatchState? batch))
            {
                return;
            }

            batch.RecordRequest(latencyMs, tokens, success, errorType);
            _totalRequestsProcessed++;
            _totalTokensProcessed += tokens;
        }
    }

    /// <summary>Records that processing ended and finalization started.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public void RecordProcessingComplete(string batchId)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (_activeBatches.TryGetValue(batchId, out BatchState? batch))
            {
                DateTimeOffset now = _timeProvider.GetUtcNow();
                batch.ProcessingEnd = now;
                batch.FinalizationStart = now;
            }
        }
    }

    /// <summary>Records that finalization ended.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public void RecordFinalizationComplete(string batchId)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (_activeBatches.TryGetValue(batchId, out BatchState? batch))
            {
                batch.FinalizationEnd = _timeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>Completes an active batch and moves it to the history; an unknown id is ignored.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="bytesWritten">Bytes written to output files.</param>
    /// <param name="bytesRead">Bytes read from input files.</param>
    public void CompleteBatch(string batchId, long bytesWritten = 0, long bytesRead = 0)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (!_activeBatches.Remove(batchId, out BatchState? batch))
            {
                return;
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            batch.CompletionTime = now;
            batch.TotalBytesWritten = bytesWritten;
            batch.TotalBytesRead = bytesRead;
            batch.PeakMemoryMb = 50.0 + (batch.TotalRequests * 2.5);
            double seconds = batch.GetTotalSeconds(now);
            batch.NetworkBandwidthMbps = seconds > 0 ? (bytesWritten + bytesRead) * 8 / 1_000_000.0 / seconds : 0;

            _completedBatches.Add(batch);
            _totalBatchesCompleted++;
        }
    }

    /// <summary>Fails an active batch and moves it to the history; an unknown id is ignored.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="errorMessage">Why the batch failed.</param>
    public void FailBatch(string batchId, string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            if (!_activeBatches.Remove(batchId, out BatchState? batch))
            {
                return;
            }

            batch.CompletionTime = _timeProvider.GetUtcNow();
            batch.Failed = true;
            batch.CountError("batch_failure");

            _completedBatches.Add(batch);
            _totalBatchesFailed++;
        }
    }

    /// <summary>
    /// Describes an active batch, or the newest finished one with this id; <see langword="null"/> for an id never
    /// started, evicted from the history, or abandoned.
    /// </summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <returns>The batch's statistics, or <see langword="null"/>.</returns>
    public BatchStats? GetBatchStats(string batchId)
    {
        ArgumentNullException.ThrowIfNull(batchId);
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (_activeBatches.TryGetValue(batchId, out BatchState? active))
            {
                return Describe(active, "active", now);
            }

            BatchState? finished = FindFinished(batchId);
            return finished is null ? null : Describe(finished, finished.Failed ? "failed" : "completed", now);
        }
    }

    /// <summary>Totals since the last reset, with the latency distribution and errors of the finished history.</summary>
    /// <returns>A snapshot.</returns>
    public BatchAggregateStats GetAllBatchesStats()
    {
        lock (_lock)
        {
            var errorsByType = new Dictionary<string, int>(StringComparer.Ordinal);
            var latencies = new List<double>();
            foreach (BatchState batch in _completedBatches)
            {
                latencies.AddRange(batch.GetSampleLatencies());
                foreach (KeyValuePair<string, int> entry in batch.ErrorTypes)
                {
                    errorsByType[entry.Key] = errorsByType.GetValueOrDefault(entry.Key) + entry.Value;
                }
            }

            return new BatchAggregateStats(
                _totalBatchesStarted,
                _totalBatchesCompleted,
                _totalBatchesFailed,
                _activeBatches.Count,
                _totalRequestsProcessed,
                _totalTokensProcessed,
                Summarize(latencies),
                errorsByType,
                _totalBatchesAbandoned);
        }
    }

    /// <summary>Forgets every batch and counter, atomically.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _activeBatches.Clear();
            _completedBatches.Clear();
            _totalBatchesStarted = 0;
            _totalBatchesCompleted = 0;
            _totalBatchesFailed = 0;
            _totalBatchesAbandoned = 0;
            _totalRequestsProcessed = 0;
            _totalTokensProcessed = 0;
        }
    }

    /// <summary>The state object of a batch, active or finished (for tests that check what is collected).</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <returns>The state, or <see langword="null"/>.</returns>
    internal BatchState? FindBatchState(string batchId)
    {
        lock (_lock)
        {
            return _activeBatches.TryGetValue(batchId, out BatchState? active) ? active : FindFinished(batchId);
        }
    }

    private static BatchStats Describe(BatchState batch, string status, DateTimeOffset now) => new(
        batch.BatchId,
        status,
        batch.ValidationSeconds * 1000,
        batch.QueueSeconds * 1000,
        batch.ProcessingSeconds * 1000,
        batch.FinalizationSeconds * 1000,
        batch.GetTotalSeconds(now) * 1000,
        batch.TotalRequests,
        batch.RequestsProcessed,
        batch.RequestsSucceeded,
        batch.RequestsFailed,
        batch.SuccessRatePercent,
        Summarize(batch.GetSampleLatencies()),
        batch.TotalTokens,
        batch.RequestsPerSecond,
        batch.TokensPerSecond,
        batch.Efficiency,
        batch.PeakMemoryMb,
        batch.TotalBytesRead,
        batch.TotalBytesWritten,
        batch.NetworkBandwidthMbps,
        batch.ErrorTypes.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));

    private static LatencySummary Summarize(IReadOnlyCollection<double> latencies) =>
        latencies.Count == 0
            ? new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0)
            : new LatencySummary(
                latencies.Count,
                latencies.Min(),
                latencies.Max(),
                Statistics.Mean(latencies),
                Statistics.Percentile(latencies, 50),
                Statistics.Percentile(latencies, 90),
                Statistics.Percentile(latencies, 95),
                Statistics.Percentile(latencies, 99));

    private BatchState? FindFinished(string batchId)
    {
        for (int i = _completedBatches.Count - 1; i >= 0; i--)
        {
            BatchState batch = _completedBatches[i];
            if (string.Equals(batch.BatchId, batchId, StringComparison.Ordinal))
            {
                return batch;
            }
        }

        return null;
    }

    /// <summary>
    /// Active batches by id. Every lifecycle call and request refreshes its batch, so a new batch on a full table evicts
    /// the one idle longest: most likely abandoned by its client.
    /// </summary>
    [Bounded(MaxLength = MaxAllowedActiveBatches, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    private sealed partial class ActiveBatchMap : IBoundedDictionary<string, BatchState>;

    /// <summary>Finished batches, oldest first.</summary>
    [Bounded(MaxLength = MaxAllowedCompletedBatches, ThreadSafe = true)]
    private sealed partial class CompletedBatchQueue : IBoundedQueue<BatchState>;
}
