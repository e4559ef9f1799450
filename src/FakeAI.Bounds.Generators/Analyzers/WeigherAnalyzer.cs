using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Explains a <c>[Bounded]</c> type declared with <c>MaxWeight</c> that the generator skips because it has no weigher
/// the generated code can call (BND118). It runs the very weigher reader the generator runs, with a reporter, so the two
/// can never disagree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeigherAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.WeigherInvalid);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? boundedAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.BoundedAttribute);
            if (boundedAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, boundedAttribute), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol boundedAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (AttributeLookup.Find(type, boundedAttribute) is not { } attribute
            || BoundedInterfaces.SingleBoundedInterface(type, out BoundedKind kind) is not { } boundedInterface
            || kind == BoundedKind.Queue)
        {
            return;
        }

        // An invalid or absent MaxWeight is BND117's, or asks for no weigher at all.
        if (!MaxWeightReader.TryRead(type, attribute, kind, report: null, out long maxWeight) || maxWeight == 0)
        {
            return;
        }

        ITypeSymbol? valueType = kind == BoundedKind.Dictionary ? boundedInterface.TypeArguments[1] : null;
        WeigherReader.TryRead(type, kind, boundedInterface.TypeArguments[0], valueType, context.ReportDiagnostic, GeneratedFiles.IsUserMember, context.CancellationToken, out _);
    }
}
