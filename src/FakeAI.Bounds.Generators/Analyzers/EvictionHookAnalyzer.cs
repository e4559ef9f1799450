using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Explains a <c>[Bounded]</c> type the generator skips because its <c>OnEvicted</c> hook has a shape the generated code
/// cannot call (BND114). It runs the very hook reader the generator runs, with a reporter, so the two can never disagree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EvictionHookAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.EvictionHookInvalid);

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
        if (AttributeLookup.Find(type, boundedAttribute) is null || BoundedInterfaces.SingleBoundedInterface(type, out BoundedKind kind) is not { } boundedInterface)
        {
            return;
        }

        ITypeSymbol? valueType = kind == BoundedKind.Dictionary ? boundedInterface.TypeArguments[1] : null;
        EvictionHookReader.TryRead(type, kind, boundedInterface.TypeArguments[0], valueType, context.ReportDiagnostic, GeneratedFiles.IsUserMember, context.CancellationToken, out _);
    }
}
