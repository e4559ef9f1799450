using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// What real code bases taught the unbounded-collection rules (docs/precision.md): who is long-lived without a
/// tracker's name, and the bounds and program-fixed contents a careful reader sees. Each case is written here, not
/// copied; the positives say why the class is long-lived, and each negative fails if its pattern stops being seen.
/// </summary>
public class Bnd0xxRealCodePatternsTests
{
    // Just enough of Microsoft.Extensions and ASP.NET Core for the shapes the analysis recognises.
    private const string Framework = """
        using System;
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Reflection;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public interface IServiceProvider2 { }
            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) where TImplementation : class, TService => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider2, TService> factory) => services;
                public static IServiceCollection AddSingleton(this IServiceCollection services, Type serviceType, Type implementationType) => services;
            }
        }
        namespace Microsoft.Extensions.Hosting
        {
            public abstract class BackgroundService { protected abstract Task ExecuteAsync(CancellationToken stoppingToken); }
            public interface IHostedService { Task StartAsync(CancellationToken cancellationToken); Task StopAsync(CancellationToken cancellationToken); }
        }
        namespace Microsoft.AspNetCore.Http
        {
            public class HttpContext { public string Path { get; set; } = ""; }
            public delegate Task RequestDelegate(HttpContext context);
        }
        namespace App
        {
            public interface IStore { }
        }

        """;

