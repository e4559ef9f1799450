using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// The ground truth of the BND0xx rules: FakeAI's trackers ported with plain collections
/// (<c>samples/FakeAI.Bounds.Samples.Unbounded</c>), whose README lists every collection member and the diagnostic
/// it must get, or none. The analyzers must find exactly those: every unbounded member, no bounded one.
/// </summary>
public class UnboundedSampleGroundTruthTests
{
    private const string SampleFolder = "samples/FakeAI.Bounds.Samples.Unbounded";

    [Fact]
    public async Task The_analyzers_report_exactly_the_expected_diagnostics_of_the_ported_trackers()
    {
        Dictionary<string, string> expected = ExpectedOutcomes();
        // The project's own files and the ones it links from samples/Shared.
        string[] paths = [.. Directory.GetFiles(RepositoryPaths.Combine(SampleFolder), "*.cs", SearchOption.TopDirectoryOnly)
            .Concat(Directory.GetFiles(RepositoryPaths.Combine("samples/Shared"), "*.cs", SearchOption.TopDirectoryOnly))
            .OrderBy(path => path, StringComparer.Ordinal)];
        // Each file keeps its path, under samples/, as in the build: the project opts in to the analysis of samples.
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = TestCompilation.Create(paths.Select(File.ReadAllText));
        for (int i = 0; i < paths.Length; i++)
        {
            SyntaxTree tree = compilation.SyntaxTrees[i];
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithFilePath(paths[i]));
        }

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation, ProjectOptions());

        Assert.Empty(result.AnalyzerExceptions);
        // The SDK's regex generator, which does not run here, writes the bodies of the [GeneratedRegex] methods.
        Assert.Empty(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795"));
        string[] actual = [.. result.BoundsDiagnostics.Select(Describe).Order(StringComparer.Ordinal)];
        string[] wanted = [.. expected.Where(pair => pair.Value != "none").Select(pair => pair.Value + " " + pair.Key).Order(StringComparer.Ordinal)];
        Assert.Equal(wanted, actual);
    }

    [Fact]
    public void The_ground_truth_covers_bounded_and_unbounded_members_of_every_tracker()
    {
        Dictionary<string, string> expected = ExpectedOutcomes();

        Assert.Contains(expected, pair => pair.Value == "none");
        foreach (string id in new[] { "BND001", "BND002", "BND003", "BND006" })
        {
            Assert.Contains(expected, pair => pair.Value == id);
        }

        foreach (string tracker in new[] { "StreamingMetricsTracker", "ErrorMetricsTracker", "CostTracker", "AsyncEventBus", "BatchMetricsTracker", "ModelRegistry" })
        {
            Assert.Contains(expected, pair => pair.Key.StartsWith(tracker + ".", StringComparison.Ordinal));
        }
    }

    // The tracker suffixes and the opt-in to the analysis of samples that the sample's project file sets, passed as the
    // build passes them to the analyzers.
    private static ImmutableDictionary<string, string> ProjectOptions()
    {
        string project = File.ReadAllText(RepositoryPaths.Combine(SampleFolder + "/FakeAI.Bounds.Samples.Unbounded.csproj"));
        Match suffixes = Regex.Match(project, "<FakeAIBoundsTrackerSuffixes>(?<value>[^<]+)</FakeAIBoundsTrackerSuffixes>");
        Assert.True(suffixes.Success, "the sample's project file sets no tracker suffixes");
        Match analyzed = Regex.Match(project, "<FakeAIBoundsAnalyzeTestCode>(?<value>[^<]+)</FakeAIBoundsAnalyzeTestCode>");
        Assert.True(analyzed.Success, "the sample's project file does not opt in to the analysis of samples");
        return ImmutableDictionary<string, string>.Empty
            .Add("build_property.FakeAIBoundsTrackerSuffixes", suffixes.Groups["value"].Value)
            .Add("build_property.FakeAIBoundsAnalyzeTestCode", analyzed.Groups["value"].Value);
    }

    // "BND002 ErrorMetricsTracker._patterns": the diagnostic sits on the member's name, and its message names the type.
    private static string Describe(Diagnostic diagnostic)
    {
        string member = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        Match owner = Regex.Match(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "^'[^']+' in '(?<type>[^']+)'");
        return diagnostic.Id + " " + owner.Groups["type"].Value + "." + member;
    }

    // "| `Type.Member` (static) | … | … | BND002 (`Reset`): … |" → Type.Member → BND002 (or none).
    private static Dictionary<string, string> ExpectedOutcomes()
    {
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(RepositoryPaths.Combine(SampleFolder + "/README.md")))
        {
            Match row = Regex.Match(line, @"^\| `(?<member>[A-Za-z_]+\.[A-Za-z_]+)`[^|]*\|.*\| (?<outcome>none|BND0[0-9]{2})\b[^|]*\|$");
            if (row.Success)
            {
                Assert.True(outcomes.TryAdd(row.Groups["member"].Value, row.Groups["outcome"].Value), row.Groups["member"].Value + " is listed twice");
            }
        }

        Assert.True(outcomes.Count >= 20, "the README's expected-diagnostics table was not found");
        return outcomes;
    }
}
