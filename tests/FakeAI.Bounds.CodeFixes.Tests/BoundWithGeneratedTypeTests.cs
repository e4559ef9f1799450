using System.Threading.Tasks;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.BoundWithGeneratedTypeCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

public sealed class BoundWithGeneratedTypeTests
{
    [Fact]
    public async Task List_used_first_in_first_out_becomes_a_bounded_queue()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;
            using System.Linq;

            public sealed record ErrorRecord(string Message);

            public sealed class ErrorTracker
            {
                private readonly List<ErrorRecord> {|BND003:_recentErrors|} = new List<ErrorRecord>(500);

                public void Record(ErrorRecord error) => _recentErrors.Add(error);

                public int Count => _recentErrors.Count;

                public ErrorRecord Oldest => _recentErrors[0];

                public IEnumerable<string> Messages() => _recentErrors.Select(e => e.Message);

                public int Forget(string message) => _recentErrors.RemoveAll(e => e.Message == message);

                public void Reset() => _recentErrors.Clear();
            }
            """,
            """
            using System.Collections.Generic;
            using System.Linq;
            using FakeAI.Bounds;

            public sealed record ErrorRecord(string Message);

            public sealed partial class ErrorTracker
            {
                private readonly RecentErrorsQueue _recentErrors = new RecentErrorsQueue();

                public void Record(ErrorRecord error) => _recentErrors.Add(error);

                public int Count => _recentErrors.Count;

                public ErrorRecord Oldest => _recentErrors[0];

                public IEnumerable<string> Messages() => _recentErrors.Select(e => e.Message);

                public int Forget(string message) => _recentErrors.RemoveWhere(e => e.Message == message);

                public void Reset() => _recentErrors.Clear();

