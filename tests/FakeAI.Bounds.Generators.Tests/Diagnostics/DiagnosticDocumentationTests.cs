using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Keeps the rules' documentation, release tracking and README table in step with the descriptors the analyzers
/// expose, so that none of them can go stale (after Meziantou.Analyzer's tests).
/// </summary>
public class DiagnosticDocumentationTests
{
    private const string TableStart = "<!-- rules-table:start -->";
    private const string TableEnd = "<!-- rules-table:end -->";

    /// <summary>Types the documentation's code examples use.</summary>
    private const string ExamplePrelude = """
        using FakeAI.Bounds;
        public sealed record ErrorRecord(string Code);
        public sealed record Event(string Name);
        public sealed record Session(string Id);

        """;

    public static TheoryData<string> DescriptorIds { get; } = [.. ProductAnalyzers.Descriptors().Select(pair => pair.Descriptor.Id)];

    public static TheoryData<string> PageFiles { get; } =
        [.. Directory.GetFiles(RepositoryPaths.RulesFolder, "BND*.md").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_descriptor_is_exposed_by_exactly_one_analyzer_and_ids_are_unique()
    {
        DiagnosticDescriptor[] all = [.. typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)];

        // A rule's compilation-end twin (same ID, also tagged CompilationEnd) is checked by the test below.
        DiagnosticDescriptor[] declared = [.. all.Where(descriptor => !ProductAnalyzers.IsCompilationEndTwin(descriptor, all.Count(other => other.Id == descriptor.Id)))];
        string[] idConstants = [.. typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)];
        var exposed = ProductAnalyzers.Descriptors();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Length, declared.Select(d => d.Id).Distinct().Count());
        Assert.Equal(idConstants.Order(), declared.Select(d => d.Id).Order());
        Assert.Equal(declared.Select(d => d.Id).Order(), exposed.Select(pair => pair.Descriptor.Id).Order());
        Assert.All(exposed, pair => Assert.Same(declared.Single(d => d.Id == pair.Descriptor.Id), pair.Descriptor));
    }

    [Fact]
    public void A_rule_reported_at_the_end_of_the_compilation_too_differs_from_its_twin_only_in_that_tag()
    {
        var twins = ProductAnalyzers.AllDescriptors().GroupBy(pair => pair.Descriptor.Id).Where(group => group.Count() > 1).ToArray();

        Assert.Equal(["BND001", "BND002", "BND003"], twins.Select(group => group.Key).Order());
        Assert.All(twins, group =>
        {
            DiagnosticDescriptor live = group.Single(pair => !pair.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Descriptor;
            DiagnosticDescriptor atEnd = group.Single(pair => pair.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Descriptor;
            Assert.Equal(live.MessageFormat.ToString(), atEnd.MessageFormat.ToString());
            Assert.Equal(live.Title.ToString(), atEnd.Title.ToString());
            Assert.Equal(live.Description.ToString(), atEnd.Description.ToString());
            Assert.Equal((live.Category, live.DefaultSeverity, live.HelpLinkUri, live.IsEnabledByDefault), (atEnd.Category, atEnd.DefaultSeverity, atEnd.HelpLinkUri, atEnd.IsEnabledByDefault));
            Assert.Equal(live.CustomTags.Append(WellKnownDiagnosticTags.CompilationEnd).Order(), atEnd.CustomTags.Order());
        });
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_has_a_docs_page_at_the_path_of_its_help_link(string id)
    {
        DiagnosticDescriptor descriptor = Descriptor(id);

        Assert.Equal(RepositoryAddress.Url + "/blob/main/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        string? relativePath = RepositoryPaths.RelativePathOfHelpLink(descriptor.HelpLinkUri);
        Assert.NotNull(relativePath);
        Assert.True(File.Exists(RepositoryPaths.Combine(relativePath)), $"{id}: no page at {relativePath} for help link {descriptor.HelpLinkUri}");
    }

    [Fact]
    public void The_help_links_are_built_on_the_repository_address_the_build_sets()
    {
        // Directory.Build.props (or -p:BoundsRepositoryUrl=…) sets it; this test assembly is built with the same value.
        string configured = typeof(DiagnosticDocumentationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BoundsRepositoryUrl").Value!.TrimEnd('/');

        Assert.Equal(RepositoryAddress.Url, configured);
        Assert.Matches("^https?://[^/]+/.+[^/]$", RepositoryAddress.Url);
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void Every_docs_page_has_a_descriptor_whose_help_link_points_at_it(string fileName)
    {
        string id = Path.GetFileNameWithoutExtension(fileName);
        var match = ProductAnalyzers.Descriptors().Where(pair => pair.Descriptor.Id == id).ToArray();

        Assert.True(match.Length == 1, $"docs/rules/{fileName} documents {id}, which no analyzer reports");
        Assert.Equal("docs/rules/" + fileName, RepositoryPaths.RelativePathOfHelpLink(match[0].Descriptor.HelpLinkUri));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_docs_page_states_the_title_severity_category_analyzer_and_message_of_its_descriptor(string id)
    {
        (DiagnosticDescriptor descriptor, Type analyzer) = ProductAnalyzers.Descriptors().Single(pair => pair.Descriptor.Id == id);
        string page = ReadPage(id);
        string[] lines = page.Split('\n');

        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        Assert.Contains($"| ID | {id} |", lines);
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", lines);
        Assert.Contains($"| Category | {descriptor.Category} |", lines);
        Assert.Contains($"| Reported by | `{analyzer.Name}` |", lines);
        foreach (string section in new[] { "## Cause", "## Why it matters", "## How to fix", "## When to suppress", "## Message" })
        {
            Assert.Contains(section, lines);
        }

        string messageSection = page[page.IndexOf("## Message", StringComparison.Ordinal)..];
        Assert.Contains("```\n" + descriptor.MessageFormat + "\n```", messageSection, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public async Task The_before_example_of_every_page_is_reported_and_the_after_example_is_clean(string id)
    {
        string page = ReadPage(id);
        (string before, LanguageVersion beforeVersion) = BeforeExample(page);
        string after = Example(page, "After:");

        AnalyzerRunResult reported = await AnalyzerRunner.RunAsync(WithPrelude(before), beforeVersion);
        AnalyzerRunResult clean = await AnalyzerRunner.RunAsync(WithPrelude(after));

        Assert.Empty(reported.AnalyzerExceptions);
        Assert.Contains(reported.BoundsDiagnostics, d => d.Id == id);
        Assert.Empty(clean.AnalyzerExceptions);
        Assert.Empty(clean.BoundsDiagnostics);
        // A fix with a generated type generates it; a fix with a trim or a reason generates nothing.
        Assert.Equal(after.Contains("[Bounded", StringComparison.Ordinal), !clean.Generation.GeneratedSources.IsEmpty);

        Assert.Empty(clean.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_appears_in_the_unshipped_release_with_its_category_severity_and_analyzer(string id)
    {
        (DiagnosticDescriptor descriptor, Type analyzer) = ProductAnalyzers.Descriptors().Single(pair => pair.Descriptor.Id == id);
        Dictionary<string, string[]> unshipped = ReleaseRows("src/FakeAI.Bounds.Generators/AnalyzerReleases.Unshipped.md");

        Assert.True(unshipped.TryGetValue(id, out string[]? row), $"{id} is missing from AnalyzerReleases.Unshipped.md");
        Assert.Equal([id, descriptor.Category, descriptor.DefaultSeverity.ToString(), analyzer.Name], row);
    }

    [Fact]
    public void Every_rule_in_the_release_files_has_a_descriptor()
    {
        HashSet<string> ids = [.. ProductAnalyzers.Descriptors().Select(pair => pair.Descriptor.Id)];
        IEnumerable<string> released = ReleaseRows("src/FakeAI.Bounds.Generators/AnalyzerReleases.Unshipped.md").Keys
            .Concat(ReleaseRows("src/FakeAI.Bounds.Generators/AnalyzerReleases.Shipped.md").Keys);

        Assert.All(released, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void The_rules_table_in_docs_rules_README_matches_the_descriptors()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf(TableStart, StringComparison.Ordinal);
        int end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/rules/README.md must hold the table between {TableStart} and {TableEnd}");

        string actual = readme[(start + TableStart.Length)..end].Trim('\n');
        string expected = RulesTable();

        Assert.True(expected == actual, "docs/rules/README.md is stale; replace its table with:\n" + expected);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void The_README_links_every_rule(string id)
    {
        string readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));

        Assert.Contains($"[{id}](docs/rules/{id}.md)", readme, StringComparison.Ordinal);
    }

    private static string RulesTable()
    {
        var table = new StringBuilder();
        table.Append("| ID | Title | Severity | Category | Link |\n");
        table.Append("| --- | --- | --- | --- | --- |\n");
        foreach ((DiagnosticDescriptor descriptor, _) in ProductAnalyzers.Descriptors())
        {
            string page = Path.GetFileName(RepositoryPaths.RelativePathOfHelpLink(descriptor.HelpLinkUri)!);
            // Relative: the table sits beside the pages, and so also works in a fork or a mirror of the repository.
            table.Append($"| {descriptor.Id} | {descriptor.Title} | {descriptor.DefaultSeverity} | {descriptor.Category} | [{page}]({page}) |\n");
        }

        return table.ToString().TrimEnd('\n');
    }

    // The example's own using directives stay first, as C# requires; the prelude's declarations follow them.
    // A directive the prelude already has is dropped (a repeated one is warning CS0105).
    private static string WithPrelude(string example)
    {
        string[] lines = example.Split('\n');
        string usings = string.Join("\n", lines.Where(line => line.StartsWith("using ", StringComparison.Ordinal) && !ExamplePrelude.Contains(line, StringComparison.Ordinal)));
        string rest = string.Join("\n", lines.Where(line => !line.StartsWith("using ", StringComparison.Ordinal)));
        return usings + "\n" + ExamplePrelude + rest;
    }

    private static DiagnosticDescriptor Descriptor(string id)
    {
        return ProductAnalyzers.Descriptors().Single(pair => pair.Descriptor.Id == id).Descriptor;
    }

    private static string ReadPage(string id)
    {
        return File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // "Before:", or "Before (compiled as C# 7.3):" for a rule about the language version.
    private static (string Code, LanguageVersion Version) BeforeExample(string page)
    {
        Match label = Regex.Match(page, @"^Before \(compiled as C# (?<version>[0-9.]+)\):$", RegexOptions.Multiline);
        if (!label.Success)
        {
            return (Example(page, "Before:"), LanguageVersion.Latest);
        }

        Assert.True(LanguageVersionFacts.TryParse(label.Groups["version"].Value, out LanguageVersion version), "unknown C# version in " + label.Value);
        return (Example(page, label.Value), version);
    }

    // The first ```csharp block after a line that reads exactly `label`.
    private static string Example(string page, string label)
    {
        Match match = Regex.Match(page, "^" + Regex.Escape(label) + "\n\n```csharp\n(?<code>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"no '{label}' example");
        return match.Groups["code"].Value;
    }

    // Rows of the release-tracking tables: ID → cells (ID, category, severity, notes).
    private static Dictionary<string, string[]> ReleaseRows(string relativePath)
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(RepositoryPaths.Combine(relativePath)))
        {
            string[] cells = [.. line.Split('|').Select(cell => cell.Trim())];
            if (cells.Length == 4 && Regex.IsMatch(cells[0], "^BND[0-9]{3}$"))
            {
                Assert.True(rows.TryAdd(cells[0], cells), $"{cells[0]} is listed twice in {relativePath}");
            }
        }

        return rows;
    }
}
