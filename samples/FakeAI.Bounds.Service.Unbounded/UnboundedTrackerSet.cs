using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FakeAI.Bounds.Service;

/// <summary>
/// The unbounded trackers as DI singletons, in place of the bounded service's version of this class. They take only
/// the sizes the Python had (active and completed streams, recent errors, the event queue); nothing else of theirs has
/// a limit. Having no <c>GetBounds()</c>, they are reported through their public counts, and publish no metrics.
/// </summary>
internal static class TrackerSet
{
    /// <summary>Which trackers the service runs, as the diagnostics endpoint reports it.</summary>
    public const string Kind = "unbounded";

    public static IServiceCollection AddTrackers(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            TrackerBoundsOptions.StreamingBounds bounds = Bounds(provider).Streaming;
            return new StreamingMetricsTracker(bounds.MaxActiveStreams, bounds.MaxCompletedStreams, timeProvider: Clock(provider));
        });
        services.AddSingleton(provider => new ErrorMetricsTracker(Bounds(provider).Errors.MaxRecentErrors, timeProvider: Clock(provider)));
        services.AddSingleton(provider => new CostTracker(Clock(provider)));
        services.AddSingleton(provider => new AsyncEventBus(Bounds(provider).EventBus.MaxQueueSize));
        services.AddSingleton(provider =>
        {
            TrackerBoundsOptions.BatchBounds bounds = Bounds(provider).Batches;
            return new BatchMetricsTracker(bounds.MaxActiveBatches, bounds.MaxCompletedBatches, Clock(provider));
        });
        services.AddSingleton(provider => new ModelRegistry(Clock(provider)));
        return services;
    }

    /// <summary>Creates the trackers, as the bounded version does at start-up; there are no bounds to publish.</summary>
    public static void RegisterMetrics(IServiceProvider services, Meter meter)
    {
        _ = meter;
        _ = services.GetRequiredService<StreamingMetricsTracker>();
        _ = services.GetRequiredService<ErrorMetricsTracker>();
        _ = services.GetRequiredService<CostTracker>();
        _ = services.GetRequiredService<AsyncEventBus>();
        _ = services.GetRequiredService<BatchMetricsTracker>();
        _ = services.GetRequiredService<ModelRegistry>();
    }

    /// <summary>What each tracker holds, from the counts it makes public; no capacities, since nothing bounds them.</summary>
    public static BoundsReport Report(IServiceProvider services)
    {
        StreamingMetricsTracker streams = services.GetRequiredService<StreamingMetricsTracker>();
        ErrorMetricsTracker errors = services.GetRequiredService<ErrorMetricsTracker>();
        ErrorMetrics errorMetrics = errors.GetMetrics();
        CostTracker costs = services.GetRequiredService<CostTracker>();
        EventBusStats bus = services.GetRequiredService<AsyncEventBus>().GetStats();
        BatchMetricsTracker batches = services.GetRequiredService<BatchMetricsTracker>();
        ModelRegistry models = services.GetRequiredService<ModelRegistry>();
        return BoundsReport.Create(
            Kind,
            [
                TrackerReport.Create(nameof(StreamingMetricsTracker), [Held("_activeStreams", streams.ActiveStreamCount), Held("_completedStreams", streams.CompletedStreamCount)]),
                TrackerReport.Create(
                    nameof(ErrorMetricsTracker),
                    [
                        Held("_recentErrors", errors.RecentErrorCount),
                        Held("_patterns", errors.PatternCount),
                        Held("_errorsByEndpoint", errorMetrics.ErrorsByEndpoint.Count),
                        Held("_errorsByType", errorMetrics.ErrorsByType.Count),
                        Held("_errorsByStatus", errorMetrics.ErrorsByStatus.Count),
                        Held("_errorsByModel", errorMetrics.ErrorsByModel.Count),
                    ]),
                TrackerReport.Create(
                    nameof(CostTracker),
                    [Held("_usageRecords", costs.UsageRecordCount), Held("_costsByKey", costs.CostsByKey.Count), Held("_costsByModel", costs.GetCostByModel().Count)]),
                TrackerReport.Create(nameof(AsyncEventBus), [Held("_subscribers", bus.SubscribersByEventType.Count), Held("_queue", bus.QueueDepth)]),
                TrackerReport.Create(nameof(BatchMetricsTracker), [Held("_activeBatches", batches.ActiveBatchCount), Held("_completedBatches", batches.CompletedBatchCount)]),
                TrackerReport.Create(nameof(ModelRegistry), [Held("_models", models.Count)]),
            ]);
    }

    private static MemberReport Held(string name, int count) => new(name, count, null, null, null, null, null);

    private static TrackerBoundsOptions Bounds(IServiceProvider provider) => provider.GetRequiredService<IOptions<TrackerBoundsOptions>>().Value;

    private static TimeProvider Clock(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();
}
