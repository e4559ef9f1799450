using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Precision.Tests;

/// <summary>
/// How a restore's project.assets.json becomes references: a project gets the assemblies of the packages it asks for
/// and of what they depend on, never those of the code base's other packages (a test framework's assembly would make
/// every project test code), never an assembly the reference packs hold or the code base builds; packages the source
/// did not have are named.
/// </summary>
public sealed class RestoredAssetsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bounds-precision-assets", Guid.NewGuid().ToString("N"));

    public RestoredAssetsTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    // A package folder holding one real assembly under each name the assets file lists.
    private string Package(string id, string version, params string[] assemblies)
    {
        string folder = Path.Combine(_root, "packages", id.ToLowerInvariant(), version);
        foreach (string assembly in assemblies)
        {
            string file = Path.Combine(folder, "lib", "net8.0", assembly + ".dll");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.Copy(typeof(RestoredAssetsTests).Assembly.Location, file, overwrite: true);
        }

        return id.ToLowerInvariant() + "/" + version;
    }

    private RestoredPackages Restored()
    {
        string libraries = string.Join(",", new[]
        {
            Library("Acme.Client", "1.0.0", Package("Acme.Client", "1.0.0", "Acme.Client")),
            Library("Acme.Abstractions", "2.0.0", Package("Acme.Abstractions", "2.0.0", "Acme.Abstractions", "System.Text.Json")),
            Library("xunit.core", "2.9.3", Package("xunit.core", "2.9.3", "xunit.core")),
            Library("Shop.Domain", "1.0.0", Package("Shop.Domain", "1.0.0", "Shop.Domain")),
        });
        string json = $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
                  "Acme.Client/1.0.0": { "type": "package", "dependencies": { "Acme.Abstractions": "2.0.0" }, "compile": { "lib/net8.0/Acme.Client.dll": {} } },
                  "Acme.Abstractions/2.0.0": { "type": "package", "compile": { "lib/net8.0/Acme.Abstractions.dll": {}, "lib/net8.0/System.Text.Json.dll": {} } },
                  "xunit.core/2.9.3": { "type": "package", "compile": { "lib/net8.0/xunit.core.dll": {} } },
                  "Shop.Domain/1.0.0": { "type": "package", "compile": { "lib/net8.0/Shop.Domain.dll": {}, "lib/net8.0/_._": {} } }
                }
              },
              "libraries": { {{libraries}} },
              "packageFolders": { "{{Path.Combine(_root, "packages").Replace("\\", "\\\\", StringComparison.Ordinal)}}/": {} },
              "logs": [
                { "code": "NU1101", "level": "Error", "libraryId": "Owin", "message": "Unable to find package Owin." },
                { "code": "NU1102", "level": "Error", "libraryId": "Owin.Dependency", "message": "A dependency of a package asked for." }
              ]
            }
            """;
        string assets = Path.Combine(_root, "project.assets.json");
        File.WriteAllText(assets, json);
        return PackageRestore.ReadAssets(
            assets,
            asked: new[] { "Acme.Client", "xunit.core", "Shop.Domain", "Owin", "Serilog" },
            builtHere: new HashSet<string>(new[] { "Shop.Domain" }, StringComparer.OrdinalIgnoreCase),
            frameworkAssemblies: new HashSet<string>(new[] { "System.Text.Json" }, StringComparer.OrdinalIgnoreCase));

        static string Library(string id, string version, string path) => $"\"{id}/{version}\": {{ \"type\": \"package\", \"path\": \"{path}\" }}";
    }

    private static string[] Names(IEnumerable<MetadataReference> references) =>
        references.Select(reference => Path.GetFileNameWithoutExtension(((PortableExecutableReference)reference).FilePath!)).OrderBy(name => name, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_project_gets_its_packages_and_what_they_depend_on_and_nothing_else()
    {
        RestoredPackages restored = Restored();

        Assert.Equal(new[] { "Acme.Abstractions", "Acme.Client" }, Names(restored.ReferencesFor(new[] { "Acme.Client" })));
        Assert.Equal(new[] { "xunit.core" }, Names(restored.ReferencesFor(new[] { "XUnit.Core" })));
        Assert.Empty(restored.ReferencesFor(new[] { "Owin" }));
    }

    [Fact]
    public void An_assembly_the_reference_packs_hold_or_the_code_base_builds_is_not_taken_from_a_package()
    {
        RestoredPackages restored = Restored();

        string[] all = Names(restored.ReferencesFor(new[] { "Acme.Client", "xunit.core", "Shop.Domain" }));

        Assert.DoesNotContain("System.Text.Json", all);
        Assert.DoesNotContain("Shop.Domain", all);
        Assert.Contains("Acme.Client", all);
    }

    [Fact]
    public void The_summary_names_the_packages_asked_for_that_the_source_did_not_have()
    {
        RestoredPackages restored = Restored();

        Assert.Equal(new[] { "Owin" }, restored.Missing);
        Assert.StartsWith("4 of 5 packages restored (4 with their dependencies, 3 assemblies)", restored.Summary, StringComparison.Ordinal);
        Assert.Contains("not found: Owin", restored.Summary, StringComparison.Ordinal);
    }
}
