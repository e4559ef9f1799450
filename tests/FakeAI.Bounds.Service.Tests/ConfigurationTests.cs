using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>The trackers' bounds come from configuration through the options pattern: appsettings.json, then overrides.</summary>
[Collection(ServiceTestCollection.Name)]
public sealed class ConfigurationTests
{
    // Each configured bound and the tracker member whose capacity it sets.
    private static readonly (string Key, string Tracker, string Member)[] Bindings =
    [
        ("Trackers:Streaming:MaxActiveStreams", "StreamingMetricsTracker", "_activeStreams"),
        ("Trackers:Streaming:MaxCompletedStreams", "StreamingMetricsTracker", "_completedStreams"),
        ("Trackers:Errors:MaxRecentErrors", "ErrorMetricsTracker", "_recentErrors"),
        ("Trackers:Errors:MaxPatterns", "ErrorMetricsTracker", "_patterns"),
        ("Trackers:Errors:MaxCounterKeys", "ErrorMetricsTracker", "_errorsByEndpoint"),
        ("Trackers:Costs:MaxUsageRecords", "CostTracker", "_usageRecords"),
        ("Trackers:Costs:MaxAggregateKeys", "CostTracker", "_keys"),
        ("Trackers:Batches:MaxActiveBatches", "BatchMetricsTracker", "_activeBatches"),
        ("Trackers:Batches:MaxCompletedBatches", "BatchMetricsTracker", "_completedBatches"),
        ("Trackers:Models:MaxModels", "ModelRegistry", "_registered"),
    ];

    [Fact]
    public async Task The_trackers_take_their_bounds_from_appsettings_json()
    {
        using JsonDocument appsettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "FakeAI.Bounds.Service", "appsettings.json")));
        BoundsSnapshot bounds = await BoundsWithAsync(new Dictionary<string, string?>());

        foreach ((string key, string tracker, string member) in Bindings)
        {
            JsonElement value = appsettings.RootElement;
            foreach (string part in key.Split(':'))
            {
                value = value.GetProperty(part);
            }

            Assert.Equal(value.GetInt32(), bounds.Member(tracker, member).Capacity);
        }
    }

    [Fact]
    public async Task A_configuration_override_changes_every_bound()
    {
        var settings = new Dictionary<string, string?>();
        for (int i = 0; i < Bindings.Length; i++)
        {
            settings[Bindings[i].Key] = (37 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        BoundsSnapshot bounds = await BoundsWithAsync(settings);

        for (int i = 0; i < Bindings.Length; i++)
        {
            Assert.Equal(37 + i, bounds.Member(Bindings[i].Tracker, Bindings[i].Member).Capacity);
        }
    }

    [Fact]
    public async Task A_bound_out_of_range_stops_the_service_at_start_up_naming_it()
    {
        await using var factory = new ServiceFactory<Program>(new Dictionary<string, string?> { ["Trackers:Costs:MaxUsageRecords"] = "0" });

        ArgumentOutOfRangeException refused = Assert.Throws<ArgumentOutOfRangeException>(factory.StartServer);

        Assert.Equal("maxUsageRecords", refused.ParamName);
    }

    private static async Task<BoundsSnapshot> BoundsWithAsync(Dictionary<string, string?> settings)
    {
        await using var factory = new ServiceFactory<Program>(settings);
        factory.StartServer();
        return await new ServiceClient(factory.CreateClient()).BoundsAsync();
    }
}
