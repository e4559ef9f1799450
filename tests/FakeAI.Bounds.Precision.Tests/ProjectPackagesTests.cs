using System;
using System.IO;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Precision.Tests;

/// <summary>
/// How the harness reads the packages a project references: the version on the reference, a central version in the
/// nearest Directory.Packages.props, a VersionOverride over it, a version property from a props file, and which
/// packages a code base restores (one per id, at the highest written version, none the code base builds itself).
/// </summary>
public sealed class ProjectPackagesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bounds-precision-tests", Guid.NewGuid().ToString("N"));

    public ProjectPackagesTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    private string Write(string relativePath, string text)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private ProjectFile Read(string relativePath) => ProjectFile.Read(Path.Combine(_root, relativePath), _root);

    [Fact]
    public void A_version_on_the_reference_is_read()
    {
        Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Polly" Version="8.4.1" />
                <PackageReference Include="Serilog"><Version>4.0.0</Version></PackageReference>
              </ItemGroup>
            </Project>
            """);

        ProjectFile project = Read("src/App/App.csproj");

        Assert.Equal(
            new[] { new PackageDependency("Polly", "8.4.1"), new PackageDependency("Serilog", "4.0.0") },
            project.Packages.OrderBy(p => p.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Central_versions_come_from_the_nearest_packages_props_and_a_version_override_wins()
    {
        Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup><PollyVersion>8.4.1</PollyVersion></PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Polly" Version="$(PollyVersion)" />
                <PackageVersion Include="Serilog" Version="4.0.0" />
              </ItemGroup>
            </Project>
            """);
        Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Polly" />
                <PackageReference Include="Serilog" VersionOverride="3.1.1" />
                <PackageReference Include="NotVersioned" />
              </ItemGroup>
            </Project>
            """);

        ProjectFile project = Read("src/App/App.csproj");

        Assert.Equal("8.4.1", project.Packages.Single(p => p.Id == "Polly").Version);
        Assert.Equal("3.1.1", project.Packages.Single(p => p.Id == "Serilog").Version);
        Assert.Null(project.Packages.Single(p => p.Id == "NotVersioned").Version);
    }

    [Fact]
    public void A_version_property_nobody_defines_leaves_the_version_unwritten()
    {
        Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="Polly" Version="$(DefinedInACiScript)" /></ItemGroup>
            </Project>
            """);

        Assert.Null(Read("src/App/App.csproj").Packages.Single().Version);
    }

    [Fact]
    public void Packages_a_directory_build_props_adds_belong_to_every_project_below_it()
    {
        Write("Directory.Build.props", """
            <Project>
              <ItemGroup><PackageReference Include="Microsoft.SourceLink.GitHub" Version="8.0.0" PrivateAssets="all" /></ItemGroup>
            </Project>
            """);
        Write("src/App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");

        Assert.Equal(new PackageDependency("Microsoft.SourceLink.GitHub", "8.0.0"), Read("src/App/App.csproj").Packages.Single());
    }

    [Fact]
    public void A_code_base_restores_each_package_once_at_its_highest_version_and_not_what_it_builds_itself()
    {
        Write("src/Core/Acme.Core.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Polly" Version="7.2.4" />
                <PackageReference Include="Serilog" />
              </ItemGroup>
            </Project>
            """);
        Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="polly" Version="[8.10.0]" />
                <PackageReference Include="Serilog" Version="2.9.0-beta" />
                <PackageReference Include="Acme.Core" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        var projects = new[] { Read("src/Core/Acme.Core.csproj"), Read("src/App/App.csproj") };

        var packages = PackageRestore.PackagesToRestore(projects, PackageRestore.BuiltHere(projects));

        Assert.Equal(
            new[] { ("Polly", "[8.10.0]"), ("Serilog", "2.9.0-beta") },
            packages.Select(p => (Id: p.Id.Equals("polly", StringComparison.OrdinalIgnoreCase) ? "Polly" : p.Id, p.Version!)));
    }
}