    public static TheoryData<string, string> LongLivedHolders { get; } = new()
    {
        {
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Record(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, Store>(); }",
            "'Store' lives as long as the process: it is registered with AddSingleton at "
        },
        {
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Record(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore>(_ => new Store()); }",
            "it is registered with AddSingleton at"
        },
        {
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Record(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton(typeof(IStore), typeof(Store)); }",
            "it is registered with AddSingleton at"
        },
        {
            "public sealed class Store { public static readonly Lazy<Store> Shared = new(() => new Store()); private readonly List<string> _c = new(); public void Record(string s) => _c.Add(s); }",
            "the static field 'Store.Shared' holds its single instance"
        },
        {
            "public sealed class Store { public static Store Instance { get; } = new(); private Store() { } private readonly List<string> _c = new(); public void Record(string s) => _c.Add(s); }",
            "the static property 'Store.Instance' holds its single instance"
        },
        {
            "public sealed class Store { private readonly Dictionary<Guid, string> _c = new(); public void Record(string s) => _c[Guid.NewGuid()] = s; }"
                + "public static class Holder { public static readonly Store Default = new(); }",
            "the static field 'Holder.Default' holds one"
        },
        {
            "public sealed class Pump : Microsoft.Extensions.Hosting.BackgroundService { private readonly List<DateTime> _c = new(); protected override Task ExecuteAsync(CancellationToken t) { _c.Add(DateTime.UtcNow); return Task.CompletedTask; } }",
            "it is a hosted service (BackgroundService)"
        },
        {
            "public sealed class Audit { private readonly Microsoft.AspNetCore.Http.RequestDelegate _next; private readonly List<string> _c = new(); public Audit(Microsoft.AspNetCore.Http.RequestDelegate next) => _next = next; public Task InvokeAsync(Microsoft.AspNetCore.Http.HttpContext context) { _c.Add(context.Path); return _next(context); } }",
            "it is ASP.NET Core middleware"
        },
        {
            "public sealed class Inner { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }"
                + "public sealed class Service : IStore { private readonly Inner _inner = new(); public void Handle(string s) => _inner.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, Service>(); }",
            "'Inner' lives as long as the process: 'Service._inner' holds one, and 'Service' is registered with AddSingleton"
        },
        {
            "public static class Handlers { private static readonly List<Action> _c = new(); public static void Register(Action a) => _c.Add(a); }"
                + "public sealed class Endpoint { public void Handle(string request) => Handlers.Register(() => Console.WriteLine(request)); }",
            "code that does not run at startup calls the methods that add to it"
        },
        {
            // A singleton's public Add… is a registration API until code that serves requests calls it.
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, Store>(); }"
                + "public sealed class Endpoint { private readonly Store _store; public Endpoint(Store store) => _store = store; public void Handle(string request) => _store.Add(request); }",
            "it is registered with AddSingleton at Source0.cs:"
        },
        {
            // A thread started at construction holds the object while it runs.
            "public sealed class Drain { private readonly Dictionary<string, int> _c = new(); private readonly Thread _t; public Drain() { _t = new Thread(Loop); _t.Start(); } private void Loop() { } public void Record(string s) => _c[s] = 1; }",
            "'Drain' lives as long as the process: its constructor starts a thread that runs 'Loop'"
        },
        {
            // A static field declared as a type from outside the program holds the program's class it creates.
            "public static class Visitors { public static readonly object Default = new Collector(); } public sealed class Collector { private readonly List<string> _seen = new(); public void Visit(string s) => _seen.Add(s); }",
            "'Collector' lives as long as the process: the static field 'Visitors.Default' holds one"
        },
    };

    [Theory]
    [MemberData(nameof(LongLivedHolders))]
    public async Task A_class_long_lived_without_a_tracker_name_is_reported_with_the_reason(string code, string reason)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Microsoft.CodeAnalysis.Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND001", finding.Id);
        Assert.Contains(reason, finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    public static TheoryData<string> BoundedOrShortLived { get; } = new()
    {
        // A command's options, declared by each derived command's constructor through the base's protected helper.
        "internal sealed class Option { public Option(string name) { Name = name; } public string Name { get; } }"
            + " internal abstract class Command { private readonly Dictionary<string, Option> _options = new(); protected void AddOption(Option option) => _options.Add(option.Name, option); public int Count => _options.Count; }"
            + " internal sealed class Scaffold : Command { public static Command Instance { get; } = new Scaffold(); private Scaffold() { AddOption(new Option(\"--output\")); this.AddOption(new Option(\"--force\")); } }"
            + " internal sealed class Query : Command { public static Command Instance { get; } = new Query(); private Query() { base.AddOption(new Option(\"--sql\")); } }",
        // The same through a helper that hands each of a group of options to the first.
        "internal sealed class Option { public Option(string name) { Name = name; } public string Name { get; } }"
            + " internal abstract class Command { private readonly Dictionary<string, Option> _options = new(); protected void AddOption(Option option) => _options.Add(option.Name, option);"
            + " protected void AddExclusive(params Option[] options) { foreach (Option option in options) { AddOption(option); } } public int Count => _options.Count; }"
            + " internal sealed class Scaffold : Command { public static Command Instance { get; } = new Scaffold(); private Scaffold() { AddExclusive(new Option(\"--a\"), new Option(\"--b\")); } }",
        // A reflection cache keyed by what carries attributes: a type, a member, a parameter or an assembly.
        "public static class AttributeCache { private static readonly ConcurrentDictionary<ICustomAttributeProvider, Attribute[]> _c = new(); public static Attribute[] Of(ICustomAttributeProvider source) => _c.GetOrAdd(source, s => Array.Empty<Attribute>()); }",
        // Filled once in the static constructor, through the program's own ForEach over a sequence.
        "public static class Extensions { public static void ForEach<K, V>(this Dictionary<K, V> map, Action<K, V> action) where K : notnull { foreach (var pair in map) { action(pair.Key, pair.Value); } } }"
            + " public static class Interfaces { internal static readonly Dictionary<string, string> Addresses = new(); static Interfaces() { new Dictionary<string, string> { [\"lo\"] = \"127.0.0.1\" }.ForEach((k, v) => Addresses[k] = v); } public static int Count => Addresses.Count; }",
        // Configuration objects (the options pattern's names): what they and the objects they hold collect is configured.
        "public sealed class HttpOptions : IStore { private readonly List<string> _policies = new(); public void Keep(string p) => _policies.Add(p); }"
            + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, HttpOptions>(); }",
        "public sealed class TenantDetection { private readonly List<string> _strategies = new(); public void IsHeader(string h) => _strategies.Add(h); }"
            + "public sealed class GrpcOptions : IStore { public TenantDetection Detection { get; } = new(); }"
            + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, GrpcOptions>(); }",
        "public static class ProfilerSettings { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        "public sealed class TypeConfig { private static readonly Dictionary<string, string> _derived = new(); public static void Derive(string n, string t) => _derived[n] = t; }",
        // The word after an acronym: each word starts with a capital, so the name ends in the word.
        "public sealed class JWTOptions : IStore { private readonly List<string> _issuers = new(); public void Trust(string i) => _issuers.Add(i); }"
            + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, JWTOptions>(); }",
        // Nobody holds it for long: an ordinary class.
        "public sealed class Request { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }",
        // A static sentinel of a class anyone can create is one object, not every instance.
        "public sealed class Node { public static readonly Node Empty = new(); private readonly List<Node> _c = new(); public void Add(Node n) => _c.Add(n); }",
        // A singleton's field set from outside (a back-reference) is not an object it owns.
        "public sealed class Part { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }"
            + "public sealed class Service : IStore { public Part? Current { get; set; } public void Handle(string s) => Current?.Add(s); }"
            + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, Service>(); }",
        // Keys and values the program fixes: types, assemblies, a name-to-type resolver, a Hashtable indexed by a Type.
        "public static class Maps { private static readonly Dictionary<Assembly, string> _c = new(); public static void Add(Assembly a) => _c[a] = a.FullName ?? \"\"; }",
        "public static class Maps { private static readonly ConcurrentDictionary<string, Type?> _c = new(); public static Type? Resolve(string n) => _c.GetOrAdd(n, Type.GetType); }",
        "public static class Maps { private static readonly Hashtable _c = new(); public static void Add(Type t, object v) => _c[t] = v; }",
        "public static class Maps { private static readonly HashSet<MethodInfo> _c = new(); public static void Add(MethodInfo m) => _c.Add(m); }",
        // Registration at startup: only a static constructor and a Configure method call it.
        "public static class Handlers { private static readonly List<Action> _c = new(); static Handlers() { } public static void Register(Action a) => _c.Add(a); }"
            + "public static class Setup { public static void Configure() { Handlers.Register(() => { }); } }",
        // A public registration method nothing in the compilation calls: the library's startup API.
        "public static class Renderers { private static readonly Dictionary<string, Func<string>> _c = new(); public static void AddRenderer(string state, Func<string> render) => _c[state] = render; }",
        // The entry's removal is set up by the method that adds it: a continuation, a cancellation registration.
        "public static class Pending { private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<int>> _c = new(); public static Task<int> Start() { var id = Guid.NewGuid(); var tcs = new TaskCompletionSource<int>(); _c[id] = tcs; tcs.Task.ContinueWith(_ => _c.TryRemove(id, out TaskCompletionSource<int>? removed)); return tcs.Task; } }",
        "public static class Waiters { private static readonly ConcurrentDictionary<int, string> _c = new(); public static void Wait(int id, CancellationToken token) { _c[id] = \"w\"; token.Register(() => _c.TryRemove(id, out string? gone)); } }",
        // Guards a reader sees: through a local, through a property, through a counter raised as it is checked.
        "public static class Capped { private static readonly List<int> _c = new(); public static void Add(int i) { int n = _c.Count; if (n >= 100) return; _c.Add(i); } }",
        "public static class Capped { private static readonly List<int> _c = new(); private static bool IsFull => _c.Count >= 100; public static void Add(int i) { if (IsFull) return; _c.Add(i); } }",
        "public static class Capped { private static readonly ConcurrentBag<int> _c = new(); private static int _n; public static void Add(int i) { if (Interlocked.Increment(ref _n) > 100) return; _c.Add(i); } }",
        // A pool or a work queue that a consumer drains: entries returned are rented again, work enqueued is taken.
        "public sealed class PagePool { public static readonly PagePool Shared = new(); private PagePool() { } private readonly Stack<byte[]> _c = new();"
            + " public byte[] Rent() => _c.Count > 0 ? _c.Pop() : new byte[4096]; public void Return(byte[] page) => _c.Push(page); }",
        // A singleton's registration API that only startup code calls, or nothing in the compilation (a library's).
        "public sealed class Filters : IStore { private readonly List<Action> _c = new(); public void AddFilter(Action a) => _c.Add(a); }"
            + "public static class Startup { public static void ConfigureServices(IServiceCollection s) { s.AddSingleton<IStore, Filters>(); new Filters().AddFilter(() => { }); } }",
        "public sealed class Lifecycle { public static readonly Lifecycle Instance = new(); private Lifecycle() { } private readonly List<Action> _c = new(); public void Subscribe(Action a) => _c.Add(a); }",
        // A removal through `?.` is a removal: the entry's end when its connection closes.
        "public static class Conns { private static Dictionary<string, object>? _c = new(); public static void Open(string id, object c) => _c![id] = c; public static void Close(string id) => _c?.Remove(id); }",
        // A sweep of stale entries that another object runs.
        "public sealed class Expiring { public static readonly Expiring Instance = new(); private Expiring() { } private readonly Dictionary<string, DateTime> _c = new(); public void Set(string k) => _c[k] = DateTime.UtcNow;"
            + " public bool IsFresh(string k) { if (_c.TryGetValue(k, out DateTime t) && t < DateTime.UtcNow) { _c.Remove(k); return false; } return true; }"
            + " public void Cleanup() { foreach (string k in new List<string>(_c.Keys)) { _c.Remove(k); } } }"
            + " public sealed class Discoverer { public void Tick() => Expiring.Instance.Cleanup(); }",
        // Per-key ends beside a removal of one value from every key, or a removal in the finally of the method that
        // runs the entry's work: lifecycles, not sweeps of stale entries.
        "public sealed class Index { public static readonly Index Shared = new(); private Index() { } private readonly Dictionary<string, HashSet<int>> _c = new(); public void Put(string k, int v) { if (!_c.TryGetValue(k, out HashSet<int>? s)) { _c[k] = s = new HashSet<int>(); } s.Add(v); }"
            + " public void Remove(string k) => _c.Remove(k); public void RemoveValue(int v) { foreach (string k in new List<string>(_c.Keys)) { if (_c[k].Remove(v) && _c[k].Count == 0) { _c.Remove(k); } } }"
            + " public void Clear() { foreach (string k in new List<string>(_c.Keys)) { _c.Remove(k); } } }",
        "public sealed class Jobs { public static readonly Jobs Instance = new(); private Jobs() { } private readonly Dictionary<long, DateTime> _c = new(); public void Cancel(long id) => _c[id] = DateTime.UtcNow;"
            + " public void Execute(long id) { if (_c.Remove(id)) { return; } try { } finally { _c.Remove(id); } } }",
        // Registration through the private helpers a registration method calls, an internal one only startup calls,
        // a registration property's setter, an exclusion list: each grows once per call the program makes as it starts.
        "public sealed class Plugin { public static readonly Plugin Instance = new(); private Plugin() { } private readonly List<string> _c = new(); public void Register(string host) => Install(host); private void Install(string host) => _c.Add(host); }",
        "public static class Plugins { private static readonly List<Action> _c = new(); internal static void ConfigurePlugins(Action a) => _c.Add(a); }"
            + "public static class Startup { public static void ConfigureServices() => Plugins.ConfigurePlugins(() => { }); }",
        "public static class Generator { private static readonly List<string> _c = new(); public static bool AddJsonImport { set { if (value) { _c.Add(\"json\"); } } } }"
            + "public static class Startup { public static void Configure() => Generator.AddJsonImport = true; }",
        "public static class Profiler { private static readonly HashSet<string> _c = new(); public static void ExcludeMethod(string name) => _c.Add(name); }",
        // A base-library composite key of program-fixed parts: a Tuple of a member and an attribute type, a KeyValuePair.
        "public static class Attributes { private static readonly ConcurrentDictionary<Tuple<MemberInfo, Type>, bool> _c = new(); public static bool Has(MemberInfo m, Type t) => _c.GetOrAdd(Tuple.Create(m, t), k => true); }",
        "public enum Placement { Fixed, Movable } public static class Placements { private static readonly Dictionary<KeyValuePair<Type, Placement>, int> _c = new(); public static void Seen(Type t, Placement p) => _c[new KeyValuePair<Type, Placement>(t, p)] = 1; }",
        // Filled once per object, behind a flag it sets: the lazy initialization of a registry from its services.
        "public sealed class Codecs { public static readonly Codecs Instance = new(); private Codecs() { } private readonly object _gate = new(); private bool _initialized; private readonly List<string> _c = new();"
            + " public string First() { Initialize(); return _c[0]; } private void Initialize() { lock (_gate) { if (_initialized) { return; } _c.AddRange(new[] { \"a\", \"b\" }); _initialized = true; } } }",
        // The file cache of an embedded UI: a request's file name is kept only when the assembly ships that resource.
        "public sealed class EmbeddedFiles { private static readonly ConcurrentDictionary<string, string> _c = new(); public bool TryGet(string filename, out string? text)"
            + " { filename = filename.ToLowerInvariant(); if (_c.TryGetValue(filename, out text)) { return true; } using (var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(\"App.ui.\" + filename))"
            + " { if (stream == null) { return false; } using (var reader = new System.IO.StreamReader(stream)) { text = reader.ReadToEnd(); } } _c[filename] = text; return true; } }",
        "public static class Templates { private static readonly Dictionary<string, string> _c = new(); public static string Get(string name) { if (_c.TryGetValue(name, out string? t)) { return t; }"
            + " using var stream = typeof(Templates).Assembly.GetManifestResourceStream($\"App.Templates.{name}.html\"); if (stream is null) { throw new ArgumentException(\"no template\", nameof(name)); }"
            + " t = new System.IO.StreamReader(stream).ReadToEnd(); _c[name] = t; return t; } }",
        // The same with the flag set in a finally: tags read once, not read again after a failure.
        "public sealed class Telemetry : IDisposable { public static readonly Telemetry Instance = new(); private Telemetry() { } private bool _initialized; private readonly List<string> _c = new();"
            + " public void Initialize() { if (_initialized) { return; } try { _c.Add(Environment.MachineName); _c.Add(Environment.OSVersion.ToString()); } catch (Exception) { } finally { _initialized = true; } } public void Dispose() { } }",
        // A map keyed only by keys found in another map of the object that never loses one: a data URI per registered
        // image (the images are judged on their own), a tool per registered tool type, after a missing key leaves.
        "public static class Svg { public static readonly Dictionary<string, string> Images = new(); private static readonly Dictionary<string, string> DataUris = new(); public static void RegisterImage(string n, string svg) => Images[n] = svg;"
            + " public static string? DataUri(string name) { if (DataUris.TryGetValue(name, out string? uri)) { return uri; } if (!Images.TryGetValue(name, out string? svg)) { return null; } DataUris[name] = uri = svg.Trim(); return uri; } }",
        // Both compare keys the same way, ignoring case.
        "public static class Svg { public static readonly Dictionary<string, string> Images = new(StringComparer.OrdinalIgnoreCase); private static readonly Dictionary<string, string> DataUris = new(StringComparer.OrdinalIgnoreCase); public static void RegisterImage(string n, string svg) => Images[n] = svg;"
            + " public static string? DataUri(string name) { if (!Images.TryGetValue(name, out string? svg)) { return null; } DataUris[name] = svg.Trim(); return svg; } }",
        "public sealed class Tools { public static readonly Tools Instance = new(); private Tools() { } private readonly ConcurrentDictionary<string, Type> _types = new(); private readonly ConcurrentDictionary<string, object> _tools = new();"
            + " public void Register<T>() => _types[typeof(T).Name] = typeof(T); public object? Get(string name) { if (_tools.TryGetValue(name, out object? tool)) { return tool; } if (_types.TryGetValue(name, out Type? type)) { tool = Activator.CreateInstance(type)!; _tools[name] = tool; return tool; } return null; } }",
        // A cache of the program's handlers filled on first use: the method leaves while the map has entries and fills
        // it (and a map beside it) itself; by each form of the check.
        "public sealed class Matchers { public static readonly Matchers Instance = new(); private Matchers() { } private readonly ConcurrentDictionary<string, int> _entries = new(); private readonly ConcurrentDictionary<string, byte> _limits = new();"
            + " public ConcurrentDictionary<string, int> Groups(IEnumerable<string> found) { if (_entries.Count != 0) { return _entries; } foreach (string g in found) { _limits.AddOrUpdate(g, 1, (k, v) => (byte)(v + 1)); _entries.TryAdd(g, 1); } return _entries; } }",
        "public sealed class Matchers { public static readonly Matchers Instance = new(); private Matchers() { } private readonly List<string> _entries = new();"
            + " public List<string> All(IEnumerable<string> found) { if (_entries.Any()) { return _entries; } _entries.AddRange(found); return _entries; } }",
        "public sealed class Matchers { public static readonly Matchers Instance = new(); private Matchers() { } private readonly ConcurrentDictionary<string, int> _entries = new();"
            + " public void Load(IEnumerable<string> found) { if (!_entries.IsEmpty) { return; } foreach (string g in found) { _entries[g] = 1; _entries.TryAdd(g + \":\", 2); } } }",
        // Keys that stand for types: a key type named for a type (a grain type, a type pair), a type's name, a literal.
        "public readonly record struct GrainType(string Value); public static class Resolver { private static readonly ConcurrentDictionary<GrainType, string> _c = new(); public static string Get(GrainType t) => _c.GetOrAdd(t, k => k.Value); }",
        "public readonly record struct TypePair(Type Source, Type Destination); public static class Maps { private static readonly Dictionary<TypePair, int> _c = new(); public static void Remember(TypePair p) => _c[p] = 1; }",
        "public readonly record struct MethodKey(Func<Type, string> Serializer, Type Type, MethodInfo Method); public static class Methods { private static readonly ConcurrentDictionary<MethodKey, string> _c = new(); public static string Of(MethodKey k) => _c.GetOrAdd(k, m => m.Method.Name); }",
        "public enum Placement { Fixed, Movable } public readonly record struct StatusKey(GrainType Type, Placement Kind); public readonly record struct GrainType(string Value); public sealed class Checker { public static readonly Checker Instance = new(); private Checker() { } private readonly ConcurrentDictionary<StatusKey, bool> _c = new(); public bool Check(StatusKey k) => _c.GetOrAdd(k, true); }",
        "public static class Labels { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string Of(Type t) => _c.GetOrAdd(t.FullName!, n => n.ToLowerInvariant()); }",
        "public static class Names { private static readonly Dictionary<string, int> _c = new(); public static void Touch() => _c[\"default\"] = 1; }",
        "public static class TypeCache<T> { public static readonly string ShortName = typeof(T).Name; } public static class Labels { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string Of<T>() => _c.GetOrAdd(TypeCache<T>.ShortName, n => n.ToLowerInvariant()); }",
        // An entry taken out by its key when what it stands for ends: a connection, a subscriber, a pending call.
        "public static class Connections { private static readonly Dictionary<string, object> _c = new(); public static void Open(string id, object c) => _c[id] = c; public static void Close(string id) => _c.Remove(id); }",
        // A cleanup another object calls: its part of the lifecycle (a scheduler's sweep, a manager's unregister), also
        // through the interface or the base method it implements, through a method that leads to it, or as a delegate.
        "public sealed class Shards { public static readonly Shards Instance = new(); private Shards() { } private readonly Dictionary<int, string> _c = new(); public void Open(int id) => _c[id] = \"s\"; public void Sweep() => _c.Clear(); }"
            + "public sealed class Scheduler { public void Tick() => Shards.Instance.Sweep(); }",
        "public interface IPresence { void Sweep(); } public sealed class Presence : IPresence { public static readonly Presence Instance = new(); private Presence() { } private readonly Dictionary<int, string> _c = new();"
            + " public void Connect(int id) => _c[id] = \"u\"; public void Sweep() => _c.Clear(); }"
            + "public sealed class Hub { private readonly IPresence _presence; public Hub(IPresence presence) => _presence = presence; public void OnDisconnected() => _presence.Sweep(); }",
        "public abstract class ShardsBase { public abstract void Release(); } public sealed class Shards : ShardsBase { public static readonly Shards Instance = new(); private Shards() { } private readonly Dictionary<int, string> _c = new();"
            + " public void Open(int id) => _c[id] = \"s\"; public override void Release() => Reset(); private void Reset() => _c.Clear(); }"
            + "public sealed class Runner { private readonly ShardsBase _shards; public Runner(ShardsBase shards) => _shards = shards; public void AfterRun() => _shards.Release(); }",
        "public sealed class Shards { public static readonly Shards Instance = new(); private Shards() { } private readonly Dictionary<int, string> _c = new(); public void Open(int id) => _c[id] = \"s\"; public void Sweep() => _c.Clear(); }"
            + "public sealed class Scheduler { public Action Job => Shards.Instance.Sweep; }",
        // Keys of a class that declares all its instances (private constructors, static read-only values): an
        // enumeration written as a class.
        "public sealed class DispatchOptions { public static readonly DispatchOptions Publish = new(\"publish\"); public static readonly DispatchOptions Consume = new(\"consume\"); private DispatchOptions(string name) { } }"
            + " public sealed class Dispatcher { public static readonly Dispatcher Instance = new(); private Dispatcher() { } private readonly ConcurrentDictionary<DispatchOptions, object> _c = new(); public object For(DispatchOptions o) => _c.GetOrAdd(o, _ => new object()); }",
        // The same with its values in get-only static auto-properties.
        "public sealed class DispatchOptions { public static DispatchOptions Publish { get; } = new(\"publish\"); public static DispatchOptions Consume { get; } = new(\"consume\"); private DispatchOptions(string name) { } }"
            + " public sealed class Dispatcher { public static readonly Dispatcher Instance = new(); private Dispatcher() { } private readonly ConcurrentDictionary<DispatchOptions, object> _c = new(); public object For(DispatchOptions o) => _c.GetOrAdd(o, _ => new object()); }",
        // Registration from what the host starts once: a hosted service's StartAsync, a startup task, a lifecycle participant.
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public sealed class Warmup : Microsoft.Extensions.Hosting.IHostedService { public Task StartAsync(CancellationToken t) { Handlers.Register(\"a\"); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public interface IStartupTask { Task ExecuteAsync(CancellationToken t); } public sealed class Populate : IStartupTask { public Task ExecuteAsync(CancellationToken t) { Handlers.Register(\"a\"); return Task.CompletedTask; } }",
        // The same when the startup task's interface gets ExecuteAsync from an interface it extends.
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public interface ITask { Task ExecuteAsync(CancellationToken t); } public interface IStartupTask : ITask { } public sealed class Populate : IStartupTask { public Task ExecuteAsync(CancellationToken t) { foreach (var s in new[] { \"a\", \"b\" }) { Handlers.Register(s); } return Task.CompletedTask; } }",
        // A startup action (Foundatio's IStartupAction) registers its handlers once as the host starts.
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public interface IStartupAction { Task RunAsync(CancellationToken shutdownToken = default); } public sealed class Subscribe : IStartupAction { public Task RunAsync(CancellationToken shutdownToken = default) { Handlers.Register(\"a\"); return Task.CompletedTask; } }",
        "public sealed class Stages { public static readonly Stages Instance = new(); private Stages() { } private readonly List<Action> _c = new(); public void Subscribe(Action a) => _c.Add(a); }"
            + " public interface ILifecycleParticipant<T> { void Participate(T lifecycle); } public sealed class Component : ILifecycleParticipant<Stages> { void ILifecycleParticipant<Stages>.Participate(Stages lifecycle) => lifecycle.Subscribe(() => { }); }",
        // a startup action's own dispose list, filled through a private generic helper as the host starts it, emptied by Dispose (Exceptionless' MessageService).
        "public interface IStartupAction { Task RunAsync(CancellationToken shutdownToken = default); } public sealed class Messages : IStartupAction, IDisposable { private readonly List<Action> _c = new();"
            + " public Task RunAsync(CancellationToken shutdownToken = default) { Register<string>(\"a\"); Register<int>(\"b\"); return Task.CompletedTask; } private void Register<T>(object repository) { _c.Add(() => { }); }"
            + " public void Dispose() { foreach (var a in _c) { a(); } _c.Clear(); } }"
            + " public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<Messages>(p => new Messages()); }",
        // NuGetGallery SecurityPolicyResult: a static sentinel of a class whose private constructor its own
        // factories call for every result; the static field holds one instance, not every instance.
        "public sealed class PolicyResult { public static PolicyResult Success = new PolicyResult(true); private readonly List<string> _warnings = new(); private PolicyResult(bool ok) { }"
            + " public static PolicyResult Error() => new PolicyResult(false); public static PolicyResult Warning(params string[] w) { var r = new PolicyResult(true); r.AddWarnings(w); return r; }"
            + " public void AddWarnings(IEnumerable<string> w) => _warnings.AddRange(w); }",
        // Foundatio ShutdownHostIfNoJobsRunningService: each hosted job registers itself from its constructor; the
        // host builds each hosted service once, as it starts them.
        "public sealed class Watchdog : Microsoft.Extensions.Hosting.IHostedService { private readonly List<object> _jobs = new(); public void RegisterJob(object job) => _jobs.Add(job);"
            + " public Task StartAsync(CancellationToken t) => Task.CompletedTask; public Task StopAsync(CancellationToken t) => Task.CompletedTask; }"
            + " public sealed class Job : Microsoft.Extensions.Hosting.IHostedService { public Job(Watchdog w) { w?.RegisterJob(this); } public Task StartAsync(CancellationToken t) => Task.CompletedTask; public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // ServiceStack Validators: a registration called by a method that is handed the service collection, which
        // exists only while the program configures its services.
        "public static class Rules { private static readonly List<string> _c = new(); public static void RegisterRulesFor(IServiceCollection services, Type t) => _c.Add(t.Name); }"
            + " public sealed class ValidationPlugin { public void AfterConfigure(IServiceCollection services) { foreach (var t in new[] { typeof(string), typeof(int) }) { Rules.RegisterRulesFor(services, t); } } }",
        // A hosted service's own state filled as the host starts it: a watcher per configured folder, through a private helper.
        "public sealed class Watchers : Microsoft.Extensions.Hosting.IHostedService { private readonly List<IDisposable> _c = new(); private readonly string[] _folders = { \"bin\", \"host\" };"
            + " public Task StartAsync(CancellationToken t) { Watch(); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; private void Watch() { foreach (var f in _folders) { _c.Add(new System.IO.MemoryStream()); } } }",
        // Test support shipped in a product assembly, by its names: a Testing namespace, a test double, a fixture.
        "}\nnamespace App.Testing {\npublic static class Recorder { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        "public static class TestTransportRegistry { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        "public static class MockSink { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        "public static class ListenerTests { public static readonly List<int> Ports = new(); public static void Use(int p) => Ports.Add(p); }",
    };

    public static TheoryData<string> ReportedDespiteLookingSafe { get; } = new()
    {
        // A missing resource still adds an entry (an empty table for a culture nobody translated), and a resource
        // read under a fixed name says nothing of the key.
        "public static class Cultures { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string For(string culture) { using var stream = typeof(Cultures).Assembly.GetManifestResourceStream(\"App.\" + culture + \".json\");"
            + " string table = stream is null ? \"\" : new System.IO.StreamReader(stream).ReadToEnd(); _c[culture] = table; return table; } }",
        "public static class Pages { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string For(string path) { using var stream = typeof(Pages).Assembly.GetManifestResourceStream(\"App.index.html\");"
            + " if (stream == null) { return \"\"; } string page = new System.IO.StreamReader(stream).ReadToEnd(); _c[path] = page; return page; } }",
        // A missing resource cached in the branch that finds it missing; a resource name that only mentions the key;
        // the key changed after the read; a check that only skips to the next candidate.
        "public static class Files { private static readonly ConcurrentDictionary<string, string?> _c = new(); public static string? For(string name) { using var stream = typeof(Files).Assembly.GetManifestResourceStream(\"App.\" + name);"
            + " if (stream == null) { _c[name] = null; return null; } string text = new System.IO.StreamReader(stream).ReadToEnd(); _c[name] = text; return text; } }",
        "public static class Files { private static readonly ConcurrentDictionary<string, string> _c = new(); private static bool Known(string p) => p.EndsWith(\".js\"); public static string For(string path) { using var stream = typeof(Files).Assembly.GetManifestResourceStream(Known(path) ? \"App.\" + path : \"App.index.html\");"
            + " if (stream == null) { return \"\"; } string text = new System.IO.StreamReader(stream).ReadToEnd(); _c[path] = text; return text; } }",
        "public static class Files { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string For(string user, string name) { using var stream = typeof(Files).Assembly.GetManifestResourceStream(\"App.\" + name);"
            + " if (stream == null) { return \"\"; } string text = new System.IO.StreamReader(stream).ReadToEnd(); name = user + \":\" + name; _c[name] = text; return text; } }",
        "public static class Files { private static readonly ConcurrentDictionary<string, bool> _c = new(); public static bool For(string name) { bool found = false; foreach (string ext in new[] { \".js\", \".css\" }) { using var stream = typeof(Files).Assembly.GetManifestResourceStream(\"App.\" + name + ext);"
            + " if (stream == null) { continue; } found = true; } _c[name] = found; return found; } }",
        // An add inside a using statement of an expression, which declares no stream.
        "public static class Scoped { private static readonly ConcurrentDictionary<string, int> _c = new(); public static void For(string name, IDisposable scope) { using (scope) { _c[name] = 1; } } }",
        // A run-once flag a failed attempt clears: each failure adds again.
        "public sealed class Connector { public static readonly Connector Instance = new(); private Connector() { } private bool _initialized; private readonly List<string> _c = new();"
            + " public void Initialize(string attempt) { if (_initialized) { return; } try { _initialized = true; _c.Add(attempt); Connect(); } catch (Exception) { _initialized = false; throw; } } private static void Connect() { } }",
        // A flag set only when initialization fails: every successful call adds again.
        "public sealed class Telemetry { public static readonly Telemetry Instance = new(); private Telemetry() { } private bool _failed; private readonly List<string> _c = new();"
            + " public void Initialize(string tag) { if (_failed) { return; } try { _c.Add(tag); } catch (Exception) { _failed = true; } } }",
        // The protected helper is also called after construction, for each option a caller passes.
        "internal sealed class Option { public Option(string name) { Name = name; } public string Name { get; } }"
            + " internal abstract class Command { private readonly Dictionary<string, Option> _options = new(); protected void AddOption(Option option) => _options[option.Name] = option; public int Count => _options.Count; }"
            + " internal sealed class Scaffold : Command { public static Command Instance { get; } = new Scaffold(); private Scaffold() { AddOption(new Option(\"--output\")); } public void Extend(Option option) => AddOption(option); }"
            + " public static class Entry { public static void Handle(string request) => ((Scaffold)Scaffold.Instance).Extend(new Option(request)); }",
        // The handing-on helper is called for each request.
        "internal sealed class Option { public Option(string name) { Name = name; } public string Name { get; } }"
            + " internal abstract class Command { private readonly Dictionary<string, Option> _options = new(); protected void AddOption(Option option) => _options[option.Name] = option;"
            + " protected void AddExclusive(params Option[] options) { foreach (Option option in options) { AddOption(option); } } public int Count => _options.Count; }"
            + " internal sealed class Scaffold : Command { public static Command Instance { get; } = new Scaffold(); private Scaffold() { AddOption(new Option(\"--output\")); } public void Extend(string name) => AddExclusive(new Option(name)); }"
            + " public static class Entry { public static void Handle(string request) => ((Scaffold)Scaffold.Instance).Extend(request); }",
        // A public base class of a library: a derived class elsewhere may call the helper from any method.
        "public sealed class Option { public Option(string name) { Name = name; } public string Name { get; } }"
            + " public abstract class Command { private readonly Dictionary<string, Option> _options = new(); protected void AddOption(Option option) => _options[option.Name] = option; public int Count => _options.Count; }"
            + " public sealed class Scaffold : Command { public static Command Instance { get; } = new Scaffold(); private Scaffold() { AddOption(new Option(\"--output\")); } }",
        // Called in the constructor, but from a handler that runs on every event the object sees.
        "public sealed class Feed { public event Action<string>? Seen; public void Push(string item) => Seen?.Invoke(item); }"
            + " internal sealed class Option { public Option(string name) { Name = name; } public string Name { get; } }"
            + " internal abstract class Command { private readonly Dictionary<string, Option> _options = new(); protected void AddOption(Option option) => _options[option.Name] = option; public int Count => _options.Count; }"
            + " internal sealed class Scaffold : Command { public static Command Instance { get; } = new Scaffold(Feeds.Main); private Scaffold(Feed feed) { feed.Seen += item => AddOption(new Option(item)); } } internal static class Feeds { public static readonly Feed Main = new(); }",
        // A helper named ForEach that keeps the action for later: each event it sees adds.
        "public sealed class Feed { public event Action<string>? Seen; public void Push(string item) => Seen?.Invoke(item); }"
            + " public static class Extensions { public static void ForEach(this Feed feed, Action<string> action) => feed.Seen += action; }"
            + " public static class Items { private static readonly List<string> _c = new(); static Items() { Source.ForEach(item => _c.Add(item)); } public static readonly Feed Source = new(); public static int Count => _c.Count; }",
        // A flag checked but never set by the adding method is no run-once guard.
        "public sealed class Codecs { public static readonly Codecs Instance = new(); private Codecs() { } private bool _ready; private readonly List<string> _c = new();"
            + " public void Load(string s) { if (_ready) { return; } _c.Add(s); } public void MarkReady() => _ready = true; }",
        // A key found in a map that removes its entries one by one: the keys it has held are every connection ever made.
        "public sealed class Sessions { public static readonly Sessions Instance = new(); private Sessions() { } private readonly Dictionary<string, int> _open = new(); private readonly Dictionary<string, DateTime> _seen = new();"
            + " public void Open(string id) => _open[id] = 1; public void Close(string id) => _open.Remove(id); public void Touch(string id) { if (_open.ContainsKey(id)) { _seen[id] = DateTime.UtcNow; } } }",
        // A fill that waits for a queue to have entries, which a worker drains: the history beside it grows with every
        // submit that finds the queue empty.
        "public sealed class Jobs { public static readonly Jobs Instance = new(); private Jobs() { } private readonly Queue<string> _queue = new(); private readonly List<string> _history = new();"
            + " public void Submit(string j) { if (_queue.Count != 0) { return; } _queue.Enqueue(j); _history.Add(j); } public string? Next() => _queue.TryDequeue(out string? j) ? j : null; }",
        // A key found in a map that ignores case, added to one that does not: every spelling of a registered name adds.
        "public static class Svg { public static readonly Dictionary<string, string> Images = new(StringComparer.OrdinalIgnoreCase); private static readonly Dictionary<string, string> DataUris = new(); public static void RegisterImage(string n, string svg) => Images[n] = svg;"
            + " public static string? DataUri(string name) { if (!Images.TryGetValue(name, out string? svg)) { return null; } DataUris[name] = svg.Trim(); return svg; } }",
        // A key found in a map the caller passed in, which the caller may change.
        "public sealed class Cache { private readonly Dictionary<string, string> _known; private readonly Dictionary<string, string> _c = new(); public Cache(Dictionary<string, string> known) => _known = known;"
            + " public string? Get(string name) { if (!_known.TryGetValue(name, out string? v)) { return null; } _c[name] = v; return v; } }"
            + " public static class Caches { public static readonly Cache Shared = new(new Dictionary<string, string>()); }",
        // The key is made another value after its lookup.
        "public static class Svg { private static readonly Dictionary<string, string> Images = new(); private static readonly Dictionary<string, string> DataUris = new(); public static void RegisterImage(string n, string svg) => Images[n] = svg;"
            + " public static string? DataUri(string name) { if (!Images.TryGetValue(name, out string? svg)) { return null; } name = name + DateTime.UtcNow.Ticks; DataUris[name] = svg; return svg; } }",
        // A check that another collection has entries, which the method does not fill, is no run-once guard; neither is
        // a check that leaves while the collection is empty.
        "public sealed class Matchers { public static readonly Matchers Instance = new(); private Matchers() { } private readonly List<string> _known = new(); private readonly List<string> _c = new();"
            + " public void Seen(string s) { if (_known.Count != 0) { return; } _c.Add(s); } }",
        "public sealed class Matchers { public static readonly Matchers Instance = new(); private Matchers() { } private readonly List<string> _c = new();"
            + " public void Seen(string s) { if (_c.Count == 0) { return; } _c.Add(s); } }",
        // The same shapes under names that are not a configuration object's: a word that merely contains one, or one
        // that is not the last.
        "public sealed class HttpOptionsStore : IStore { private readonly List<string> _policies = new(); public void Keep(string p) => _policies.Add(p); }"
            + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, HttpOptionsStore>(); }",
        "public static class Adoptions { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        // A cleanup nobody calls, or one only the class itself could call, bounds nothing.
        "public sealed class Shards { public static readonly Shards Instance = new(); private Shards() { } private readonly Dictionary<int, string> _c = new(); public void Open(int id) => _c[id] = \"s\"; public void Sweep() => _c.Clear(); }",
        // "Test" inside a product name is not test code, nor is a word that merely contains it.
        "public static class AbTestAssignments { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        "public static class Attestations { public static readonly List<string> Seen = new(); public static void Record(string s) => Seen.Add(s); }",
        // A private helper that a request handler reaches too, or a registration method or setter that one calls.
        "public static class Hooks { private static readonly List<string> _c = new(); public static void Register(string s) => Keep(s); public static void Handle(string request) => Keep(request); private static void Keep(string s) => _c.Add(s); }",
        "public static class Hooks { private static readonly List<string> _c = new(); public static void Register(string s) => Keep(s); private static void Keep(string s) => _c.Add(s); }"
            + "public sealed class Endpoint { public void Handle(string request) => Hooks.Register(request); }",
        "public static class Generator { private static readonly List<string> _c = new(); public static bool AddJsonImport { set { if (value) { _c.Add(\"json\"); } } } }"
            + "public sealed class Endpoint { public void Handle(string request) => Generator.AddJsonImport = request.Length > 0; }",
        // A BackgroundService's ExecuteAsync is its loop, not its start; nor is a class with private constructors whose
        // instances its static methods make on demand a closed set.
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public sealed class Worker : Microsoft.Extensions.Hosting.BackgroundService { protected override Task ExecuteAsync(CancellationToken t) { Handlers.Register(\"a\"); return Task.CompletedTask; } }",
        "public sealed class Handle { public static readonly Handle None = new(); private Handle() { } public static Handle Create() => new Handle(); }"
            + " public static class Handles { private static readonly Dictionary<Handle, int> _c = new(); public static void Track(Handle h) => _c[h] = 1; }",
        "public sealed class Tag { public static readonly Tag None = new(\"\"); private Tag(string s) { } public static implicit operator Tag(string s) => new Tag(s); }"
            + " public static class Tags { private static readonly Dictionary<Tag, int> _c = new(); public static void Hit(string s) { Tag t = s; _c[t] = 1; } }",
        "public sealed class Tag { public static readonly Tag None = new(\"\"); private Tag(string s) { } public static bool TryParse(string s, out Tag t) { t = new Tag(s); return true; } }"
            + " public static class Tags { private static readonly Dictionary<Tag, int> _c = new(); public static void Hit(string s) { if (Tag.TryParse(s, out var t)) { _c[t] = 1; } } }",
        "public sealed class Tag { public static readonly Tag None = new(\"\"); private Tag(string s) { } public static Tag Fresh => new Tag(Guid.NewGuid().ToString()); }"
            + " public static class Tags { private static readonly Dictionary<Tag, int> _c = new(); public static void Hit() => _c[Tag.Fresh] = 1; }",
        // A collectible load context per script: the map keeps each one alive, and they are made per call.
        "public static class Scripts { private static readonly Dictionary<System.Runtime.Loader.AssemblyLoadContext, string> _c = new();"
            + " public static void Run(string code) { var context = new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true); _c[context] = code; } }",
        // A registration from a timer a hosted service's StartAsync sets up runs on every tick, not at startup.
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public sealed class Poller : Microsoft.Extensions.Hosting.IHostedService { private Timer? _t; public Task StartAsync(CancellationToken t) { _t = new Timer(_ => Handlers.Register(Guid.NewGuid().ToString()), null, 0, 1000); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // the same registration from an ordinary class's constructor, or from a timer a hosted job's constructor starts.
        "public sealed class Watchdog : Microsoft.Extensions.Hosting.IHostedService { private readonly List<object> _jobs = new(); public void RegisterJob(object job) => _jobs.Add(job);"
            + " public Task StartAsync(CancellationToken t) => Task.CompletedTask; public Task StopAsync(CancellationToken t) => Task.CompletedTask; }"
            + " public sealed class Handler { public Handler(Watchdog w) { w.RegisterJob(this); } }",
        "public sealed class Watchdog : Microsoft.Extensions.Hosting.IHostedService { private readonly List<object> _jobs = new(); public void RegisterJob(object job) => _jobs.Add(job);"
            + " public Task StartAsync(CancellationToken t) => Task.CompletedTask; public Task StopAsync(CancellationToken t) => Task.CompletedTask; }"
            + " public sealed class Job : Microsoft.Extensions.Hosting.IHostedService { public Job(Watchdog w) { _ = Task.Run(() => w.RegisterJob(new object())); } public Task StartAsync(CancellationToken t) => Task.CompletedTask; public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // a true singleton (private constructor, no factory) still holds its single instance.
        "public sealed class PolicyResult { public static PolicyResult Success = new PolicyResult(true); private readonly List<string> _warnings = new(); private PolicyResult(bool ok) { }"
            + " public void Warn(string w) => _warnings.Add(w); }",
        // a registration a request handler calls with the service collection it was given is still reported.
        "public static class Rules { private static readonly List<string> _c = new(); public static void RegisterRulesFor(IServiceCollection services, string t) => _c.Add(t); }"
            + " public sealed class Endpoint { private readonly IServiceCollection _s; public Endpoint(IServiceCollection s) => _s = s; public void Handle(string request) => Rules.RegisterRulesFor(_s, request); }",
        // A loop the start of a hosted service sets going and does not wait for: one listener per invoice's connection, as they come.
        "public sealed class Listener : Microsoft.Extensions.Hosting.IHostedService { private readonly Dictionary<string, object> _c = new(); private readonly System.Threading.Channels.Channel<string> _q = System.Threading.Channels.Channel.CreateUnbounded<string>(); private Task? _loop;"
            + " public Task StartAsync(CancellationToken t) { _loop = CheckAsync(t); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask;"
            + " private async Task CheckAsync(CancellationToken t) { await foreach (var connection in _q.Reader.ReadAllAsync(t)) { if (!_c.ContainsKey(connection)) { _c.Add(connection, new object()); } } } }",
        // The same event handler subscribed by a private helper the start calls.
        "public sealed class Bus { public event Action<string>? Received; } public sealed class Audit : Microsoft.Extensions.Hosting.IHostedService { private readonly Bus _bus; private readonly List<string> _c = new(); public Audit(Bus bus) { _bus = bus; }"
            + " public Task StartAsync(CancellationToken t) { Listen(); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; private void Listen() => _bus.Received += m => _c.Add(m); }",
        // A hosted service started again by code that serves requests: each request adds again.
        "public sealed class Watchers : Microsoft.Extensions.Hosting.IHostedService { private readonly List<IDisposable> _c = new();"
            + " public Task StartAsync(CancellationToken t) { _c.Add(new System.IO.MemoryStream()); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }"
            + " public sealed class RestartController { private readonly Watchers _w; public RestartController(Watchers w) { _w = w; } public Task Post() => _w.StartAsync(CancellationToken.None); }",
        // An overload named like the start of a hosted service is not its start.
        "public static class Handlers { private static readonly List<string> _c = new(); public static void Register(string s) => _c.Add(s); }"
            + " public sealed class Poller : Microsoft.Extensions.Hosting.IHostedService { public Task StartAsync(CancellationToken t) => Task.CompletedTask; public Task StartAsync(string tenant) { Handlers.Register(tenant); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // A key class named for a type that compares by reference: one entry per object made, not per type.
        "public sealed class TypeDetails { public TypeDetails(Type t) { } } public static class Maps { private static readonly ConcurrentDictionary<TypeDetails, int> _c = new(); public static void Remember(TypeDetails d) => _c[d] = 1; }",
        // A per-key removal beside a sweep of stale entries nothing calls: the class says entries outlive their reads.
        "public sealed class Expiring { public static readonly Expiring Instance = new(); private Expiring() { } private readonly Dictionary<string, DateTime> _c = new(); public void Set(string k) => _c[k] = DateTime.UtcNow;"
            + " public bool IsFresh(string k) { if (_c.TryGetValue(k, out DateTime t) && t < DateTime.UtcNow) { _c.Remove(k); return false; } return true; }"
            + " public void Cleanup() { foreach (string k in new List<string>(_c.Keys)) { _c.Remove(k); } } }",
        // A collection created on first use is not emptied by its creation.
        "public sealed class Timers { public static readonly Timers Instance = new(); private Timers() { } private HashSet<object>? _c; public void Track(object t) { if (_c == null) { _c = new HashSet<object>(); } _c.Add(t); } }",
        // A registration method that code serving requests calls through the interface it implements.
        "public interface IInstaller { void InstallPackage(string name); } public sealed class Installer : IInstaller { public static readonly Installer Instance = new(); private Installer() { } private readonly List<string> _c = new(); public void InstallPackage(string name) => _c.Add(name); }"
            + " public sealed class Endpoint { private readonly IInstaller _i; public Endpoint(IInstaller i) => _i = i; public void Handle(string request) => _i.InstallPackage(request); }",
        // A Tuple with a part that carries traffic.
        "public static class Calls { private static readonly ConcurrentDictionary<Tuple<Type, string>, int> _c = new(); public static void Seen(Type t, string requestId) => _c[Tuple.Create(t, requestId)] = 1; }",
        // A string key that is not a type's name, and a key type that only contains "Type" in its name.
        "public static class Labels { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string Of(string s) => _c.GetOrAdd(s.Trim(), n => n); }",
        "public static class Current<T> { public static string Value { get; set; } = \"\"; } public static class Labels { private static readonly ConcurrentDictionary<string, string> _c = new(); public static string Of<T>() => _c.GetOrAdd(Current<T>.Value, n => n); }",
        "public readonly record struct CallKey(Type Type, string RequestId); public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(CallKey k) => _c[k] = 1; }",
        "public readonly record struct HandlerKey(Func<string, int> Handler); public static class Handlers { private static readonly ConcurrentDictionary<HandlerKey, int> _c = new(); public static void Seen(HandlerKey k) => _c[k] = 1; }",
        "public readonly record struct Prototype(string Id); public static class Maps { private static readonly Dictionary<Prototype, int> _c = new(); public static void Remember(Prototype p) => _c[p] = 1; }",
        // An async void loop the start of a hosted service calls: nothing waits for it, it runs by itself.
        "public sealed class Pump : Microsoft.Extensions.Hosting.IHostedService { private readonly Dictionary<string, int> _c = new(); public Task StartAsync(CancellationToken t) { Listen(t); return Task.CompletedTask; } private async void Listen(CancellationToken t) { while (!t.IsCancellationRequested) { await Task.Delay(1000, t); _c[Guid.NewGuid().ToString()] = 1; } } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // An event handler a hosted service subscribes as it starts: it adds per event, after the start has returned.
        "public sealed class Bus { public event Action<string>? Received; } public sealed class Audit : Microsoft.Extensions.Hosting.IHostedService { private readonly Bus _bus; private readonly List<string> _c = new(); public Audit(Bus bus) => _bus = bus; public Task StartAsync(CancellationToken t) { _bus.Received += m => _c.Add(m); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // A timer callback a hosted service sets up as it starts: it adds per tick.
        "public sealed class Sampler : Microsoft.Extensions.Hosting.IHostedService { private Timer? _t; private readonly List<DateTime> _c = new(); public Task StartAsync(CancellationToken t) { _t = new Timer(_ => _c.Add(DateTime.UtcNow), null, 0, 1000); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // A Task.Run loop a hosted service starts: it adds per item.
        "public sealed class Pump : Microsoft.Extensions.Hosting.IHostedService { private Task? _loop; private readonly Dictionary<string, int> _c = new(); public Task StartAsync(CancellationToken t) { _loop = Task.Run(async () => { while (!t.IsCancellationRequested) { await Task.Delay(1000, t); _c[Guid.NewGuid().ToString()] = 1; } }); return Task.CompletedTask; } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // A local function loop a hosted service starts without waiting for it.
        "public sealed class Pump : Microsoft.Extensions.Hosting.IHostedService { private readonly Dictionary<string, int> _c = new(); public Task StartAsync(CancellationToken t) { _ = Loop(); return Task.CompletedTask; async Task Loop() { while (!t.IsCancellationRequested) { await Task.Delay(1000, t); _c[Guid.NewGuid().ToString()] = 1; } } } public Task StopAsync(CancellationToken t) => Task.CompletedTask; }",
        // A singleton that makes instances of a generic type of the same name: still its only instance.
        "public sealed class Logger<T> { } public sealed class Logger { public static readonly Logger Instance = new(); private Logger() { } private readonly List<string> _c = new(); public void Log(string s) => _c.Add(s); public Logger<T> For<T>() => new Logger<T>(); }",
    };

    // Bounds only a tracker by declaration must show itself: a consumer that dequeues, a removal by key, a cleanup
    // another object calls. Real classes named …Tracker by others had exactly these bounds (a presence tracker emptied
    // on disconnect, an error tracker swept by a background loop, a tracker its owner sweeps), so a name the project
    // did not declare neither makes a class long-lived nor holds it to that standard; a suffix the project declares does.
    public static TheoryData<string> BoundedOnlyBelowATrackersStandard { get; } = new()
    {
        "public sealed class WorkTracker { private readonly Queue<string> _c = new(); public void Enqueue(string s) => _c.Enqueue(s); public string Next() => _c.Dequeue(); }",
        "public sealed class ConnectionTracker { private readonly Dictionary<string, object> _c = new(); public void Open(string id, object c) => _c[id] = c; public void Close(string id) => _c.Remove(id); }",
        "public sealed class ShardTracker { private readonly Dictionary<int, string> _c = new(); public void Open(int id) => _c[id] = \"s\"; public void Sweep() => _c.Clear(); }"
            + "public sealed class Scheduler { private readonly ShardTracker _t = new(); public void Tick() => _t.Sweep(); }",
    };

    [Theory]
    [MemberData(nameof(BoundedOnlyBelowATrackersStandard))]
    public async Task A_tracker_name_holds_a_class_to_a_trackers_standard_only_when_the_project_declares_it(string code)
    {
        string source = Framework + "namespace App {\n" + code + "\n}\n";
        AnalyzerRunResult byDefault = await AnalyzerRunner.RunAsync(source, ImmutableDictionary<string, string>.Empty);
        AnalyzerRunResult declared = await AnalyzerRunner.RunAsync(source, AnalyzerRunner.DeclaredTrackers);

        Assert.Empty(byDefault.AnalyzerExceptions);
        Assert.Empty(byDefault.BoundsDiagnostics);
        Assert.Empty(declared.AnalyzerExceptions);
        Assert.Matches("^BND00[12]$", Assert.Single(declared.BoundsDiagnostics).Id);
    }

    [Theory]
    [InlineData("fakeai_bounds.tracker_suffixes", " ", false)]
    [InlineData("build_property.FakeAIBoundsTrackerSuffixes", " ", false)]
    [InlineData("fakeai_bounds.tracker_suffixes", ",", false)]
    [InlineData("build_property.FakeAIBoundsTrackerSuffixes", ",", false)]
    [InlineData("fakeai_bounds.tracker_suffixes", " Tracker ,", true)]
    [InlineData("build_property.FakeAIBoundsTrackerSuffixes", "Tracker", true)]
    public async Task Only_a_suffix_option_that_names_an_ending_declares_one(string key, string value, bool reported)
    {
        // Long-lived only by its name: reported only while the project declares the name.
        const string Code = "public sealed class ErrorTracker { private readonly List<string> _errors = new(); public void Add(string e) => _errors.Add(e); }";

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(
            Framework + "namespace App {\n" + Code + "\n}\n",
            ImmutableDictionary<string, string>.Empty.Add(key, value));

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? new[] { "BND001" } : System.Array.Empty<string>(), run.BoundsDiagnostics.Select(d => d.Id).ToArray());
    }

    [Theory]
    [InlineData("TenantPolicies", true)]
    [InlineData("TenantOptions", false)]
    public async Task What_a_trackers_elements_collect_is_element_state_unless_they_are_configuration_objects(string element, bool reported)
    {
        string code = "public sealed class " + element + " { private readonly List<string> _policies = new(); public void Add(string p) => _policies.Add(p); }"
            + "public sealed class TenantTracker { private readonly Dictionary<string, " + element + "> _tenants = new(); public void Set(string n, " + element + " o) { if (_tenants.Count < 10) { _tenants[n] = o; } } }";

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? new[] { "BND006" } : System.Array.Empty<string>(), run.BoundsDiagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public async Task A_configuration_object_marked_as_a_tracker_is_judged()
    {
        const string Code = "[FakeAI.Bounds.BoundedTracker] public sealed partial class IngestOptions { private readonly List<string> _seen = new(); public void Record(string s) => _seen.Add(s); }";

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + Code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Contains(run.BoundsDiagnostics, d => d.Id == "BND001");
    }

    [Theory]
    [MemberData(nameof(ReportedDespiteLookingSafe))]
    public async Task What_only_looks_bounded_or_like_test_code_is_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + code + "\n}\n");

        // BND001 when nothing removes, BND002 when only a method off the add path does (the tracker's consumer).
        Assert.Empty(run.AnalyzerExceptions);
        Assert.Matches("^BND00[12]$", Assert.Single(run.BoundsDiagnostics).Id);
    }

    [Theory]
    [MemberData(nameof(BoundedOrShortLived))]
    public async Task What_a_careful_reader_calls_bounded_or_short_lived_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [InlineData("/repo/samples/Quickstart/Program.cs", false, false)]
    [InlineData("/repo/src/Samples/RacerWithGrpc/RaceState.cs", false, false)]
    [InlineData(@"C:\repo\doc\samples\Snippet.cs", false, false)]
    [InlineData("examples/Greeter/Server/Services/Greeter.cs", false, false)]
    [InlineData("/repo/tests/NorthwindAuto/Movies.cs", false, false)]
    [InlineData("/repo/src/Testing/PerfRig/StageRecorder.cs", false, false)]
    [InlineData("/repo/TestHarness/AotChecker/JobStorage.cs", false, false)]
    [InlineData("/repo/src/IntegrationTests.Host/Program.cs", false, false)]
    [InlineData("/repo/src/Attestation/Program.cs", false, true)]
    [InlineData("/src/Test0.cs", false, true)]
    [InlineData("/repo/src/Orders/TestingService.cs", false, true)]
    [InlineData("/repo/src/LatestOrders/Program.cs", false, true)]
    [InlineData("/repo/src/Testing/PerfRig/StageRecorder.cs", true, true)]
    [InlineData("/repo/samples/Quickstart/Program.cs", true, true)]
    [InlineData("/repo/src/Orders/Program.cs", false, true)]
    [InlineData("/repo/src/SampleRate/Program.cs", false, true)]
    [InlineData("/repo/src/Examples.Core/Program.cs", false, true)]
    public async Task Samples_demos_and_test_apps_are_not_analyzed_unless_asked(string path, bool analyzeTestCode, bool reported)
    {
        const string Code = "using System; using System.Collections.Generic; namespace App { public static class Seen { private static readonly List<string> _c = new(); public static void Add(string request) => _c.Add(request); public static void Handle(string request) => Add(request); } }";
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = TestCompilation.Create(Code);
        Microsoft.CodeAnalysis.SyntaxTree tree = compilation.SyntaxTrees.First();
        compilation = compilation.ReplaceSyntaxTree(tree, tree.WithFilePath(path));
        ImmutableDictionary<string, string> options = analyzeTestCode
            ? ImmutableDictionary<string, string>.Empty.Add("build_property.FakeAIBoundsAnalyzeTestCode", "true")
            : ImmutableDictionary<string, string>.Empty;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(compilation, options);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Count(d => d.Id == "BND001"));
    }

    // A product project that references a test framework, as every ServiceControl service does through its infrastructure
    // project's NUnit reference: where the build passes IsTestProject (an SDK build passes it empty for a product
    // project), the build's word counts, and the project is analyzed; only a build that passes nothing leaves the
    // framework reference as the sign of a test project.
    [Theory]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("false", true)]
    [InlineData("true", false)]
    public async Task A_reference_to_a_test_framework_makes_test_code_only_where_the_build_does_not_say(string? isTestProject, bool reported)
    {
        const string Code = "using System; using System.Collections.Generic; namespace App { public static class Seen { private static readonly List<string> _c = new(); public static void Add(string request) => _c.Add(request); public static void Handle(string request) => Add(request); } }";
        Microsoft.CodeAnalysis.MetadataReference nunit = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "nunit.framework",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }") },
            TestCompilation.Create(string.Empty).References,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = TestCompilation.Create(Code).AddReferences(nunit);
        ImmutableDictionary<string, string> options = isTestProject is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.IsTestProject", isTestProject);

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(compilation, options);

        Assert.Contains(compilation.ReferencedAssemblyNames, identity => identity.Name == "nunit.framework");
        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Count(d => d.Id == "BND001"));
    }

    [Theory]
    [InlineData("build_property.IsTestProject", "true", false)]
    [InlineData("build_property.IsTestProject", "false", true)]
    [InlineData("build_property.FakeAIBoundsAnalyzeTestCode", "true", true)]
    public async Task A_test_project_is_not_analyzed_unless_asked(string key, string value, bool reported)
    {
        const string Fixture = "public static class FakeClock { public static readonly List<DateTime> Calls = new(); public static void Tick() => Calls.Add(DateTime.UtcNow); }";
        ImmutableDictionary<string, string> options = ImmutableDictionary<string, string>.Empty.Add(key, value);
        if (key != "build_property.IsTestProject")
        {
            options = options.Add("build_property.IsTestProject", "true");
        }

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + Fixture + "\n}\n", options);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Count(d => d.Id == "BND001"));
    }
}
