using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Reports <c>[AllowUnbounded]</c> on a field or property whose justification is empty, whitespace or
/// <see langword="null"/>, written as a literal or as a constant that evaluates to one (BND007). The attribute turns
/// the unbounded-state rules off for the member; its justification is the only record of why that is safe. It is
/// reported on the attribute. An argument that is not a constant is a compiler error already and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AllowUnboundedJustificationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SuppressionWithoutJustification);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? allowUnbounded = start.Compilation.GetTypeByMetadataName(KnownNames.AllowUnboundedAttribute);
            if (allowUnbounded is null)
            {
                // The runtime is not referenced: there can be no [AllowUnbounded].
                return;
            }

            start.RegisterSymbolAction(
                symbolContext => Analyze(symbolContext, allowUnbounded),
                SymbolKind.Field,
                SymbolKind.Property);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol allowUnbounded)
    {
        foreach (AttributeData attribute in context.Symbol.GetAttributes())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, allowUnbounded)
                || attribute.AttributeConstructor is null
                || attribute.ConstructorArguments.Length != 1
                || attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            TypedConstant justification = attribute.ConstructorArguments[0];
            if (justification.Kind == TypedConstantKind.Error
                || (!justification.IsNull && justification.Value is not string)
                || (justification.Value is string text && !string.IsNullOrWhiteSpace(text)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SuppressionWithoutJustification,
                reference.GetSyntax(context.CancellationToken).GetLocation(),
                context.Symbol.Name));
        }
    }
}
