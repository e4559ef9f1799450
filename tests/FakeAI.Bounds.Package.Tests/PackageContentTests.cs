using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>What <c>dotnet pack</c> puts into FakeAI.Bounds.nupkg and its symbols package.</summary>
public sealed class PackageContentTests
{
    private static readonly string[] PackageMetadataFiles = ["_rels/", "package/", "[Content_Types].xml", "FakeAI.Bounds.nuspec"];

    private readonly PackedPackage _package = PackedPackage.Instance;

    [Fact]
    public void The_package_holds_the_runtime_the_Roslyn_components_the_props_and_the_readme_and_nothing_else()
    {
        Assert.Equal(
            [
                "README.md",
                "analyzers/dotnet/cs/FakeAI.Bounds.CodeFixes.dll",
                "analyzers/dotnet/cs/FakeAI.Bounds.Generators.dll",
                "build/FakeAI.Bounds.props",
                "buildTransitive/FakeAI.Bounds.props",
                "lib/net8.0/FakeAI.Bounds.dll",
                "lib/net8.0/FakeAI.Bounds.xml",
                "lib/netstandard2.0/FakeAI.Bounds.dll",
                "lib/netstandard2.0/FakeAI.Bounds.xml",
            ],
            ContentFiles(_package.PackagePath));
    }

    [Fact]
    public void The_readme_and_the_props_are_the_files_under_nuget()
    {
        using ZipArchive package = ZipFile.OpenRead(_package.PackagePath);

        Assert.Equal(RepositoryFile("nuget/README.md"), Entry(package, "README.md"));
        Assert.Equal(RepositoryFile("nuget/buildTransitive/FakeAI.Bounds.props"), Entry(package, "buildTransitive/FakeAI.Bounds.props"));
        Assert.Equal(RepositoryFile("nuget/build/FakeAI.Bounds.props"), Entry(package, "build/FakeAI.Bounds.props"));
    }

    [Fact]
    public void The_props_expose_the_options_to_the_compiler_with_their_defaults()
    {
        using ZipArchive package = ZipFile.OpenRead(_package.PackagePath);
        XDocument props = Xml(Entry(package, "buildTransitive/FakeAI.Bounds.props"));

        Assert.Equal(
            ["FakeAIBoundsAnalyzeTestCode", "FakeAIBoundsDefaultMaxLength", "FakeAIBoundsTrackerSuffixes", "IsTestProject"],
            props.Descendants("CompilerVisibleProperty").Select(item => (string)item.Attribute("Include")!).Order(StringComparer.Ordinal));
        // No suffix is set for the project: only one it declares holds its classes to a tracker's standard.
        Assert.Empty(props.Descendants("FakeAIBoundsTrackerSuffixes"));
        Assert.Equal("1000", props.Descendants("FakeAIBoundsDefaultMaxLength").Single().Value);
        // A value the project sets wins.
        Assert.All(
            props.Descendants("PropertyGroup").Elements().Where(e => e.Name.LocalName.StartsWith("FakeAIBounds", StringComparison.Ordinal) && e.Name.LocalName != "FakeAIBoundsPropsImported"),
            property => Assert.Equal($"'$({property.Name.LocalName})' == ''", (string?)property.Attribute("Condition")));
    }

