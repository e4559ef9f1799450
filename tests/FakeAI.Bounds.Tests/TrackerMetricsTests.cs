using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The generated <c>RegisterBoundsMetrics(Meter)</c>, observed the way OpenTelemetry and dotnet-counters observe it:
/// through a <see cref="MeterListener"/> that records the observable instruments on demand.
/// </summary>
[Collection(TrackerStaticState.Name)]
public class TrackerMetricsTests
{
    public TrackerMetricsTests()
    {
        ServiceTracker.ResetShared();
    }

    [Fact]
    public void Each_instrument_reports_one_measurement_per_bounded_member_with_exact_values_and_tags()
    {
        using var meter = new Meter(UniqueMeterName());
        ServiceTracker tracker = TrackerBoundsTests.Exercised();
        tracker.RegisterBoundsMetrics(meter);

        List<Recorded> recorded = Record(meter);

        Assert.Equal(
            new[]
            {
                new Recorded("fakeai.bounds.count", "ServiceTracker", "_errors", 8),
                new Recorded("fakeai.bounds.count", "ServiceTracker", "SharedStreams", 3),
                new Recorded("fakeai.bounds.count", "ServiceTracker", "Events", 2),
                new Recorded("fakeai.bounds.count", "ServiceTracker", "Pending", 0),
                new Recorded("fakeai.bounds.count", "ServiceTracker", "SharedEvents", 1),
                new Recorded("fakeai.bounds.capacity", "ServiceTracker", "_errors", 8),
                new Recorded("fakeai.bounds.capacity", "ServiceTracker", "SharedStreams", 3),
                new Recorded("fakeai.bounds.capacity", "ServiceTracker", "Events", 2),
                new Recorded("fakeai.bounds.capacity", "ServiceTracker", "Pending", 0),
                new Recorded("fakeai.bounds.capacity", "ServiceTracker", "SharedEvents", 4),
                new Recorded("fakeai.bounds.evicted", "ServiceTracker", "_errors", 3),
                new Recorded("fakeai.bounds.evicted", "ServiceTracker", "SharedStreams", 0),
                new Recorded("fakeai.bounds.evicted", "ServiceTracker", "Events", 0),
                new Recorded("fakeai.bounds.evicted", "ServiceTracker", "Pending", 0),
                new Recorded("fakeai.bounds.evicted", "ServiceTracker", "SharedEvents", 0),
                new Recorded("fakeai.bounds.dropped", "ServiceTracker", "_errors", 0),
                new Recorded("fakeai.bounds.dropped", "ServiceTracker", "SharedStreams", 2),
                new Recorded("fakeai.bounds.dropped", "ServiceTracker", "Events", 3),
                new Recorded("fakeai.bounds.dropped", "ServiceTracker", "Pending", 0),
                new Recorded("fakeai.bounds.dropped", "ServiceTracker", "SharedEvents", 0),
            },
            recorded);
        GC.KeepAlive(tracker);
    }

    [Fact]
    public void Each_recording_reports_the_values_of_that_moment()
    {
        using var meter = new Meter(UniqueMeterName());
        var tracker = new TrackerHost.WindowTracker<int>();
        tracker.RegisterBoundsMetrics(meter);
        using MeterListener listener = Listen(meter, out List<Recorded> recorded);

        listener.RecordObservableInstruments();
        tracker.Recent.Add(1);
        tracker.Recent.Add(2);
        tracker.Recent.Add(3);
        tracker.Recent.Add(4);
        listener.RecordObservableInstruments();
        tracker.ClearBounds();
        listener.RecordObservableInstruments();

        Assert.Equal(new long[] { 0, 3, 0 }, recorded.Where(r => r.Instrument == "fakeai.bounds.count").Select(r => r.Value));
        Assert.Equal(new long[] { 0, 1, 1 }, recorded.Where(r => r.Instrument == "fakeai.bounds.evicted").Select(r => r.Value));
        Assert.All(recorded, r => Assert.Equal(("WindowTracker", "Recent"), (r.Tracker, r.Member)));
        GC.KeepAlive(tracker);
    }

