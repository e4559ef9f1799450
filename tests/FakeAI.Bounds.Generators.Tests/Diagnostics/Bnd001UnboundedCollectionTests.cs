using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd001UnboundedCollectionTests
{
    private const string Usings = """
        using System;
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Collections.ObjectModel;
        using System.Linq;
        using FakeAI.Bounds;
        namespace App;

        """;

    private const string Advice = "bound it with a [Bounded] type, trim it after each add, or mark it [AllowUnbounded(\"reason\")]";

    private static string Unbounded(string evidence) => evidence + "; " + Advice;

    [Fact]
    public Task A_list_a_tracker_adds_to_and_never_shrinks_is_reported_with_the_adding_method_and_line()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class UsageTracker
            {
                private readonly List<string> {|#0:_records|} = new();
                public void Record(string r) => _records.Add(r);
                public int Count => _records.Count;
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_records", "UsageTracker", "'Record' (line 12) adds to it and nothing removes from it", "'UsageTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Theory]
    [InlineData("Dictionary<string, int>", "new()", "_c[key] = 1;")]
    [InlineData("Dictionary<string, int>", "new()", "_c.TryAdd(key, 1);")]
    [InlineData("HashSet<string>", "new()", "_c.Add(key);")]
    [InlineData("Queue<string>", "new()", "_c.Enqueue(key);")]
    [InlineData("Stack<string>", "new()", "_c.Push(key);")]
    [InlineData("LinkedList<string>", "new()", "_c.AddLast(key);")]
    [InlineData("SortedDictionary<string, int>", "new()", "_c.Add(key, 1);")]
    [InlineData("SortedList<string, int>", "new()", "_c.Add(key, 1);")]
    [InlineData("SortedSet<string>", "new()", "_c.Add(key);")]
    [InlineData("ConcurrentDictionary<string, int>", "new()", "_c.GetOrAdd(key, 1);")]
    [InlineData("ConcurrentDictionary<string, int>", "new()", "_c.AddOrUpdate(key, 1, (k, v) => v + 1);")]
    [InlineData("ConcurrentQueue<string>", "new()", "_c.Enqueue(key);")]
    [InlineData("ConcurrentBag<string>", "new()", "_c.Add(key);")]
    [InlineData("ConcurrentStack<string>", "new()", "_c.Push(key);")]
    [InlineData("ArrayList", "new()", "_c.Add(key);")]
    [InlineData("Hashtable", "new()", "_c[key] = 1;")]
    [InlineData("Collection<string>", "new()", "_c.Add(key);")]
    [InlineData("ObservableCollection<string>", "new()", "_c.Add(key);")]
    [InlineData("System.Collections.Immutable.ImmutableList<string>.Builder", "System.Collections.Immutable.ImmutableList.CreateBuilder<string>()", "_c.Add(key);")]
    [InlineData("IList<string>", "new List<string>()", "_c.Add(key);")]
    [InlineData("IDictionary<string, int>", "new Dictionary<string, int>()", "_c[key] = 1;")]
    [InlineData("ISet<string>", "new HashSet<string>()", "_c.Add(key);")]
    [InlineData("ICollection<string>", "new List<string>()", "_c.Add(key);")]
    [InlineData("List<string>", "new()", "_c.Insert(0, key);")]
    [InlineData("List<string>", "new()", "_c.AddRange(new[] { key });")]
    public Task Every_growable_collection_kind_is_reported(string type, string initializer, string add)
    {
        return Verify.VerifyAsync(
            Usings + $$"""
            public sealed class KeyTracker
            {
                private readonly {{type}} {|#0:_c|} = {{initializer}};
                public void Seen(string key) { {{add}} }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_c", "KeyTracker", "'Seen' (line 12) adds to it and nothing removes from it", "'KeyTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task An_auto_property_and_a_static_field_of_any_class_are_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventLogTracker
            {
                public List<string> {|#0:Events|} { get; } = new();
                public void On(string e) => Events.Add(e);
            }

            public static class Log
            {
                private static readonly ConcurrentQueue<string> {|#1:Lines|} = new();
                public static void Write(string line) => Lines.Enqueue(line);
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("Events", "EventLogTracker", "'On' (line 12) adds to it and nothing removes from it", "'EventLogTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(1)
                .WithArguments("Lines", "Log", "'Write' (line 18) adds to it and nothing removes from it", "a static field lives as long as the process"));
    }

    [Fact]
    public Task Without_a_declared_suffix_only_the_tracker_attribute_makes_a_class_a_tracker()
    {
        // No name is a tracker by default: on real code bases classes named …Tracker, …Registry, …Collector or …Bus by
        // others were mostly presence trackers emptied on disconnect, registries of configured things and buses of
        // startup subscribers. A project declares its own suffixes.
        const string Body = "{ private readonly List<int> {|#N:_items|} = new(); public void Add(int i) => _items.Add(i); }";
        string source = Usings
            + "[BoundedTracker] public sealed partial class Usage " + Body.Replace("#N", "#0", System.StringComparison.Ordinal) + "\n";
        foreach (string name in new[] { "StreamTracker", "MetricsCollector", "ModelRegistry", "CallRecorder", "CostAggregator", "EventBus", "ResultCache" })
        {
            source += "public sealed class " + name + " " + Body.Replace("{|#N:_items|}", "_items", System.StringComparison.Ordinal) + "\n";
        }

        return Verify.VerifyAsync(
            source,
            "root = true\n",
            null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_items", "Usage", "'Add' (line 9) adds to it and nothing removes from it", "'Usage' lives as long as the process: it is marked [BoundedTracker]"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerWithoutBoundedMember).WithSpan(9, 46, 9, 51).WithArguments("Usage"));
    }

    [Fact]
    public Task A_declared_suffix_makes_a_class_a_tracker_by_its_name()
    {
        // The test project declares Tracker (AnalyzerVerifier.DeclaredTrackers), as the unbounded sample does.
        return Verify.VerifyAsync(
            Usings + "public sealed class StreamTracker { private readonly List<int> {|#0:_items|} = new(); public void Add(int i) => _items.Add(i); }",
            null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_items", "StreamTracker", "'Add' (line 9) adds to it and nothing removes from it", "'StreamTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task Removing_single_entries_is_not_a_bound_for_a_declared_tracker_and_the_message_says_so()
    {
        return Verify.VerifyAsync(
            Usings + SessionTracker,
            "root = true\n[*]\nfakeai_bounds.tracker_suffixes = Tracker\n",
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_sessions", "SessionTracker", "'Open' (line 14) adds to it and its removals ('Open' (line 15)) take out single entries, not under a size check", "'SessionTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task An_undeclared_class_named_like_a_tracker_is_long_lived_only_by_how_it_is_held()
    {
        // Without a declared suffix the name says nothing; a static field that holds the tracker does.
        return Verify.VerifyAsync(
            Usings + "public sealed class StreamTracker { private readonly List<int> {|#0:_items|} = new(); public void Record(int i) => _items.Add(i); }\n"
                + "public sealed class ModelTracker { private readonly List<int> _items = new(); public void Record(int i) => _items.Add(i); }\n"
                + "public static class Streams { public static readonly StreamTracker Shared = new(); }",
            "root = true\n",
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_items", "StreamTracker", "'Record' (line 9) adds to it and nothing removes from it", "'StreamTracker' lives as long as the process: the static field 'Streams.Shared' holds one"));
    }

    private const string SessionTracker = """
        public sealed class SessionTracker
        {
            private readonly Dictionary<string, int> {|#0:_sessions|} = new();
            public void Open(string id)
            {
                _sessions[id] = 1;
                _sessions.Remove(id + "-old");
            }
        }
        """;

    [Fact]
    public Task Several_adding_methods_are_named_in_source_order()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class ErrorTracker
            {
                private readonly List<string> {|#0:_errors|} = new();
                public void A(string e) => _errors.Add(e);
                public void B(string e) => _errors.Add(e);
                public void C(string e) => _errors.Add(e);
                public void D(string e) => _errors.Add(e);
                public void E(string e) => _errors.Add(e);
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_errors", "ErrorTracker", "'A' (line 12), 'B' (line 13), 'C' (line 14) and 2 other members add to it and nothing removes from it", "'ErrorTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task A_bounded_tracker_sees_through_an_escape_that_would_excuse_a_tracker_by_name()
    {
        return Verify.VerifyAsync(
            Usings + """
            [BoundedTracker]
            public sealed partial class StrictStore
            {
                private readonly List<int> {|#0:_items|} = new();
                private readonly Recent _recent = new();
                public void Add(int i) { _items.Add(i); Helpers.Touch(_items); _recent.Add(i); }
            }

            public sealed class LooseTracker
            {
                private readonly List<int> _items = new();
                public void Add(int i) { _items.Add(i); Helpers.Touch(_items); }
            }

            public static class Helpers { public static void Touch(List<int> items) { } }

            [Bounded(MaxLength = 4)] public sealed partial class Recent : IBoundedQueue<int>;
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_items", "StrictStore", "'Add' (line 14) adds to it and nothing removes from it; it is also passed to 'Touch' (line 14), where its bound cannot be seen", "'StrictStore' lives as long as the process: it is marked [BoundedTracker]"));
    }

    [Fact]
    public Task Growth_in_a_constructor_lambda_counts_as_growth()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class FeedTracker
            {
                private readonly List<string> {|#0:_seen|} = new();
                public FeedTracker(Action<Action<string>> subscribe) => subscribe(item => _seen.Add(item));
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_seen", "FeedTracker", "'FeedTracker constructor' (line 12) adds to it and nothing removes from it", "'FeedTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task Growth_through_CollectionsMarshal_is_seen_and_is_not_an_escape()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class CountTracker
            {
                private readonly Dictionary<string, int> {|#0:_counts|} = new();
                public void Count(string key) => System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, key, out _)++;
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_counts", "CountTracker", "'Count' (line 12) adds to it and nothing removes from it", "'CountTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task Clearing_another_instance_or_a_check_for_emptiness_does_not_bound_this_one()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class CopyTracker
            {
                private List<int> {|#0:_items|} = new();
                private readonly Dictionary<string, int> {|#1:_memo|} = new();
                public void Add(int i) => _items.Add(i);
                public CopyTracker Clone() { var copy = new CopyTracker(); copy._items = new List<int>(); copy._items.Clear(); return copy; }
                public int Lookup(string key)
                {
                    if (_memo.Count > 0 && _memo.TryGetValue(key, out int value)) return value;
                    _memo[key] = key.Length;
                    return key.Length;
                }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_items", "CopyTracker", "'Add' (line 13) adds to it and nothing removes from it", "'CopyTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(1)
                .WithArguments("_memo", "CopyTracker", "'Lookup' (line 18) adds to it and nothing removes from it", "'CopyTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task A_call_inside_a_LINQ_lambda_runs_right_there_and_does_not_make_a_cleanup_run_by_itself()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class ReportTracker
            {
                private readonly List<int> {|#0:_items|} = new();
                public void Add(int i) => _items.Add(i);
                public int[] Snapshot() => new[] { 1, 2 }.Select(i => Project(i)).ToArray();
                private int Project(int i) { _items.Clear(); return i; }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedOnlyByManualCleanup).WithLocation(0)
                .WithArguments("_items", "ReportTracker", "'Add' (line 12) adds to it and only 'Project' (line 14) trims or clears it", "'Project'", "'ReportTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task Compiler_names_are_shown_as_a_reader_knows_them()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class NameTracker
            {
                private readonly List<int> {|#0:_items|} = new();
                public int this[int i] { set => _items.Add(value); }
                public static NameTracker operator +(NameTracker t, int i) { t._items.Add(i); return t; }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_items", "NameTracker", "'indexer' (line 12) adds to it and nothing removes from it", "'NameTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task A_write_after_a_check_that_the_key_is_missing_still_adds()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class SeenTracker
            {
                private readonly Dictionary<string, int> {|#0:_seen|} = new();
                public void Seen(string k) { if (!_seen.ContainsKey(k)) _seen[k] = 1; }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_seen", "SeenTracker", "'Seen' (line 12) adds to it and nothing removes from it", "'SeenTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Theory]
    [InlineData("if (_seen.ContainsKey(k)) _seen[k + \"-retry\"] = 1;")]
    [InlineData("if (!_seen.TryGetValue(other, out int n)) return; _seen[k] = n + 1;")]
    [InlineData("if (Peer._seen.ContainsKey(k)) _seen[k] = 1;")]
    public Task A_write_after_a_check_of_another_key_or_of_another_objects_map_still_adds(string body)
    {
        return Verify.VerifyAsync(
            Usings + "public sealed class SeenTracker { public static readonly SeenTracker Peer = new(); private readonly Dictionary<string, int> {|#0:_seen|} = new();"
                + " public void Seen(string k, string other) { " + body + " } }",
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
                .WithArguments("_seen", "SeenTracker", "'Seen' (line 9) adds to it and nothing removes from it", "'SeenTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }
}
