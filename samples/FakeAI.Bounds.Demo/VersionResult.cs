using System;
using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Everything measured for one version: its heap curve, what each tracker held and retained at the end, and notes on
/// refused or dropped work. Plain values, so that the trackers themselves are gone before the next version runs.
/// </summary>
/// <param name="Version">The version's name.</param>
/// <param name="Samples">The heap curve, from operation 0 to the last.</param>
/// <param name="Trackers">Per tracker, in <see cref="TrackerNames.All"/> order.</param>
/// <param name="Notes">Refusals, dropped and delivered events.</param>
/// <param name="Elapsed">Wall-clock time of the run, heap measurements included.</param>
internal sealed record VersionResult(
    string Version,
    IReadOnlyList<HeapSample> Samples,
    IReadOnlyList<TrackerResult> Trackers,
    IReadOnlyList<string> Notes,
    TimeSpan Elapsed)
{
    /// <summary>The largest heap sample.</summary>
    public long PeakBytes => Samples.Count == 0 ? 0 : Samples.Max(sample => sample.Bytes);

    /// <summary>Entries held by all trackers together.</summary>
    public long TotalEntries => Trackers.Sum(tracker => tracker.Entries.Total);

    /// <summary>Memory retained by all trackers together.</summary>
    public long TotalRetainedBytes => Trackers.Sum(tracker => tracker.RetainedBytes);

    /// <summary>One tracker's result.</summary>
    /// <param name="tracker">One of <see cref="TrackerNames.All"/>.</param>
    /// <returns>Its result.</returns>
    public TrackerResult this[string tracker] => Trackers.Single(result => result.Entries.Tracker == tracker);
}

/// <summary>What one tracker held at the end of a run, and the heap it kept alive.</summary>
/// <param name="Entries">Its collections' entries.</param>
/// <param name="RetainedBytes">How much the heap shrank when it was released.</param>
internal sealed record TrackerResult(TrackerEntries Entries, long RetainedBytes);