    [Fact]
    public void The_nuspec_describes_the_package()
    {
        XElement metadata = Nuspec().Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal("FakeAI.Bounds", Value("id"));
        Assert.Equal(_package.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", (string?)Element("license").Attribute("type"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal(ConfiguredRepository.Url, Value("projectUrl"));
        Assert.Equal("git", (string?)Element("repository").Attribute("type"));
        Assert.Equal(ConfiguredRepository.Url, (string?)Element("repository").Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)Element("repository").Attribute("commit") ?? string.Empty);
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        string[] tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Superset(new HashSet<string>(["bounded", "collections", "source-generator", "analyzers", "roslyn"]), new HashSet<string>(tags));
        // A runtime dependency of the consumer (attributes, interfaces, exceptions), so not a development dependency.
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "developmentDependency" && e.Value == "true");
    }

    [Fact]
    public void The_package_depends_on_no_Roslyn_package_and_on_TimeProvider_for_netstandard2_0_only()
    {
        XElement metadata = Nuspec().Elements().Single(e => e.Name.LocalName == "metadata");
        XElement dependencies = metadata.Elements().Single(e => e.Name.LocalName == "dependencies");

        Assert.Equal(
            [".NETStandard2.0", "net8.0"],
            dependencies.Elements().Select(group => (string)group.Attribute("targetFramework")!).Order(StringComparer.Ordinal));

        // The clock of age-bounded collections: built into net8.0, a package on netstandard2.0.
        XElement netStandard = dependencies.Elements().Single(group => (string)group.Attribute("targetFramework")! == ".NETStandard2.0");
        XElement timeProvider = Assert.Single(netStandard.Elements(), e => e.Name.LocalName == "dependency");
        Assert.Equal("Microsoft.Bcl.TimeProvider", (string)timeProvider.Attribute("id")!);
        Assert.Equal("8.0.1", (string)timeProvider.Attribute("version")!);
        XElement net8 = dependencies.Elements().Single(group => (string)group.Attribute("targetFramework")! == "net8.0");
        Assert.DoesNotContain(net8.Descendants(), e => e.Name.LocalName == "dependency");
        Assert.DoesNotContain(dependencies.Descendants(), e => ((string?)e.Attribute("id"))?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_Roslyn_components_are_built_against_Roslyn_4_8()
    {
        using ZipArchive package = ZipFile.OpenRead(_package.PackagePath);

        Dictionary<string, Version> generators = RoslynReferences(Entry(package, "analyzers/dotnet/cs/FakeAI.Bounds.Generators.dll"));
        Dictionary<string, Version> codeFixes = RoslynReferences(Entry(package, "analyzers/dotnet/cs/FakeAI.Bounds.CodeFixes.dll"));

        Assert.Equal(["Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp"], generators.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Microsoft.CodeAnalysis.Workspaces", codeFixes.Keys);
        Assert.All(generators.Concat(codeFixes), reference => Assert.Equal(new Version(4, 8, 0, 0), reference.Value));
    }

    [Fact]
    public void The_symbols_package_holds_the_runtimes_pdbs()
    {
        Assert.True(File.Exists(_package.SymbolsPackagePath), $"No symbols package at {_package.SymbolsPackagePath}");
        Assert.Equal(
            ["lib/net8.0/FakeAI.Bounds.pdb", "lib/netstandard2.0/FakeAI.Bounds.pdb"],
            ContentFiles(_package.SymbolsPackagePath));
    }

    [Fact]
    public void Packing_the_same_build_again_gives_the_same_bytes()
    {
        string again = Path.Combine(_package.Root, "feed-again");
        DotnetResult pack = _package.PackAgainWithoutBuilding(again);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        Assert.Equal(File.ReadAllBytes(_package.PackagePath), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(_package.PackagePath))));
        Assert.Equal(File.ReadAllBytes(_package.SymbolsPackagePath), File.ReadAllBytes(Path.Combine(again, Path.GetFileName(_package.SymbolsPackagePath))));
    }

    private XElement Nuspec()
    {
        using ZipArchive package = ZipFile.OpenRead(_package.PackagePath);
        return Xml(Entry(package, "FakeAI.Bounds.nuspec")).Root!;
    }

    private static XDocument Xml(byte[] bytes)
    {
        // From the bytes, not a string: NuGet writes the nuspec with a byte order mark.
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream);
    }

    private static string[] ContentFiles(string packagePath)
    {
        using ZipArchive package = ZipFile.OpenRead(packagePath);
        return
        [
            .. package.Entries
                .Select(entry => entry.FullName)
                .Where(name => !PackageMetadataFiles.Any(metadata => metadata.EndsWith('/') ? name.StartsWith(metadata, StringComparison.Ordinal) : name == metadata))
                .Order(StringComparer.Ordinal),
        ];
    }

    private static byte[] Entry(ZipArchive package, string name)
    {
        ZipArchiveEntry entry = package.GetEntry(name) ?? throw new InvalidOperationException($"The package has no {name}.");
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private byte[] RepositoryFile(string relativePath)
    {
        return File.ReadAllBytes(Path.Combine(_package.RepositoryRoot, relativePath));
    }

    private static Dictionary<string, Version> RoslynReferences(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (Name: reader.GetString(reference.Name), reference.Version))
            .Where(reference => reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToDictionary(reference => reference.Name, reference => reference.Version, StringComparer.Ordinal);
    }
}
