using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// The soak scenarios of <see cref="SoakTests"/> run against FakeAI.Bounds.Samples.Unbounded, the trackers as the Python
/// wrote them: there the same flatness check fails, and the state passes the bounds the bounded trackers keep. This is
/// the evidence that the memory suite can fail. Where the growth is plain sooner, fewer operations than the bounded soaks
/// run, to keep the heap and the time of the test run small (the unbounded cost tracker scans all its records every
/// 100 calls, so its run is the shortest).
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class UnboundedSampleGrows(ITestOutputHelper output)
{
    private const int Operations = 200_000;

    [Fact]
    public async Task StreamingMetricsTracker_KeepsEveryTokenOfALongStream()
    {
        var target = new UnboundedStreaming(new Unbounded.StreamingMetricsTracker());
        var scenario = new StreamingScenario(target);

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 1, scenario.Step);

        output.WriteLine(result.ToString());
        Assert.False(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task ErrorMetricsTracker_KeepsEveryPatternAndCounterKey()
    {
        var target = new UnboundedErrors(new Unbounded.ErrorMetricsTracker());
        var scenario = new ErrorScenario(target);

        SoakResult result = await Soak.RunAsync(Operations, seed: 2, scenario.Step);

        output.WriteLine(result.ToString() + $"; {target.PatternCount:N0} patterns, {target.LargestCounter:N0} keys in the largest counter");
        Assert.True(target.PatternCount > ErrorMetricsTracker.DefaultMaxPatterns);
        Assert.True(target.LargestCounter > ErrorMetricsTracker.DefaultMaxCounterKeys);
        Assert.False(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task CostTracker_KeepsEveryUsageRecord()
    {
        const int operations = 50_000;
        var target = new UnboundedCosts(new Unbounded.CostTracker());
        var scenario = new CostScenario(target);

        SoakResult result = await Soak.RunAsync(operations, seed: 3, scenario.Step);

        output.WriteLine(result.ToString());
        Assert.Equal(operations, target.UsageRecordCount);
        Assert.True(target.KeyCount > CostTracker.DefaultMaxAggregateKeys);
        Assert.False(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task AsyncEventBus_KeepsEveryEventTypeEverSubscribedTo()
    {
        var target = new UnboundedBus(new Unbounded.AsyncEventBus());
        var scenario = new BusScenario(target);
        target.Start();

        SoakResult result = await Soak.RunAsync(Operations, seed: 4, scenario.Step, scenario.DrainAsync);
        await target.StopAsync();

        output.WriteLine(result.ToString() + $"; {target.SubscribedEventTypes:N0} event types in the subscriber table");
        Assert.True(target.SubscribedEventTypes > AsyncEventBus.MaxEventTypes);
        Assert.False(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task BatchMetricsTracker_KeepsAbandonedBatchesAndEverySample()
    {
        var target = new UnboundedBatches(new Unbounded.BatchMetricsTracker());
        var scenario = new BatchScenario(target);

        SoakResult result = await Soak.RunAsync(Soak.Operations, seed: 5, scenario.Step);

        output.WriteLine(result.ToString() + $"; {target.ActiveBatchCount:N0} active batches");
        Assert.True(target.ActiveBatchCount > 1_000);
        Assert.False(result.IsFlat, result.ToString());
    }

    [Fact]
    public async Task ModelRegistry_KeepsEveryModelIdAskedFor()
    {
        var target = new UnboundedModels(new Unbounded.ModelRegistry());
        var scenario = new RegistryScenario(target);

        SoakResult result = await Soak.RunAsync(Operations, seed: 6, scenario.Step);

        output.WriteLine(result.ToString() + $"; {target.Count:N0} models");
        Assert.True(target.Count > Operations * 8 / 10, "nearly every made-up id should still be held");
        Assert.False(result.IsFlat, result.ToString());
    }
}
