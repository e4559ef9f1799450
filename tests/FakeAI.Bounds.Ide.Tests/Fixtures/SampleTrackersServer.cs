using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FakeAI.Bounds.Ide.Tests.Consumers;
using FakeAI.Bounds.Ide.Tests.Lsp;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Ide.Tests.Fixtures;

/// <summary>
/// The unbounded sample trackers as a consumer of the package: built once with <c>dotnet build</c> (what the command
/// line reports is what the editor must show), then loaded into one pulling language server. It also keeps the
/// times the tests measure, and writes them as a Markdown table to the file named by
/// <c>FAKEAI_BOUNDS_IDE_TIMINGS</c> when that variable is set (docs/benchmarks.md quotes such a table).
/// </summary>
public sealed class SampleTrackersServer : IAsyncLifetime
{
    public const string TimingsVariable = "FAKEAI_BOUNDS_IDE_TIMINGS";


    private readonly ConcurrentQueue<EditorTiming> _timings = new();
    private LanguageServerSession? _server;
    private RestoredConsumer? _consumer;

    internal LanguageServerSession Server => _server!;

    internal RestoredConsumer Consumer => _consumer!;

    /// <summary>Every BND diagnostic <c>dotnet build</c> reported for the consumer.</summary>
    internal ImmutableArray<BuildDiagnostic> BuildDiagnostics { get; private set; }

    /// <summary>From <c>initialize</c> sent to its answer.</summary>
    internal TimeSpan Initialize { get; private set; }

    /// <summary>
    /// The file opened first on the fresh server, whose first diagnostic waits for the workspace to load: the first,
    /// in ordinal order, that <c>dotnet build</c> reports a BND diagnostic for.
    /// </summary>
    internal string ColdFile { get; private set; } = string.Empty;

    /// <summary>From opening <see cref="ColdFile"/> on the fresh server to its first BND diagnostic.</summary>
    internal TimeSpan ColdOpenToFirstBounds { get; private set; }

    internal void Record(EditorTiming timing)
    {
        _timings.Enqueue(timing);
    }

    public async Task InitializeAsync()
    {
        _consumer = await Task.Run(() => RestoredConsumer.Create("unbounded-samples", UnboundedSampleSources.All(), UnboundedSampleSources.AnalyzerOptions()));
        DotnetResult build = await Task.Run(() => _consumer.Folder.Dotnet("build", "--no-restore", "-tl:off", "-p:UseSharedCompilation=false").EnsureSuccess());
        BuildDiagnostics = [.. BuildDiagnostic.Parse(build.Output).Where(d => d.Id.StartsWith("BND", StringComparison.Ordinal))];
        ColdFile = BuildDiagnostics.Select(d => d.FileName).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("dotnet build reported no BND diagnostic for the unbounded sample trackers, which exist to show them:\n" + build.Output);

        var stopwatch = Stopwatch.StartNew();
        _server = await LanguageServerSession.StartAsync(_consumer.Folder.Path, DiagnosticsDelivery.Pull, _consumer.ServerEnvironment);
        Initialize = stopwatch.Elapsed;

        stopwatch.Restart();
        OpenDocument cold = await _server.OpenAsync(_consumer.PathOf(ColdFile));
        await _server.WaitForDiagnosticsAsync(cold, diagnostics => diagnostics.Any(d => d.IsBounds), "a BND diagnostic");
        ColdOpenToFirstBounds = stopwatch.Elapsed;
        await _server.CloseAsync(cold);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        string? timingsFile = Environment.GetEnvironmentVariable(TimingsVariable);
        if (!string.IsNullOrEmpty(timingsFile))
        {
            await File.WriteAllTextAsync(timingsFile, TimingsTable());
        }
    }

    private string TimingsTable()
    {
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"initialize: {Initialize.TotalSeconds:0.0} s; cold open of {ColdFile} to its first BND diagnostic (workspace load included): {ColdOpenToFirstBounds.TotalSeconds:0.0} s\n\n");
        table.Append("| file | BND diagnostics | open → first BND (s) | edit → updated (s) |\n");
        table.Append("| --- | ---: | ---: | ---: |\n");
        foreach (EditorTiming timing in _timings.OrderBy(t => t.FileName, StringComparer.Ordinal))
        {
            table.Append(CultureInfo.InvariantCulture, $"| {timing.FileName} | {timing.BoundsDiagnostics} | {timing.OpenToFirstBounds.TotalSeconds:0.00} | {timing.EditToUpdate.TotalSeconds:0.00} |\n");
        }

        return table.ToString();
    }
}
