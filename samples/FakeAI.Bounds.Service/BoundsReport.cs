using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Service;

/// <summary>
/// What <c>GET /diagnostics/bounds</c> returns: every tracker's collections and how full they are. The bounded trackers
/// fill every field from <c>GetBounds()</c>; the unbounded ones have no capacity, so theirs are null.
/// </summary>
/// <param name="Trackers">Which trackers the service runs: <c>bounded</c> or <c>unbounded</c>.</param>
/// <param name="TotalEntries">The entries held by all trackers' collections together.</param>
/// <param name="TrackerReports">One report per tracker.</param>
internal sealed record BoundsReport(string Trackers, long TotalEntries, IReadOnlyList<TrackerReport> TrackerReports)
{
    public static BoundsReport Create(string trackers, IReadOnlyList<TrackerReport> reports) =>
        new(trackers, reports.Sum(report => (long)report.Entries), reports);
}

/// <param name="Tracker">The tracker's class name.</param>
/// <param name="Entries">The entries its collections hold together.</param>
/// <param name="Members">One row per collection.</param>
internal sealed record TrackerReport(string Tracker, int Entries, IReadOnlyList<MemberReport> Members)
{
    public static TrackerReport Create(string tracker, IReadOnlyList<MemberReport> members) =>
        new(tracker, members.Sum(member => member.Count), members);
}

/// <param name="Name">The collection's member name.</param>
/// <param name="Count">The entries it holds.</param>
/// <param name="Capacity">The most it can hold; null when nothing bounds it.</param>
/// <param name="MaxLength">The MaxLength of its bounded type; null when nothing bounds it.</param>
/// <param name="TotalAdded">The entries ever stored; null when not counted.</param>
/// <param name="Evicted">The entries evicted to make room; null when nothing bounds it.</param>
/// <param name="Dropped">The entries refused because it was full; null when nothing bounds it.</param>
internal sealed record MemberReport(string Name, int Count, int? Capacity, int? MaxLength, long? TotalAdded, long? Evicted, long? Dropped);