    [Fact]
    public void The_instruments_have_the_OpenTelemetry_kinds_units_and_descriptions()
    {
        using var meter = new Meter(UniqueMeterName());
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    published.Add(instrument);
                }
            },
        };
        listener.Start();

        new ServiceTracker().RegisterBoundsMetrics(meter);

        Assert.Equal(
            new[]
            {
                ("fakeai.bounds.count", typeof(ObservableUpDownCounter<int>)),
                ("fakeai.bounds.capacity", typeof(ObservableUpDownCounter<int>)),
                ("fakeai.bounds.evicted", typeof(ObservableCounter<long>)),
                ("fakeai.bounds.dropped", typeof(ObservableCounter<long>)),
            },
            published.Select(instrument => (instrument.Name, instrument.GetType())));
        Assert.All(published, instrument =>
        {
            Assert.Equal("{entry}", instrument.Unit);
            Assert.Contains("bounded member", instrument.Description, StringComparison.Ordinal);
            Assert.True(instrument.IsObservable);
        });
    }

    [Fact]
    public void A_null_meter_is_rejected()
    {
        var tracker = new ServiceTracker();

        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => tracker.RegisterBoundsMetrics(null!));

        Assert.Equal("meter", thrown.ParamName);
    }

    [Fact]
    public void Registering_metrics_does_not_keep_a_tracker_alive_and_a_collected_tracker_reports_nothing()
    {
        using var meter = new Meter(UniqueMeterName());
        WeakReference tracker = RegisterUnreferencedTracker(meter);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(tracker.IsAlive, "The meter's callbacks keep the tracker alive.");
        Assert.Empty(Record(meter));
    }

    [Fact]
    public void Two_registered_trackers_report_separately_and_one_collected_leaves_the_other()
    {
        using var meter = new Meter(UniqueMeterName());
        var kept = new TrackerHost.WindowTracker<string>();
        kept.Recent.Add("kept");
        kept.RegisterBoundsMetrics(meter);
        WeakReference dropped = RegisterUnreferencedTracker(meter);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(dropped.IsAlive);
        Assert.Equal(
            new[] { new Recorded("fakeai.bounds.count", "WindowTracker", "Recent", 1) },
            Record(meter).Where(r => r.Instrument == "fakeai.bounds.count"));
        GC.KeepAlive(kept);
    }

    /// <summary>One measurement: the instrument, the two tags, and the value widened to long.</summary>
    public readonly record struct Recorded(string Instrument, string? Tracker, string? Member, long Value);

    // Creates, fills and registers a tracker in a frame of its own, so that no local of the test keeps it alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RegisterUnreferencedTracker(Meter meter)
    {
        var tracker = new TrackerHost.WindowTracker<Payload>();
        tracker.Recent.Add(new Payload(1));
        tracker.RegisterBoundsMetrics(meter);
        return new WeakReference(tracker);
    }

    internal static List<Recorded> Record(Meter meter)
    {
        using MeterListener listener = Listen(meter, out List<Recorded> recorded);
        listener.RecordObservableInstruments();
        return recorded;
    }

    private static MeterListener Listen(Meter meter, out List<Recorded> recorded)
    {
        var measurements = new List<Recorded>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Add(Measured(instrument, value, tags)));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Add(Measured(instrument, value, tags)));
        listener.Start();
        recorded = measurements;
        return listener;
    }

    private static Recorded Measured(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Assert.Equal(2, tags.Length);
        Assert.Equal("tracker", tags[0].Key);
        Assert.Equal("member", tags[1].Key);
        return new Recorded(instrument.Name, tags[0].Value as string, tags[1].Value as string, value);
    }

    internal static string UniqueMeterName() => "FakeAI.Bounds.Tests." + Guid.NewGuid().ToString("N");
}
