using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FakeAI.Bounds.Service;

/// <summary>
/// The bounded sample trackers as DI singletons, sized from <see cref="TrackerBoundsOptions"/>, with their generated
/// <c>RegisterBoundsMetrics</c> and <c>GetBounds()</c> behind the metrics and diagnostics endpoints. The copy wired to
/// the unbounded trackers has its own version of this class; the rest of the service is the same source.
/// </summary>
internal static class TrackerSet
{
    /// <summary>Which trackers the service runs, as the diagnostics endpoint reports it.</summary>
    public const string Kind = "bounded";

    public static IServiceCollection AddTrackers(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            TrackerBoundsOptions.StreamingBounds bounds = Bounds(provider).Streaming;
            return new StreamingMetricsTracker(
                bounds.MaxActiveStreams,
                bounds.MaxCompletedStreams,
                timeProvider: Clock(provider),
                maxTokenHistoryPerStream: bounds.MaxTokenHistoryPerStream);
        });
        services.AddSingleton(provider =>
        {
            TrackerBoundsOptions.ErrorBounds bounds = Bounds(provider).Errors;
            return new ErrorMetricsTracker(
                bounds.MaxRecentErrors,
                timeProvider: Clock(provider),
                maxPatterns: bounds.MaxPatterns,
                maxCounterKeys: bounds.MaxCounterKeys);
        });
        services.AddSingleton(provider =>
        {
            TrackerBoundsOptions.CostBounds bounds = Bounds(provider).Costs;
            return new CostTracker(bounds.MaxUsageRecords, Clock(provider), bounds.MaxAggregateKeys);
        });
        services.AddSingleton(provider => new AsyncEventBus(Bounds(provider).EventBus.MaxQueueSize, Clock(provider)));
        services.AddSingleton(provider =>
        {
            TrackerBoundsOptions.BatchBounds bounds = Bounds(provider).Batches;
            return new BatchMetricsTracker(bounds.MaxActiveBatches, bounds.MaxCompletedBatches, Clock(provider));
        });
        services.AddSingleton(provider => new ModelRegistry(Bounds(provider).Models.MaxModels, Clock(provider)));
        return services;
    }

    /// <summary>Publishes every tracker's bounds on <paramref name="meter"/> (which also creates the trackers).</summary>
    public static void RegisterMetrics(IServiceProvider services, Meter meter)
    {
        services.GetRequiredService<StreamingMetricsTracker>().RegisterBoundsMetrics(meter);
        services.GetRequiredService<ErrorMetricsTracker>().RegisterBoundsMetrics(meter);
        services.GetRequiredService<CostTracker>().RegisterBoundsMetrics(meter);
        services.GetRequiredService<AsyncEventBus>().RegisterBoundsMetrics(meter);
        services.GetRequiredService<BatchMetricsTracker>().RegisterBoundsMetrics(meter);
        services.GetRequiredService<ModelRegistry>().RegisterBoundsMetrics(meter);
    }

    /// <summary>Every tracker's <c>GetBounds()</c>.</summary>
    public static BoundsReport Report(IServiceProvider services)
    {
        return BoundsReport.Create(
            Kind,
            [
                Tracker(nameof(StreamingMetricsTracker), services.GetRequiredService<StreamingMetricsTracker>().GetBounds()),
                Tracker(nameof(ErrorMetricsTracker), services.GetRequiredService<ErrorMetricsTracker>().GetBounds()),
                Tracker(nameof(CostTracker), services.GetRequiredService<CostTracker>().GetBounds()),
                Tracker(nameof(AsyncEventBus), services.GetRequiredService<AsyncEventBus>().GetBounds()),
                Tracker(nameof(BatchMetricsTracker), services.GetRequiredService<BatchMetricsTracker>().GetBounds()),
                Tracker(nameof(ModelRegistry), services.GetRequiredService<ModelRegistry>().GetBounds()),
            ]);
    }

    private static TrackerReport Tracker(string name, IEnumerable<BoundSnapshot> bounds)
    {
        return TrackerReport.Create(
            name,
            [.. bounds.Select(bound => new MemberReport(bound.Name, bound.Count, bound.Capacity, bound.MaxLength, bound.TotalAdded, bound.Evicted, bound.Dropped))]);
    }

    private static TrackerBoundsOptions Bounds(IServiceProvider provider) => provider.GetRequiredService<IOptions<TrackerBoundsOptions>>().Value;

    private static TimeProvider Clock(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();
}
