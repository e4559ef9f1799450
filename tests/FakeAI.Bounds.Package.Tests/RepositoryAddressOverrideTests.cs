using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>
/// A fork or a mirror publishes the package with its own address: one property given to the build,
/// <c>-p:BoundsRepositoryUrl=…</c>, must reach both the package metadata and every rule's help link.
/// </summary>
public sealed class RepositoryAddressOverrideTests
{
    private const string ForkUrl = "https://example.org/someone/FakeAI.Bounds-fork";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void An_overridden_address_becomes_the_package_project_and_repository_url()
    {
        string project = Path.Combine(RepositoryRoot.Path, "src", "FakeAI.Bounds", "FakeAI.Bounds.csproj");

        DotnetResult evaluation = DotnetCli.Run(RepositoryRoot.Path, null, Timeout, "msbuild", project, "-getProperty:PackageProjectUrl", "-getProperty:RepositoryUrl", $"-p:BoundsRepositoryUrl={ForkUrl}").EnsureSuccess();

        using JsonDocument properties = JsonDocument.Parse(evaluation.Output);
        JsonElement values = properties.RootElement.GetProperty("Properties");
        Assert.Equal(ForkUrl, values.GetProperty("PackageProjectUrl").GetString());
        Assert.Equal(ForkUrl, values.GetProperty("RepositoryUrl").GetString());
    }

    [Fact]
    public void An_overridden_address_is_compiled_into_every_help_link()
    {
        // Built apart from the projects' own bin/ and obj/ (which the running tests use) in this run's folder.
        string artifacts = Path.Combine(PackedPackage.Instance.Root, "fork-artifacts");
        string project = Path.Combine(RepositoryRoot.Path, "src", "FakeAI.Bounds.Generators", "FakeAI.Bounds.Generators.csproj");
        DotnetCli.Run(RepositoryRoot.Path, null, Timeout, "build", project, "-c", "Release", "--artifacts-path", artifacts, $"-p:BoundsRepositoryUrl={ForkUrl}", "-tl:off").EnsureSuccess();
        string assemblyPath = Directory.GetFiles(artifacts, "FakeAI.Bounds.Generators.dll", SearchOption.AllDirectories).Single(path => path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        // A context of its own, as the compiler gives each analyzer; Roslyn itself comes from this test's context.
        var context = new AssemblyLoadContext("fork", isCollectible: true);
        try
        {
            Assembly generators = context.LoadFromAssemblyPath(assemblyPath);
            DiagnosticDescriptor[] descriptors = [.. generators.GetType("FakeAI.Bounds.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
                .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)];

            Assert.NotEmpty(descriptors);
            Assert.All(descriptors, descriptor => Assert.Equal($"{ForkUrl}/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri));
        }
        finally
        {
            context.Unload();
        }
    }
}
