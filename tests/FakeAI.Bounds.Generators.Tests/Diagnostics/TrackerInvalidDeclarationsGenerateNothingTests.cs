using System;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// A tracker the generator cannot extend never gets half its members: for every error the tracker analyzer reports,
/// the generator writes no file for that tracker, reports nothing itself and does not throw. For the warnings, the tracker file
/// is written and compiles.
/// </summary>
public class TrackerInvalidDeclarationsGenerateNothingTests
{
    private const string Queue = "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int>;\n";

    public static TheoryData<string, string, string> Errors { get; } = new()
    {
        { "not partial", DiagnosticIds.TrackerNotGeneratable, "[BoundedTracker] public class T { private Recent _r = new Recent(); }" },
        { "containing type not partial", DiagnosticIds.TrackerNotGeneratable, "public class Outer { [BoundedTracker] public partial class T { private Recent _r = new Recent(); } }" },
        { "static", DiagnosticIds.TrackerNotGeneratable, "[BoundedTracker] public static partial class T { private static Recent R = new Recent(); }" },
        { "file-local", DiagnosticIds.TrackerNotGeneratable, "[BoundedTracker] file partial class T { private Recent _r = new Recent(); }" },
        { "GetBounds clash", DiagnosticIds.TrackerMemberClashesWithGenerated, "[BoundedTracker] public partial class T { private Recent _r = new Recent(); public int GetBounds() => 0; }" },
        { "MaxBoundedEntries clash", DiagnosticIds.TrackerMemberClashesWithGenerated, "[BoundedTracker] public partial class T { private Recent _r = new Recent(); public const int MaxBoundedEntries = 1; }" },
        { "_bnd clash", DiagnosticIds.TrackerMemberClashesWithGenerated, "[BoundedTracker] public partial class T { private Recent _r = new Recent(); private int _bndX; }" },
        { "inherited clash", DiagnosticIds.TrackerMemberClashesWithGenerated, "public class B { public void RegisterBoundsMetrics() { } } [BoundedTracker] public partial class T : B { private Recent _r = new Recent(); }" },
        { "derived tracker", DiagnosticIds.TrackerMemberClashesWithGenerated, "[BoundedTracker] public partial class B { } [BoundedTracker] public partial class T : B { private Recent _r = new Recent(); }" },
    };

    public static TheoryData<string, string, string> Warnings { get; } = new()
    {
        { "no bounded member", DiagnosticIds.TrackerWithoutBoundedMember, "[BoundedTracker] public partial class T { public int Requests; }" },
        { "interface member", DiagnosticIds.TrackerMemberBoundInvisible, "[BoundedTracker] public partial class T { private IBoundedQueue<int> _r = new Recent(); public int Count => _r.Count; }" },
        { "write-only member", DiagnosticIds.TrackerMemberBoundInvisible, "[BoundedTracker] public partial class T { private Recent _r = new Recent(); public Recent W { set => _r = value; } }" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task The_generator_writes_no_tracker_file_for_a_tracker_the_analyzer_reports_an_error_for(string problem, string expectedId, string declaration)
    {
        AnalyzerRunResult result = await AnalyzerRunner.RunAsync("using FakeAI.Bounds;\nnamespace App;\n" + Queue + declaration + "\n");

        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratorDiagnostics);
        Assert.DoesNotContain(result.Generation.GeneratedSources, source => source.HintName.StartsWith("App.T.Tracker.", StringComparison.Ordinal));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
        Assert.True(
            result.BoundsDiagnostics.Any(d => d.Id == expectedId),
            $"{problem}: expected {expectedId}, got [{string.Join(", ", result.BoundsDiagnostics.Select(d => d.Id))}]");
    }

    [Theory]
    [MemberData(nameof(Warnings))]
    public async Task A_tracker_with_only_a_warning_is_generated_and_compiles(string problem, string expectedId, string declaration)
    {
        AnalyzerRunResult result = await AnalyzerRunner.RunAsync("using FakeAI.Bounds;\nnamespace App;\n" + Queue + declaration + "\n");

        Assert.Single(result.Generation.GeneratedSources, source => source.HintName.StartsWith("App.T.Tracker.", StringComparison.Ordinal));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Equal([expectedId], result.BoundsDiagnostics.Select(d => d.Id));
        Assert.True(
            result.Diagnostics.All(d => d.Id.StartsWith("BND", StringComparison.Ordinal) || d.Severity < Microsoft.CodeAnalysis.DiagnosticSeverity.Warning),
            $"{problem}: [{string.Join(", ", result.Diagnostics)}]");
    }
}
