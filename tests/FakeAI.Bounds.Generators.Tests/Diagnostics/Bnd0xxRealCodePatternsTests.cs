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
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore, Store>(); }",
            "'Store' lives as long as the process: it is registered with AddSingleton at "
        },
        {
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton<IStore>(_ => new Store()); }",
            "it is registered with AddSingleton at"
        },
        {
            "public sealed class Store : IStore { private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }"
                + "public static class Startup { public static void ConfigureServices(IServiceCollection s) => s.AddSingleton(typeof(IStore), typeof(Store)); }",
            "it is registered with AddSingleton at"
        },
        {
            "public sealed class Store { public static readonly Lazy<Store> Shared = new(() => new Store()); private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }",
            "the static field 'Store.Shared' holds its single instance"
        },
        {
            "public sealed class Store { public static Store Instance { get; } = new(); private Store() { } private readonly List<string> _c = new(); public void Add(string s) => _c.Add(s); }",
            "the static property 'Store.Instance' holds its single instance"
        },
        {
            "public sealed class Store { private readonly Dictionary<Guid, string> _c = new(); public void Add(string s) => _c[Guid.NewGuid()] = s; }"
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
    };

    [Theory]
    [MemberData(nameof(BoundedOrShortLived))]
    public async Task What_a_careful_reader_calls_bounded_or_short_lived_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Framework + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
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
