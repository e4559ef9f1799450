using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// GetBounds() of a tracker whose member has a maximum age: the snapshot carries the age and the expired count, and
/// its line says them; a member without an age keeps its snapshot and line as before.
/// </summary>
public class TrackerExpiryBoundsTests
{
    [Fact]
    public void GetBounds_reports_the_age_and_the_entries_that_expired()
    {
        var clock = new FakeTimeProvider();
        var tracker = new RecentCallsTracker(clock);
        tracker.Calls.Add(1);
        tracker.Calls.Add(2);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        tracker.Calls.Add(3);

        BoundSnapshot calls = Assert.Single(tracker.GetBounds(), snapshot => snapshot.Name == nameof(RecentCallsTracker.Calls));

        Assert.Equal(new BoundSnapshot("Calls", count: 1, capacity: 4, maxLength: 4, totalAdded: 3, evicted: 0, dropped: 0, expired: 2, maxAge: TimeSpan.FromSeconds(1)), calls);
        Assert.Equal("Calls: 1/4 (MaxLength 4), 3 added, 0 evicted, 0 dropped, 2 expired (MaxAge 00:00:01)", calls.ToString());
    }

    [Fact]
    public void RegisterBoundsMetrics_publishes_the_expired_entries_of_every_member_of_a_tracker_with_an_age()
    {
        var clock = new FakeTimeProvider();
        var tracker = new RecentCallsTracker(clock);
        using var meter = new Meter(TrackerMetricsTests.UniqueMeterName());
        tracker.RegisterBoundsMetrics(meter);
        tracker.Calls.Add(1);
        tracker.Calls.Add(2);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(tracker.Calls);

        List<TrackerMetricsTests.Recorded> recorded = TrackerMetricsTests.Record(meter);

        Assert.Equal(
            new[]
            {
                new TrackerMetricsTests.Recorded("fakeai.bounds.expired", "RecentCallsTracker", "Calls", 2),
                new TrackerMetricsTests.Recorded("fakeai.bounds.expired", "RecentCallsTracker", "Names", 0),
            },
            recorded.Where(r => r.Instrument == "fakeai.bounds.expired"));
        GC.KeepAlive(tracker);
    }

    [Fact]
    public void A_member_without_an_age_reports_no_age_and_keeps_its_line()
    {
        var tracker = new RecentCallsTracker(new FakeTimeProvider());
        tracker.Names.Add("a");

        BoundSnapshot names = Assert.Single(tracker.GetBounds(), snapshot => snapshot.Name == nameof(RecentCallsTracker.Names));

        Assert.Equal(TimeSpan.Zero, names.MaxAge);
        Assert.Equal(0, names.Expired);
        Assert.Equal("Names: 1/8 (MaxLength 8), 1 added, 0 evicted, 0 dropped", names.ToString());
    }
}

/// <summary>A tracker with one member that has a maximum age and one that has none.</summary>
[BoundedTracker]
public sealed partial class RecentCallsTracker
{
    public RecentCallsTracker(TimeProvider clock)
    {
        Calls = new ExpiringQueue(clock);
    }

    public ExpiringQueue Calls { get; }

    public TrackedNames Names { get; } = new();
}

[Bounded(MaxLength = 8)]
public sealed partial class TrackedNames : IBoundedQueue<string>;
