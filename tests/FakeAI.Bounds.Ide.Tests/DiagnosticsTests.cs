using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Ide.Tests.Consumers;
using FakeAI.Bounds.Ide.Tests.Fixtures;
using FakeAI.Bounds.Ide.Tests.Lsp;
using Xunit;

namespace FakeAI.Bounds.Ide.Tests;

/// <summary>
/// The squiggle a user meets first: BND001 on a tracker's list that grows without limit, as the editor gets it, and
/// its life through edits made in the editor (in memory, never saved). Run once by pull and once by push.
/// </summary>
public abstract class DiagnosticsTests
{
    private readonly RequestTrackerServer _fixture;

    private protected DiagnosticsTests(RequestTrackerServer fixture)
    {
        _fixture = fixture;
    }

    private LanguageServerSession Server => _fixture.Server;

    [Fact]
    public async Task Opening_a_tracker_reports_BND001_on_its_unbounded_list()
    {
        OpenDocument tracker = await Server.OpenAsync(_fixture.Consumer.PathOf(RequestTrackerSources.TrackerFile));
        try
        {
            ImmutableArray<LspDiagnostic> diagnostics = await Server.WaitForDiagnosticsAsync(tracker, HasBnd001, "BND001");

            LspDiagnostic bnd001 = Assert.Single(diagnostics, d => d.IsBounds);
            Assert.Equal("BND001", bnd001.Code);
            Assert.Equal(LspDiagnostic.Warning, bnd001.Severity);
            Assert.Equal(tracker.PositionOf("_requests = new()"), new TextPosition(bnd001.Line, bnd001.Character));
            Assert.Contains("'_requests'", bnd001.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain(diagnostics, d => d.IsCompilerProblem);
        }
        finally
        {
            await Server.CloseAsync(tracker);
        }
    }

    [Fact]
    public async Task Bounding_the_list_in_the_editor_clears_BND001_and_undoing_the_edit_brings_it_back()
    {
        OpenDocument tracker = await Server.OpenAsync(_fixture.Consumer.PathOf(RequestTrackerSources.TrackerFile));
        try
        {
            await Server.WaitForDiagnosticsAsync(tracker, HasBnd001, "BND001");
            string unbounded = tracker.Text;

            await Server.ChangeAsync(tracker, tracker.TextWith(RequestTrackerSources.UnboundedField, RequestTrackerSources.BoundedField));
            ImmutableArray<LspDiagnostic> bounded = await Server.WaitForDiagnosticsAsync(tracker, diagnostics => !diagnostics.Any(d => d.IsBounds), "no BND diagnostic once the list is a RecentRequests");
            Assert.DoesNotContain(bounded, d => d.IsCompilerProblem);

            await Server.ChangeAsync(tracker, unbounded);
            ImmutableArray<LspDiagnostic> again = await Server.WaitForDiagnosticsAsync(tracker, HasBnd001, "BND001 back once the list is a List<string> again");
            Assert.Equal(tracker.PositionOf("_requests = new()"), again.Where(d => d.Code == "BND001").Select(d => new TextPosition(d.Line, d.Character)).Single());
        }
        finally
        {
            await Server.CloseAsync(tracker);
        }
    }

    private static bool HasBnd001(ImmutableArray<LspDiagnostic> diagnostics)
    {
        return diagnostics.Any(d => d.Code == "BND001");
    }
}
