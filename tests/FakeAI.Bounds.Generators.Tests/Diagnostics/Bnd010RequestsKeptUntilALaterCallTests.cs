using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// BND010: a map or set keyed by a framework's per-request object (an HttpContext, an HttpRequestMessage, an Activity)
/// whose entries are taken out one by one, by a call other than the one that added them, keeps every request whose
/// end never reaches that call, whatever holds the class.
/// </summary>
public class Bnd010RequestsKeptUntilALaterCallTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Net.Http;
        using System.Runtime.CompilerServices;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        """;

    // The ASP.NET Core types the cases use, as the shared framework declares them (the test compilation has only the
    // base library).
    private const string AspNetCore = """

        namespace Microsoft.AspNetCore.Http
        {
            public abstract class HttpContext { public abstract HttpResponse Response { get; } }
            public sealed class DefaultHttpContext : HttpContext { public override HttpResponse Response => null!; }
            public abstract class HttpResponse { public abstract void OnCompleted(Func<Task> callback); }
            public delegate Task RequestDelegate(HttpContext context);
        }
        """;

    public static TheoryData<string> RequestsKeptUntilALaterCall { get; } = new()
    {
        // A diagnostic listener: the Start event adds the request, the Stop event takes it out.
        "public sealed class Listener : IObserver<KeyValuePair<string, object?>> { private readonly ConcurrentDictionary<HttpContext, object> _processing = new();"
            + " public void OnCompleted() { } public void OnError(Exception error) { }"
            + " public void OnNext(KeyValuePair<string, object?> e) { if (e.Key == \"Start\" && e.Value is HttpContext start) _processing[start] = new object(); else if (e.Key == \"Stop\" && e.Value is HttpContext stop) _processing.TryRemove(stop, out _); } }",
        // An outgoing request timed from its start to its end, in two methods.
        "public sealed class Timing { private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();"
            + " public void Begin(HttpRequestMessage request) => _started[request] = DateTime.UtcNow; public void End(HttpRequestMessage request) => _started.Remove(request); }",
        // Middleware that takes the request out after the next one returns: an exception skips it.
        "public sealed class InFlight { private readonly ConcurrentDictionary<HttpContext, DateTime> _inFlight = new(); private readonly RequestDelegate _next;"
            + " public InFlight(RequestDelegate next) => _next = next;"
            + " public async Task InvokeAsync(HttpContext context) { _inFlight[context] = DateTime.UtcNow; await _next(context); _inFlight.TryRemove(context, out _); } }",
        // A static set of running activities.
        "public static class Running { private static readonly HashSet<Activity> _activities = new();"
            + " public static void Started(Activity activity) => _activities.Add(activity); public static void Stopped(Activity activity) => _activities.Remove(activity); }",
        // Taken out in a finally, but of the call that ends, not of the one that adds.
        "public sealed class Timing { private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();"
            + " public void Begin(HttpRequestMessage request) => _started[request] = DateTime.UtcNow;"
            + " public void End(HttpRequestMessage request) { try { Console.WriteLine(request); } finally { _started.Remove(request); } } }",
        // Keyed by a class derived from the request object, declared as an interface.
        "public sealed class Contexts { private readonly IDictionary<DefaultHttpContext, int> _seen = new Dictionary<DefaultHttpContext, int>();"
            + " public void Enter(DefaultHttpContext context) => _seen[context] = 1; public void Leave(DefaultHttpContext context) => _seen.Remove(context); }",
    };

    public static TheoryData<string> RequestsThatLeave { get; } = new()
    {
        // Taken out in a finally of the call that adds it: the entry lives for the call.
        "public sealed class InFlight { private readonly ConcurrentDictionary<HttpContext, DateTime> _inFlight = new(); private readonly RequestDelegate _next;"
            + " public InFlight(RequestDelegate next) => _next = next;"
            + " public async Task InvokeAsync(HttpContext context) { _inFlight[context] = DateTime.UtcNow; try { await _next(context); } finally { _inFlight.TryRemove(context, out _); } } }",
        // Taken out by a callback the adding call registers on the response.
        "public sealed class Tracking { private readonly ConcurrentDictionary<HttpContext, DateTime> _open = new();"
            + " public void Start(HttpContext context) { _open[context] = DateTime.UtcNow; context.Response.OnCompleted(() => { _open.TryRemove(context, out _); return Task.CompletedTask; }); } }",
        // A ConditionalWeakTable lets the entry go with its request.
        "public sealed class Listener { private readonly ConditionalWeakTable<HttpContext, object> _processing = new();"
            + " public void Start(HttpContext context) => _processing.Add(context, new object()); public void Stop(HttpContext context) => _processing.Remove(context); }",
        // The same shape keyed by a string: judged as any other map (a per-key removal is a lifecycle).
        "public sealed class Timing { private readonly Dictionary<string, DateTime> _started = new();"
            + " public void Begin(string id) => _started[id] = DateTime.UtcNow; public void End(string id) => _started.Remove(id); }",
        // Emptied as well: whatever ends unreported goes at the next sweep.
        "public sealed class Timing { private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();"
            + " public void Begin(HttpRequestMessage request) => _started[request] = DateTime.UtcNow; public void End(HttpRequestMessage request) => _started.Remove(request);"
            + " public void Reset() => _started.Clear(); }",
        // Added only under a size check.
        "public sealed class Timing { private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();"
            + " public void Begin(HttpRequestMessage request) { if (_started.Count < 1000) _started[request] = DateTime.UtcNow; } public void End(HttpRequestMessage request) => _started.Remove(request); }",
        // Handed to other code, which may clean it up.
        "public static class Sweeper { public static void Sweep(Dictionary<HttpRequestMessage, DateTime> started) => started.Clear(); }"
            + " public sealed class Timing { private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();"
            + " public void Begin(HttpRequestMessage request) => _started[request] = DateTime.UtcNow; public void End(HttpRequestMessage request) => _started.Remove(request); public void Sweep() => Sweeper.Sweep(_started); }",
        // A class of the program's own that is only named like a request object.
        "public sealed class HttpContext2 { } public sealed class Mine { public sealed class HttpContext { } private readonly Dictionary<HttpContext, int> _seen = new();"
            + " public void Enter(HttpContext context) => _seen[context] = 1; public void Leave(HttpContext context) => _seen.Remove(context); }",
    };

    [Theory]
    [MemberData(nameof(RequestsKeptUntilALaterCall))]
    public async Task Requests_taken_out_only_by_a_later_call_are_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n" + AspNetCore);

        Assert.Empty(run.AnalyzerExceptions);
        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND010", finding.Id);
        Assert.Contains("until a later call removes it", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(RequestsThatLeave))]
    public async Task Requests_that_leave_with_their_call_or_a_sweep_are_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n" + AspNetCore);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Fact]
    public async Task The_message_names_the_request_type_and_where_entries_come_and_go()
    {
        const string Code = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            namespace App
            {
                public sealed class Timing
                {
                    private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();
                    public void Begin(HttpRequestMessage request) => _started[request] = DateTime.UtcNow;
                    public void End(HttpRequestMessage request)
                    {
                        _started.Remove(request);
                    }
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("_started", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
        Assert.Equal(
            "'_started' in 'Timing' keeps each 'HttpRequestMessage' it is keyed by until a later call removes it: 'Begin' (line 9) adds an entry and only 'End' (line 12) "
                + "takes one out, not in a finally of the call that adds it; a request whose end never reaches that call (it failed first, or was abandoned) stays, with everything "
                + "it references, for as long as the 'Timing' lives; key it in a ConditionalWeakTable, which lets the entry go with its 'HttpRequestMessage', remove it in a finally "
                + "of the call that adds it, or mark it [AllowUnbounded(\"reason\")]",
            finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_justified_AllowUnbounded_silences_it()
    {
        const string Code = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using FakeAI.Bounds;
            namespace App
            {
                public sealed class Timing
                {
                    [AllowUnbounded("the handler always calls End in a finally")]
                    private readonly Dictionary<HttpRequestMessage, DateTime> _started = new();
                    public void Begin(HttpRequestMessage request) => _started[request] = DateTime.UtcNow;
                    public void End(HttpRequestMessage request) => _started.Remove(request);
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }
}