                [Bounded(MaxLength = 500)]
                private sealed partial class RecentErrorsQueue : IBoundedQueue<ErrorRecord>;
            }
            """);
    }
}

public sealed class BoundWithGeneratedTypeKindsTests
{
    [Fact]
    public async Task Queue_gets_Add_for_Enqueue_and_TryPeekOldest_for_TryPeek()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class EventLogTracker
            {
                private readonly Queue<string> {|BND002:_history|} = new();

                public void Record(string e) { _history.Enqueue(e); }

                public bool TryOldest(out string? e) => _history.TryPeek(out e);

                public bool TryTake(out string? e) => _history.TryDequeue(out e);

                public string[] Snapshot() => _history.ToArray();

                public int Total()
                {
                    int total = 0;
                    foreach (string e in _history)
                    {
                        total += e.Length;
                    }

                    return total;
                }
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class EventLogTracker
            {
                private readonly HistoryQueue _history = new();

                public void Record(string e) { _history.Add(e); }

                public bool TryOldest(out string? e) => _history.TryPeekOldest(out e);

                public bool TryTake(out string? e) => _history.TryDequeue(out e);

                public string[] Snapshot() => _history.ToArray();

                public int Total()
                {
                    int total = 0;
                    foreach (string e in _history)
                    {
                        total += e.Length;
                    }

                    return total;
                }

                [Bounded(MaxLength = 1000)]
                private sealed partial class HistoryQueue : IBoundedQueue<string>;
            }
            """);
    }

    [Fact]
    public async Task ConcurrentQueue_becomes_a_thread_safe_bounded_queue()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Concurrent;

            namespace App.Events;

            public sealed class EventQueueTracker
            {
                private readonly ConcurrentQueue<int> {|BND002:_pending|} = new ConcurrentQueue<int>();

                public void Publish(int e) => _pending.Enqueue(e);

                public bool TryNext(out int e) => _pending.TryDequeue(out e);
            }
            """,
            """
            using System.Collections.Concurrent;
            using FakeAI.Bounds;

            namespace App.Events;

            public sealed partial class EventQueueTracker
            {
                private readonly PendingQueue _pending = new PendingQueue();

                public void Publish(int e) => _pending.Add(e);

                public bool TryNext(out int e) => _pending.TryDequeue(out e);

                [Bounded(MaxLength = 1000, ThreadSafe = true)]
                private sealed partial class PendingQueue : IBoundedQueue<int>;
            }
            """);
    }

    [Fact]
    public async Task LinkedList_appended_to_becomes_a_bounded_queue()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class LatencyHistogramTracker
            {
                private readonly LinkedList<double> {|BND001:_samplesList|} = new();

                public void Record(double sample)
                {
                    _samplesList.AddLast(sample);
                }

                public int Count => _samplesList.Count;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class LatencyHistogramTracker
            {
                private readonly SamplesQueue _samplesList = new();

                public void Record(double sample)
                {
                    _samplesList.Add(sample);
                }

                public int Count => _samplesList.Count;

                [Bounded(MaxLength = 1000)]
                private sealed partial class SamplesQueue : IBoundedQueue<double>;
            }
            """);
    }

    [Fact]
    public async Task Dictionary_property_becomes_a_bounded_map_and_keeps_its_comparer()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public sealed class CostTotalsTracker
            {
                public Dictionary<string, decimal> {|BND001:CostsByKey|} { get; } = new(StringComparer.Ordinal);

                public void Add(string key, decimal cost)
                {
                    CostsByKey.TryGetValue(key, out decimal total);
                    CostsByKey[key] = total + cost;
                }

                public bool Has(string key) => CostsByKey.ContainsKey(key);

                public bool Forget(string key) => CostsByKey.Remove(key);

                public decimal Total() => CostsByKey.Values.Sum();

                public string Keys() => string.Join(",", CostsByKey.Keys);

                public decimal Of(string key) => CostsByKey.GetValueOrDefault(key);
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using FakeAI.Bounds;

            public sealed partial class CostTotalsTracker
            {
                public CostsByKeyMap CostsByKey { get; } = new(StringComparer.Ordinal);

                public void Add(string key, decimal cost)
                {
                    CostsByKey.TryGetValue(key, out decimal total);
                    CostsByKey[key] = total + cost;
                }

                public bool Has(string key) => CostsByKey.ContainsKey(key);

                public bool Forget(string key) => CostsByKey.Remove(key);

                public decimal Total() => CostsByKey.Values.Sum();

                public string Keys() => string.Join(",", CostsByKey.Keys);

                public decimal Of(string key) => CostsByKey.GetValueOrDefault(key);

                [Bounded(MaxLength = 1000)]
                public sealed partial class CostsByKeyMap : IBoundedDictionary<string, decimal>;
            }
            """);
    }

    [Fact]
    public async Task Dictionary_copied_by_the_Dictionary_constructor_takes_its_IEnumerable_overload()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly Dictionary<string, int> {|BND001:_errorsByType|} = new(StringComparer.Ordinal);

                public void Record(string type) => _errorsByType[type] = _errorsByType.GetValueOrDefault(type) + 1;

                public Dictionary<string, int> Snapshot() => new Dictionary<string, int>(_errorsByType, StringComparer.Ordinal);
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ErrorTracker
            {
                private readonly ErrorsByTypeMap _errorsByType = new(StringComparer.Ordinal);

                public void Record(string type) => _errorsByType[type] = _errorsByType.GetValueOrDefault(type) + 1;

                public Dictionary<string, int> Snapshot() => new Dictionary<string, int>(_errorsByType, StringComparer.Ordinal);

                [Bounded(MaxLength = 1000)]
                private sealed partial class ErrorsByTypeMap : IBoundedDictionary<string, int>;
            }
            """);
    }

    [Fact]
    public async Task ConcurrentDictionary_becomes_a_thread_safe_bounded_map()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Concurrent;

            public sealed class SessionTracker
            {
                private readonly ConcurrentDictionary<string, int> {|BND003:_sessions|} = new ConcurrentDictionary<string, int>(4, 64);

                public int Open(string id) => _sessions.GetOrAdd(id, static _ => 0);

                public int Touch(string id) => _sessions.AddOrUpdate(id, 1, static (_, n) => n + 1);
            }
            """,
            """
            using System.Collections.Concurrent;
            using FakeAI.Bounds;

            public sealed partial class SessionTracker
            {
                private readonly SessionsMap _sessions = new SessionsMap();

                public int Open(string id) => _sessions.GetOrAdd(id, static _ => 0);

                public int Touch(string id) => _sessions.AddOrUpdate(id, 1, static (_, n) => n + 1);

                [Bounded(MaxLength = 64, ThreadSafe = true)]
                private sealed partial class SessionsMap : IBoundedDictionary<string, int>;
            }
            """);
    }

    [Fact]
    public async Task HashSet_becomes_a_bounded_set()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly HashSet<string> {|BND001:_users|} = new();

                public bool Affect(string user) => _users.Add(user);

                public bool Affected(string user) => _users.Contains(user);

                public int Count => _users.Count;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ErrorTracker
            {
                private readonly UsersSet _users = new();

                public bool Affect(string user) => _users.Add(user);

                public bool Affected(string user) => _users.Contains(user);

                public int Count => _users.Count;

                [Bounded(MaxLength = 1000)]
                private sealed partial class UsersSet : IBoundedSet<string>;
            }
            """);
    }

    [Fact]
    public async Task SortedDictionary_used_only_for_lookups_becomes_a_bounded_map()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ModelTracker
            {
                private static readonly SortedDictionary<string, int> {|BND001:s_limits|} = new();

                public static void Set(string model, int limit) => s_limits[model] = limit;

                public static int Get(string model) => s_limits.TryGetValue(model, out int limit) ? limit : 0;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ModelTracker
            {
                private static readonly LimitsMap s_limits = new();

                public static void Set(string model, int limit) => s_limits[model] = limit;

                public static int Get(string model) => s_limits.TryGetValue(model, out int limit) ? limit : 0;

                [Bounded(MaxLength = 1000)]
                private sealed partial class LimitsMap : IBoundedDictionary<string, int>;
            }
            """);
    }

    [Fact]
    public async Task Interface_typed_members_take_the_kind_of_the_collection_assigned_to_them()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class RequestTracker
            {
                private readonly IList<int> {|BND001:_latencies|};
                private readonly IDictionary<string, int> {|BND001:_counts|} = new Dictionary<string, int>();
                private readonly ISet<string> {|BND001:_paths|} = new HashSet<string>();

                public RequestTracker()
                {
                    _latencies = new List<int>();
                }

                public void Record(string path, int latency)
                {
                    _latencies.Add(latency);
                    _counts[path] = _counts.TryGetValue(path, out int count) ? count + 1 : 1;
                    _paths.Add(path);
                }

                public int First => _latencies[0];
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class RequestTracker
            {
                private readonly LatenciesQueue _latencies;
                private readonly CountsMap _counts = new CountsMap();
                private readonly PathsSet _paths = new PathsSet();

                public RequestTracker()
                {
                    _latencies = new LatenciesQueue();
                }

                public void Record(string path, int latency)
                {
                    _latencies.Add(latency);
                    _counts[path] = _counts.TryGetValue(path, out int count) ? count + 1 : 1;
                    _paths.Add(path);
                }

                public int First => _latencies[0];

                [Bounded(MaxLength = 1000)]
                private sealed partial class LatenciesQueue : IBoundedQueue<int>;

                [Bounded(MaxLength = 1000)]
                private sealed partial class CountsMap : IBoundedDictionary<string, int>;

                [Bounded(MaxLength = 1000)]
                private sealed partial class PathsSet : IBoundedSet<string>;
            }
            """);
    }
}

