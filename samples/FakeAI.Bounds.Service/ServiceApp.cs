using System;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Composes the service: options, the trackers (<see cref="TrackerSet"/>, the one part that differs between the
/// bounded service and the copy wired to the unbounded trackers), OpenTelemetry metrics, and the endpoints.
/// </summary>
internal static class ServiceApp
{
    /// <summary>The meter the trackers' bounds are published on; <c>dotnet-counters</c> and OpenTelemetry listen to it by this name.</summary>
    public const string MeterName = "FakeAI.Bounds.Service";

    /// <summary>The path of the Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    public static WebApplication Create(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

        builder.Services.AddOptions<TrackerBoundsOptions>().BindConfiguration(TrackerBoundsOptions.SectionName);
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .Validate(limits => limits.IsValid(), "Every limit in the 'Requests' section must be positive.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTrackers();
        builder.Services.AddSingleton<TrafficRecorder>();
        builder.Services.AddHostedService<EventBusService>();
        builder.Services.AddHealthChecks();

        // Only the trackers' meter: the scrape shows the bounds, not the framework's own instruments. A scrape answers
        // from the current values (no response cache), so that it agrees with GetBounds() read at the same moment.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterName)
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        WebApplication app = builder.Build();

        // Creating the trackers here, not at the first request, checks their bounds at start-up and publishes their
        // metrics before any traffic. The meter lives as long as the container; the instruments hold the trackers weakly.
        Meter meter = app.Services.GetRequiredService<IMeterFactory>().Create(MeterName);
        TrackerSet.RegisterMetrics(app.Services, meter);
        ModelCatalog.RegisterBaseModels(app.Services.GetRequiredService<ModelRegistry>());

        app.MapChatCompletions();
        app.MapEmbeddings();
        app.MapBatches();
        app.MapModels();
        app.MapDiagnostics();
        app.MapHealthChecks("/health");
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
