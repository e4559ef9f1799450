using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// Compiles source files of the repository in memory, against what a service's build references (the .NET and
/// ASP.NET Core shared frameworks this process runs on, OpenTelemetry, the FakeAI.Bounds runtime, and any project
/// assemblies asked for), and runs every analyzer the package ships over them, with the build properties a project
/// would pass (the samples' projects ask for the analysis of their samples folder). Nothing of the test process itself is referenced: the analyzers leave a compilation that references a
/// test framework alone, as they leave test projects alone.
/// </summary>
internal static class SourceAnalysis
{
    /// <summary>The tracker-suffix setting that turns off the name rule: only the code can make a class long-lived.</summary>
    public const string NoTrackerSuffixes = ",";

    public static async Task<AnalysisResult> AnalyzeAsync(IEnumerable<string> files, IEnumerable<string> projectAssemblies, string? trackerSuffixes = null)
    {
        CSharpParseOptions parse = new(LanguageVersion.Latest);
        SyntaxTree[] trees = [.. files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path))];
        string[] frameworks = [Path.GetDirectoryName(typeof(object).Assembly.Location)!, Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!];
        IEnumerable<string> packages = Directory.GetFiles(AppContext.BaseDirectory, "OpenTelemetry*.dll")
            .Concat(projectAssemblies.Prepend("FakeAI.Bounds").Select(name => Path.Combine(AppContext.BaseDirectory, name + ".dll")));
        MetadataReference[] references =
        [
            .. frameworks.SelectMany(folder => Directory.GetFiles(folder, "*.dll"))
                .Concat(packages)
                .Select(path => MetadataReference.CreateFromFile(path)),
        ];
        CSharpCompilation compilation = CSharpCompilation.Create(
            "SourceUnderAnalysis",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Every project these files come from sits in the repository's samples folder, which the analyzers leave alone
        // unless asked; each of them asks in its project file (FakeAIBoundsAnalyzeTestCode).
        var properties = new Dictionary<string, string> { ["build_property.FakeAIBoundsAnalyzeTestCode"] = "true" };
        if (trackerSuffixes is not null)
        {
            properties["build_property.FakeAIBoundsTrackerSuffixes"] = trackerSuffixes;
        }

        CompilationWithAnalyzers analysis = compilation.WithAnalyzers(
            ProductAnalyzers.CreateAll(),
            new AnalyzerOptions([], new GlobalOptionsProvider(properties.ToImmutableDictionary())));
        ImmutableArray<Diagnostic> diagnostics = await analysis.GetAllDiagnosticsAsync();
        return new AnalysisResult(
            [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)],
            [.. diagnostics.Where(d => d.Id.StartsWith("BND", StringComparison.Ordinal))],
            [.. diagnostics.Where(d => d.Id is "AD0001" or "AD0002")]);
    }

    /// <summary>The C# files directly in a folder of the repository.</summary>
    public static IEnumerable<string> Files(string folder, params string[] except) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.TopDirectoryOnly)
            .Where(path => !except.Contains(Path.GetFileName(path), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
}

/// <summary>The compiler's errors, the BND diagnostics, and analyzer failures of one analysis.</summary>
internal sealed record AnalysisResult(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Bounds, ImmutableArray<Diagnostic> AnalyzerFailures);
