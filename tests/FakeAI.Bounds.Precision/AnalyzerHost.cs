using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// Runs the package's analyzers over one compilation the way a build of that project would: the project's
/// <c>IsTestProject</c> reaches them as a build property, and an analyzer exception is recorded, not swallowed.
/// </summary>
internal static class AnalyzerHost
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ProductAnalyzers.CreateAll();

    /// <summary>The projects the compiler itself could not bind, which the run skipped.</summary>
    public static ConcurrentQueue<string> CompilerFailures { get; } = new();

    // An exception with a frame of the product's analyzers is theirs, whatever the driver wrapped it in.
    private static bool ThrownByTheAnalyzers(Exception exception)
    {
        return exception.ToString().Contains("FakeAI.Bounds.Generators", StringComparison.Ordinal);
    }

    public static async Task<(List<Finding> Findings, List<string> Exceptions)> RunAsync(string codeBase, string root, ProjectFile project, CSharpCompilation compilation)
    {
        var exceptions = new ConcurrentQueue<string>();
        ImmutableDictionary<string, string> globals = ImmutableDictionary<string, string>.Empty
            .Add("build_property.IsTestProject", project.IsTest ? "true" : "false");
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], new GlobalOptionsProvider(globals)),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message + " at " + diagnostic.Location.GetLineSpan()),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (!ThrownByTheAnalyzers(exception))
        {
            // The compiler itself can fail to bind code of a newer language than the one it knows (dotNext's extension
            // blocks crashed the nullable walker): the project is skipped and said so, and the run goes on.
            CompilerFailures.Enqueue(codeBase + ": " + project.Name + ": the compiler threw " + exception.GetType().Name + " binding it; the project is not analyzed");
            return ([], [.. exceptions]);
        }

        var findings = new List<Finding>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                exceptions.Enqueue(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            if (!diagnostic.Id.StartsWith("BND0", StringComparison.Ordinal) || diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            findings.Add(new Finding(
                codeBase,
                diagnostic.Id,
                MemberName(compilation, diagnostic.Location),
                Path.GetRelativePath(root, tree.FilePath).Replace('\\', '/'),
                span.StartLinePosition.Line + 1,
                project.IsTest,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return (findings, exceptions.ToList());
    }

    // The member the diagnostic is about, as Namespace.Type.Member: stable across line shifts, so the expectations
    // of one commit still match the next.
    private static string MemberName(CSharpCompilation compilation, Location location)
    {
        SyntaxTree tree = location.SourceTree!;
        SemanticModel model = compilation.GetSemanticModel(tree);
        for (SyntaxNode? node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            ISymbol? symbol = node switch
            {
                VariableDeclaratorSyntax or PropertyDeclarationSyntax or MethodDeclarationSyntax or ParameterSyntax
                    or ConstructorDeclarationSyntax or AttributeSyntax => node is AttributeSyntax ? null : model.GetDeclaredSymbol(node),
                BaseTypeDeclarationSyntax type => model.GetDeclaredSymbol(type),
                _ => null,
            };
            if (symbol is not null)
            {
                string type = symbol is INamedTypeSymbol ? string.Empty : symbol.ContainingType?.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + ".";
                return type + symbol.Name;
            }
        }

        return "?";
    }
}
