using System;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Every size a tracker's constructor takes is the capacity of a generated collection: it must lie between 1 and that
/// collection's <c>MaxLength</c>, and a value outside is refused with an exception that names the parameter.
/// </summary>
public sealed class ConstructorBounds
{
    public static TheoryData<string, int, Func<int, object>> Bounds() => new()
    {
        { "maxActiveStreams", StreamingMetricsTracker.MaxAllowedActiveStreams, n => new StreamingMetricsTracker(maxActiveStreams: n) },
        { "maxCompletedStreams", StreamingMetricsTracker.MaxAllowedCompletedStreams, n => new StreamingMetricsTracker(maxCompletedStreams: n) },
        { "maxTokenHistoryPerStream", StreamingMetricsTracker.MaxAllowedTokenHistoryPerStream, n => new StreamingMetricsTracker(maxTokenHistoryPerStream: n) },
        { "maxRecentErrors", ErrorMetricsTracker.MaxAllowedRecentErrors, n => new ErrorMetricsTracker(maxRecentErrors: n) },
        { "maxPatterns", ErrorMetricsTracker.MaxAllowedPatterns, n => new ErrorMetricsTracker(maxPatterns: n) },
        { "maxCounterKeys", ErrorMetricsTracker.MaxAllowedCounterKeys, n => new ErrorMetricsTracker(maxCounterKeys: n) },
        { "maxUsageRecords", CostTracker.MaxAllowedUsageRecords, n => new CostTracker(maxUsageRecords: n) },
        { "maxAggregateKeys", CostTracker.MaxAllowedAggregateKeys, n => new CostTracker(maxAggregateKeys: n) },
        { "maxQueueSize", AsyncEventBus.MaxAllowedQueueSize, n => new AsyncEventBus(maxQueueSize: n) },
        { "maxActiveBatches", BatchMetricsTracker.MaxAllowedActiveBatches, n => new BatchMetricsTracker(maxActiveBatches: n) },
        { "maxCompletedBatches", BatchMetricsTracker.MaxAllowedCompletedBatches, n => new BatchMetricsTracker(maxCompletedBatches: n) },
        { "maxModels", ModelRegistry.MaxAllowedModels, n => new ModelRegistry(maxModels: n) },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void OutsideOneToMaxLengthIsRefusedByName(string parameter, int largest, Func<int, object> create)
    {
        foreach (int wrong in new[] { 0, -1, largest + 1, int.MaxValue })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => create(wrong));
            Assert.Equal(parameter, refused.ParamName);
            Assert.Contains(largest.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        }

        Assert.NotNull(create(1));
        Assert.NotNull(create(largest));
    }

    [Fact]
    public void TimeWindowsMustBePositive()
    {
        Assert.Equal(
            "aggregationWindowSeconds",
            Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingMetricsTracker(aggregationWindowSeconds: 0)).ParamName);
        Assert.Equal(
            "windowSeconds",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorMetricsTracker(windowSeconds: double.NaN)).ParamName);
        Assert.Equal(
            "errorBudgetSlo",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorMetricsTracker(errorBudgetSlo: 1.5)).ParamName);
    }

    [Fact]
    public void TheCapacityReadsBackAsGiven()
    {
        Assert.Equal(7, new StreamingMetricsTracker(maxActiveStreams: 7).MaxActiveStreams);
        Assert.Equal(7, new ErrorMetricsTracker(maxPatterns: 7).MaxPatterns);
        Assert.Equal(7, new CostTracker(maxAggregateKeys: 7).MaxAggregateKeys);
        Assert.Equal(7, new BatchMetricsTracker(maxCompletedBatches: 7).MaxCompletedBatches);
        Assert.Equal(7, new ModelRegistry(maxModels: 7).MaxModels);
    }
}