public sealed class BoundWithGeneratedTypeDeclarationTests
{
    [Fact]
    public async Task Initializers_and_assignments_become_creations_of_the_generated_type()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class SeedTracker
            {
                private List<int> {|BND002:_seeds|} = new List<int> { 1, 2 };
                private HashSet<string> {|BND002:_names|} = ["a", "b"];
                private Dictionary<string, int> {|BND002:_ages|} = new() { ["a"] = 1 };

                public void Reset()
                {
                    _seeds = new List<int>();
                    _names = [];
                    _ages = new Dictionary<string, int>();
                }

                public void Record(int seed, string name)
                {
                    _seeds.Add(seed);
                    _names.Add(name);
                    _ages[name] = seed;
                }
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class SeedTracker
            {
                private SeedsQueue _seeds = new SeedsQueue { 1, 2 };
                private NamesSet _names = new NamesSet { "a", "b" };
                private AgesMap _ages = new() { ["a"] = 1 };

                public void Reset()
                {
                    _seeds = new SeedsQueue();
                    _names = new NamesSet();
                    _ages = new AgesMap();
                }

                public void Record(int seed, string name)
                {
                    _seeds.Add(seed);
                    _names.Add(name);
                    _ages[name] = seed;
                }

                [Bounded(MaxLength = 1000)]
                private sealed partial class SeedsQueue : IBoundedQueue<int>;

                [Bounded(MaxLength = 1000)]
                private sealed partial class NamesSet : IBoundedSet<string>;

                [Bounded(MaxLength = 1000)]
                private sealed partial class AgesMap : IBoundedDictionary<string, int>;
            }
            """);
    }

    [Fact]
    public async Task Nested_class_and_every_class_containing_it_become_partial()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            namespace App
            {
                public static class Telemetry
                {
                    internal sealed class LatencyTracker
                    {
                        internal List<double> {|BND001:Samples|} { get; } = new();

                        public void Record(double sample) => Samples.Add(sample);
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            namespace App
            {
                public static partial class Telemetry
                {
                    internal sealed partial class LatencyTracker
                    {
                        internal SamplesQueue Samples { get; } = new();

                        public void Record(double sample) => Samples.Add(sample);

                        [Bounded(MaxLength = 1000)]
                        internal sealed partial class SamplesQueue : IBoundedQueue<double>;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task BoundedTracker_reports_the_new_bounded_member()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            [BoundedTracker]
            public sealed partial class {|BND108:Telemetry|}
            {
                private readonly Queue<long> {|BND001:_latencies|} = new();

                public void Record(long latency) => _latencies.Enqueue(latency);

                public int Tracked => GetBounds().Length;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            [BoundedTracker]
            public sealed partial class Telemetry
            {
                private readonly LatenciesQueue _latencies = new();

                public void Record(long latency) => _latencies.Add(latency);

                public int Tracked => GetBounds().Length;

                [Bounded(MaxLength = 1000)]
                private sealed partial class LatenciesQueue : IBoundedQueue<long>;
            }
            """);
    }

    [Fact]
    public async Task Generic_class_gets_a_nested_type_over_its_type_parameter()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public class WindowTracker<TSample>
            {
                private readonly Queue<TSample> {|BND001:_window|} = new();

                public void Record(TSample sample) => _window.Enqueue(sample);

                public int Count => _window.Count;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public partial class WindowTracker<TSample>
            {
                private readonly WindowQueue _window = new();

                public void Record(TSample sample) => _window.Add(sample);

                public int Count => _window.Count;

                [Bounded(MaxLength = 1000)]
                private sealed partial class WindowQueue : IBoundedQueue<TSample>;
            }
            """);
    }

    [Fact]
    public async Task Name_already_taken_in_the_class_gets_a_number()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly List<string> {|BND001:_errors|} = new();

                public void Record(string error) => _errors.Add(error);

                public int ErrorsQueue() => _errors.Count;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ErrorTracker
            {
                private readonly ErrorsQueue2 _errors = new();

                public void Record(string error) => _errors.Add(error);

                public int ErrorsQueue() => _errors.Count;

                [Bounded(MaxLength = 1000)]
                private sealed partial class ErrorsQueue2 : IBoundedQueue<string>;
            }
            """);
    }

    [Fact]
    public async Task Name_a_creation_would_read_as_another_type_gets_a_number()
    {
        // In Reset, 'new RecentQueue()' would create the nested class of Resetter.
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private static List<int> {|BND001:s_recent|} = new();

                public static void Record(int error) => s_recent.Add(error);

                private sealed class Resetter
                {
                    private sealed class RecentQueue;

                    public void Reset()
                    {
                        s_recent = new List<int>();
                        _ = new RecentQueue();
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ErrorTracker
            {
                private static RecentQueue2 s_recent = new();

                public static void Record(int error) => s_recent.Add(error);

                private sealed class Resetter
                {
                    private sealed class RecentQueue;

                    public void Reset()
                    {
                        s_recent = new RecentQueue2();
                        _ = new RecentQueue();
                    }
                }

                [Bounded(MaxLength = 1000)]
                private sealed partial class RecentQueue2 : IBoundedQueue<int>;
            }
            """);
    }

    [Fact]
    public async Task Only_the_reported_variable_of_a_field_declaration_is_split_off()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> _seen = new(), {|BND001:_items|} = new(), _spare = new();

                public void Record(int item) => _items.Add(item);

                public int Seen => _seen.Count + _spare.Count;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ItemTracker
            {
                private readonly List<int> _seen = new();
                private readonly ItemsQueue _items = new();
                private readonly List<int> _spare = new();

                public void Record(int item) => _items.Add(item);

                public int Seen => _seen.Count + _spare.Count;

                [Bounded(MaxLength = 1000)]
                private sealed partial class ItemsQueue : IBoundedQueue<int>;
            }
            """);
    }

    [Fact]
    public async Task Before_CSharp_12_the_generated_type_gets_a_body()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> {|BND001:_items|} = new List<int>();

                public void Record(int item) => _items.Add(item);
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ItemTracker
            {
                private readonly ItemsQueue _items = new ItemsQueue();

                public void Record(int item) => _items.Add(item);

                [Bounded(MaxLength = 1000)]
                private sealed partial class ItemsQueue : IBoundedQueue<int> { }
            }
            """,
            test => test.LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11);
    }

    [Fact]
    public async Task Element_type_state_kept_per_tracker_entry_is_bounded_too()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class StreamState
            {
                public List<long> {|BND006:TokenTimes|} { get; } = new();

                public void Token(long time) => TokenTimes.Add(time);
            }

            public sealed class StreamTracker
            {
                private readonly Dictionary<string, StreamState> {|BND001:_streams|} = new();

                public void Token(string id, long time)
                {
                    if (!_streams.TryGetValue(id, out StreamState? state))
                    {
                        state = new StreamState();
                        _streams[id] = state;
                    }

                    state.Token(time);
                }
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class StreamState
            {
                public TokenTimesQueue TokenTimes { get; } = new();

                public void Token(long time) => TokenTimes.Add(time);

                [Bounded(MaxLength = 1000)]
                public sealed partial class TokenTimesQueue : IBoundedQueue<long>;
            }

            public sealed partial class StreamTracker
            {
                private readonly StreamsMap _streams = new();

                public void Token(string id, long time)
                {
                    if (!_streams.TryGetValue(id, out StreamState? state))
                    {
                        state = new StreamState();
                        _streams[id] = state;
                    }

                    state.Token(time);
                }

                [Bounded(MaxLength = 1000)]
                private sealed partial class StreamsMap : IBoundedDictionary<string, StreamState>;
            }
            """);
    }
}
