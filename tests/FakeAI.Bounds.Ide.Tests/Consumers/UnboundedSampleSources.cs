using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using FakeAI.Bounds.Package.Tests.Infrastructure;

namespace FakeAI.Bounds.Ide.Tests.Consumers;

/// <summary>
/// The sample of deliberately unbounded trackers (samples/FakeAI.Bounds.Samples.Unbounded, with the statistics file
/// it links), copied as they are into a consumer of the package: real trackers with many BND findings.
/// </summary>
internal static class UnboundedSampleSources
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "samples", "FakeAI.Bounds.Samples.Unbounded");

    /// <summary>The sample's own files, by name, in ordinal order.</summary>
    public static IEnumerable<string> FileNames => Directory.GetFiles(Folder, "*.cs").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    /// <summary>
    /// The analyzer options the sample's project file sets (the <c>FakeAIBounds…</c> properties, such as its tracker
    /// suffixes), which a consumer of the package sets the same way.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AnalyzerOptions()
    {
        XDocument project = XDocument.Load(Path.Combine(Folder, "FakeAI.Bounds.Samples.Unbounded.csproj"));
        return project.Descendants("PropertyGroup").Elements()
            .Where(property => property.Name.LocalName.StartsWith("FakeAIBounds", StringComparison.Ordinal))
            .ToDictionary(property => property.Name.LocalName, property => property.Value.Trim(), StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, string> All()
    {
        var sources = FileNames.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(Folder, name)), StringComparer.Ordinal);
        sources["Statistics.cs"] = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "Shared", "Statistics.cs"));
        return sources;
    }
}
