using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// Compiles every project of a code base as its own compilation, in dependency order, so that a project sees the
/// types of the projects it references. References are the .NET and ASP.NET Core reference packs of the SDK that runs
/// the harness (which also hold Microsoft.Extensions' hosting, DI, logging and options), and the assemblies of the
/// packages the code base references, where <see cref="PackageRestore"/> could restore them; the types of a package
/// it could not restore stay unresolved.
/// </summary>
internal sealed class CodeBaseCompiler
{
    private static readonly string[] Defines =
    [
        "TRACE", "RELEASE", "NET", "NET10_0", "NETCOREAPP", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER",
        "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
        "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    private readonly Dictionary<string, CSharpCompilation?> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectFile> _projects;
    private readonly HashSet<string> _projectDirectories;
    private RestoredPackages _packages = RestoredPackages.None;

    /// <summary>The simple names of the reference packs' assemblies, which no package assembly replaces.</summary>
    private static readonly Lazy<HashSet<string>> FrameworkAssemblyNames = new(() => new HashSet<string>(
        FrameworkReferences.Value.OfType<PortableExecutableReference>().Select(reference => Path.GetFileNameWithoutExtension(reference.FilePath ?? string.Empty)),
        StringComparer.OrdinalIgnoreCase));

    public CodeBaseCompiler(string root)
    {
        // An .xproj is a project of the project.json era (AutoMapper before 2017): its sources are its folder's.
        _projects = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(root, "*.xproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Select(path => ProjectFile.Read(Path.GetFullPath(path), root))
            .ToDictionary(project => project.Path, StringComparer.Ordinal);
        _projectDirectories = new HashSet<string>(_projects.Values.Select(project => project.Directory), StringComparer.Ordinal);
    }

    public IEnumerable<ProjectFile> Projects => _projects.Values.OrderBy(project => project.Path, StringComparer.Ordinal);

    /// <summary>Restores the code base's packages, unless the last restore was for the same package list.</summary>
    public void RestorePackages(string name, string work) => PackageRestore.Restore(name, _projects.Values, work);

    /// <summary>Compiles against what the code base's restore resolved.</summary>
    /// <returns>What the restore gave, for the report.</returns>
    public RestoredPackages UsePackages(string name, string work)
    {
        _packages = PackageRestore.Read(name, _projects.Values, work, FrameworkAssemblyNames.Value);
        return _packages;
    }

    public CSharpCompilation? Compile(ProjectFile project)
    {
        return Compile(project.Path, new HashSet<string>(StringComparer.Ordinal));
    }

    private CSharpCompilation? Compile(string path, HashSet<string> visiting)
    {
        if (_compiled.TryGetValue(path, out CSharpCompilation? done))
        {
            return done;
        }

        if (!_projects.TryGetValue(path, out ProjectFile? project) || !visiting.Add(path))
        {
            return null;
        }

        // Project references are transitive, as in an SDK build: a project sees the types of what its references
        // reference (Orleans.Runtime sees GrainType of Orleans.Core.Abstractions through Orleans.Core).
        var references = new List<MetadataReference>();
        var seen = new HashSet<Compilation>();
        foreach (string referenced in project.ProjectReferences)
        {
            if (Compile(referenced, visiting) is not { } dependency)
            {
                continue;
            }

            if (seen.Add(dependency))
            {
                references.Add(dependency.ToMetadataReference());
            }

            foreach (CompilationReference transitive in dependency.References.OfType<CompilationReference>())
            {
                if (seen.Add(transitive.Compilation))
                {
                    references.Add(transitive);
                }
            }
        }

        // An old repository may compile its own copy of an assembly the reference packs ship today (SignalR's 2018
        // sources and Microsoft.AspNetCore.SignalR.Core): the copy compiled here stands for it, or every type of it
        // would be ambiguous in the projects that reference both.
        var compiledHere = new HashSet<string>(seen.Select(dependency => dependency.AssemblyName ?? string.Empty), StringComparer.OrdinalIgnoreCase);
        references.InsertRange(0, FrameworkReferences.Value.Where(reference =>
            reference is not PortableExecutableReference { FilePath: { } file } || !compiledHere.Contains(Path.GetFileNameWithoutExtension(file))));
        references.AddRange(_packages.ReferencesFor(PackageIdsOf(project, new HashSet<string>(StringComparer.Ordinal))).Where(reference =>
            reference is not PortableExecutableReference { FilePath: { } file } || !compiledHere.Contains(Path.GetFileNameWithoutExtension(file))));

        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: Defines);
        var files = project.SourceFiles(_projectDirectories).Where(file => new FileInfo(file).Length < 1_000_000).ToList();
        var trees = new SyntaxTree[files.Count];
        Parallel.For(0, files.Count, i => trees[i] = CSharpSyntaxTree.ParseText(
            Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(files[i]), System.Text.Encoding.UTF8),
            parseOptions,
            files[i]));
        var allTrees = trees.ToList();
        if (project.GlobalUsings.Count > 0)
        {
            string usings = string.Concat(project.GlobalUsings.Select(ns => "global using global::" + ns + ";\n"));
            allTrees.Add(CSharpSyntaxTree.ParseText(usings, parseOptions, Path.Combine(project.Directory, "obj", "GlobalUsings.g.cs")));
        }

        if (project.Friends.Count > 0)
        {
            string friends = string.Concat(project.Friends.Select(friend => "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"" + friend.Replace("\"", "\\\"", StringComparison.Ordinal) + "\")]\n"));
            allTrees.Add(CSharpSyntaxTree.ParseText(friends, parseOptions, Path.Combine(project.Directory, "obj", "AssemblyInfo.g.cs")));
        }

        CSharpCompilation? compilation = files.Count == 0
            ? null
            : CSharpCompilation.Create(
                project.AssemblyName,
                allTrees,
                references,
                new CSharpCompilationOptions(
                    project.IsApplication ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    allowUnsafe: true,
                    concurrentBuild: true));
        _compiled[path] = compilation;
        return compilation;
    }

    // Package references flow through project references, as in an SDK build: a project compiles against the packages
    // of the projects it references.
    private IEnumerable<string> PackageIdsOf(ProjectFile project, HashSet<string> visited)
    {
        if (!visited.Add(project.Path))
        {
            yield break;
        }

        foreach (PackageDependency package in project.Packages)
        {
            yield return package.Id;
        }

        foreach (string referenced in project.ProjectReferences)
        {
            if (_projects.TryGetValue(referenced, out ProjectFile? dependency))
            {
                foreach (string id in PackageIdsOf(dependency, visited))
                {
                    yield return id;
                }
            }
        }
    }

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        // …/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → the SDK root, whose packs/ hold the
        // reference assemblies an ordinary build compiles against.
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (string pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            string packDirectory = Path.Combine(dotnetRoot, "packs", pack);
            if (!Directory.Exists(packDirectory))
            {
                continue;
            }

            string? newest = Directory.EnumerateDirectories(packDirectory).OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version(0, 0)).LastOrDefault();
            string? refDirectory = newest is null ? null : Directory.EnumerateDirectories(Path.Combine(newest, "ref")).LastOrDefault();
            if (refDirectory is null)
            {
                continue;
            }

            foreach (string dll in Directory.EnumerateFiles(refDirectory, "*.dll"))
            {
                references.Add(MetadataReference.CreateFromFile(dll));
            }
        }

        if (references.Count == 0)
        {
            throw new InvalidOperationException("No reference packs under " + dotnetRoot + "/packs: run the harness with an installed .NET SDK.");
        }

        return references.ToImmutable();
    }
}
