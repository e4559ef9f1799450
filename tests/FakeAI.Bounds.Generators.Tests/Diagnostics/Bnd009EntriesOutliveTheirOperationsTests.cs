using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// BND009: a class nothing shows long-lived still outlives the operations it sees end. When it removes an operation's
/// entry from one collection as the operation ends, or looks the entry up then, a map or set it fills for the same
/// operations and never removes from keeps one entry per operation ever started.
/// </summary>
public class Bnd009EntriesOutliveTheirOperationsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;

        """;

    public static TheoryData<string> EntriesOfEndedOperations { get; } = new()
    {
        // Two collections filled as a request starts; the end removes the request and forgets its sender.
        "public sealed class Activation { private readonly Dictionary<Guid, DateTime> _running = new(); private readonly HashSet<string> _senders = new();"
            + " public void RecordRunning(Guid id, string sender) { _running.Add(id, DateTime.UtcNow); _senders.Add(sender); }"
            + " public void ResetRunning(Guid id) { _running.Remove(id); } }",
        // The same, the end removing in a `finally` of the method that adds.
        "public sealed class Runner { private readonly HashSet<Guid> _active = new(); private readonly Dictionary<Guid, string> _names = new();"
            + " public void Run(Guid id, string name) { _active.Add(id); _names[id] = name; try { } finally { _active.Remove(id); } } }",
        // A tracer that starts an entry per operation and reads it back when the operation succeeds or fails.
        "public interface ITracer { void OperationStart(Guid id); void OperationSuccess(Guid id); void OperationFailure(Guid id, Exception e); }"
            + " public sealed class Tracer : ITracer { private readonly ConcurrentDictionary<Guid, List<string>> _lines = new();"
            + " void ITracer.OperationStart(Guid id) => _lines.GetOrAdd(id, _ => new List<string>());"
            + " void ITracer.OperationSuccess(Guid id) { if (_lines.TryGetValue(id, out var lines)) { Console.WriteLine(lines.Count); } }"
            + " void ITracer.OperationFailure(Guid id, Exception e) { if (_lines.TryGetValue(id, out var lines)) { Console.WriteLine(e); } } }",
        // A mapping made on subscribe and looked up, through a helper, on unsubscribe, never removed.
        "public sealed class Wrapper { private readonly Dictionary<Action<string>, Action<string>> _mapped = new();"
            + " public void Subscribe(Action<string> handler) => Inner(handler);"
            + " public void Unsubscribe(Action<string> handler) => Console.WriteLine(Inner(handler));"
            + " private Action<string> Inner(Action<string> outer) { if (!_mapped.TryGetValue(outer, out var inner)) { inner = s => outer(s); _mapped.Add(outer, inner); } return inner; } }",
        // Connections per group: removing a connection leaves the group's emptied store behind.
        "public sealed class Store { public void Add(string c) { } public void Remove(string c) { } }"
            + " public sealed class Subscriptions { private readonly ConcurrentDictionary<string, Store> _groups = new();"
            + " public void AddSubscription(string group, string connection) => _groups.GetOrAdd(group, _ => new Store()).Add(connection);"
            + " public void RemoveSubscription(string group, string connection) { if (_groups.TryGetValue(group, out var store)) { store.Remove(connection); } } }",
        // The same with a list per group, read through the indexer.
        "public sealed class Groups { private readonly Dictionary<string, List<string>> _members = new();"
            + " public void Join(string group, string member) { if (!_members.TryGetValue(group, out var list)) { list = new List<string>(); _members[group] = list; } list.Add(member); }"
            + " public void Quit(string group, string member) => _members[group].Remove(member); }",
        // And through a local read from the indexer.
        "public sealed class Rooms { private readonly Dictionary<Guid, HashSet<string>> _users = new();"
            + " public void Enter(Guid room, string user) { if (!_users.ContainsKey(room)) { _users[room] = new HashSet<string>(); } _users[room].Add(user); }"
            + " public void Drop(Guid room, string user) { var users = _users[room]; users.Remove(user); } }",
        // An entry's value swapped for null by compare-and-swap when what it held is retired: the key stays.
        "public sealed class Reader { private readonly ConcurrentDictionary<Guid, object?> _metrics = new();"
            + " public void Publish(Guid id, object metric) => _metrics[id] = metric; public void Retire(Guid id, object metric) => _metrics.TryUpdate(id, null, metric); }",
        // The same with the arguments named in another order.
        "public sealed class Named { private readonly ConcurrentDictionary<Guid, object?> _metrics = new();"
            + " public void Publish(Guid id, object metric) => _metrics[id] = metric; public void Retire(Guid id, object metric) => _metrics.TryUpdate(comparisonValue: metric, newValue: null, key: id); }",
        // The same with `default` of a reference type.
        "public sealed class Leases { private readonly ConcurrentDictionary<Guid, string?> _holders = new();"
            + " public void Take(Guid id, string holder) => _holders.TryAdd(id, holder); public void Give(Guid id, string holder) => _holders.TryUpdate(id, default, holder); }",
    };

    public static TheoryData<string> EntriesThatEnd { get; } = new()
    {
        // Both collections lose the request's entry at its end.
        "public sealed class Activation { private readonly Dictionary<Guid, DateTime> _running = new(); private readonly HashSet<string> _senders = new();"
            + " public void RecordRunning(Guid id, string sender) { _running.Add(id, DateTime.UtcNow); _senders.Add(sender); }"
            + " public void ResetRunning(Guid id, string sender) { _running.Remove(id); _senders.Remove(sender); } }",
        // The end takes the entry out as it reads it.
        "public interface ITracer { void OperationStart(Guid id); void OperationSuccess(Guid id); }"
            + " public sealed class Tracer : ITracer { private readonly ConcurrentDictionary<Guid, List<string>> _lines = new();"
            + " void ITracer.OperationStart(Guid id) => _lines.GetOrAdd(id, _ => new List<string>());"
            + " void ITracer.OperationSuccess(Guid id) { if (_lines.TryRemove(id, out var lines)) { Console.WriteLine(lines.Count); } } }",
        // A sibling removed, but the unremoved map is filled by another method: nothing ties the two together.
        "public sealed class Registry { private readonly Dictionary<Guid, DateTime> _running = new(); private readonly HashSet<string> _names = new();"
            + " public void Start(Guid id) => _running.Add(id, DateTime.UtcNow); public void Stop(Guid id) => _running.Remove(id);"
            + " public void Name(string name) => _names.Add(name); }",
        // Statistics per route, updated when each request ends: the end adds, it does not leave a start's entry behind.
        "public sealed class RouteStats { private readonly Dictionary<string, int> _counts = new();"
            + " public void OnRequestEnd(string route) { if (!_counts.TryGetValue(route, out int n)) { n = 0; } _counts[route] = n + 1; } }",
        // A lookup in a method that does not end anything.
        "public sealed class Names { private readonly Dictionary<Guid, string> _names = new();"
            + " public void Add(Guid id, string name) => _names[id] = name; public string? Find(Guid id) => _names.TryGetValue(id, out var n) ? n : null; }",
        // A sibling's entry removed by a method that ends nothing the adding method starts (a builder replacing a module).
        "public sealed class Builder { private readonly Dictionary<string, int> _modules = new(); private readonly HashSet<string> _owners = new();"
            + " public void AddModule(string module, string owner) { _modules[module] = 1; _owners.Add(owner); } public void Replace(string module) => _modules.Remove(module); }",
        // A lookup in a method named for an end that no start pairs with: a state machine's states.
        "public sealed class Machine { private readonly Dictionary<string, int> _states = new();"
            + " public void SetState(string state) => _states[state] = 1; public void AfterLeave(string state) { if (_states.TryGetValue(state, out int n)) { Console.WriteLine(n); } } }",
        // A template cache read by every mail, one of which is about a failure.
        "public sealed class Mailer { private readonly Dictionary<string, string> _templates = new();"
            + " private string Render(string name) { if (!_templates.TryGetValue(name, out var t)) { t = name; _templates[name] = t; } return t; }"
            + " public string SendFailedLoginMail(string template) => Render(template); public string SendWelcome(string template) => Render(template); }",
        // The object's own end (Dispose) reads the entries: they go with the object.
        "public sealed class Session : IDisposable { private readonly Dictionary<Guid, string> _started = new();"
            + " public void Start(Guid id) => _started[id] = \"x\"; public void Dispose() { if (_started.TryGetValue(Guid.Empty, out var s)) { Console.WriteLine(s); } } }",
        // Steps disposed once as the send and the receive pipelines are built: two directions, not a request and its end.
        "public sealed class Remover { private readonly HashSet<IDisposable> _disposed = new();"
            + " private void PossiblyDispose(IDisposable step) { if (_disposed.Contains(step)) { return; } step.Dispose(); _disposed.Add(step); }"
            + " public void SendPipeline(IDisposable step) => PossiblyDispose(step); public void ReceivePipeline(IDisposable step) => PossiblyDispose(step); }",
        // The emptied group is removed with its last member.
        "public sealed class Groups { private readonly Dictionary<string, List<string>> _members = new();"
            + " public void Join(string group, string member) { if (!_members.TryGetValue(group, out var list)) { list = new List<string>(); _members[group] = list; } list.Add(member); }"
            + " public void Quit(string group, string member) { if (_members.TryGetValue(group, out var list) && list.Remove(member) && list.Count == 0) { _members.Remove(group); } } }",
        // Groups per type: one entry per type the program declares, whatever leaves them.
        "public sealed class Handlers { private readonly Dictionary<Type, List<Action>> _byType = new();"
            + " public void Add(Type type, Action handler) { if (!_byType.TryGetValue(type, out var list)) { list = new List<Action>(); _byType[type] = list; } list.Add(handler); }"
            + " public void Remove(Type type, Action handler) => _byType[type].Remove(handler); }",
        // A string read from an entry and shortened: a copy's characters, not the entry's contents.
        "public sealed class Names { private readonly Dictionary<string, string> _names = new(); public void Set(string k, string v) => _names[k] = v;"
            + " public string Short(string k) => _names[k].Remove(0, 1); public string Shorter(string k) { var s = _names[k]; return s.Remove(0, 2); } }",
        // Cleared where the object's user is done with it.
        "public sealed class Batch { private readonly Dictionary<Guid, DateTime> _running = new(); private readonly HashSet<string> _senders = new();"
            + " public void Start(Guid id, string sender) { _running.Add(id, DateTime.UtcNow); _senders.Add(sender); }"
            + " public void End(Guid id) => _running.Remove(id); public void Reset() => _senders.Clear(); }",
        // A compare-and-swap to a new value: the entry still stands for something.
        "public sealed class Versions { private readonly ConcurrentDictionary<Guid, string> _latest = new();"
            + " public void Publish(Guid id, string v) => _latest[id] = v; public void Bump(Guid id, string next, string seen) => _latest.TryUpdate(id, next, seen); }",
        // Swapped back from null to a value: the entry stands for something again.
        "public sealed class Revive { private readonly ConcurrentDictionary<Guid, object?> _metrics = new();"
            + " public void Publish(Guid id, object? metric) => _metrics[id] = metric; public void Revived(Guid id, object metric) => _metrics.TryUpdate(id, metric, null); }",
        // A nullable number set to no value: a value type's value, read as the key's.
        "public sealed class Scores { private readonly ConcurrentDictionary<Guid, int?> _scores = new();"
            + " public void Score(Guid id, int s) => _scores[id] = s; public void Unscore(Guid id, int seen) => _scores.TryUpdate(id, null, seen); }",
        // A counter reset to zero: a value type's default is a value, not an ended entry.
        "public sealed class Counts { private readonly ConcurrentDictionary<Guid, int> _counts = new();"
            + " public void Hit(Guid id) => _counts.AddOrUpdate(id, 1, (_, n) => n + 1); public void Reset(Guid id, int seen) => _counts.TryUpdate(id, 0, seen); }",
        // Swapped for null, and removed once collected: the key goes too.
        "public sealed class Retiring { private readonly ConcurrentDictionary<Guid, object?> _metrics = new();"
            + " public void Publish(Guid id, object metric) => _metrics[id] = metric; public void Retire(Guid id, object metric) => _metrics.TryUpdate(id, null, metric);"
            + " public void Collect(Guid id) => _metrics.TryRemove(id, out _); }",
    };

    [Theory]
    [MemberData(nameof(EntriesOfEndedOperations))]
    public async Task Entries_left_behind_when_their_operation_ends_are_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND009", finding.Id);
        Assert.Contains("keeps the entries of operations that have ended", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(EntriesThatEnd))]
    public async Task Entries_that_end_or_belong_to_no_operation_are_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Fact]
    public async Task The_message_names_the_sibling_and_where_its_entry_ends()
    {
        const string Code = """
            using System;
            using System.Collections.Generic;
            namespace App
            {
                public sealed class Activation
                {
                    private readonly Dictionary<Guid, DateTime> _running = new();
                    private readonly HashSet<string> _senders = new();
                    public void RecordRunning(Guid id, string sender)
                    {
                        _running.Add(id, DateTime.UtcNow);
                        _senders.Add(sender);
                    }
                    public void ResetRunning(Guid id)
                    {
                        _running.Remove(id);
                    }
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("_senders", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
        Assert.Equal(
            "'_senders' in 'Activation' keeps the entries of operations that have ended: 'RecordRunning' (line 12) adds to it and nothing removes from it; "
                + "'RecordRunning' also adds to '_running', whose entry 'ResetRunning' (line 16) removes when the operation ends, and nothing removes this one's, "
                + "so they pile up for as long as the 'Activation' lives; remove the entry where its operation ends, or bound it with a [Bounded] type, or mark it [AllowUnbounded(\"reason\")]",
            finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_message_says_where_an_entry_is_swapped_for_null()
    {
        const string Code = """
            using System;
            using System.Collections.Concurrent;
            namespace App
            {
                public sealed class Reader
                {
                    private readonly ConcurrentDictionary<Guid, object?> _metrics = new();
                    public void Publish(Guid id, object metric) => _metrics[id] = metric;
                    public void Retire(Guid id, object metric)
                    {
                        _metrics.TryUpdate(id, null, metric);
                    }
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND009", finding.Id);
        Assert.Contains(
            "'Retire' sets an entry's value to null (line 11) and leaves its key in, so the keys of ended entries pile up for as long as the 'Reader' lives",
            finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_class_shown_long_lived_gets_the_long_lived_finding_instead()
    {
        const string Code = """
            using System;
            using System.Collections.Generic;
            namespace App
            {
                public sealed class Activation
                {
                    public static readonly Activation Instance = new();
                    private Activation() { }
                    private readonly Dictionary<Guid, DateTime> _running = new();
                    private readonly HashSet<string> _senders = new();
                    public void RecordRunning(Guid id, string sender) { _running.Add(id, DateTime.UtcNow); _senders.Add(sender); }
                    public void ResetRunning(Guid id) => _running.Remove(id);
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Assert.Equal(new[] { "BND001" }, run.BoundsDiagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public async Task A_justified_AllowUnbounded_silences_it()
    {
        const string Code = """
            using System;
            using System.Collections.Generic;
            using FakeAI.Bounds;
            namespace App
            {
                public sealed class Activation
                {
                    private readonly Dictionary<Guid, DateTime> _running = new();
                    [AllowUnbounded("one activation serves one caller")]
                    private readonly HashSet<string> _senders = new();
                    public void RecordRunning(Guid id, string sender) { _running.Add(id, DateTime.UtcNow); _senders.Add(sender); }
                    public void ResetRunning(Guid id) => _running.Remove(id);
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Assert.Empty(run.BoundsDiagnostics);
    }
}
