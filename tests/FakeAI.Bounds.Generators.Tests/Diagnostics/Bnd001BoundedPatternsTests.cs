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
        // A hand-written LRU: the eviction helper runs under a size check, and trims the map by the list's size.
        "private readonly Dictionary<int, LinkedListNode<int>> _c = new(); private readonly LinkedList<int> _o = new(); public void Add(int k) { if (_c.Count >= 100) Evict(); _c[k] = _o.AddFirst(k); } private void Evict() { int last = _o.Last!.Value; _o.RemoveLast(); _c.Remove(last); }",
        "private readonly Dictionary<int, int> _c = new(); private readonly LinkedList<int> _o = new(); public void Add(int k) { _c[k] = k; _o.AddFirst(k); if (_o.Count > 100) { _c.Remove(_o.Last!.Value); _o.RemoveLast(); } }",
        // Guards written as patterns, with conditional access, or on the keys.
        "private readonly List<int> _c = new(); public void Add(int i) { if (_c is { Count: >= 100 }) return; _c.Add(i); }",
        "private readonly List<int>? _c = new(); public void Add(int i) { if (_c?.Count >= 100) return; _c?.Add(i); }",
        "private readonly Dictionary<int, int> _c = new(); public void Add(int i) { if (_c.Keys.Count < 100) _c[i] = i; }",
        "private readonly List<int> _c = new(); public void Add(int i) { if (_c.Count < 100) AddCore(i); } private void AddCore(int i) => _c.Add(i);",
        // An entry that lives only for the call.
        "private readonly ConcurrentDictionary<int, int> _c = new(); public void Run(int id) { _c[id] = 1; try { Work(); } finally { _c.TryRemove(id, out _); } } private static void Work() { }",
        // Filled by a private helper only the constructor calls.
        "private readonly Dictionary<string, int> _c = new(); public PulseTracker() { Init(); } private void Init() { Put(\"a\"); Put(\"b\"); } private void Put(string n) => _c[n] = 1; public int Get(string n) => _c[n];",
        // A rebuild that trims or sweeps.
        "private List<int> _c = new(); public void Add(int i) { _c.Add(i); _c = _c.TakeLast(100).ToList(); }",
        "private List<DateTime> _c = new(); public void Add(DateTime t) { _c.Add(t); _c = _c.Where(x => x > t.AddMinutes(-5)).ToList(); }",
        // Keys with a small fixed set of values.
        "private readonly Dictionary<char, int> _c = new(); public void Add(char c) => _c[c] = 1;",
        "private readonly ConcurrentDictionary<(byte, bool), int> _c = new(); public void Add(byte b) => _c[(b, true)] = 1;",
        // A map full of keys that still updates the ones it holds: the write under TryGetValue only replaces.
        "private readonly Dictionary<string, int> _c = new(); public bool Count(string k) { if (_c.TryGetValue(k, out int n)) { _c[k] = n + 1; return true; } if (_c.Count >= 100) return false; _c[k] = 1; return true; }",
        "private readonly Dictionary<string, int> _c = new(); public void Bump(string k) { if (!_c.TryGetValue(k, out int n)) return; _c[k] = n + 1; } public void Add(string k) { if (_c.Count < 100) _c[k] = 0; }",
        "private readonly Dictionary<string, int> _c = new(); public void Bump(string k) { if (_c.ContainsKey(k) && k.Length > 0) _c[k] += 1; }",
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
    public Task A_user_indexer_on_a_dictionary_subclass_is_not_an_insert()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class Grid : Dictionary<int, int> { public int this[int row, int column] { get => 0; set { } } }
            public sealed class GridTracker
            {
                private readonly Grid _grid = new();
                public void Set(int row, int column) => _grid[row, column] = 1;
            }
            """);
    }

    [Fact]
    public Task A_tracker_holding_options_or_a_factory_does_not_hold_their_type_per_entry()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class TrackerOptions { public List<string> Endpoints { get; } = new(); }
            public sealed class Request { public List<string> Headers { get; } = new(); }
            public static class Setup
            {
                public static void Configure(TrackerOptions options, string endpoint) => options.Endpoints.Add(endpoint);
                public static void Parse(Request request, string header) => request.Headers.Add(header);
            }

            public sealed class RequestTracker
            {
                private readonly Lazy<TrackerOptions> _options = new(() => new TrackerOptions());
                private readonly Func<Request> _factory = () => new Request();
                public int Count => _options.Value.Endpoints.Count + _factory().Headers.Count;
            }
            """);
    }

    [Fact]
    public Task Element_state_filled_once_by_a_factory_is_not_reported()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class Session { public List<string> Tags { get; } = new(); }
            public sealed class SessionTracker
            {
                private readonly Dictionary<string, Session> _sessions = new();
                public void Open(string id, IEnumerable<string> tags) { if (_sessions.Count < 100) _sessions[id] = Create(tags); }
                private static Session Create(IEnumerable<string> tags) { var s = new Session(); foreach (string t in tags) s.Tags.Add(t); return s; }
            }
            """);
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
