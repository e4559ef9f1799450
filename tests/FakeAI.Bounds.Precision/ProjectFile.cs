using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// What the harness needs from a project file, read as XML without MSBuild: its sources, whether it is a test project
/// (<c>IsTestProject</c>, set by hand or by the props of the test SDK, xUnit, TUnit or MSTest), whether it builds an
/// application, its implicit usings and the projects it references. Conditions are ignored: the harness compiles one
/// configuration, a net10.0 Release build.
/// </summary>
internal sealed class ProjectFile
{
    // The packages whose build props set IsTestProject in the project that references them (directly, or through a
    // package they depend on): the test SDK, xUnit (xunit.core's props, v2 and v3), TUnit's engine and the MSTest
    // meta-package, which brings the test SDK. NUnit and MSTest.TestFramework set nothing: a product project that ships
    // test helpers references them and is analyzed in a real build, so it is here too.
    private static readonly string[] TestProjectPackages =
    [
        "Microsoft.NET.Test.Sdk", "xunit", "xunit.core", "xunit.v3", "xunit.v3.core", "TUnit", "TUnit.Engine", "MSTest",
    ];

    private static readonly string[] SdkImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    private static readonly string[] WebImplicitUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private ProjectFile(string path, string name, string assemblyName, IReadOnlyList<string> friends, bool isTest, bool isApplication, IReadOnlyList<string> globalUsings, IReadOnlyList<string> references, IReadOnlyList<PackageDependency> packages)
    {
        Packages = packages;
        Path = path;
        Name = name;
        AssemblyName = assemblyName;
        Friends = friends;
        IsTest = isTest;
        IsApplication = isApplication;
        GlobalUsings = globalUsings;
        ProjectReferences = references;
    }

    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public string Name { get; }

    /// <summary>The assembly's name: the project's <c>AssemblyName</c>, else its file name, as in an SDK build.</summary>
    public string AssemblyName { get; }

    /// <summary>
    /// The assemblies the project's <c>&lt;InternalsVisibleTo Include="…"/&gt;</c> items name (in the project or the props
    /// above it): the SDK writes the attribute for them, and without it a referencing project sees none of the internal
    /// types it was built against.
    /// </summary>
    public IReadOnlyList<string> Friends { get; }

    public bool IsTest { get; }

    public bool IsApplication { get; }

    public IReadOnlyList<string> GlobalUsings { get; }

    /// <summary>Full paths of the referenced project files.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>
    /// The packages the project and its props files reference (<c>&lt;PackageReference Include="…"/&gt;</c>), each with
    /// its version where one is written: on the reference, or in the <c>Directory.Packages.props</c> of central package
    /// management; and those of a <c>packages.config</c> beside the project. Conditions are ignored, as everywhere here.
    /// </summary>
    public IReadOnlyList<PackageDependency> Packages { get; }

    public static ProjectFile Read(string path, string root)
    {
        XDocument document = XDocument.Load(path);
        var elements = document.Descendants().ToList();
        var definitions = new PropertyDefinitions(path, root);
        definitions.Read(document, path);
        var read = new HashSet<string>(StringComparer.Ordinal);
        var imports = new List<(XDocument Props, string File)>();
        var conditional = new HashSet<XDocument>();
        foreach (string imported in DirectoryBuildFiles(path, root, "Directory.Build.props"))
        {
            ReadImported(imported, root, elements, definitions, read, imports, depth: 0, conditional);
        }

        // Central package management: the nearest Directory.Packages.props (and what it imports) holds the versions.
        if (NearestAbove(path, root, "Directory.Packages.props") is { } centralVersions)
        {
            ReadImported(centralVersions, root, elements, definitions, read, imports, depth: 0, conditional);
        }

        // Directory.Build.targets (and what it imports, such as a test.targets imported for test projects) add packages
        // and usings too; they are read for those only, so that no property of theirs changes what the project is.
        var targets = new List<XElement>();
        foreach (string imported in DirectoryBuildFiles(path, root, "Directory.Build.targets"))
        {
            ReadImported(imported, root, targets, definitions, read, new List<(XDocument Props, string File)>(), depth: 0, conditional);
        }

        string? Property(string name) => elements.LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

        string sdk = (string?)document.Root?.Attribute("Sdk") ?? string.Empty;
        bool web = sdk.Contains("Web", StringComparison.OrdinalIgnoreCase);
        // A shared props file often sets IsTestProject under a condition on the project's name (…Tests, ….Test);
        // conditions are not evaluated here, so a conditional definition counts only for a project named as a test.
        XElement? isTestProject = elements.LastOrDefault(e => e.Name.LocalName == "IsTestProject");
        bool namedAsTest = System.IO.Path.GetFileNameWithoutExtension(path).Contains("Test", StringComparison.Ordinal);
        // The same holds for a test framework referenced under a condition (Sonarr's props add NUnit to the projects
        // whose name ends in .Test).
        bool isTest = (string.Equals(isTestProject?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)
                && (isTestProject!.Attribute("Condition") is null || namedAsTest))
            || sdk.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase)
            || elements.Any(e => e.Name.LocalName == "PackageReference"
                && TestProjectPackages.Contains((string?)e.Attribute("Include") ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                && (!e.AncestorsAndSelf().Any(c => c.Attribute("Condition") is not null) || namedAsTest));
        string outputType = Property("OutputType") ?? string.Empty;
        bool isApplication = web || outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase);

