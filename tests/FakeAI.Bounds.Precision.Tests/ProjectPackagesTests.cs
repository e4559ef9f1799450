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

    [Theory]
    [InlineData("Microsoft.NET.Sdk", "<PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"17.12.0\" />", true)]
    [InlineData("Microsoft.NET.Sdk", "<PackageReference Include=\"xunit\" Version=\"2.9.3\" />", true)]
    [InlineData("Microsoft.NET.Sdk", "<PackageReference Include=\"xunit.v3\" Version=\"2.0.3\" />", true)]
    [InlineData("Microsoft.NET.Sdk", "<PackageReference Include=\"TUnit\" Version=\"0.25.0\" />", true)]
    [InlineData("MSTest.Sdk/3.8.3", "", true)]
    [InlineData("Microsoft.NET.Sdk", "<PackageReference Include=\"NUnit\" Version=\"4.3.2\" />", false)]
    [InlineData("Microsoft.NET.Sdk", "<PackageReference Include=\"MSTest.TestFramework\" Version=\"3.8.3\" />", false)]
    public void A_project_is_a_test_project_when_a_package_it_references_sets_IsTestProject(string sdk, string reference, bool isTest)
    {
        // Test helpers a product ships reference NUnit or MSTest's framework alone, which set no IsTestProject: a real
        // build analyzes that project, and so does the harness.
        Write("src/Acme.Infrastructure/Acme.Infrastructure.csproj", $"<Project Sdk=\"{sdk}\"><ItemGroup>{reference}</ItemGroup></Project>");

        Assert.Equal(isTest, Read("src/Acme.Infrastructure/Acme.Infrastructure.csproj").IsTest);
    }

    [Fact]
    public void A_test_framework_a_shared_file_adds_under_a_condition_belongs_only_to_projects_named_as_tests()
    {
        Write("Directory.Build.targets", """
            <Project>
              <Import Project="eng/Test.targets" Condition="'$(ProjectType)' == 'Test'" />
              <ItemGroup Condition="'$(IsPackable)' == 'true'"><PackageReference Include="Microsoft.SourceLink.GitHub" Version="8.0.0" /></ItemGroup>
            </Project>
            """);
        Write("eng/Test.targets", """
            <Project>
              <ItemGroup>
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="NSubstitute" Version="5.1.0" />
                <Using Include="Xunit" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Acme/Acme.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");
        Write("test/Acme.Tests/Acme.Tests.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""");

        ProjectFile library = Read("src/Acme/Acme.csproj");
        ProjectFile tests = Read("test/Acme.Tests/Acme.Tests.csproj");

        Assert.Equal(new[] { "Microsoft.SourceLink.GitHub", "NSubstitute" }, library.Packages.Select(p => p.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.DoesNotContain("Xunit", library.GlobalUsings);
        Assert.Contains("xunit", tests.Packages.Select(p => p.Id));
        Assert.Contains("Xunit", tests.GlobalUsings);
    }

    [Fact]
    public void A_project_of_the_framework_era_lists_its_packages_in_packages_config()
    {
        Write("src/Legacy/Legacy.csproj", """
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><Reference Include="Newtonsoft.Json"><HintPath>..\packages\Newtonsoft.Json.9.0.1\lib\net45\Newtonsoft.Json.dll</HintPath></Reference></ItemGroup>
            </Project>
            """);
        Write("src/Legacy/packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="Newtonsoft.Json" version="9.0.1" targetFramework="net45" />
              <package id="Unversioned" version="" />
            </packages>
            """);

        Assert.Equal(
            new[] { new PackageDependency("Newtonsoft.Json", "9.0.1"), new PackageDependency("Unversioned", null) },
            Read("src/Legacy/Legacy.csproj").Packages);
    }

    [Fact]
    public void A_code_base_restores_each_package_once_at_its_highest_version_and_not_what_it_builds_itself()
    {
        Write("src/Core/Acme.Core.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Polly" Version="7.2.4" />
                <PackageReference Include="Serilog" />
                <PackageReference Include="Polly.Extensions" Version="7.0.0" />
              </ItemGroup>
            </Project>
            """);
        Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="polly" Version="[8.10.0]" />
                <PackageReference Include="Serilog" Version="2.9.0-beta" />
                <PackageReference Include="Polly.Extensions" Version="8.*" />
                <PackageReference Include="Acme.Core" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        var projects = new[] { Read("src/Core/Acme.Core.csproj"), Read("src/App/App.csproj") };

        var packages = PackageRestore.PackagesToRestore(projects, PackageRestore.BuiltHere(projects));

        Assert.Equal(
            new[] { ("Polly", "[8.10.0]"), ("Polly.Extensions", "8.*"), ("Serilog", "2.9.0-beta") },
            packages.Select(p => (Id: p.Id.Equals("polly", StringComparison.OrdinalIgnoreCase) ? "Polly" : p.Id, p.Version!)));
    }
}
