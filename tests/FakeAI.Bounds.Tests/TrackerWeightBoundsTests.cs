using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// GetBounds() and RegisterBoundsMetrics of a tracker whose member has a maximum weight: the snapshot carries the weight
/// and the bound, its line says them, and the meter publishes them for every member; the instruments exist only on a
/// tracker that has a weighted member.
/// </summary>
public class TrackerWeightBoundsTests
{
    [Fact]
    public void GetBounds_reports_the_weight_and_its_bound()
    {
        var tracker = new ResponseTracker();
        tracker.Bodies["a"] = "12345";
        tracker.Bodies["b"] = "1234";

        BoundSnapshot bodies = Assert.Single(tracker.GetBounds(), snapshot => snapshot.Name == nameof(ResponseTracker.Bodies));

        Assert.Equal(new BoundSnapshot("Bodies", 2, 100, 100, 2, 0, 0, 0, TimeSpan.Zero, weight: 9, maxWeight: 10), bodies);
        Assert.Equal("Bodies: 2/100 (MaxLength 100), 2 added, 0 evicted, 0 dropped, weight 9/10", bodies.ToString());
    }

    [Fact]
    public void RegisterBoundsMetrics_publishes_the_weights_of_every_member_of_a_tracker_with_a_weighted_one()
    {
        var tracker = new ResponseTracker();
        using var meter = new Meter(TrackerMetricsTests.UniqueMeterName());
        tracker.RegisterBoundsMetrics(meter);
        tracker.Bodies["a"] = "1234567";
        tracker.Names.Add("x");

        List<TrackerMetricsTests.Recorded> recorded = TrackerMetricsTests.Record(meter);

        Assert.Equal(
            new[]
            {
                new TrackerMetricsTests.Recorded("fakeai.bounds.weight", "ResponseTracker", "Bodies", 7),
                new TrackerMetricsTests.Recorded("fakeai.bounds.weight", "ResponseTracker", "Names", 0),
                new TrackerMetricsTests.Recorded("fakeai.bounds.max_weight", "ResponseTracker", "Bodies", 10),
                new TrackerMetricsTests.Recorded("fakeai.bounds.max_weight", "ResponseTracker", "Names", 0),
            },
            recorded.Where(r => r.Instrument.Contains("weight", StringComparison.Ordinal)));
        GC.KeepAlive(tracker);
    }

    [Fact]
    public void A_tracker_without_a_weighted_member_publishes_no_weight()
    {
        var tracker = new RecentCallsTracker(TimeProvider.System);
        using var meter = new Meter(TrackerMetricsTests.UniqueMeterName());
        tracker.RegisterBoundsMetrics(meter);

        List<TrackerMetricsTests.Recorded> recorded = TrackerMetricsTests.Record(meter);

        Assert.DoesNotContain(recorded, r => r.Instrument.Contains("weight", StringComparison.Ordinal));
        Assert.NotEmpty(recorded);
        GC.KeepAlive(tracker);
    }
}

/// <summary>A tracker with one member that has a maximum weight and one that has none.</summary>
[BoundedTracker]
public sealed partial class ResponseTracker
{
    public WeightedMap Bodies { get; } = new();

    public TrackedNames Names { get; } = new();
}
