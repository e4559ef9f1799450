using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FakeAI.Bounds.CodeFixes.Tests.Infrastructure;

/// <summary>Asks a provider for its actions on one member's diagnostic, in a workspace of its own, and returns their titles.</summary>
internal static class CodeActions
{
    /// <summary>What a project that writes trackers declares, as the SDK passes the MSBuild property: a class named …Tracker is one.</summary>
    public const string DeclaredTrackers = "is_global = true\nbuild_property.FakeAIBoundsTrackerSuffixes = Tracker\n";

    public static async Task<string[]> TitlesAsync(CodeFixProvider provider, string markedSource, string member)
    {
        // The markup only marks where the diagnostics are; the workspace gets the plain code.
        string source = System.Text.RegularExpressions.Regex.Replace(markedSource, @"\{\|BND\d+:([^|]*)\|\}", "$1");
        using var workspace = new AdhocWorkspace();
        Document document = CreateDocument(workspace, source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ProductAnalyzers.CreateAll(), document.Project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic diagnostic = diagnostics.Single(d => d.Location.SourceTree == compilation.SyntaxTrees.First()
            && source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) == member
            && provider.FixableDiagnosticIds.Contains(d.Id));

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return [.. actions.Select(a => a.Title)];
    }

    /// <summary>A one-document project that compiles as a consumer's would, the generator included.</summary>
    public static Document CreateDocument(AdhocWorkspace workspace, string source, string path = "/src/Test0.cs")
    {
        Project project = workspace.CurrentSolution
            .AddProject("Consumer", "Consumer", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddMetadataReferences(Basic.Reference.Assemblies.Net100.References.All)
            .AddMetadataReference(MetadataReference.CreateFromFile(typeof(BoundedAttribute).Assembly.Location))
            .AddAnalyzerReference(new GeneratorReference());

        // The project declares its trackers' suffix, as BoundsCodeFixTest's projects do.
        project = project.AddAnalyzerConfigDocument(".globalconfig", SourceText.From(DeclaredTrackers), filePath: "/src/.globalconfig").Project;
        return project.AddDocument(System.IO.Path.GetFileName(path), SourceText.From(source), filePath: path);
    }

    /// <summary>The generator as a project's analyzer reference, so that the workspace's compilation has the generated types.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        public override string FullPath => typeof(BoundedGenerator).Assembly.Location;

        public override object Id => nameof(GeneratorReference);

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

        // The same instances every time: the workspace finds a generator's reference by its instance.
        private static readonly ImmutableArray<ISourceGenerator> Generators = [new BoundedGenerator().AsSourceGenerator()];

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => Generators;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => GetGeneratorsForAllLanguages();
    }
}
