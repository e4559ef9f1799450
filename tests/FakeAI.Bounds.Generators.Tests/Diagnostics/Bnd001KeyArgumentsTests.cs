using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Keys that come from a method's parameters: a map keyed by what its callers pass is bounded by the program when every
/// caller (all of them in the compilation: a private or internal method, or any method of an application) passes a key
/// the program fixes — a literal, a type's name, <c>string.Empty</c>, an enum, a local holding one, or a parameter its own
/// callers fix — and names the program is configured with (an options object's values, configuration sections).
/// An internal method nothing in the assembly calls runs for no one, unless a friend assembly other than its tests
/// sees it. Anything else, a caller out of sight, a delegate, or a list (which grows per call, whatever the key), is
/// still reported.
/// </summary>
public class Bnd001KeyArgumentsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Options;
        namespace Microsoft.Extensions.Options
        {
            public interface IOptions<out T> where T : class { T Value { get; } }
            public interface IOptionsMonitor<out T> { T CurrentValue { get; } }
        }
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration { string? this[string key] { get; set; } IConfigurationSection GetSection(string key); }
            public interface IConfigurationSection : IConfiguration { string? Value { get; set; } }
            public static class ConfigurationExtensions { public static string? GetConnectionString(this IConfiguration configuration, string name) => configuration[name]; }
        }
        namespace OpenTelemetry.Metrics
        {
            public sealed class Metric { public string Name { get; } = ""; }
        }

        """;

    public static TheoryData<string> KeysTheProgramWrites { get; } = new()
    {
        // The last click per link, each link written in the code.
        "public static class Links { private static readonly Dictionary<string, DateTime> _c = new(); private static void Open(string url) { if (!_c.TryAdd(url, DateTime.UtcNow)) { _c[url] = DateTime.UtcNow; } }"
            + " public static void Docs() => Open(\"https://example.org/docs\"); public static void Home() => Open(\"https://example.org\"); }",
        // A schema per handler type, its name read into a local first.
        "internal sealed class Schemas { public static readonly Schemas Instance = new(); private Schemas() { } private readonly ConcurrentDictionary<string, object> _c = new(); internal void Add(string name, Type type) => _c[name] = type; }"
            + " public static class Binder { public static void Bind<T>() { var name = typeof(T).FullName!; Schemas.Instance.Add(name, typeof(T)); } }",
        // A parameter handed on: the public-looking overload of an internal class passes its callers' literal names on.
        "internal static class Tracers { private static readonly Dictionary<string, object> _c = new(); public static object Get(string name) => Get(name, true); private static object Get(string name, bool headers) { if (!_c.TryGetValue(name, out object? t)) { t = new object(); _c.Add(name, t); } return t; } }"
            + " public static class Users { public static object Tracer() => Tracers.Get(\"users\"); public static object Other() => Tracers.Get(nameof(Users)); }",
        // A template per mail: each sender names its template in a const local, handed through two private methods.
        "public delegate string Render(object model); public sealed class Mailer { public static readonly Mailer Instance = new(); private readonly ConcurrentDictionary<string, Render> _c = new(); "
            + " public string Invite(object model) { const string template = \"invite\"; return Fill(template, model); } public string Reset(object model) { const string template = \"reset\"; string body = Fill(template, model); return body; } "
            + " private string Fill(string name, object model) => Compiled(name)(model); private Render Compiled(string name) => _c.GetOrAdd(name, templateName => model => templateName); }",
        // One bucket: every caller passes the same empty key.
        "internal sealed class Limiter { private readonly Dictionary<string, int> _c = new(); public bool TryAcquire(string key) { _c[key] = _c.TryGetValue(key, out int n) ? n + 1 : 1; return true; } }"
            + " public static class Sync { private static readonly Limiter Limit = new(); public static bool Run() => Limit.TryAcquire(string.Empty); }",
        // Names made of fixed parts: a literal and a type's name, an interpolation of constants and nameof, a choice of two literals.
        "public static class Counters { private static readonly ConcurrentDictionary<string, long> _c = new(); private static long Next(string id) => _c.AddOrUpdate(id, 1, (k, v) => v + 1); "
            + " public static long Jobs<T>() => Next(\"jobs:\" + typeof(T).Name); public static long Mail() => Next($\"mail:{nameof(Counters)}\"); public static long Either(bool a) => Next(a ? \"a\" : \"b\"); }",
        // A tuple of a type and a property name, each caller naming the property.
        "public static class Saved { private static readonly Dictionary<(Type, string), bool> _c = new(); private static void Mark(Type settings, string property) => _c[(settings, property)] = true; "
            + " public static void Theme() => Mark(typeof(Saved), \"Theme\"); public static void Size() => Mark(typeof(Saved), nameof(Size)); }",
        // A reflection cache keyed by the value of a type's handle, read into a local first.
        "public static class Cloners { private static readonly ConcurrentDictionary<IntPtr, object> _c = new(); public static object For(Type type) { IntPtr handle = type.TypeHandle.Value; return _c.GetOrAdd(handle, h => new object()); } }",
        // A pair of handle values, and a method's metadata token.
        "public static class Converters { private static readonly ConcurrentDictionary<(IntPtr, IntPtr), object> _c = new(); private static readonly Dictionary<int, object> _t = new(); public static object For(Type from, Type to) => _c.GetOrAdd((from.TypeHandle.Value, to.TypeHandle.Value), k => new object());"
            + " public static void Mark(System.Reflection.MethodInfo method) => _t[method.MetadataToken] = method; }",
        // A string made of a declaring type's and a method's handle values.
        "public static class Invokers { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(System.Reflection.MethodInfo method) { var typeHandle = method.DeclaringType!.TypeHandle.Value; var methodHandle = method.MethodHandle.Value; var key = $\"{typeHandle}_{methodHandle}\"; return _c.GetOrAdd(key, k => new object()); } }",
        // A key struct of the program made from a type and a literal member name.
        "public readonly record struct MemberKey(Type Type, string Name); public static class Fetchers { private static readonly ConcurrentDictionary<MemberKey, object> _c = new(); public static object Count(object source) => _c.GetOrAdd(new MemberKey(source.GetType(), \"Count\"), k => new object()); }",
        // The same key struct made from parameters that every caller fixes.
        "public readonly record struct MemberKey(Type Type, string Name); internal static class Fetchers { private static readonly ConcurrentDictionary<MemberKey, object> _c = new(); internal static object Fetch(Type type, string name) => _c.GetOrAdd(new MemberKey(type, name), k => new object()); "
            + " public static object Count(object source) => Fetch(source.GetType(), nameof(Count)); public static object Length(object source) => Fetch(source.GetType(), \"Length\"); }",
        // A total per OpenTelemetry metric stream an exporter is handed: one per instrument the code creates.
        "public sealed class Exporter { public static readonly Exporter Instance = new(); private Exporter() { } private readonly Dictionary<string, double> _c = new();"
            + " public void Export(IEnumerable<OpenTelemetry.Metrics.Metric> batch) { foreach (var metric in batch) { _c[metric.Name] = _c.TryGetValue(metric.Name, out double v) ? v + 1 : 1; } } }",
        // An assembly logged once per name and version it loads in: read through its name, the version may be missing.
        "public static class Loads { private static readonly ConcurrentDictionary<string, byte> _c = new(); public static void Seen(System.Reflection.Assembly assembly)"
            + " { var name = assembly.GetName(); var version = name.Version?.ToString() ?? \"unknown\"; _c.TryAdd($\"{name.Name}|{version}\", 0); } }",
        // a key interpolated from fixed parts and a parameter, in an internal method nothing calls (FreeSql's Utils.FillPropertyValue).
        "public static class Fillers { private static readonly ConcurrentDictionary<string, Action<object, object>> _c = new(); internal static void Fill(object info, string memberAccessPath, object value)"
            + " { var typeObj = info.GetType(); var key = \"Fill_\" + typeObj.FullName + \"_\" + value.GetType().FullName; var act = _c.GetOrAdd($\"{key}.{memberAccessPath}\", s => (o, v) => { }); act(info, value); } }",
        // a literal prefix and a parameter every caller fixes.
        "public static class Counters { private static readonly ConcurrentDictionary<string, long> _c = new(); private static long Next(string id) => _c.AddOrUpdate(\"jobs:\" + id, 1, (k, v) => v + 1);"
            + " public static long Jobs() => Next(\"a\"); public static long Mail() => Next(nameof(Counters)); }",
        // a handler per extension, named by its type's attribute or its type's name, lower-cased (azure-functions-host's DefaultScriptWebHookProvider).
        "public sealed class ExtensionAttribute : Attribute { public ExtensionAttribute(string section) { ConfigurationSection = section; } public string ConfigurationSection { get; } }"
            + " public sealed class Hooks { public static readonly Hooks Instance = new(); private Hooks() { } private readonly Dictionary<string, object> _c = new(StringComparer.OrdinalIgnoreCase);"
            + " public string GetUrl(object extension) { var extensionType = extension.GetType(); var attrib = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<ExtensionAttribute>(extensionType);"
            + " string name = (attrib?.ConfigurationSection ?? extensionType.Name).ToLowerInvariant(); _c[name] = extension; return name; } }",
        // a template per mail type and kind, its name made in a local of the type's name and a parameter every caller fixes.
        "public sealed class Renderer { public static readonly Renderer Instance = new(); private Renderer() { } private readonly ConcurrentDictionary<string, object> _c = new();"
            + " public (object, object) Render(object model) => (Compile(model, \"html\"), Compile(model, \"text\")); private object Compile(object model, string kind) { var name = $\"{model.GetType().FullName}.{kind}.hbs\"; return _c.GetOrAdd(name, k => new object()); } }",
        // the same made in place by concatenation.
        "public static class Counters { private static readonly ConcurrentDictionary<string, long> _c = new(); private static long Next(Type type, string id) => _c.AddOrUpdate(type.Name + \":\" + id, 1, (k, v) => v + 1);"
            + " public static long Jobs<T>() => Next(typeof(T), \"jobs\"); public static long Mail() => Next(typeof(Counters), nameof(Mail)); }",
    };

    public static TheoryData<string> ReflectionCacheKeys { get; } = new()
    {
        // A resolver per CLR type and field name, the name from the caller.
        "public static class Resolvers { private static readonly ConcurrentDictionary<(Type Type, string Name), object> _c = new(); public static object Resolve(object source, string name) => _c.GetOrAdd((source.GetType(), name), k => new object()); }",
        // A getter per property name and type, the tuple made in a local first and the entry set by the indexer.
        "public static class Getters { private static readonly Dictionary<(string, Type), Func<object, object>> _c = new(); public static Func<object, object> For(Type type, string propertyName)"
            + " { (string, Type) key = (propertyName, type); if (!_c.TryGetValue(key, out var getter)) { getter = o => o; _c[key] = getter; } return getter; } }",
        // A positional record of a type and a member's name, made with a target-typed new; and a member name read from another object.
        "public readonly record struct LookupKey(Type Type, string MemberName); public static class Lookups { private static readonly ConcurrentDictionary<LookupKey, object> _c = new(); public static object Resolve(Type type, string memberName) => _c.GetOrAdd(new(type, memberName), k => new object()); }",
        "public sealed class FieldDefinition { public string MemberName { get; set; } = \"\"; } public static class Writers { private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object For(Type clrType, FieldDefinition field) => _c.GetOrAdd((clrType, field.MemberName), k => new object()); }",
        // A key struct whose constructor stores only what a method tells: its metadata token and module.
        "public readonly record struct MethodKey { public MethodKey(System.Reflection.MethodInfo method) { Token = method.MetadataToken; Module = method.Module; } public int Token { get; } public System.Reflection.Module Module { get; } }"
            + " public static class Deducers { private static readonly ConcurrentDictionary<MethodKey, object> _c = new(); public static object For(System.Reflection.MethodInfo method) { var key = new MethodKey(method); return _c.GetOrAdd(key, k => new object()); } }",
        // A fetcher key struct with guard clauses and a constructor that chains to another, keyed by types and a method's name.
        "public readonly struct FetcherKey { public readonly Type Type1; public readonly Type Type2; public readonly Type? Type3; public readonly string Name;"
            + " public FetcherKey(Type type1, Type type2, string name) : this(type1, type2, null, name) { }"
            + " public FetcherKey(Type type1, Type type2, Type? type3, string name) { Type1 = type1 ?? throw new ArgumentNullException(nameof(type1)); Type2 = type2; Type3 = type3; Name = name ?? throw new ArgumentNullException(nameof(name)); } }"
            + " public static class Fetchers { private static readonly ConcurrentDictionary<FetcherKey, object> _c = new(); public static object Call(object source, Type returnType, string methodName) => _c.GetOrAdd(new FetcherKey(source.GetType(), returnType, methodName), k => new object()); }",
        // the same key made by a private helper (Elastic APM's ObjectExtensions.GetKey<TResult>).
        "public readonly struct FetcherKey { public readonly Type Type1; public readonly Type Type2; public readonly string Name;"
            + " public FetcherKey(Type type1, Type type2, string name) { Type1 = type1 ?? throw new ArgumentNullException(nameof(type1)); Type2 = type2; Name = name ?? throw new ArgumentNullException(nameof(name)); } }"
            + " public static class Fetchers { private static readonly ConcurrentDictionary<FetcherKey, object> _c = new(); public static object Field<TResult>(object source, string fieldName) { var type = source.GetType(); return _c.GetOrAdd(GetKey<TResult>(fieldName, type), k => new object()); }"
            + " private static FetcherKey GetKey<TResult>(string name, Type type) => new FetcherKey(type, typeof(TResult), name); }",
        // a tuple made by a helper with a block body.
        "public static class Getters { private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object For(object source, string propertyName) => _c.GetOrAdd(KeyOf(source.GetType(), propertyName), k => new object());"
            + " private static (Type, string) KeyOf(Type type, string name) { return (type, name); } }",
    };

    public static TheoryData<string> ConfiguredKeys { get; } = new()
    {
        // A client per configured queue, its name read from the options.
        "public sealed class QueueOptions { public string Name { get; set; } = \"\"; } public static class Clients { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(IOptions<QueueOptions> options) => _c.GetOrAdd(options.Value.Name, n => new object()); }",
        // The same through a monitor held by a long-lived object, and through a private helper its callers feed.
        "public sealed class QueueOptions { public string Prefix { get; set; } = \"\"; } public static class Clients { private static readonly ConcurrentDictionary<string, object> _c = new(); private static object Open(string name) => _c.GetOrAdd(name, n => new object());"
            + " public static object For(IOptionsMonitor<QueueOptions> monitor) => Open(monitor.CurrentValue.Prefix + \":main\"); }",
        // A connection per configured connection string or section value.
        "public static class Connections { private static readonly Dictionary<string, object> _c = new(); public static void Open(IConfiguration configuration) { _c[configuration.GetConnectionString(\"Main\")!] = new object(); _c[configuration.GetSection(\"Queue\").Value!] = new object(); _c[configuration[\"Cache\"]!] = new object(); } }",
        // The options object kept by the constructor, its name read later: one shared connection per configured id.
        "public sealed class BackplaneOptions { public string? ConnectionId { get; set; } } public sealed class Backplane { private static readonly ConcurrentDictionary<string, object> _c = new(); private readonly BackplaneOptions _options;"
            + " public Backplane(IOptions<BackplaneOptions> accessor) { _options = accessor.Value ?? throw new ArgumentNullException(nameof(accessor)); } public object Connect() => _c.GetOrAdd(_options.ConnectionId ?? \"_default\", _ => new object()); }",
        // A pool per connection string, in a library whose callers pass it: one per database the application uses.
        "public sealed class Pool { } public static class Pools { private static readonly ConcurrentDictionary<string, Pool> _c = new(); public static Pool For(string connectionString) => _c.GetOrAdd(connectionString, _ => new Pool()); }",
        // A counter per connection string, kept by the setter of a pool policy's property; and a flag per opened connection's string.
        "public sealed class PoolPolicy { private static readonly ConcurrentDictionary<string, int> _increments = new(); private string _connectionString = \"\";"
            + " public string ConnectionString { get => _connectionString; set { _connectionString = value ?? \"\"; _increments.AddOrUpdate(_connectionString, 1, (k, v) => v + 1); } } }",
        "public static class Mars { private static readonly Dictionary<string, bool> _c = new(); public static void Seen(System.Data.Common.DbConnection connection) => _c[connection.ConnectionString] = true; }",
    };

    public static TheoryData<string> KeysFromElsewhere { get; } = new()
    {
        // A read-only field one constructor sets from options and another from its caller's argument.
        "public sealed class BackplaneOptions { public string ConnectionId { get; set; } = \"\"; } public sealed class Backplane { private static readonly ConcurrentDictionary<string, object> _c = new(); private readonly string _id;"
            + " public Backplane(IOptions<BackplaneOptions> accessor) { _id = accessor.Value.ConnectionId; } public Backplane(string id) { _id = id; } public object Connect() => _c.GetOrAdd(_id, _ => new object()); }",
        // A field that is not read-only: anything may set it later.
        "public sealed class BackplaneOptions { public string ConnectionId { get; set; } = \"\"; } public sealed class Backplane { private static readonly ConcurrentDictionary<string, object> _c = new(); private BackplaneOptions _options;"
            + " public Backplane(IOptions<BackplaneOptions> accessor) { _options = accessor.Value; } public void Use(BackplaneOptions options) => _options = options; public object Connect() => _c.GetOrAdd(_options.ConnectionId, _ => new object()); }",
        // An assembly's name is made anew by each GetName(), compared by reference: a key per call, not per assembly.
        "public static class Loads { private static readonly ConcurrentDictionary<System.Reflection.AssemblyName, byte> _c = new(); public static void Seen(System.Reflection.Assembly assembly) => _c.TryAdd(assembly.GetName(), 0); }",
        // What a request says, read through a conditional access and a fallback.
        "public sealed class Request { public string? Tenant { get; set; } } public static class Tenants { private static readonly ConcurrentDictionary<string, byte> _c = new(); public static void Seen(Request? request) => _c.TryAdd(request?.Tenant?.ToString() ?? \"none\", 0); }",
        // A reflection object's name with a request's text after it.
        "public static class Plans { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(Type type, string sql) => _c.GetOrAdd(type.Assembly.GetName().Name + sql, k => new object()); }",
        // A value that merely sits in a property named Value.
        "public sealed class Request { public Body Value { get; set; } = new(); } public sealed class Body { public string Name { get; set; } = \"\"; } public static class Clients { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(Request request) => _c.GetOrAdd(request.Value.Name, n => new object()); }",
        // A public method of a library: its callers outside the compilation pass what they like.
        "public static class Links { private static readonly Dictionary<string, DateTime> _c = new(); public static void Open(string url) => _c[url] = DateTime.UtcNow; public static void Docs() => Open(\"https://example.org/docs\"); }",
        // One caller passes a request's value, handed on by a public method.
        "public static class Links { private static readonly Dictionary<string, DateTime> _c = new(); private static void Open(string url) => _c[url] = DateTime.UtcNow; public static void Docs() => Open(\"https://example.org/docs\"); public static void Handle(string request) => Open(request); }",
        // The method is handed out as a delegate: whoever runs it passes any key.
        "public static class Links { private static readonly Dictionary<string, DateTime> _c = new(); private static void Open(string url) => _c[url] = DateTime.UtcNow; public static void Docs() => Open(\"https://example.org/docs\"); public static Action<string> Opener => Open; }",
        // A list grows with every call, whatever the callers pass.
        "public static class Log { private static readonly List<string> _c = new(); private static void Write(string line) => _c.Add(line); public static void Started() => Write(\"started\"); }",
        // A local assigned again after its literal initializer.
        "public static class Links { private static readonly Dictionary<string, DateTime> _c = new(); private static void Open(string url) => _c[url] = DateTime.UtcNow; public static void Handle(string request) { var url = \"https://example.org\"; url = request; Open(url); } }",
        // A key struct made from a type and a caller's text that names no member: the callers are out of sight.
        "public readonly record struct PlanKey(Type Type, string Sql); public static class Plans { private static readonly ConcurrentDictionary<PlanKey, object> _c = new(); public static object Plan(object source, string sql) => _c.GetOrAdd(new PlanKey(source.GetType(), sql), k => new object()); }",
        // The same as a tuple; and a member's name beside something that is no type or member.
        "public static class Plans { private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object Plan(Type type, string sql) => _c.GetOrAdd((type, sql), k => new object()); }",
        "public static class Fields { private static readonly ConcurrentDictionary<(string, string), object> _c = new(); public static object Read(string tenant, string fieldName) => _c.GetOrAdd((tenant, fieldName), k => new object()); }",
        // A member's name alone: any caller's name.
        "public static class Names { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(string name) => _c.GetOrAdd(name, k => new object()); }",
        // A key struct whose constructor stores a counter, or a helper's result, beside its arguments.
        "public readonly struct CallKey { private static int s_next; public CallKey(System.Reflection.MethodInfo method) { Method = method; Id = System.Threading.Interlocked.Increment(ref s_next); } public System.Reflection.MethodInfo Method { get; } public int Id { get; } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(System.Reflection.MethodInfo m) => _c[new CallKey(m)] = 1; }",
        "public readonly struct CallKey { public CallKey(Type type, string name) { Type = type; Name = Normalize(name); } private static string Normalize(string s) => s + Environment.TickCount; public Type Type { get; } public string Name { get; } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(object o) => _c[new CallKey(o.GetType(), \"x\")] = 1; }",
        // Key structs whose constructors store more than their arguments: through a helper called as a statement, a
        // call on the key itself, a new object compared by reference, a property whose setter stamps the time.
        "public struct CallKey { public CallKey(Type type) { Type = type; Stamp = 0; Init(); } private void Init() { Stamp = Environment.TickCount64; } public Type Type { get; } public long Stamp { get; private set; } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(object o) => _c[new CallKey(o.GetType())] = 1; }",
        "public readonly struct CallKey { public CallKey(Type type) { Type = type; Stamp = this.Now(); } private long Now() => Environment.TickCount64; public Type Type { get; } public long Stamp { get; } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(object o) => _c[new CallKey(o.GetType())] = 1; }",
        "public readonly struct CallKey { public CallKey(Type type) { Type = type; Token = new object(); } public Type Type { get; } public object Token { get; } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(object o) => _c[new CallKey(o.GetType())] = 1; }",
        "public struct CallKey { private long _stamp; private Type _type; public CallKey(Type type) { _stamp = 0; _type = typeof(object); Type = type; } public Type Type { get => _type; set { _type = value; _stamp = Environment.TickCount64; } } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(object o) => _c[new CallKey(o.GetType())] = 1; }",
        // A name beside a type that is the same in every key, beside a meter, read into a local, or an object's Name.
        "public static class Metrics { private static readonly ConcurrentDictionary<(Type, string), long> _c = new(); public static void Count(string name) => _c.AddOrUpdate((typeof(Metrics), name), 1, (k, v) => v + 1); }",
        "public static class Metrics { private static readonly System.Diagnostics.Metrics.Meter Meter = new(\"app\"); private static readonly ConcurrentDictionary<(System.Diagnostics.Metrics.Meter, string), long> _c = new(); public static void Count(string name) => _c.AddOrUpdate((Meter, name), 1, (k, v) => v + 1); }",
        "public sealed class Request { public string Query { get; set; } = \"\"; } public static class Handlers { private static readonly ConcurrentDictionary<(Type, string), int> _c = new(); public static void Seen(Request request) { var name = request.Query; _c.TryAdd((request.GetType(), name), 1); } }",
        "public sealed class User { public string Name { get; set; } = \"\"; } public static class Seen { private static readonly ConcurrentDictionary<(Type, string), int> _c = new(); public static void Visit(User user) => _c.TryAdd((user.GetType(), user.Name), 1); }",
        // A key struct that chains to its base's constructor, whose state this reading does not see.
        "public record Stamp(DateTime At); public sealed record CallKey : Stamp { public CallKey(Type type) : base(DateTime.UtcNow) { Type = type; } public Type Type { get; } }"
            + " public static class Calls { private static readonly ConcurrentDictionary<CallKey, int> _c = new(); public static void Seen(object o) => _c[new CallKey(o.GetType())] = 1; }",
        // A key whose constructor stores more than its arguments: a record with a computed member, and a struct.
        "public readonly record struct StampKey(Type Type, string Name) { public DateTime At { get; } = DateTime.UtcNow; } public static class Stamps { private static readonly ConcurrentDictionary<StampKey, int> _c = new(); public static void Seen(object o) => _c[new StampKey(o.GetType(), \"x\")] = 1; }",
        "public readonly struct StampKey { public StampKey(Type type, string name) { Type = type; Name = name + DateTime.UtcNow.Ticks; } public Type Type { get; } public string Name { get; } } public static class Stamps { private static readonly ConcurrentDictionary<StampKey, int> _c = new(); public static void Seen(object o) => _c[new StampKey(o.GetType(), \"x\")] = 1; }",
        // A tuple of a handle value and a request's text.
        "public static class Plans { private static readonly ConcurrentDictionary<(IntPtr, string), object> _c = new(); public static object For(Type type, string sql) => _c.GetOrAdd((type.TypeHandle.Value, sql), k => new object()); }",
        // The Value of something that is not a runtime handle.
        "public static class Boxes { private static readonly ConcurrentDictionary<int, object> _c = new(); public static object For(int? id) => _c.GetOrAdd(id!.Value, k => new object()); }",
        // A local named as a connection string but built from a caller's values: judged by what it is made of.
        "public static class Pools { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(string host, string db) { var connectionString = $\"Server={host};Database={db}\"; return _c.GetOrAdd(connectionString, _ => new object()); } }",
        // Another object's property named ConnectionString: a tenant's, not the program's configuration.
        "public sealed class Tenant { public string ConnectionString { get; set; } = \"\"; } public static class Pools { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(Tenant tenant) => _c.GetOrAdd(tenant.ConnectionString, _ => new object()); }",
        // A connection string the name does not call one: judged as any caller's string.
        "public static class Nodes { private static readonly ConcurrentDictionary<string, object> _c = new(); public static object For(string connStr) => _c.GetOrAdd(connStr, _ => new object()); }",
        // Named like a connection string but not a string: a builder compared by reference, one per call.
        "public static class Nodes { private static readonly ConcurrentDictionary<System.Data.Common.DbConnectionStringBuilder, object> _c = new(); public static object For(System.Data.Common.DbConnectionStringBuilder connectionString) => _c.GetOrAdd(connectionString, _ => new object()); }",
        // a prefix and a parameter one caller fills from a request.
        "public static class Links { private static readonly Dictionary<string, DateTime> _c = new(); private static void Open(string url) => _c[\"link:\" + url] = DateTime.UtcNow; public static void Docs() => Open(\"https://example.org/docs\"); public static void Handle(string request) => Open(request); }",
        // a helper that makes the key of a type and a request's text.
        "public static class Plans { private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object Plan(object source, string sql) => _c.GetOrAdd(KeyOf(source.GetType(), sql), k => new object()); private static (Type, string) KeyOf(Type type, string text) => (type, text); }",
        // a helper that stamps the key with the time.
        "public static class Plans { private static readonly ConcurrentDictionary<(Type, long), object> _c = new(); public static object Plan(object source) => _c.GetOrAdd(KeyOf(source.GetType()), k => new object()); private static (Type, long) KeyOf(Type type) => (type, DateTime.UtcNow.Ticks); }",
        // an attribute handed in by the caller, not read from a type; and a request's text lower-cased.
        "public sealed class ExtensionAttribute : Attribute { public ExtensionAttribute(string section) { ConfigurationSection = section; } public string ConfigurationSection { get; } }"
            + " public static class Sections { private static readonly Dictionary<string, int> _c = new(); public static void Seen(ExtensionAttribute attribute) => _c[attribute.ConfigurationSection.ToLowerInvariant()] = 1; }",
        "public static class Names { private static readonly Dictionary<string, int> _c = new(); public static void Seen(string request) => _c[request.ToLowerInvariant()] = 1; }",
        // a name made of a type's name and a parameter that one caller fills from a request.
        "public sealed class Renderer { public static readonly Renderer Instance = new(); private Renderer() { } private readonly ConcurrentDictionary<string, object> _c = new();"
            + " public object Render(object model) => Compile(model, \"html\"); public object Handle(object model, string request) => Compile(model, request); private object Compile(object model, string kind) { var name = $\"{model.GetType().FullName}.{kind}.hbs\"; return _c.GetOrAdd(name, k => new object()); } }",
        // A metric stream per instrument identity an SDK is handed, kept after the instrument is disposed: the metric
        // objects are made per instrument created, not a set the program fixes, whatever their name.
        "public readonly record struct StreamIdentity(string MeterName, string InstrumentName, Guid Id); public sealed class Reader { public static readonly Reader Instance = new(); private Reader() { }"
            + " private readonly ConcurrentDictionary<StreamIdentity, OpenTelemetry.Metrics.Metric> _c = new(); public void Added(StreamIdentity identity) => _c.TryAdd(identity, new OpenTelemetry.Metrics.Metric()); }",
        // An interface member: its callers hold the interface, out of sight.
        "public interface ISink { void Put(string key); } internal sealed class Sink : ISink { public static readonly Sink Instance = new(); private Sink() { } private readonly Dictionary<string, int> _c = new(); public void Put(string key) => _c[key] = 1; public static void Warm() => Instance.Put(\"a\"); }",
        // A key helper that calls itself (half-written code): read without end, it would overflow the stack.
        "public static class Plans { private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object Plan(object source, string sql) => _c.GetOrAdd(KeyOf(source.GetType(), sql), k => new object()); private static (Type, string) KeyOf(Type type, string text) => KeyOf(type, text); }",
        // An attribute property that is computed, not a constant written where it is applied.
        "public sealed class TagAttribute : Attribute { public string Name => Guid.NewGuid().ToString(); } public static class Tags { private static readonly Dictionary<string, int> _c = new(); public static void Seen(object o) => _c[System.Reflection.CustomAttributeExtensions.GetCustomAttribute<TagAttribute>(o.GetType())!.Name] = 1; }",
        // A string key of a parameter the method itself reassigns.
        "internal static class Hits { private static readonly Dictionary<string, int> _c = new(); private static void Hit(string kind) { kind += Guid.NewGuid().ToString(); _c[\"k:\" + kind] = 1; } public static void A() => Hit(\"a\"); }",
        // A key helper that reads a static field beside its parameter: the field is any value the program sets.
        "public static class Plans { public static string Tenant = \"\"; private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object Plan(object source) => _c.GetOrAdd(KeyOf(source.GetType()), k => new object()); private static (Type, string) KeyOf(Type type) => (type, Tenant); }",
        // A string key a loop grows from the caller's value: reassigned, it is no longer what the callers pass.
        "internal static class Hits { private static readonly Dictionary<string, int> _c = new(); private static void Hit(string kind, string[] items) { var key = \"k:\" + kind; foreach (var s in items) { key = key + s; _c[key] = 1; } } public static void A(string[] request) => Hit(\"a\", request); }",
        // Two key helpers that hand on to each other: read no further than a key built in place.
        "public static class Plans { private static readonly ConcurrentDictionary<(Type, string), object> _c = new(); public static object Plan(object source, string sql) => _c.GetOrAdd(A(source.GetType(), sql), k => new object()); private static (Type, string) A(Type type, string text) => B(type, text); private static (Type, string) B(Type type, string text) => A(type, text); }",
        // The same with the bare parameter.
        "internal static class Hits { private static readonly Dictionary<string, int> _c = new(); private static void Hit(string kind) { kind += Guid.NewGuid().ToString(); _c[kind] = 1; } public static void A() => Hit(\"a\"); }",
    };

    [Theory]
    [MemberData(nameof(KeysTheProgramWrites))]
    public async Task A_map_keyed_by_what_every_caller_writes_in_the_program_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [MemberData(nameof(ReflectionCacheKeys))]
    public async Task A_reflection_cache_keyed_by_a_type_and_a_members_name_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [MemberData(nameof(ConfiguredKeys))]
    public async Task A_map_keyed_by_configured_names_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [MemberData(nameof(KeysFromElsewhere))]
    public async Task A_key_some_caller_does_not_fix_is_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal("BND001", Assert.Single(run.BoundsDiagnostics).Id);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests, PublicKey=0024\")]", false)]
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"DynamicProxyGenAssembly2\")]", false)]
    [InlineData("[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Web\")]", true)]
    public async Task An_internal_method_nothing_calls_adds_nothing_unless_another_assembly_sees_it(string friends, bool reported)
    {
        // The reflection helpers of a library, two levels of which nothing in it calls yet.
        string code = "using System; using System.Collections.Concurrent;\n" + friends + "\nnamespace App { internal static class Fetchers { private static readonly ConcurrentDictionary<(Type, string), object> _c = new();"
            + " public static object Fetch(object source, string path) => _c.GetOrAdd((source.GetType(), path), k => new object());"
            + " public static object FetchNamed(object source, string path) => Fetch(source, path); } }";

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(code);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Count(d => d.Id == "BND001"));
    }

    [Theory]
    [InlineData("private", false)]
    [InlineData("internal", true)]
    [InlineData("public", true)]
    public async Task A_friend_assembly_sees_internal_callers_never_private_ones(string access, bool reported)
    {
        // A library that shows its internals to its web host: the private helpers are still called only by their class,
        // each sender naming its template; an internal one the host may call with any name.
        string code = "using System.Collections.Concurrent;\n[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Web\")]\n"
            + "namespace App { public delegate string Render(object model); public sealed class Mailer { private readonly ConcurrentDictionary<string, Render> _c = new(); "
            + " public static readonly Mailer Instance = new(); private Mailer() { } public string Invite(object model) { const string template = \"invite\"; return Fill(template, model); } "
            + access + " string Fill(string name, object model) => Compiled(name)(model); private Render Compiled(string name) => _c.GetOrAdd(name, templateName => model => templateName); } }";

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(code);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Count(d => d.Id == "BND001"));
    }

    [Theory]
    [InlineData(OutputKind.ConsoleApplication, true)]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, true)]
    public async Task A_public_method_nothing_calls_is_called_from_outside(OutputKind kind, bool reported)
    {
        // A controller's action: the framework calls it with each request's values, by reflection.
        const string Code = "using System.Collections.Generic; namespace App { public sealed class VisitsController { private static readonly Dictionary<string, int> _c = new(); public void Visit(string page) => _c[page] = 1; } }";
        CSharpCompilation compilation = TestCompilation.Create(Code);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(kind));

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(compilation);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Length);
    }

    [Theory]
    [InlineData(OutputKind.ConsoleApplication, false)]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, true)]
    public async Task An_application_calls_its_public_methods_itself(OutputKind kind, bool reported)
    {
        const string Code = """
            using System.Collections.Generic;
            namespace App
            {
                public sealed class Limiter
                {
                    private readonly Dictionary<string, int> _c = new();
                    public bool TryAcquire(string key) { _c[key] = 1; return true; }
                }
                public static class Program
                {
                    private static readonly Limiter Limit = new();
                    public static void Main() => Limit.TryAcquire(string.Empty);
                }
            }
            """;
        CSharpCompilation compilation = TestCompilation.Create(Code);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(kind));

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(compilation);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Equal(reported ? 1 : 0, run.BoundsDiagnostics.Length);
    }
}
