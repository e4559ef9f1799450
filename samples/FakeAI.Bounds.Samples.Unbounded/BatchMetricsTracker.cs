using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FakeAI.Bounds.Samples.Shared;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// Tracks batch jobs: each batch's lifecycle and per-request samples while it runs, and a history of finished
/// batches.
/// </summary>
/// <remarks>
/// The history is bounded, but a batch that is started and never completed or failed stays active for good, and
/// every batch keeps one latency and one token sample per request it processed.
/// </remarks>
public sealed class BatchMetricsTracker
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxCompletedBatches;

    /// <summary>
    /// The batches in progress, by batch id. Pre-sized for <c>maxActiveBatches</c> entries, which is not a limit:
    /// every <see cref="StartBatch"/> adds, and only completing or failing that batch removes it again.
    /// </summary>
    private readonly Dictionary<string, BatchState> _activeBatches;

    /// <summary>
    /// Completed and failed batches, oldest first. Bounded: every append drops the oldest beyond the maximum it was
    /// sized for.
    /// </summary>
    private readonly Queue<BatchState> _completedBatches;

    private long _totalBatchesStarted;
    private long _totalBatchesCompleted;
    private long _totalBatchesFailed;
    private long _totalRequestsProcessed;
    private long _totalTokensProcessed;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxActiveBatches">
    /// How many concurrent batches to size the active table for. More may be started: the table grows past it.
    /// </param>
    /// <param name="maxCompletedBatches">How many finished batches the history keeps.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public BatchMetricsTracker(int maxActiveBatches = 1_000, int maxCompletedBatches = 1_000, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxActiveBatches);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCompletedBatches);
        _maxCompletedBatches = maxCompletedBatches;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _activeBatches = new Dictionary<string, BatchState>(maxActiveBatches, StringComparer.Ordinal);
        _completedBatches = new Queue<BatchState>(maxCompletedBatches);
    }

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

    /// <summary>Starts tracking a batch; starting an id again replaces its state.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="totalRequests">The number of requests in the batch.</param>
    public void StartBatch(string batchId, int totalRequests)
    {
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            _activeBatches[batchId] = new BatchState(batchId, totalRequests, now) { ValidationStart = now };
            _totalBatchesStarted++;
        }
    }

    /// <summary>Records that a batch passed validation and was queued.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public void RecordValidationComplete(string batchId)
    {
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
        lock (_lock)
        {
            if (!_activeBatches.TryGetValue(batchId, out BatchState? batch))
            {
                return;
            }

            batch.RequestsProcessed++;
            batch.RequestLatencies.Add(latencyMs);
            batch.RequestTokenCounts.Add(tokens);
            if (success)
            {
                batch.RequestsSucceeded++;
            }
            else
            {
                batch.RequestsFailed++;
                if (!string.IsNullOrEmpty(errorType))
                {
                    batch.ErrorTypes[errorType] = batch.ErrorTypes.GetValueOrDefault(errorType) + 1;
                }
            }

            _totalRequestsProcessed++;
            _totalTokensProcessed += tokens;
        }
    }

    /// <summary>Records that processing ended and finalization started.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public void RecordProcessingComplete(string batchId)
    {
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

            _completedBatches.Enqueue(batch);
            if (_completedBatches.Count > _maxCompletedBatches)
            {
                _completedBatches.Dequeue();
            }

            _totalBatchesCompleted++;
        }
    }

    /// <summary>Fails an active batch and moves it to the history; an unknown id is ignored.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    /// <param name="errorMessage">Why the batch failed.</param>
    public void FailBatch(string batchId, string errorMessage)
    {
        lock (_lock)
        {
            if (!_activeBatches.Remove(batchId, out BatchState? batch))
            {
                return;
            }

            batch.CompletionTime = _timeProvider.GetUtcNow();
            batch.ErrorTypes["batch_failure"] = batch.ErrorTypes.GetValueOrDefault("batch_failure") + 1;

            _completedBatches.Enqueue(batch);
            if (_completedBatches.Count > _maxCompletedBatches)
            {
                _completedBatches.Dequeue();
            }

            _totalBatchesFailed++;
        }
    }

    /// <summary>Describes an active batch, or one of the history; <see langword="null"/> for an unknown id.</summary>
    /// <param name="batchId">The batch's identifier.</param>
    public BatchStats? GetBatchStats(string batchId)
    {
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (_activeBatches.TryGetValue(batchId, out BatchState? active))
            {
                return Describe(active, "active", now);
            }

            BatchState? finished = _completedBatches.FirstOrDefault(b => b.BatchId == batchId);
            return finished is null ? null : Describe(finished, "completed", now);
        }
    }

    /// <summary>Totals since the last reset, with the latency distribution and errors of the completed history.</summary>
    public BatchAggregateStats GetAllBatchesStats()
    {
        lock (_lock)
        {
            var errorsByType = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (BatchState batch in _completedBatches)
            {
                foreach ((string type, int count) in batch.ErrorTypes)
                {
                    errorsByType[type] = errorsByType.GetValueOrDefault(type) + count;
                }
            }

            return new BatchAggregateStats(
                _totalBatchesStarted,
                _totalBatchesCompleted,
                _totalBatchesFailed,
                _activeBatches.Count,
                _totalRequestsProcessed,
                _totalTokensProcessed,
                Summarize(_completedBatches.SelectMany(b => b.RequestLatencies).ToList()),
                errorsByType);
        }
    }

    /// <summary>Forgets every batch and counter.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _activeBatches.Clear();
            _completedBatches.Clear();
            _totalBatchesStarted = 0;
            _totalBatchesCompleted = 0;
            _totalBatchesFailed = 0;
            _totalRequestsProcessed = 0;
            _totalTokensProcessed = 0;
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
        Summarize(batch.RequestLatencies),
        batch.RequestTokenCounts.Sum(t => (long)t),
        batch.RequestsPerSecond,
        batch.TokensPerSecond,
        batch.Efficiency,
        batch.PeakMemoryMb,
        batch.TotalBytesRead,
        batch.TotalBytesWritten,
        batch.NetworkBandwidthMbps,
        new Dictionary<string, int>(batch.ErrorTypes, StringComparer.Ordinal));

    private static LatencySummary Summarize(List<double> latencies) =>
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
}
