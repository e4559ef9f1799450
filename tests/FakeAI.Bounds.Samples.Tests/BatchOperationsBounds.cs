using System;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Beyond the Python suite, its "future work": batch operations memory bounds. In the Python a batch never completed
/// stayed forever and each batch kept one sample per request. Weak-reference tests are in the heap-measuring collection.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class BatchOperationsBounds
{
    [Fact]
    public void ActiveBatchesAreCappedAgainstClientIds()
    {
        var tracker = new BatchMetricsTracker(maxActiveBatches: 100);

        for (int i = 0; i < 10_000; i++)
        {
            tracker.StartBatch($"batch-{i}", totalRequests: 10);
        }

        Assert.Equal(100, tracker.ActiveBatchCount);
        Assert.Equal(9_900, tracker.TotalBatchesAbandoned);
        Assert.Equal("active", tracker.GetBatchStats("batch-9999")?.Status);
        Assert.Null(tracker.GetBatchStats("batch-9899"));
        Assert.Null(tracker.GetBatchStats("batch-0"));
        Assert.Equal(9_900, tracker.GetAllBatchesStats().TotalBatchesAbandoned);
    }

    [Fact]
    public void ABatchStillReportingIsNotTheOneAbandoned()
    {
        var tracker = new BatchMetricsTracker(maxActiveBatches: 10);
        tracker.StartBatch("busy", totalRequests: 1_000);

        for (int i = 0; i < 100; i++)
        {
            tracker.StartBatch($"abandoned-{i}", totalRequests: 10);
            tracker.RecordRequestProcessed("busy", latencyMs: 5, tokens: 10);
        }

        Assert.Equal(10, tracker.ActiveBatchCount);
        Assert.Equal(100, tracker.GetBatchStats("busy")?.RequestsProcessed);
    }

    [Fact]
    public void FinishedBatchesKeepTheNewest()
    {
        var clock = new FakeTimeProvider();
        var tracker = new BatchMetricsTracker(maxCompletedBatches: 10, timeProvider: clock);

        for (int i = 0; i < 50; i++)
        {
            tracker.StartBatch($"batch-{i}", totalRequests: 1);
            clock.Advance(TimeSpan.FromSeconds(1));
            if (i % 2 == 0)
            {
                tracker.CompleteBatch($"batch-{i}");
            }
            else
            {
                tracker.FailBatch($"batch-{i}", "input file invalid");
            }
        }

        Assert.Equal(10, tracker.CompletedBatchCount);
        Assert.Equal(0, tracker.ActiveBatchCount);
        Assert.Null(tracker.GetBatchStats("batch-39"));
        Assert.Equal("completed", tracker.GetBatchStats("batch-40")?.Status);
        BatchStats? failed = tracker.GetBatchStats("batch-49");
        Assert.Equal("failed", failed?.Status);
        Assert.Equal(1_000, failed?.TotalDurationMs);
        Assert.Equal(1, failed?.ErrorsByType["batch_failure"]);
    }

    [Fact]
    public void RequestSamplesPerBatchAreBoundedWhileTotalsCountEveryRequest()
    {
        var tracker = new BatchMetricsTracker();
        tracker.StartBatch("big", totalRequests: 100_000);

        for (int i = 0; i < 100_000; i++)
        {
            tracker.RecordRequestProcessed("big", latencyMs: i < 99_000 ? 1 : 100, tokens: 3);
        }

        BatchStats? stats = tracker.GetBatchStats("big");
        Assert.NotNull(stats);
        Assert.Equal(100_000, stats.RequestsProcessed);
        Assert.Equal(300_000, stats.TotalTokens);
        Assert.Equal(BatchMetricsTracker.MaxRequestSamplesPerBatch, stats.Latency.Count);
        Assert.Equal(1_000, stats.Latency.Count);

        // The samples kept are the newest 1,000, all 100 ms: an unbounded sample list would give a median of 1 ms.
        Assert.Equal(100, stats.Latency.P50);
    }

    [Fact]
    public void ErrorTypesPerBatchAreBounded()
    {
        var tracker = new BatchMetricsTracker();
        tracker.StartBatch("b", totalRequests: 1_000);

        for (int i = 0; i < 1_000; i++)
        {
            tracker.RecordRequestProcessed("b", latencyMs: 5, tokens: 1, success: false, errorType: $"error-{i}");
        }

        BatchStats? stats = tracker.GetBatchStats("b");
        Assert.Equal(1_000, stats?.RequestsFailed);
        Assert.Equal(BatchMetricsTracker.MaxErrorTypesPerBatch, stats?.ErrorsByType.Count);
        Assert.True(stats?.ErrorsByType.ContainsKey("error-999"));
    }

    [Fact]
    public void EvictedBatchStateIsCollected()
    {
        var tracker = new BatchMetricsTracker(maxActiveBatches: 5, maxCompletedBatches: 5);
        WeakReference[] abandoned = StartBatches(tracker, "abandoned-");
        WeakReference[] replaced = StartBatches(tracker, "live-");
        CompleteBatches(tracker, "live-");
        WeakReference[] kept = StartBatches(tracker, "next-");
        CompleteBatches(tracker, "next-");

        Assert.Equal(5, tracker.TotalBatchesAbandoned);
        Assert.Equal(5, tracker.CompletedBatchCount);
        Assert.Equal(0, Heap.CountAlive(abandoned));
        Assert.Equal(0, Heap.CountAlive(replaced));
        Assert.Equal(5, Heap.CountAlive(kept));
        GC.KeepAlive(tracker);
    }

    private static WeakReference[] StartBatches(BatchMetricsTracker tracker, string prefix)
    {
        var states = new WeakReference[5];
        for (int i = 0; i < states.Length; i++)
        {
            string id = prefix + i;
            tracker.StartBatch(id, totalRequests: 10);
            tracker.RecordRequestProcessed(id, latencyMs: 1, tokens: 1);
            states[i] = Heap.WeakOf(() => tracker.FindBatchState(id));
        }

        return states;
    }

    private static void CompleteBatches(BatchMetricsTracker tracker, string prefix)
    {
        for (int i = 0; i < 5; i++)
        {
            tracker.CompleteBatch(prefix + i);
        }
    }

    [Fact]
    public void ResetForgetsEveryBatchAndCounter()
    {
        var tracker = new BatchMetricsTracker(maxActiveBatches: 2);
        tracker.StartBatch("a", 1);
        tracker.StartBatch("b", 1);
        tracker.StartBatch("c", 1);
        tracker.RecordRequestProcessed("c", 1, 1);
        tracker.CompleteBatch("c");

        tracker.Reset();

        BatchAggregateStats stats = tracker.GetAllBatchesStats();
        Assert.Equal(0, tracker.ActiveBatchCount);
        Assert.Equal(0, tracker.CompletedBatchCount);
        Assert.Equal(0, stats.TotalBatchesStarted);
        Assert.Equal(0, stats.TotalBatchesAbandoned);
        Assert.Equal(0, stats.TotalRequestsProcessed);
    }

    [Fact]
    public void UnboundedSampleKeepsEveryAbandonedBatch()
    {
        var tracker = new Unbounded.BatchMetricsTracker(maxActiveBatches: 100);

        for (int i = 0; i < 10_000; i++)
        {
            tracker.StartBatch($"batch-{i}", totalRequests: 10);
        }

        Assert.Equal(10_000, tracker.ActiveBatchCount);
    }
}
