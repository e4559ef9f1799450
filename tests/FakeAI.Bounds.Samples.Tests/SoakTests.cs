using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Every tracker driven for 1,000,000 operations with random, client-made-up ids: its bounds hold and the retained heap
/// stays flat (<see cref="SoakResult.IsFlat"/>: under <see cref="Soak.FlatMargin"/> of growth over the last 10 % and over
/// the second half). <see cref="UnboundedSampleGrows"/> runs the same
/// scenarios against the unbounded trackers and sees them fail this.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StreamingMetricsTracker_StaysFlat()
    {
        var tracker = new StreamingMetricsTracker();
        var scenario = new StreamingScenario(new BoundedStreaming(tracker));

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 1, scenario.Step);

        output.WriteLine(result.ToString());
        Assert.InRange(tracker.ActiveStreamCount, 1, tracker.MaxActiveStreams);
        Assert.Equal(tracker.MaxCompletedStreams, tracker.CompletedStreamCount);
        Assert.True(tracker.TotalTokensGenerated > Soak.Operations / 2, "the scenario should mostly record tokens");
        Assert.True(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task ErrorMetricsTracker_StaysFlat()
    {
        var tracker = new ErrorMetricsTracker();
        var target = new BoundedErrors(tracker);
        var scenario = new ErrorScenario(target);

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 2, scenario.Step);

        output.WriteLine(result.ToString());
        Assert.Equal(tracker.MaxPatterns, tracker.PatternCount);
        Assert.Equal(tracker.MaxRecentErrors, tracker.RecentErrorCount);
        Assert.Equal(tracker.MaxCounterKeys, target.LargestCounter);
        Assert.True(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task CostTracker_StaysFlat()
    {
        var tracker = new CostTracker();
        var scenario = new CostScenario(new BoundedCosts(tracker));

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 3, scenario.Step);

        output.WriteLine(result.ToString());
        Assert.Equal(tracker.MaxUsageRecords, tracker.UsageRecordCount);
        Assert.Equal(tracker.MaxAggregateKeys, tracker.CostsByKey.Count);
        Assert.InRange(tracker.CostsByModel.Count, 1, tracker.MaxAggregateKeys);
        Assert.InRange(tracker.CostsByEndpoint.Count, 1, tracker.MaxAggregateKeys);
        Assert.True(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task AsyncEventBus_StaysFlat()
    {
        var bus = new AsyncEventBus();
        var target = new BoundedBus(bus);
        var scenario = new BusScenario(target);
        bus.Start();

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 4, scenario.Step, scenario.DrainAsync);
        await bus.StopAsync();

        output.WriteLine(result.ToString() + $"; {bus.PublishedEvents:N0} published, {bus.DroppedEvents:N0} dropped");
        Assert.InRange(target.SubscribedEventTypes, 1, 65);
        Assert.Equal(bus.PublishedEvents, bus.ProcessedEvents);
        Assert.True(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task BatchMetricsTracker_StaysFlat()
    {
        var tracker = new BatchMetricsTracker();
        var scenario = new BatchScenario(new BoundedBatches(tracker));

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 5, scenario.Step);

        output.WriteLine(result.ToString() + $"; {tracker.TotalBatchesAbandoned:N0} batches abandoned");
        Assert.InRange(tracker.ActiveBatchCount, 1, tracker.MaxActiveBatches);
        Assert.Equal(tracker.MaxCompletedBatches, tracker.CompletedBatchCount);
        Assert.True(tracker.TotalBatchesAbandoned > 0);
        BatchStats? longBatch = tracker.GetBatchStats("long-0");
        Assert.NotNull(longBatch);
        Assert.Equal(BatchMetricsTracker.MaxRequestSamplesPerBatch, longBatch.Latency.Count);
        Assert.InRange(longBatch.ErrorsByType.Count, 1, BatchMetricsTracker.MaxErrorTypesPerBatch);
        Assert.True(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task ModelRegistry_StaysFlat()
    {
        var registry = new ModelRegistry();
        var scenario = new RegistryScenario(new BoundedModels(registry));

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 6, scenario.Step);

        output.WriteLine(result.ToString());
        Assert.Equal(registry.MaxModels, registry.Count);
        Assert.InRange(registry.RegisteredCount, 0, 32);
        Assert.True(result.IsFlat, result.ToString());
    }
}