        var usings = new List<string>();
        string implicitUsings = Property("ImplicitUsings") ?? string.Empty;
        if (implicitUsings.Equals("enable", StringComparison.OrdinalIgnoreCase) || implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            usings.AddRange(SdkImplicitUsings);
            if (web)
            {
                usings.AddRange(WebImplicitUsings);
            }
        }

        usings.AddRange(elements.Concat(targets.Where(e => !IsConditional(e, conditional) || namedAsTest))
            .Where(e => e.Name.LocalName == "Using" && e.Attribute("Alias") is null && e.Attribute("Static") is null && e.Attribute("Remove") is null)
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .Where(value => value.Length > 0 && !value.Contains('$')));

        // The project's own references, and those a Directory.Build.props adds (Orleans' src/Orleans.Runtime adds
        // Orleans.Core there, in the branch of a <Choose> that builds from source), each relative to its own file.
        // An analyzer or build-tool reference (OutputItemType, ReferenceOutputAssembly=false) is no assembly reference.
        var references = ProjectReferencesOf(document, path, definitions)
            .Concat(imports.SelectMany(import => ProjectReferencesOf(import.Props, import.File, definitions)))
            .Where(reference => !string.Equals(reference, System.IO.Path.GetFullPath(path), StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string name = System.IO.Path.GetFileNameWithoutExtension(path);
        string assemblyName = document.Descendants().LastOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim() is { Length: > 0 } declared && !declared.Contains('$')
            ? declared
            : name;
        var friends = elements
            .Where(e => e.Name.LocalName == "InternalsVisibleTo")
            .Select(e => ((string?)e.Attribute("Include") ?? string.Empty)
                .Replace("$(AssemblyName)", assemblyName, StringComparison.Ordinal)
                .Replace("$(MSBuildProjectName)", name, StringComparison.Ordinal)
                .Trim())
            .Where(friend => friend.Length > 0 && !friend.Contains('$'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ProjectFile(path, name, assemblyName, friends, isTest, isApplication, usings.Distinct().ToList(), references, PackagesOf(elements.Concat(targets).ToList(), definitions, System.IO.Path.GetDirectoryName(path)!, conditional, namedAsTest));
    }

    // An item under a condition, on itself, its group, or the import of its file.
    private static bool IsConditional(XElement element, HashSet<XDocument> conditional)
    {
        return element.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null) || (element.Document is { } document && conditional.Contains(document));
    }

    // A test framework referenced under a condition (for the projects a props file takes for tests) is a test project's
    // package: its assembly in any other project's compilation would make that project test code.
    private static bool IsTestFramework(string id)
    {
        return id.Contains("xunit", StringComparison.OrdinalIgnoreCase) || id.Contains("nunit", StringComparison.OrdinalIgnoreCase)
            || id.Contains("mstest", StringComparison.OrdinalIgnoreCase) || id.Contains("tunit", StringComparison.OrdinalIgnoreCase)
            || id.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase);
    }

    private static List<PackageDependency> PackagesOf(List<XElement> elements, PropertyDefinitions definitions, string directory, HashSet<XDocument> conditional, bool namedAsTest)
    {
        string? Written(XElement element, string name)
        {
            string? value = (string?)element.Attribute(name) ?? element.Elements().FirstOrDefault(child => child.Name.LocalName == name)?.Value;
            return value is null ? null : definitions.Expand(value.Trim(), directory);
        }

        var central = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (XElement version in elements.Where(e => e.Name.LocalName == "PackageVersion"))
        {
            if (((string?)version.Attribute("Include") ?? (string?)version.Attribute("Update")) is { Length: > 0 } id && Written(version, "Version") is { } written)
            {
                central[id.Trim()] = written;
            }
        }

        var packages = new List<PackageDependency>();
        foreach (XElement reference in elements.Where(e => e.Name.LocalName == "PackageReference"))
        {
            if (((string?)reference.Attribute("Include"))?.Trim() is not { Length: > 0 } id || id.Contains('$')
                || (IsTestFramework(id) && !namedAsTest && IsConditional(reference, conditional)))
            {
                continue;
            }

            string? version = Written(reference, "VersionOverride") ?? Written(reference, "Version") ?? central.GetValueOrDefault(id);
            packages.Add(new PackageDependency(id, version is { Length: > 0 } && !version.Contains('$') ? version : null));
        }

        // A project of the .NET Framework era lists its packages in a packages.config beside it.
        string packagesConfig = System.IO.Path.Combine(directory, "packages.config");
        if (File.Exists(packagesConfig))
        {
            try
            {
                packages.AddRange(XDocument.Load(packagesConfig).Descendants("package")
                    .Where(package => ((string?)package.Attribute("id"))?.Trim() is { Length: > 0 })
                    .Select(package => new PackageDependency(((string)package.Attribute("id")!).Trim(), ((string?)package.Attribute("version"))?.Trim() is { Length: > 0 } version && !version.Contains('$') ? version : null)));
            }
            catch (System.Xml.XmlException)
            {
                // An unreadable packages.config adds nothing.
            }
        }

        return packages;
    }

    private static IEnumerable<string> ProjectReferencesOf(XDocument document, string file, PropertyDefinitions definitions)
    {
        string directory = System.IO.Path.GetDirectoryName(file)!;
        return document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference"
                && e.Attribute("OutputItemType") is null
                && !string.Equals((string?)e.Attribute("ReferenceOutputAssembly") ?? e.Elements().FirstOrDefault(c => c.Name.LocalName == "ReferenceOutputAssembly")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            .Select(e => definitions.Expand((string?)e.Attribute("Include") ?? string.Empty, directory))
            .Where(reference => reference.Length > 0 && !reference.Contains('$') && !reference.Contains('*'))
            .Select(reference => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, reference.Replace('\\', '/'))));
    }

