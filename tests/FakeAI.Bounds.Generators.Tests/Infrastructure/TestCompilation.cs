using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FakeAI.Bounds;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>
/// Builds in-memory compilations the way a consumer's build would: .NET 10 reference assemblies, the FakeAI.Bounds
/// runtime, the preprocessor symbols the SDK defines, nullable enabled and every warning level on.
/// </summary>
internal static class TestCompilation
{
    /// <summary>The symbols the SDK defines for a net10.0 project; the generated code branches on some of them.</summary>
    private static readonly string[] Net10Symbols =
    [
        "NET", "NET10_0", "NETCOREAPP",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(BoundedAttribute).Assembly.Location),
    ];

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest, bool sdkSymbols = true)
    {
        return new CSharpParseOptions(version).WithPreprocessorSymbols(sdkSymbols ? Net10Symbols : []);
    }

    public static CSharpCompilation Create(string source, LanguageVersion version = LanguageVersion.Latest, bool sdkSymbols = true)
    {
        return Create([source], version, sdkSymbols);
    }

    public static CSharpCompilation Create(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest, bool sdkSymbols = true)
    {
        CSharpParseOptions parseOptions = ParseOptions(version, sdkSymbols);
        return CSharpCompilation.Create(
            "Consumer",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                allowUnsafe: false)
                // The SDK suppresses these two for every project: the runtime targets net8.0, the references are net10.0.
                .WithSpecificDiagnosticOptions([
                    new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
                    new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
                ]));
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions)
    {
        return CSharpGeneratorDriver.Create(
            [new BoundedGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once over a source and returns the updated compilation and the run.</summary>
    public static GeneratorRun Generate(string source, LanguageVersion version = LanguageVersion.Latest, bool sdkSymbols = true)
    {
        CSharpCompilation input = Create(source, version, sdkSymbols);
        GeneratorDriver driver = CreateDriver(ParseOptions(version, sdkSymbols))
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(output, generatorDiagnostics, driver.GetRunResult());
    }

    /// <summary>Every diagnostic of a compilation at warning level or above, generated code included.</summary>
    public static ImmutableArray<Diagnostic> WarningsAndErrors(Compilation compilation)
    {
        return [.. compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
    }
}

/// <summary>One generator run: the compilation with generated sources added, the generator's own diagnostics, the run result.</summary>
internal sealed record GeneratorRun(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result)
{
    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Result.Results.Single().GeneratedSources;

    public string SingleSource => GeneratedSources.Single().SourceText.ToString();
}
