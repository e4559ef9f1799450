using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators;
using FakeAI.Bounds.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FakeAI.Bounds.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A code fix test that compiles offline against the .NET 10 reference assemblies and the FakeAI.Bounds runtime, runs
/// every analyzer the package ships and the <see cref="BoundedGenerator"/> over both the original and the fixed code,
/// and fails on any compiler warning or error: the fixed code must build as a consumer's project would, generated
/// bounded types included. The framework also runs Fix All in document, project and solution scope.
/// </summary>
internal sealed class BoundsCodeFixTest<TCodeFix> : CSharpCodeFixTest<UnboundedCollectionAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public BoundsCodeFixTest()
    {
        // Resolves nothing: the references come from Basic.Reference.Assemblies, so the test needs no network.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(BoundedAttribute).Assembly.Location));
        CompilerDiagnostics = CompilerDiagnostics.Warnings;

        // BND001–BND003 each have a twin tagged CompilationEnd (same ID and message) for holders only the whole
        // compilation reveals; a markup location stands for the first, the one reported as the class is analyzed.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;

        // BND006 is reported when the whole compilation is analyzed (its element type and tracker may be in different
        // files), so it is not a local diagnostic; the IDE and dotnet format fix it all the same.
        CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;

        // The generated files are checked by the generator's own tests; here only that the fixed code compiles with them.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;

        // A project that writes trackers declares their suffix, as the SDK passes the MSBuild property to analyzers: a
        // class named …Tracker is one. An .editorconfig key a test adds wins over it.
        TestState.AnalyzerConfigFiles.Add(("/.trackers.globalconfig", CodeActions.DeclaredTrackers));

        SolutionTransforms.Add((solution, projectId) =>
        {
            Project project = solution.GetProject(projectId)!;
            var options = (CSharpCompilationOptions)project.CompilationOptions!;
            options = options
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithWarningLevel(9999)
                .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems([
                    new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
                    new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
                ]));
            var parseOptions = (CSharpParseOptions)project.ParseOptions!;
            return solution
                .WithProjectCompilationOptions(projectId, options)
                .WithProjectParseOptions(projectId, parseOptions.WithLanguageVersion(LanguageVersion).WithPreprocessorSymbols(Net10Symbols).WithDocumentationMode(DocumentationMode.Parse));
        });
    }

    // The framework names its project "TestProject" and its files "Test0.cs"; the rules skip code named as tests (a
    // test kit, a TestTransport.cs), so the code under test is named as a consumer's product code is.
    protected override string DefaultTestProjectName => "Consumer";

    protected override string DefaultFilePathPrefix => "/0/Source";

    /// <summary>The C# version of the test project; the fixes write the shorter declarations C# 12 allows.</summary>
    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    private static readonly string[] Net10Symbols =
    [
        "NET", "NET10_0", "NETCOREAPP",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
    {
        return ProductAnalyzers.CreateAll();
    }

    protected override IEnumerable<Type> GetSourceGenerators()
    {
        return [typeof(BoundedGenerator)];
    }

    protected override ParseOptions CreateParseOptions()
    {
        return ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
    }
}

/// <summary>Every analyzer the generator assembly ships, found the way the compiler finds them: by attribute.</summary>
internal static class ProductAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> CreateAll()
    {
        return
        [
            .. typeof(BoundedGenerator).Assembly.GetTypes()
                .Where(type => !type.IsAbstract
                    && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                    && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
                    && attribute.Languages.Contains(LanguageNames.CSharp))
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
        ];
    }
}

/// <summary>Runs one fix over a source and compares the result.</summary>
internal static class Verify<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// The fix turns <paramref name="source"/> (with <c>{|BND001:…|}</c> markup on the expected diagnostics) into
    /// <paramref name="fixedSource"/>, in which no diagnostic is left, and Fix All in every scope gives the same result.
    /// </summary>
    public static Task FixAsync(string source, string fixedSource, Action<BoundsCodeFixTest<TCodeFix>>? configure = null)
    {
        var test = new BoundsCodeFixTest<TCodeFix>
        {
            TestCode = source,
            FixedCode = fixedSource,
        };
        configure?.Invoke(test);
        return test.RunAsync();
    }

    /// <summary>The fix is not offered for any of the diagnostics marked in <paramref name="source"/>.</summary>
    public static Task NotOfferedAsync(string source, Action<BoundsCodeFixTest<TCodeFix>>? configure = null)
    {
        return FixAsync(source, source, configure);
    }

    /// <summary>An <c>.editorconfig</c> for every C# file of the test project.</summary>
    public static Action<BoundsCodeFixTest<TCodeFix>> EditorConfig(string settings)
    {
        return test => test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + settings + "\n"));
    }

    /// <summary>A global analyzer config, the form in which the SDK passes MSBuild properties to analyzers.</summary>
    public static Action<BoundsCodeFixTest<TCodeFix>> GlobalConfig(string settings)
    {
        return test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + settings + "\n"));
    }
}
