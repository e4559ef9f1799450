using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// The BND0xx analyzers on the service. The service's source has nothing for them to report. Its copy wired to the
/// unbounded trackers (the same source with <c>UnboundedTrackerSet.cs</c> and the trackers' own source) has plenty,
/// and with the name rule turned off, as that project turns it off, the reason each finding gives is the trackers'
/// <c>AddSingleton</c> registration: the analyzers infer from the DI container who lives as long as the process.
/// Without the registrations, only what a tracker's own code shows is reported (BND009: the bus's emptied entries).
/// </summary>
public sealed class AnalyzerTests
{
    private const string ServiceFolder = "samples/FakeAI.Bounds.Service";
    private const string CopyFolder = "samples/FakeAI.Bounds.Service.Unbounded";
    private const string UnboundedTrackersFolder = "samples/FakeAI.Bounds.Samples.Unbounded";

    // The files the copy replaces; its project file excludes the same three.
    private static readonly string[] BoundedOnlyFiles = ["Program.cs", "TrackerNamespace.cs", "BoundedTrackerSet.cs"];

    [Fact]
    public async Task The_service_has_no_BND_diagnostics()
    {
        AnalysisResult result = await SourceAnalysis.AnalyzeAsync(SourceAnalysis.Files(ServiceFolder), ["FakeAI.Bounds.Samples"]);

        Assert.Empty(result.Errors);
        Assert.Empty(result.AnalyzerFailures);
        Assert.Empty(result.Bounds);
    }

    [Fact]
    public async Task The_copy_on_the_unbounded_trackers_reports_them_because_they_are_registered_as_singletons()
    {
        AnalysisResult result = await SourceAnalysis.AnalyzeAsync(CopySources(), projectAssemblies: [], SourceAnalysis.NoTrackerSuffixes);

        AssertCompiled(result);
        Assert.NotEmpty(result.Bounds);
        string[] registrations = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, CopyFolder + "/UnboundedTrackerSet.cs"));
        foreach (Diagnostic diagnostic in result.Bounds)
        {
            // On an unbounded tracker's collection, long-lived because of the registration the message names.
            Assert.StartsWith(Path.Combine(RepositoryRoot.Path, UnboundedTrackersFolder), diagnostic.Location.SourceTree!.FilePath, StringComparison.Ordinal);
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Match registration = Regex.Match(message, @"'(?<type>[A-Za-z]+)' lives as long as the process: it is registered with AddSingleton at UnboundedTrackerSet\.cs:(?<line>[0-9]+)");
            Assert.True(registration.Success, message);
            string line = registrations[int.Parse(registration.Groups["line"].Value, CultureInfo.InvariantCulture) - 1];
            Assert.Contains("AddSingleton", line, StringComparison.Ordinal);
            Assert.Contains("new " + registration.Groups["type"].Value + "(", line, StringComparison.Ordinal);
        }

        // Not the event bus: the service subscribes to it once, from its hosted service's StartAsync, which is startup.
        string[] trackers = [.. result.Bounds.Select(d => Regex.Match(d.GetMessage(CultureInfo.InvariantCulture), "^'[^']+' in '(?<type>[^']+)'").Groups["type"].Value).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(["CostTracker", "ErrorMetricsTracker"], trackers);
    }

    [Fact]
    public async Task Without_the_service_registering_them_only_what_the_trackers_own_code_shows_is_reported_once_names_do_not_count()
    {
        IEnumerable<string> trackers = SourceAnalysis.Files(UnboundedTrackersFolder).Concat(SourceAnalysis.Files("samples/Shared"));

        AnalysisResult result = await SourceAnalysis.AnalyzeAsync(trackers, projectAssemblies: [], SourceAnalysis.NoTrackerSuffixes);

        // Nothing shows the trackers long-lived, so BND001 has nothing to say. The bus's own code shows its leak
        // whatever its lifetime: Unsubscribe finds the event type's entry and leaves it in, emptied (BND009).
        AssertCompiled(result);
        Diagnostic finding = Assert.Single(result.Bounds);
        Assert.Equal("BND009", finding.Id);
        Assert.StartsWith("'_subscribers' in 'AsyncEventBus'", finding.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // The copy's compilation: the service's files but the three it replaces, its own files, and the trackers' source.
    private static IEnumerable<string> CopySources() =>
        SourceAnalysis.Files(ServiceFolder, BoundedOnlyFiles)
            .Concat(SourceAnalysis.Files(CopyFolder))
            .Concat(SourceAnalysis.Files(UnboundedTrackersFolder))
            .Concat(SourceAnalysis.Files("samples/Shared"));

    private static void AssertCompiled(AnalysisResult result)
    {
        Assert.Empty(result.AnalyzerFailures);

        // The SDK's regex generator, which does not run here, writes the bodies of the trackers' [GeneratedRegex] methods.
        Assert.Empty(result.Errors.Where(error => error.Id != "CS8795"));
    }
}
