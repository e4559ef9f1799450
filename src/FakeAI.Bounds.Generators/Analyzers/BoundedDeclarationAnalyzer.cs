using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Explains every <c>[Bounded]</c> declaration the generator has to skip (BND101–BND105, BND107, BND110, BND115, BND117). It runs the very
/// reader the generator runs, with a reporter, so the two can never disagree about what is valid.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BoundedDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BoundedTypeNotPartial,
        DiagnosticDescriptors.MaxLengthInvalid,
        DiagnosticDescriptors.BoundedInterfaceCount,
        DiagnosticDescriptors.BoundedTypeKindInvalid,
        DiagnosticDescriptors.MemberClashesWithGenerated,
        DiagnosticDescriptors.OverflowPolicyInvalid,
        DiagnosticDescriptors.LanguageVersionTooLow,
        DiagnosticDescriptors.MaxAgeInvalid,
        DiagnosticDescriptors.MaxWeightInvalid);

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
        if (AttributeLookup.Find(type, boundedAttribute) is { } attribute)
        {
            // The analyzer sees the generator's output too; only members the user wrote can clash with it.
            BoundedDeclarationReader.Read(type, attribute, context.ReportDiagnostic, GeneratedFiles.IsUserMember, context.CancellationToken);
        }
    }
}
