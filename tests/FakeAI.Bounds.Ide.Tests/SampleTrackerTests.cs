using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Ide.Tests.Consumers;
using FakeAI.Bounds.Ide.Tests.Fixtures;
using FakeAI.Bounds.Ide.Tests.Lsp;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Ide.Tests;

/// <summary>
/// Every file of the unbounded sample trackers, opened in the editor: it shows the BND diagnostics that
/// <c>dotnet build</c> reports for that file, at the same places, and an <c>[AllowUnbounded]</c> typed above one of
/// them makes it go away. The times from opening to the first BND diagnostic and from the edit to the updated list are
/// recorded (see docs/benchmarks.md), never asserted.
/// </summary>
public sealed class SampleTrackerTests(SampleTrackersServer fixture, ITestOutputHelper output) : IClassFixture<SampleTrackersServer>
{
    private const string Suppression = "[global::FakeAI.Bounds.AllowUnbounded(\"kept whole on purpose\")] ";

    public static TheoryData<string> SampleFiles { get; } = [.. UnboundedSampleSources.FileNames];

    private LanguageServerSession Server => fixture.Server;

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task The_editor_shows_the_BND_diagnostics_of_the_build_and_follows_an_edit_that_allows_one(string fileName)
    {
        (string Id, int Line, int Column)[] expected = [.. fixture.BuildDiagnostics
            .Where(d => d.FileName == fileName)
            .Select(d => (d.Id, d.Line, d.Column))
            .Order()];

        var stopwatch = Stopwatch.StartNew();
        OpenDocument document = await Server.OpenAsync(fixture.Consumer.PathOf(fileName));
        try
        {
            // A file without findings must be checked once the server has analysed it; a pull report is complete.
            ImmutableArray<LspDiagnostic> shown = await Server.WaitForDiagnosticsAsync(
                document,
                diagnostics => expected.Length == 0 || diagnostics.Any(d => d.IsBounds),
                expected.Length == 0 ? "a diagnostics report" : "a BND diagnostic");
            TimeSpan openToFirstBounds = stopwatch.Elapsed;

            Assert.Equal(expected, Bounds(shown));
            if (expected.Length == 0)
            {
                return;
            }

            // Allow the first finding by typing [AllowUnbounded("…")] in front of its declaration.
            int line = expected[0].Line - 1;
            string[] lines = document.Text.Split('\n');
            int indent = lines[line].Length - lines[line].TrimStart().Length;
            lines[line] = lines[line][..indent] + Suppression + lines[line][indent..];

            stopwatch.Restart();
            await Server.ChangeAsync(document, string.Join('\n', lines));
            ImmutableArray<LspDiagnostic> updated = await Server.WaitForDiagnosticsAsync(
                document,
                diagnostics => !diagnostics.Any(d => d.IsBounds && d.Line == line),
                $"no BND diagnostic on line {line + 1} once it is [AllowUnbounded]");
            TimeSpan editToUpdate = stopwatch.Elapsed;

            Assert.DoesNotContain(updated, d => d.IsCompilerProblem);
            Assert.Equal(expected.Length - 1, updated.Count(d => d.IsBounds));

            var timing = new EditorTiming(fileName, expected.Length, openToFirstBounds, editToUpdate);
            fixture.Record(timing);
            output.WriteLine($"{fileName}: {expected.Length} BND diagnostics; open → first BND {openToFirstBounds.TotalSeconds:0.00} s, edit → updated {editToUpdate.TotalSeconds:0.00} s");
        }
        finally
        {
            await Server.CloseAsync(document);
        }
    }

    private static (string Id, int Line, int Column)[] Bounds(ImmutableArray<LspDiagnostic> diagnostics)
    {
        // LSP counts lines and columns from 0, MSBuild's log from 1.
        return [.. diagnostics.Where(d => d.IsBounds).Select(d => (d.Code, d.Line + 1, d.Character + 1)).Order()];
    }
}
