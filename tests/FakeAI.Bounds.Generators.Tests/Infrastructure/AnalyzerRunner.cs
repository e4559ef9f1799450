using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>
/// Runs the generator and then every analyzer over a source without the testing framework, catching every analyzer
/// exception (the compiler would turn one into AD0001). For checks the framework's exact matching does not fit:
/// half-written code, whose compiler errors are beside the point; the documentation's examples; known bugs.
/// </summary>
internal static class AnalyzerRunner
{
    /// <summary>
    /// What a project that writes trackers declares (<c>FakeAIBoundsTrackerSuffixes=Tracker</c>): a class named
    /// <c>…Tracker</c> is one. The options of every run that passes none; a test of the options passes its own.
    /// </summary>
    public static ImmutableDictionary<string, string> DeclaredTrackers { get; } =
        ImmutableDictionary<string, string>.Empty.Add("build_property.FakeAIBoundsTrackerSuffixes", "Tracker");

    public static Task<AnalyzerRunResult> RunAsync(string source, LanguageVersion version = LanguageVersion.Latest)
    {
        return AnalyzeAsync(TestCompilation.Generate(source, version));
    }

    /// <summary>The same over a compilation of one's own, e.g. one without the FakeAI.Bounds runtime.</summary>
    public static Task<AnalyzerRunResult> RunAsync(CSharpCompilation input, ImmutableDictionary<string, string>? globalOptions = null)
    {
        GeneratorDriver driver = TestCompilation.CreateDriver(TestCompilation.ParseOptions())
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return AnalyzeAsync(new GeneratorRun(output, generatorDiagnostics, driver.GetRunResult()), globalOptions);
    }

    /// <summary>The same with build properties the compiler would see (<c>build_property.IsTestProject</c>, …).</summary>
    public static Task<AnalyzerRunResult> RunAsync(string source, ImmutableDictionary<string, string> globalOptions)
    {
        return AnalyzeAsync(TestCompilation.Generate(source), globalOptions);
    }

    private static async Task<AnalyzerRunResult> AnalyzeAsync(GeneratorRun generation, ImmutableDictionary<string, string>? globalOptions = null)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], new GlobalOptionsProvider(globalOptions ?? DeclaredTrackers)),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        CompilationWithAnalyzers compilation = generation.Output.WithAnalyzers(ProductAnalyzers.CreateAll(), options);
        ImmutableArray<Diagnostic> diagnostics = await compilation.GetAllDiagnosticsAsync();
        return new AnalyzerRunResult(generation, diagnostics, [.. exceptions]);
    }
}

/// <summary>The generator run, every diagnostic (compiler and analyzers), and the exceptions analyzers threw.</summary>
internal sealed record AnalyzerRunResult(GeneratorRun Generation, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> AnalyzerExceptions)
{
    public ImmutableArray<Diagnostic> BoundsDiagnostics => [.. Diagnostics.Where(d => d.Id.StartsWith("BND", StringComparison.Ordinal))];

    public ImmutableArray<Diagnostic> AnalyzerFailures => [.. Diagnostics.Where(d => d.Id is "AD0001" or "AD0002")];
}
