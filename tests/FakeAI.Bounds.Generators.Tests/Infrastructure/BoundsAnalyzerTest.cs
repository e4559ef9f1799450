using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Analyzers;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>
/// An analyzer test that compiles offline against the .NET 10 reference assemblies and the FakeAI.Bounds runtime and,
/// like CommunityToolkit.Mvvm's analyzer tests, runs the <see cref="BoundedGenerator"/> over the same source, so that
/// the analyzer sees what it sees in a real build: the user's code plus the generated members. It records which files
/// the generator wrote, so that a test can also prove what was (and was not) generated. Every analyzer of the package
/// runs, so that an unexpected diagnostic of any rule fails the test.
/// </summary>
internal sealed class BoundsAnalyzerTest : CSharpAnalyzerTest<BoundedDeclarationAnalyzer, DefaultVerifier>
{
    private readonly List<string> _generatedHintNames = [];

    public BoundsAnalyzerTest(string source, bool runGenerator = true)
    {
        RunGenerator = runGenerator;
        TestCode = source;

        // Resolves nothing: the references come from Basic.Reference.Assemblies, so the test needs no network.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(BoundedAttribute).Assembly.Location));

        // The generated files are checked by the generator's own tests; here only their presence matters.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

        SolutionTransforms.Add(static (solution, projectId) =>
        {
            Project project = solution.GetProject(projectId)!;
            // As TestCompilation: what a consumer's build has (nullable on, every warning wave, the SDK's suppressions).
            var options = (CSharpCompilationOptions)project.CompilationOptions!;
            options = options
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithWarningLevel(9999)
                .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems([
                    new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
                    new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
                ]));
            return solution
                .WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, TestCompilation.ParseOptions());
        });
    }

    // The framework names its project "TestProject" and its files "Test0.cs"; the rules skip code named as tests (a
    // test kit, a TestTransport.cs), so the code under test is named as a consumer's product code is.
    protected override string DefaultTestProjectName => "Consumer";

    protected override string DefaultFilePathPrefix => "/0/Source";

    public bool RunGenerator { get; }

    /// <summary>The hint names of the files the generator wrote in the last compilation the analyzer saw.</summary>
    public IReadOnlyList<string> GeneratedHintNames
    {
        get
        {
            lock (_generatedHintNames)
            {
                return [.. _generatedHintNames];
            }
        }
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
    {
        return ProductAnalyzers.CreateAll();
    }

    protected override IEnumerable<Type> GetSourceGenerators()
    {
        return RunGenerator ? [typeof(BoundedGenerator)] : [];
    }

    protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions options,
        CancellationToken cancellationToken)
    {
        lock (_generatedHintNames)
        {
            _generatedHintNames.Clear();
            _generatedHintNames.AddRange(compilation.SyntaxTrees
                .Select(tree => tree.FilePath.Replace('\\', '/'))
                .Where(path => path.EndsWith(KnownNames.HintNameSuffix, StringComparison.Ordinal))
                .Select(path => HintNames.Readable(path[(path.LastIndexOf('/') + 1)..]))
                .OrderBy(name => name, StringComparer.Ordinal));
        }

        return base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
    }
}

/// <summary>Runs the analyzers over a source, with the generator, and checks diagnostics and generated files.</summary>
internal static class AnalyzerVerifier
{
    /// <summary>
    /// What a project that writes trackers declares, as the SDK passes its MSBuild property to the analyzers: a class
    /// named <c>…Tracker</c> is one. Used when a test passes no configuration of its own.
    /// </summary>
    public static readonly string DeclaredTrackers =
        "is_global = true\n" + string.Concat(AnalyzerRunner.DeclaredTrackers.Select(option => option.Key + " = " + option.Value + "\n"));

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>
    /// Valid code: no diagnostic of any analyzer, no compiler error or warning (the generated code included), and
    /// exactly the expected generated files.
    /// </summary>
    public static Task VerifyCleanAsync(string source, params string[] expectedGeneratedFiles)
    {
        return VerifyCleanAsync([source], expectedGeneratedFiles);
    }

    /// <inheritdoc cref="VerifyCleanAsync(string, string[])"/>
    public static async Task VerifyCleanAsync(string[] sources, params string[] expectedGeneratedFiles)
    {
        var test = new BoundsAnalyzerTest(sources[0])
        {
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", DeclaredTrackers));
        foreach (string source in sources.Skip(1))
        {
            test.TestState.Sources.Add(source);
        }

        await test.RunAsync();
        Assert.Equal(expectedGeneratedFiles.OrderBy(name => name, StringComparer.Ordinal), test.GeneratedHintNames);
    }

    /// <summary>
    /// Invalid code: exactly the expected analyzer diagnostics (exact location and message) and exactly the
    /// expected generated files. Compiler errors are not compared: a [Bounded] type that was not generated does not
    /// implement its interface, which the compiler reports as well.
    /// </summary>
    /// <param name="source">The code, with <c>{|#n:…|}</c> markup for the expected locations.</param>
    /// <param name="expectedGeneratedFiles">The hint names the generator must write; <see langword="null"/> not to check.</param>
    /// <param name="expected">The diagnostics.</param>
    public static Task VerifyAsync(string source, string[]? expectedGeneratedFiles, params DiagnosticResult[] expected)
    {
        return VerifyAsync(source, editorConfig: null, expectedGeneratedFiles, expected);
    }

    /// <summary>
    /// Invalid code under options: the same, with an <c>.editorconfig</c> at the root of the project (its whole text,
    /// e.g. <c>"root = true\n[*]\nfakeai_bounds.tracker_suffixes = Pump\n"</c>).
    /// </summary>
    /// <param name="source">The code, with <c>{|#n:…|}</c> markup for the expected locations.</param>
    /// <param name="editorConfig">
    /// The text of <c>/.editorconfig</c>, or of a global config when it says <c>is_global = true</c> (where MSBuild
    /// properties reach the compiler as <c>build_property.*</c> keys); <see langword="null"/> for
    /// <see cref="DeclaredTrackers"/>.
    /// </param>
    /// <param name="expectedGeneratedFiles">The hint names the generator must write; <see langword="null"/> not to check.</param>
    /// <param name="expected">The diagnostics.</param>
    public static async Task VerifyAsync(string source, string? editorConfig, string[]? expectedGeneratedFiles, params DiagnosticResult[] expected)
    {
        var test = new BoundsAnalyzerTest(source)
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig ?? DeclaredTrackers));

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
        if (expectedGeneratedFiles is not null)
        {
            Assert.Equal(expectedGeneratedFiles.OrderBy(name => name, StringComparer.Ordinal), test.GeneratedHintNames);
        }
    }

    /// <summary>Invalid code of which nothing may be generated.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        return VerifyAsync(source, [], expected);
    }
}