    /// <summary>The C# files that belong to the project: those below its folder, not in obj/bin or another project's folder.</summary>
    public IEnumerable<string> SourceFiles(ISet<string> projectDirectories)
    {
        var pending = new Stack<string>();
        pending.Push(Directory);
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            foreach (string file in System.IO.Directory.EnumerateFiles(directory, "*.cs"))
            {
                yield return file;
            }

            foreach (string child in System.IO.Directory.EnumerateDirectories(directory))
            {
                string name = System.IO.Path.GetFileName(child);
                if (name is "obj" or "bin" or ".git" or ".vs" || projectDirectories.Contains(child))
                {
                    continue;
                }

                pending.Push(child);
            }
        }
    }

    // How deep imports of imports are followed: Directory.Build.props → build/Common.props → build/Versions.props.
    private const int MaxImportDepth = 4;

    // A props file and the files it imports (OpenTelemetry's src/Directory.Build.props imports build/Common.props,
    // which defines the $(RepoRoot) its project references are written with), as far as their paths resolve inside
    // the code base.
    private static void ReadImported(string file, string root, List<XElement> elements, PropertyDefinitions definitions, HashSet<string> read, List<(XDocument Props, string File)> imports, int depth, HashSet<XDocument>? conditional = null, bool underCondition = false)
    {
        if (!read.Add(file))
        {
            return;
        }

        XDocument props;
        try
        {
            props = XDocument.Load(file);
        }
        catch (System.Xml.XmlException)
        {
            // An unreadable import adds nothing.
            return;
        }

        elements.AddRange(props.Descendants());
        definitions.Read(props, file);
        if (underCondition)
        {
            conditional?.Add(props);
        }

        // Its project references are expanded once every property is known, with the project's own.
        imports.Add((props, file));
        if (depth >= MaxImportDepth)
        {
            return;
        }

        string directory = System.IO.Path.GetDirectoryName(file)!;
        string fullRoot = System.IO.Path.GetFullPath(root);
        foreach (XElement import in props.Descendants().Where(e => e.Name.LocalName == "Import").ToList())
        {
            string project = definitions.Expand((string?)import.Attribute("Project") ?? string.Empty, directory);
            if (project.Length == 0 || project.Contains('$') || project.Contains('*'))
            {
                continue;
            }

            string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, project.Replace('\\', '/')));
            if (full.StartsWith(fullRoot, StringComparison.Ordinal) && File.Exists(full))
            {
                ReadImported(full, root, elements, definitions, read, imports, depth + 1, conditional, underCondition || import.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null));
            }
        }
    }

    private static string? NearestAbove(string projectPath, string root, string fileName)
    {
        string fullRoot = System.IO.Path.GetFullPath(root);
        for (string? directory = System.IO.Path.GetDirectoryName(projectPath); directory is not null && directory.StartsWith(fullRoot, StringComparison.Ordinal); directory = System.IO.Path.GetDirectoryName(directory))
        {
            string file = System.IO.Path.Combine(directory, fileName);
            if (File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }

    private static IEnumerable<string> DirectoryBuildFiles(string projectPath, string root, string fileName)
    {
        string fullRoot = System.IO.Path.GetFullPath(root);
        for (string? directory = System.IO.Path.GetDirectoryName(projectPath); directory is not null && directory.StartsWith(fullRoot, StringComparison.Ordinal); directory = System.IO.Path.GetDirectoryName(directory))
        {
            string props = System.IO.Path.Combine(directory, fileName);
            if (File.Exists(props))
            {
                yield return props;
            }
        }
    }
}
