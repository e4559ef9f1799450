using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// Restores the packages a code base references, so that their types resolve in its compilations: a class deriving
/// from a messaging library's consumer, a cache type from a package, a call taking a package's type as an argument.
/// One restore per code base, of a project of its own (net10.0) that references the union of the packages its
/// projects reference, at the highest version any of them writes (an unwritten version floats to the newest). NuGet
/// writes the assets of what it resolved even when some packages are not found (the package source serves only some
/// ids and versions; a version it lacks resolves to the next one it has), so what resolves is used and what does not
/// stays unresolved, as before. A package built from the code base's own projects is left out, and so is an assembly
/// the reference packs already hold. The restore is kept in the work folder and done again only when the package list
/// changes.
/// </summary>
internal static class PackageRestore
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Runs the code base's restore unless the one in the work folder is for the same package list. A restore that
    /// fails leaves no assets, so an older package list's are never read as this one's.
    /// </summary>
    /// <param name="name">The code base's name: the folder of its restore in <paramref name="work"/>.</param>
    /// <param name="projects">Its projects, whose packages are restored.</param>
    /// <param name="work">The harness's work folder.</param>
    public static void Restore(string name, IReadOnlyCollection<ProjectFile> projects, string work)
    {
        List<PackageDependency> packages = PackagesToRestore(projects, BuiltHere(projects));
        if (packages.Count == 0)
        {
            return;
        }

        (string directory, string project, string assets) = Paths(name, work);
        string text = ProjectText(packages);
        if (File.Exists(project) && File.ReadAllText(project) == text && File.Exists(assets))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        File.Delete(assets);
        // The folder stops MSBuild's search for props files above it, which are not the code base's.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(project, text);
        RunRestore(project);
    }

    /// <summary>What the code base's restore resolved; every package not found when there was no restore for this list.</summary>
    /// <param name="name">The code base's name, as given to <see cref="Restore"/>.</param>
    /// <param name="projects">Its projects, whose assemblies are not taken from packages.</param>
    /// <param name="work">The harness's work folder.</param>
    /// <param name="frameworkAssemblies">The simple names of the reference packs' assemblies.</param>
    public static RestoredPackages Read(string name, IReadOnlyCollection<ProjectFile> projects, string work, ISet<string> frameworkAssemblies)
    {
        HashSet<string> builtHere = BuiltHere(projects);
        List<PackageDependency> packages = PackagesToRestore(projects, builtHere);
        if (packages.Count == 0)
        {
            return RestoredPackages.None;
        }

        List<string> asked = packages.Select(package => package.Id).ToList();
        (_, string project, string assets) = Paths(name, work);
        bool current = File.Exists(project) && File.ReadAllText(project) == ProjectText(packages) && File.Exists(assets);
        return current
            ? ReadAssets(assets, asked, builtHere, frameworkAssemblies)
            : new RestoredPackages(new Dictionary<string, (ImmutableArray<MetadataReference>, string[])>(), asked.Count, asked);
    }

    private static (string Directory, string Project, string Assets) Paths(string name, string work)
    {
        string directory = Path.Combine(work, "packages", name);
        return (directory, Path.Combine(directory, "restore.csproj"), Path.Combine(directory, "obj", "project.assets.json"));
    }

    /// <summary>The assembly and project names of the code base's projects: what it builds from source.</summary>
    internal static HashSet<string> BuiltHere(IEnumerable<ProjectFile> projects)
    {
        return new HashSet<string>(projects.SelectMany(project => new[] { project.AssemblyName, project.Name }), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Each package the projects reference once, at the highest version written for it, except those built here.</summary>
    internal static List<PackageDependency> PackagesToRestore(IEnumerable<ProjectFile> projects, ISet<string> builtHere)
    {
        return projects
            .SelectMany(project => project.Packages)
            .Where(package => !builtHere.Contains(package.Id))
            .GroupBy(package => package.Id, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.OrderBy(package => VersionOrder(package.Version)).Last())
            .OrderBy(package => package.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string ProjectText(List<PackageDependency> packages)
    {
        var document = new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("NuGetAudit", "false"),
                new XElement("TreatWarningsAsErrors", "false"),
                new XElement("ManagePackageVersionsCentrally", "false"),
                // Warnings about versions (a nearby one taken, a downgrade, a framework fallback) do not matter here: one
                // resolution of each package is enough. An error (a conflict, NU1107) still fails the restore, and
                // NuGet still writes the assets of what it resolved.
                new XElement("NoWarn", "$(NoWarn);NU1603;NU1605;NU1608;NU1701")),
            new XElement(
                "ItemGroup",
                packages.Select(package => new XElement(
                    "PackageReference",
                    new XAttribute("Include", package.Id),
                    new XAttribute("Version", package.Version ?? "*")))));
        return document.ToString() + "\n";
    }

    private static void RunRestore(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", project, "--verbosity", "quiet", "-p:NuGetAudit=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        // Both streams are drained while it runs, or a full pipe would stop it.
        System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
        System.Threading.Tasks.Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        // Kept beside the project: what NuGet said, for a code base whose packages did not resolve.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "restore.log"), output.Result + errors.Result);
    }

    /// <summary>Reads NuGet's project.assets.json: each resolved package's compile assemblies and its dependencies.</summary>
    /// <param name="asked">The ids the restore project references; a dependency the source lacks is not one of them.</param>
    internal static RestoredPackages ReadAssets(string assets, IReadOnlyCollection<string> asked, ISet<string> builtHere, ISet<string> frameworkAssemblies)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(assets));
        JsonElement root = document.RootElement;
        string? packageFolder = root.TryGetProperty("packageFolders", out JsonElement folders)
            ? folders.EnumerateObject().Select(folder => folder.Name).FirstOrDefault()
            : null;
        var missing = new List<string>();
        if (root.TryGetProperty("logs", out JsonElement logs))
        {
            foreach (JsonElement log in logs.EnumerateArray())
            {
                if (log.TryGetProperty("code", out JsonElement code) && code.GetString() is "NU1101" or "NU1102" or "NU1103" or "NU1202"
                    && log.TryGetProperty("libraryId", out JsonElement library) && library.GetString() is { } id)
                {
                    missing.Add(id);
                }
            }
        }

        var packages = new Dictionary<string, (ImmutableArray<MetadataReference>, string[])>(StringComparer.Ordinal);
        if (packageFolder is not null && root.TryGetProperty("targets", out JsonElement targets) && targets.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.Object } target
            && root.TryGetProperty("libraries", out JsonElement libraries))
        {
            foreach (JsonProperty library in target.Value.EnumerateObject())
            {
                if (!library.Value.TryGetProperty("type", out JsonElement type) || type.GetString() != "package"
                    || !libraries.TryGetProperty(library.Name, out JsonElement libraryInfo) || !libraryInfo.TryGetProperty("path", out JsonElement path))
                {
                    continue;
                }

                var assemblies = ImmutableArray.CreateBuilder<MetadataReference>();
                if (library.Value.TryGetProperty("compile", out JsonElement compile))
                {
                    foreach (JsonProperty asset in compile.EnumerateObject())
                    {
                        string simpleName = Path.GetFileNameWithoutExtension(asset.Name);
                        string file = Path.Combine(packageFolder, path.GetString()!, asset.Name);
                        if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !builtHere.Contains(simpleName) && !frameworkAssemblies.Contains(simpleName) && File.Exists(file))
                        {
                            assemblies.Add(MetadataReference.CreateFromFile(file));
                        }
                    }
                }

                string[] dependencies = library.Value.TryGetProperty("dependencies", out JsonElement depends)
                    ? depends.EnumerateObject().Select(dependency => dependency.Name.ToLowerInvariant()).ToArray()
                    : Array.Empty<string>();
                // "Newtonsoft.Json/13.0.3" → newtonsoft.json
                packages[library.Name.Split('/')[0].ToLowerInvariant()] = (assemblies.ToImmutable(), dependencies);
            }
        }

        var askedIds = new HashSet<string>(asked, StringComparer.OrdinalIgnoreCase);
        return new RestoredPackages(packages, asked.Count, missing.Where(askedIds.Contains).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    // Which of two written versions is the higher: the numbers of "1.2.3", "[1.2.3]", "1.2.3-beta", "8.*", by their
    // parts. An unwritten version, or one these numbers cannot read, is the lowest, so that a written one wins.
    private static Version VersionOrder(string? written)
    {
        if (written is null)
        {
            return new Version(0, 0);
        }

        // A floating version ("8.*", "8.0.*") counts as its fixed part; a range as its lower bound.
        string core = written.TrimStart('[', '(').Split(',', ']', ')', '-', '+', '*')[0].Trim().TrimEnd('.');
        return Version.TryParse(core.Count(c => c == '.') == 0 ? core + ".0" : core, out Version? version) ? version : new Version(0, 0);
    }
}
