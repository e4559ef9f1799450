using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// The trackers' <c>RegisterBoundsMetrics</c> instruments, exported through OpenTelemetry's Prometheus endpoint, report
/// what <c>GetBounds()</c> reports on the diagnostics endpoint: every member of every tracker, with the same numbers.
/// </summary>
[Collection(ServiceTestCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task The_metrics_endpoint_reports_the_same_numbers_as_GetBounds()
    {
        await using var factory = new ServiceFactory<Program>(SoakSettings.Values);
        factory.StartServer();
        var client = new ServiceClient(factory.CreateClient());
        await new SoakTraffic(client, 300).RunRoundAsync(0);

        BoundsSnapshot bounds = await client.BoundsAsync();
        Dictionary<(string Instrument, string Tracker, string Member), double> scraped = PrometheusScrape.BoundsSamples(await client.ScrapeAsync());

        int members = 0;
        foreach ((string tracker, MemberBounds member) in bounds.Members)
        {
            members++;
            Assert.Equal(member.Count, Scraped(scraped, "count", tracker, member.Name));
            Assert.Equal(member.Capacity!.Value, Scraped(scraped, "capacity", tracker, member.Name));
            Assert.Equal(member.Evicted!.Value, Scraped(scraped, "evicted", tracker, member.Name));
            Assert.Equal(member.Dropped!.Value, Scraped(scraped, "dropped", tracker, member.Name));
        }

        // All six trackers are there, and the scrape holds nothing GetBounds() does not: four instruments per member.
        Assert.Equal(6, bounds.TrackerReports.Count);
        Assert.Equal(4 * members, scraped.Count);

        // The traffic moved the numbers, so the comparison is not one of zeros.
        Assert.Contains(bounds.Members, pair => pair.Member.Evicted > 0);
    }

    private static long Scraped(Dictionary<(string, string, string), double> scraped, string instrument, string tracker, string member)
    {
        Assert.True(scraped.TryGetValue((instrument, tracker, member), out double value), $"fakeai_bounds_{instrument} of {tracker}.{member} is not in the scrape");
        return (long)value;
    }
}
