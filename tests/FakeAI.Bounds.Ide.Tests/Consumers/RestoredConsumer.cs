using System.Collections.Generic;
using System.Linq;
using System.Security;
using FakeAI.Bounds.Package.Tests.Infrastructure;

namespace FakeAI.Bounds.Ide.Tests.Consumers;

/// <summary>
/// A consumer project of the freshly packed package, written and restored (a language server never restores by
/// itself), ready for a server to load.
/// </summary>
internal sealed class RestoredConsumer
{
    private RestoredConsumer(ConsumerFolder folder)
    {
        Folder = folder;
    }

    public ConsumerFolder Folder { get; }

    /// <summary>The variables the server runs with: the packages folder the project was restored into.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Folder.Package.PackagesFolder,
    };

    public string PathOf(string relativePath)
    {
        return Folder.FullPath(relativePath);
    }

    /// <summary>
    /// Writes <c>Consumer.csproj</c> (net10.0, nullable on, the package referenced, and
    /// <paramref name="properties"/>) and <paramref name="sources"/> into a new folder of the test run, and restores it.
    /// </summary>
    public static RestoredConsumer Create(string name, IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, string>? properties = null)
    {
        string extraProperties = string.Concat((properties ?? new Dictionary<string, string>())
            .Select(property => $"\n    <{property.Key}>{SecurityElement.Escape(property.Value)}</{property.Key}>"));
        PackedPackage package = PackedPackage.Instance;
        ConsumerFolder folder = package.CreateConsumer(name);
        folder.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
                <ImplicitUsings>disable</ImplicitUsings>{extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {package.PackageReference}
              </ItemGroup>
            </Project>

            """);
        foreach ((string path, string content) in sources)
        {
            folder.Write(path, content);
        }

        folder.Dotnet("restore", "-tl:off").EnsureSuccess();
        return new RestoredConsumer(folder);
    }
}
