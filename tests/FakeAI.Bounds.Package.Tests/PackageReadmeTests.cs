using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FakeAI.Bounds.Generators;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>nuget/README.md is the page the package registry shows, where only absolute links work.</summary>
public sealed partial class PackageReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "nuget", "README.md"));

    public static TheoryData<string> RuleIds()
    {
        IEnumerable<string> ids = typeof(BoundedGenerator).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return [.. ids];
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_package_readme_links_every_rule_to_its_page(string id)
    {
        Assert.Contains($"[{id}]({ConfiguredRepository.RulePage(id)})", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_link_of_the_package_readme_is_absolute()
    {
        string[] links = [.. Link().Matches(Readme).Select(match => match.Groups["target"].Value)];

        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
