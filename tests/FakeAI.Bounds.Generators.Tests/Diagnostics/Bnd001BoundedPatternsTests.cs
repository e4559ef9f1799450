using System.Threading.Tasks;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>What a careful reader calls bounded, the unbounded-collection rules leave alone.</summary>
public class Bnd001BoundedPatternsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using FakeAI.Bounds;
        namespace App;

        """;

    public static TheoryData<string> BoundedTrackers { get; } = new()
    {
        // The deque-like trim: a removal under a Count check after the add.
        "private readonly List<int> _c = new(); public void Add(int i) { _c.Add(i); if (_c.Count > 100) _c.RemoveAt(0); }",
        "private readonly List<int> _c = new(); public void Add(int i) { _c.Add(i); if (_c.Count > 100) { _c.RemoveRange(0, _c.Count - 100); } }",
        "private readonly Queue<int> _c = new(); public void Add(int i) { _c.Enqueue(i); while (_c.Count > 100) _c.Dequeue(); }",
        "private readonly Queue<int> _c = new(); public void Add(int i) { _c.Enqueue(i); if (_c.Count > 100) _c.Dequeue(); }",
        "private readonly LinkedList<int> _c = new(); public void Add(int i) { _c.AddLast(i); if (_c.Count > 100) _c.RemoveFirst(); }",
        "private readonly Dictionary<int, int> _c = new(); public void Add(int i) { _c[i] = i; if (_c.Count > 100) _c.Remove(_c.Keys.First()); }",
        // A Dequeue after an add keeps the size constant.
        "private readonly ConcurrentQueue<int> _c = new(); public void Add(int i) { _c.Enqueue(i); _c.TryDequeue(out _); }",
        // Adds only under a Count guard.
        "private readonly Dictionary<int, int> _c = new(); public void Add(int i) { if (_c.Count < 100) _c[i] = i; }",
        "private readonly Dictionary<int, int> _c = new(); public void Add(int i) { if (_c.Count >= 100) throw new InvalidOperationException(); _c.Add(i, i); }",
        "private readonly HashSet<int> _c = new(); public bool Add(int i) { if (_c.Count >= 100) { return false; } return _c.Add(i); }",
        "private readonly List<int> _c = new(); public void Add(int[] items) { foreach (int i in items) { if (_c.Count == 100) break; _c.Add(i); } }",
        "private readonly List<int> _c = new(); public void Add(int i) { if (_c.Count() < 100) _c.Add(i); }",
        // A reassignment with a fresh collection on a size check.
        "private List<int> _c = new(); public void Add(int i) { _c.Add(i); if (_c.Count > 100) _c = new List<int>(); }",
        "private List<int> _c = new(); public void Add(int i) { _c.Add(i); if (_c.Count > 100) _c = _c.Skip(50).ToList(); }",
        "private List<int> _c = new(); public void Add(int i) { _c.Add(i); if (_c.Count > 100) Interlocked.Exchange(ref _c, new List<int>()); }",
        // The trim in a helper the adding method calls, or in a caller of the adding method.
        "private readonly List<int> _c = new(); public void Add(int i) { _c.Add(i); Trim(); } private void Trim() { if (_c.Count > 100) _c.RemoveRange(0, 10); }",
        "private readonly List<int> _c = new(); public void Record(int i) { AddCore(i); Trim(); } private void AddCore(int i) => _c.Add(i); private void Trim() { while (_c.Count > 100) _c.RemoveAt(0); }",
        // A sweep on the add path.
        "private readonly List<DateTime> _c = new(); public void Add(DateTime t) { _c.Add(t); _c.RemoveAll(x => x < t.AddMinutes(-5)); }",
        "private readonly HashSet<int> _c = new(); public void Add(int i) { _c.Add(i); _c.RemoveWhere(x => x < i - 100); }",
        // A cleanup that runs by itself: a timer callback set up in the constructor, a method group handed out.
        "private readonly List<int> _c = new(); private readonly Timer _t; public PulseTracker() { _t = new Timer(_ => Sweep(), null, 1000, 1000); } public void Add(int i) => _c.Add(i); private void Sweep() => _c.Clear();",
        "private readonly List<int> _c = new(); private readonly Timer _t; public PulseTracker() { _t = new Timer(Sweep, null, 1000, 1000); } public void Add(int i) => _c.Add(i); private void Sweep(object? state) => _c.Clear();",
        // Filled only while the object is built.
        "private readonly Dictionary<string, decimal> _prices = new() { [\"gpt-4\"] = 30m }; public decimal Price(string m) => _prices[m];",
        "private readonly List<int> _c = new(); public PulseTracker() { for (int i = 0; i < 10; i++) _c.Add(i); } public int First => _c[0];",
        // Never added to; only read.
        "private readonly List<int> _c = new(); public int Count => _c.Count;",
        // A list's indexer set replaces; it does not grow.
        "private readonly List<int> _c = new() { 0, 0 }; public void Set(int i) => _c[0] = i;",
        // Keys from the program: enum, Type, MemberInfo.
        "private readonly Dictionary<DayOfWeek, int> _c = new(); public void Add(DayOfWeek d) => _c[d] = 1;",
        "private readonly ConcurrentDictionary<Type, string> _c = new(); public string Name(Type t) => _c.GetOrAdd(t, x => x.Name);",
        "private readonly Dictionary<System.Reflection.PropertyInfo, int> _c = new(); public void Add(System.Reflection.PropertyInfo p) => _c[p] = 1;",
        // [AllowUnbounded] with a reason.
        "[AllowUnbounded(\"one entry per configured model\")] private readonly List<int> _c = new(); public void Add(int i) => _c.Add(i);",
        // An interface-typed field holding a generated bounded collection.
        "private readonly IBoundedQueue<int> _c = new Recent(); public void Add(int i) => _c.Add(i);",
        // Handed to code that may bound it (a tracker by name trusts it).
        "private readonly List<int> _c = new(); public void Add(int i) { _c.Add(i); Helpers.Trim(_c, 100); }",
        // A local collection is not state.
        "public int Add(int i) { var local = new List<int>(); local.Add(i); return local.Count; }",
    };

    [Theory]
    [MemberData(nameof(BoundedTrackers))]
    public Task A_bounded_collection_in_a_tracker_is_not_reported(string members)
    {
        return Verify.VerifyCleanAsync(
            Usings + "public sealed class PulseTracker\n{\n    " + members + "\n}\n"
                + "public static class Helpers { public static void Trim(List<int> items, int max) { if (items.Count > max) items.RemoveRange(0, items.Count - max); } }\n"
                + "[Bounded(MaxLength = 4)] public sealed partial class Recent : IBoundedQueue<int>;\n",
            "App.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task Instance_collections_of_an_ordinary_class_are_not_reported()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class RequestContext
            {
                private readonly List<string> _headers = new();
                public void Add(string header) => _headers.Add(header);
                public int Count => _headers.Count;
            }
            """);
    }

    [Fact]
    public Task Generated_bounded_members_of_a_tracker_are_not_reported()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            [Bounded(MaxLength = 500)] public sealed partial class RecentErrors : IBoundedQueue<string>;
            [Bounded(MaxLength = 100)] public sealed partial class CountsByEndpoint : IBoundedDictionary<string, int>;

            [BoundedTracker]
            public sealed partial class ErrorTracker
            {
                private readonly RecentErrors _recent = new();
                private readonly CountsByEndpoint _byEndpoint = new();
                public void Record(string endpoint, string error)
                {
                    _recent.Add(error);
                    _byEndpoint[endpoint] = _byEndpoint.TryGetValue(endpoint, out int n) ? n + 1 : 1;
                }
            }
            """,
            "App.CountsByEndpoint.Bounded.g.cs", "App.ErrorTracker.Tracker.Bounded.g.cs", "App.RecentErrors.Bounded.g.cs");
    }
}
