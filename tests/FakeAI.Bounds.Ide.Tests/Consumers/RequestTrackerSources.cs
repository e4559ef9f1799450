using System.Collections.Generic;

namespace FakeAI.Bounds.Ide.Tests.Consumers;

/// <summary>
/// The consumer the editor tests open: a tracker, a singleton held by its own static property (long-lived as the editor
/// sees it, with no option set), with one list that grows without limit (BND001) beside a generated queue, and a file
/// that only uses the generated queue's members.
/// </summary>
internal static class RequestTrackerSources
{
    public const string TrackerFile = "RequestTracker.cs";

    public const string ReportFile = "RecentRequestsReport.cs";

    /// <summary>The declaration BND001 is about.</summary>
    public const string UnboundedField = "private readonly List<string> _requests = new();";

    /// <summary>The same field bounded by the generated queue: the edit that fixes BND001 by hand.</summary>
    public const string BoundedField = "private readonly RecentRequests _requests = new();";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [TrackerFile] = $$"""
            using System.Collections.Generic;
            using FakeAI.Bounds;

            namespace Consumer;

            [Bounded(MaxLength = 100)]
            public sealed partial class RecentRequests : IBoundedQueue<string>;

            public sealed class RequestTracker
            {
                {{UnboundedField}}

                private RequestTracker()
                {
                }

                public static RequestTracker Shared { get; } = new();

                private readonly RecentRequests _recent = new();

                public void Record(string request)
                {
                    _requests.Add(request);
                    _recent.Add(request);
                }

                public int RecentCount => _recent.Count;
            }

            """,
        [ReportFile] = """
            namespace Consumer;

            public static class RecentRequestsReport
            {
                public static string Describe(RecentRequests recent)
                {
                    recent.Add("GET /");
                    bool stored = recent.TryAdd("GET /health");
                    recent.TryPeekNewest(out string? newest);
                    int removed = recent.RemoveWhere(request => request.Length > 100);
                    return $"{recent.Count}/{recent.Capacity} (max {recent.MaxLength}), evicted {recent.Evicted}, removed {removed}, newest {newest}, stored {stored}";
                }
            }

            """,
    };
}
