using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Analyzers;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// BND008: a RemoveWhere on a generated collection whose predicate removes the entries older than now minus a window,
/// in the ways code writes one, and what only looks like it (a sweep of the new entries, a comparison of two entry
/// fields, a type that declares its age already).
/// </summary>
public class Bnd008AgeSweepCouldBeMaxAgeTests
{
    private const string Declarations = """
        using System;
        using FakeAI.Bounds;
        namespace App;
        public sealed record ErrorRecord(string Pattern, DateTime At);
        public sealed record Stamped(DateTimeOffset LastSeen);
        [Bounded(MaxLength = 100)] public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
        [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)] public sealed partial class Clients : IBoundedDictionary<string, Stamped>;
        [Bounded(MaxLength = 100)] public sealed partial class Seen : IBoundedSet<ErrorRecord>;
        [Bounded(MaxLength = 100, ThreadSafe = true)] public sealed partial class SharedErrors : IBoundedQueue<ErrorRecord>;
        [Bounded(MaxLength = 100, ThreadSafe = true)] public sealed partial class SharedClients : IBoundedDictionary<string, Stamped>;
        [Bounded(MaxLength = 100, MaxAgeSeconds = 60)] public sealed partial class AgedErrors : IBoundedQueue<ErrorRecord>;

        """;

    [Fact]
    public Task Sweeps_of_entries_older_than_now_minus_a_window_are_reported_with_the_age_to_declare()
    {
        return Verify.VerifyAsync(
            Declarations + """
            public sealed class Sweeper
            {
                private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
                private readonly RecentErrors _errors = new();
                private readonly Clients _clients = new();
                private readonly Seen _seen = new();
                private readonly SharedClients _shared = new();
                private readonly SharedErrors _sharedErrors = new();

                public void Sweep()
                {
                    {|#0:_errors.RemoveWhere(e => e.At < DateTime.UtcNow - TimeSpan.FromMinutes(5))|};
                    {|#1:_errors.RemoveWhere(e => DateTime.UtcNow - e.At > Window)|};
                    DateTime cutoff = DateTime.UtcNow.AddSeconds(-90);
                    {|#2:_errors.RemoveWhere(e => cutoff >= e.At)|};
                    {|#3:_clients.RemoveWhere((key, value) => (DateTimeOffset.UtcNow - value.LastSeen).TotalMilliseconds > 1500)|};
                    {|#4:_seen.RemoveWhere(e => { return e.At < DateTime.UtcNow - TimeSpan.FromHours(1); })|};
                    {|#5:_shared.RemoveWhere((key, value) => value.LastSeen < DateTimeOffset.UtcNow - TimeSpan.FromSeconds(30))|};
                    {|#6:_sharedErrors.RemoveWhere(e => e.At < DateTime.UtcNow - TimeSpan.FromMinutes(5))|};
                }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(0).WithArguments("RecentErrors", "5 minutes", "MaxAgeSeconds = 300"),
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(1).WithArguments("RecentErrors", "5 minutes", "MaxAgeSeconds = 300"),
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(2).WithArguments("RecentErrors", "90 seconds", "MaxAgeSeconds = 90"),
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(3).WithArguments("Clients", "1500 milliseconds", "MaxAgeMilliseconds = 1500"),
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(4).WithArguments("Seen", "1 hour", "MaxAgeSeconds = 3600"),
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(5).WithArguments("SharedClients", "30 seconds", "MaxAgeSeconds = 30"),
            Verify.Diagnostic(DiagnosticDescriptors.AgeSweepCouldBeMaxAge).WithLocation(6).WithArguments("SharedErrors", "5 minutes", "MaxAgeSeconds = 300"));
    }

    [Fact]
    public Task Sweeps_that_are_not_by_age_or_types_that_cannot_take_an_age_are_not_reported()
    {
        return Verify.VerifyAsync(
            Declarations + """
            public sealed class Sweeper
            {
                private readonly RecentErrors _errors = new();
                private readonly AgedErrors _aged = new();
                private readonly System.Collections.Generic.List<ErrorRecord> _list = new();

                public void Sweep(ErrorRecord pivot, TimeSpan window)
                {
                    // A window the code computes cannot be a constant of the type.
                    _errors.RemoveWhere(e => e.At < DateTime.UtcNow - window);
                    // The new entries, not the old ones.
                    _errors.RemoveWhere(e => e.At > DateTime.UtcNow - TimeSpan.FromMinutes(5));
                    // Two points of the entries themselves, or not a time at all.
                    _errors.RemoveWhere(e => e.At < pivot.At);
                    _errors.RemoveWhere(e => e.Pattern.Length > 10);
                    // A type with an age needs no sweep.
                    _aged.RemoveWhere(e => e.At < DateTime.UtcNow - TimeSpan.FromMinutes(5));
                    // Not a generated collection.
                    _list.RemoveAll(e => e.At < DateTime.UtcNow - TimeSpan.FromMinutes(5));
                }
            }
            """,
            expectedGeneratedFiles: null);
    }

    [Fact]
    public async Task The_window_travels_to_the_code_fix_in_milliseconds()
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(
            Declarations + """
            public sealed class Sweeper
            {
                private readonly RecentErrors _errors = new();
                public void Sweep() => _errors.RemoveWhere(e => e.At < DateTime.UtcNow.AddMinutes(-2));
            }
            """);

        Assert.Empty(run.AnalyzerExceptions);
        Microsoft.CodeAnalysis.Diagnostic sweep = Assert.Single(run.BoundsDiagnostics, d => d.Id == "BND008");
        Assert.Equal("120000", sweep.Properties[AgeSweepAnalyzer.WindowMillisecondsProperty]);
    }
}
