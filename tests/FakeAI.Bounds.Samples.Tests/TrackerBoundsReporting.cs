using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// The members <c>[BoundedTracker]</c> generates: every tracker reports each bounded member, its worst case is a
/// constant, and its bounds can be published as metrics.
/// </summary>
public sealed class TrackerBoundsReporting
{
    [Fact]
    public void StreamingTrackerReportsItsStreams()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 4, maxCompletedStreams: 2);
        for (int i = 0; i < 5; i++)
        {
            tracker.StartStream($"s-{i}", "gpt-4", promptTokens: 1);
            tracker.CompleteStream($"s-{i}", "stop");
        }

        tracker.StartStream("active", "gpt-4", promptTokens: 1);

        Dictionary<string, BoundSnapshot> bounds = tracker.GetBounds().ToDictionary(b => b.Name);
        Assert.Equal(["_activeStreams", "_completedStreams"], bounds.Keys);
        Assert.Equal((1, 4), (bounds["_activeStreams"].Count, bounds["_activeStreams"].Capacity));
        Assert.Equal((2, 2, 3L), (bounds["_completedStreams"].Count, bounds["_completedStreams"].Capacity, bounds["_completedStreams"].Evicted));
        Assert.Equal(200_000, StreamingMetricsTracker.MaxBoundedEntries);
    }

    [Fact]
    public void EveryTrackerReportsABoundForEachCollection()
    {
        Assert.Equal(8, new ErrorMetricsTracker().GetBounds().Length);
        Assert.Equal(6, new CostTracker().GetBounds().Length);
        Assert.Single(new AsyncEventBus().GetBounds());
        Assert.Equal(2, new BatchMetricsTracker().GetBounds().Length);
        Assert.Equal(2, new ModelRegistry().GetBounds().Length);
        Assert.All(
            new[] { new ErrorMetricsTracker().GetBounds(), new CostTracker().GetBounds(), new BatchMetricsTracker().GetBounds() }.SelectMany(b => b),
            bound => Assert.InRange(bound.Capacity, 1, bound.MaxLength));
        Assert.Equal(
            ErrorMetricsTracker.MaxAllowedRecentErrors + ErrorMetricsTracker.MaxAllowedPatterns + (6L * ErrorMetricsTracker.MaxAllowedCounterKeys),
            ErrorMetricsTracker.MaxBoundedEntries);
    }

    [Fact]
    public void BoundsArePublishedAsMetrics()
    {
        var tracker = new CostTracker(maxUsageRecords: 3);
        for (int i = 0; i < 5; i++)
        {
            tracker.RecordUsage($"key-{i}", "gpt-4", "/v1/chat/completions", 100, 50);
        }

        using var meter = new Meter("FakeAI.Bounds.Samples.Tests." + nameof(BoundsArePublishedAsMetrics));
        tracker.RegisterBoundsMetrics(meter);
        var counts = new Dictionary<string, int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "fakeai.bounds.count")
            {
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    if (tag.Key == "member")
                    {
                        counts[(string)tag.Value!] = value;
                    }
                }
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(3, counts["_usageRecords"]);
        Assert.Equal(5, counts["_keys"]);
    }
}
