using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Trackers as they are while being typed: the generator neither throws nor reports anything, and no analyzer throws
/// (which the compiler would report as AD0001).
/// </summary>
public class TrackerHalfWrittenCodeTests
{
    private const string Queue = "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int>;\n";

    public static TheoryData<string> Sources { get; } = new()
    {
        "[BoundedTracker]\npublic partial class",
        "[BoundedTracker]",
        "[BoundedTracker(",
        "[BoundedTracker(]\npublic partial class T { }",
        "[BoundedTracker(1)]\npublic partial class T { }",
        "[BoundedTracker][BoundedTracker]\npublic partial class T { }",
        "[BoundedTracker]\npublic partial class T<X : { }",
        "[BoundedTracker]\npublic partial class T : Missing { }",
        "[BoundedTracker]\npublic partial class T : T { }",
        "[BoundedTracker]\npublic partial class A : B { }\n[BoundedTracker]\npublic partial class B : A { }",
        "[BoundedTracker]\npublic partial struct T { }",
        "[BoundedTracker]\npublic partial interface T { }",
        "[BoundedTracker]\npublic partial record struct T;",
        "[BoundedTracker]\npublic enum T { A }",
        "public class C { [BoundedTracker] public void M() { } }",
        "[BoundedTracker]\npublic partial class T { private Missing _m; }",
        "[BoundedTracker]\npublic partial class T { private IBoundedQueue< _q; }",
        "[BoundedTracker]\npublic partial class T { private IBoundedQueue<Missing> _q; }",
        "[BoundedTracker]\npublic partial class T { private IBoundedQueue<int> _q = new ; }",
        "[BoundedTracker]\npublic partial class T { private IBoundedQueue<int> _q = new Missing(); }",
        "[BoundedTracker]\npublic partial class T { private IBoundedQueue<int> _q; public T() { _q = } }",
        "[BoundedTracker]\npublic partial class T { private IBoundedQueue<int> _q; public T() { _q = new(); } }",
        "[BoundedTracker]\npublic partial class T { public IBoundedCollection P { get; } = 5; }",
        "[BoundedTracker]\npublic partial class T { public void GetBounds( }",
        "[BoundedTracker]\npublic partial class T { public int MaxBoundedEntries => ; }",
        "[BoundedTracker]\npublic partial class T { private int _bnd",
        "[BoundedTracker]\npublic partial class T { public Recent this[int i] => ; }",
        Queue + "[BoundedTracker]\npublic partial class T { private Recent _r = new Recent(; }",
        Queue + "[BoundedTracker]\npublic partial class T { private Recent<int> _r; }",
        Queue + "[BoundedTracker]\npublic partial class T { private Recent[] _r = new Recent[; }",
        Queue + "[BoundedTracker]\npublic partial class T { public Recent P { get => ; } }",
        Queue + "[BoundedTracker]\npublic partial class T { public Recent P { set; } }",
        Queue + "[BoundedTracker]\npublic partial class T { private Recent _a, ; }",
        Queue + "[BoundedTracker]\npublic partial class T { private const Recent C = new Recent(); }",
        Queue + "[BoundedTracker]\npublic partial class T { private Recent _r; private Recent _r; }",
        Queue + "[BoundedTracker]\npublic partial class T { private Recent _r; }\n[BoundedTracker]\npublic partial class T { private int _r; }",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Nothing_throws_on_half_written_trackers(string code)
    {
        string source = "using FakeAI.Bounds;\nnamespace App;\n" + code;

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        // The code really is half-written: the compiler has something to say about it.
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratorDiagnostics);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
    }

    [Fact]
    public async Task Nothing_is_reported_when_BoundedTracker_does_not_resolve()
    {
        // No 'using FakeAI.Bounds;': [BoundedTracker] is an unknown name, so this is no tracker.
        const string source = "[BoundedTracker]\npublic partial class T { private System.Collections.Generic.List<int> _list = new(); }";

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        Assert.Contains(result.Diagnostics, d => d.Id == "CS0246");
        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratedSources);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.BoundsDiagnostics);
    }
}
