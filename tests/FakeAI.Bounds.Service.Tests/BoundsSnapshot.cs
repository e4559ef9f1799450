using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>What <c>GET /diagnostics/bounds</c> answered, as the test reads it.</summary>
internal sealed record BoundsSnapshot(string Trackers, long TotalEntries, List<TrackerBounds> TrackerReports)
{
    public IEnumerable<(string Tracker, MemberBounds Member)> Members =>
        TrackerReports.SelectMany(tracker => tracker.Members.Select(member => (tracker.Tracker, member)));

    public MemberBounds Member(string tracker, string member) =>
        TrackerReports.Single(report => report.Tracker == tracker).Members.Single(row => row.Name == member);

    public int Entries(string tracker) => TrackerReports.Single(report => report.Tracker == tracker).Entries;
}

internal sealed record TrackerBounds(string Tracker, int Entries, List<MemberBounds> Members);

internal sealed record MemberBounds(string Name, int Count, int? Capacity, int? MaxLength, long? TotalAdded, long? Evicted, long? Dropped);
