using System;
using System.Reflection;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The generated <c>GetBounds()</c>, <c>ClearBounds()</c> and <c>MaxBoundedEntries</c> of real trackers holding
/// generated queues: exact snapshots after adds, evictions and drops, in declaration order, with static members and a
/// null member.
/// </summary>
[Collection(TrackerStaticState.Name)]
public class TrackerBoundsTests
{
    public TrackerBoundsTests()
    {
        ServiceTracker.ResetShared();
    }

    [Fact]
    public void A_new_tracker_reports_every_bounded_member_empty_in_declaration_order()
    {
        var tracker = new ServiceTracker();
        ServiceTracker.SharedStreams = null;

        Assert.Equal(
            new[]
            {
                new BoundSnapshot("_errors", count: 0, capacity: 8, maxLength: 8, totalAdded: 0, evicted: 0, dropped: 0),
                new BoundSnapshot("SharedStreams", 0, 0, 0, 0, 0, 0),
                new BoundSnapshot("Events", count: 0, capacity: 2, maxLength: 4, totalAdded: 0, evicted: 0, dropped: 0),
                new BoundSnapshot("Pending", 0, 0, 0, 0, 0, 0),
                new BoundSnapshot("SharedEvents", count: 0, capacity: 4, maxLength: 4, totalAdded: 0, evicted: 0, dropped: 0),
            },
            tracker.GetBounds());
    }

    [Fact]
    public void GetBounds_reports_counts_evictions_and_drops_of_instance_and_static_members()
    {
        ServiceTracker tracker = Exercised();

        Assert.Equal(
            new[]
            {
                new BoundSnapshot("_errors", count: 8, capacity: 8, maxLength: 8, totalAdded: 11, evicted: 3, dropped: 0),
                new BoundSnapshot("SharedStreams", count: 3, capacity: 3, maxLength: 3, totalAdded: 3, evicted: 0, dropped: 2),
                new BoundSnapshot("Events", count: 2, capacity: 2, maxLength: 4, totalAdded: 2, evicted: 0, dropped: 3),
                new BoundSnapshot("Pending", 0, 0, 0, 0, 0, 0),
                new BoundSnapshot("SharedEvents", count: 1, capacity: 4, maxLength: 4, totalAdded: 1, evicted: 0, dropped: 0),
            },
            tracker.GetBounds());
    }

    [Fact]
    public void GetBounds_reads_the_instance_a_member_holds_now()
    {
        ServiceTracker tracker = Exercised();
        var pending = new TrackedErrors(capacity: 5);
        pending.Add("retry");
        tracker.Pending = pending;

        Assert.Equal(new BoundSnapshot("Pending", count: 1, capacity: 5, maxLength: 8, totalAdded: 1, evicted: 0, dropped: 0), tracker.GetBounds()[3]);
        Assert.NotSame(tracker.GetBounds(), tracker.GetBounds());
    }

    [Fact]
    public void ClearBounds_empties_every_member_keeps_the_counters_and_skips_a_null_member()
    {
        ServiceTracker tracker = Exercised();

        tracker.ClearBounds();

        Assert.Equal(
            new[]
            {
                new BoundSnapshot("_errors", count: 0, capacity: 8, maxLength: 8, totalAdded: 11, evicted: 3, dropped: 0),
                new BoundSnapshot("SharedStreams", count: 0, capacity: 3, maxLength: 3, totalAdded: 3, evicted: 0, dropped: 2),
                new BoundSnapshot("Events", count: 0, capacity: 2, maxLength: 4, totalAdded: 2, evicted: 0, dropped: 3),
                new BoundSnapshot("Pending", 0, 0, 0, 0, 0, 0),
                new BoundSnapshot("SharedEvents", count: 0, capacity: 4, maxLength: 4, totalAdded: 1, evicted: 0, dropped: 0),
            },
            tracker.GetBounds());
        Assert.Empty(ServiceTracker.SharedStreams!);
        Assert.Equal(7, tracker.Requests);
    }

    [Fact]
    public void ClearBounds_of_a_tracker_whose_static_members_are_null_does_not_throw()
    {
        var tracker = new ServiceTracker();
        ServiceTracker.SharedStreams = null;

        tracker.ClearBounds();

        Assert.Equal(0, tracker.GetBounds()[1].Capacity);
    }

    [Fact]
    public void MaxBoundedEntries_is_the_sum_of_the_member_types_MaxLength_whatever_the_instances_capacity()
    {
        // _errors and Pending (8 each), SharedStreams (3), Events and SharedEvents (4 each; Events holds only 2).
        Assert.Equal(27L, ServiceTracker.MaxBoundedEntries);
        Assert.Equal(
            (2L * TrackedErrors.DeclaredMaxLength) + (2L * TrackedEvents.DeclaredMaxLength) + TrackedStreams.DeclaredMaxLength,
            ServiceTracker.MaxBoundedEntries);
        Assert.Equal(16L, TrackerHost.WindowTracker<string>.MaxBoundedEntries);

        // A compile-time constant, so that it can size buffers and appear in attributes and switch cases.
        FieldInfo field = typeof(ServiceTracker).GetField(nameof(ServiceTracker.MaxBoundedEntries))!;
        Assert.True(field.IsLiteral);
        Assert.Equal(typeof(long), field.FieldType);
    }

    [Fact]
    public void A_generic_nested_tracker_reports_its_generic_member()
    {
        var tracker = new TrackerHost.WindowTracker<string>();
        foreach (string word in new[] { "a", "b", "c", "d", "e" })
        {
            tracker.Recent.Add(word);
        }

        Assert.Equal(new[] { new BoundSnapshot("Recent", count: 3, capacity: 3, maxLength: 16, totalAdded: 5, evicted: 2, dropped: 0) }, tracker.GetBounds());

        tracker.ClearBounds();

        Assert.Empty(tracker.Recent);
        Assert.Equal(2, tracker.GetBounds()[0].Evicted);
    }

    [Fact]
    public void The_snapshot_line_reads_as_documented()
    {
        ServiceTracker tracker = Exercised();

        Assert.Equal("_errors: 8/8 (MaxLength 8), 11 added, 3 evicted, 0 dropped", tracker.GetBounds()[0].ToString());
    }

    /// <summary>
    /// A tracker after: 11 errors into 8 slots (3 evicted), 5 events into a DropNewest queue of capacity 2 (3 dropped),
    /// 5 streams offered to the shared Throw queue of 3 (2 refused), 1 shared event.
    /// </summary>
    internal static ServiceTracker Exercised()
    {
        var tracker = new ServiceTracker { Requests = 7 };
        for (int i = 0; i < 11; i++)
        {
            tracker.RecordError("error " + i);
        }

        for (int i = 0; i < 5; i++)
        {
            tracker.Events.Add(i);
        }

        TrackedStreams streams = ServiceTracker.SharedStreams!;
        for (int i = 0; i < 3; i++)
        {
            streams.Add(new Payload(i));
        }

        Assert.False(streams.TryAdd(new Payload(3)));
        Assert.Throws<BoundExceededException>(() => streams.Add(new Payload(4)));
        ServiceTracker.SharedEvents.Add(42);
        return tracker;
    }
}
