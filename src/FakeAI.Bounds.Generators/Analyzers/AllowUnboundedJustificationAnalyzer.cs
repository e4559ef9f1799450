using System.Collections.Immutable;
using System.Linq;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Reports <c>[AllowUnbounded]</c> on a field or property whose justification is empty, whitespace or
/// <see langword="null"/>, written as a literal or as a constant that evaluates to one (BND007). The attribute turns
/// the unbounded-state rules off for the member; its justification is the only record of why that is safe. It is
/// reported on the attribute, once per attribute: an attribute on a field declaration of several variables
/// (<c>[AllowUnbounded("")] List&lt;int&gt; _a = new(), _b = new();</c>) is reported once, naming them all. An
/// argument that is not a constant is a compiler error already and is not reported.
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
        // Binding a member's attributes costs; most members have none, which the syntax shows for free.
        if (!HasAttributeLists(context.Symbol, context.CancellationToken))
        {
            return;
        }

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

            SyntaxNode syntax = reference.GetSyntax(context.CancellationToken);
            string names = context.Symbol.Name;
            if (syntax.Parent?.Parent is FieldDeclarationSyntax { Declaration.Variables: { Count: > 1 } variables })
            {
                // Every variable of the declaration has this attribute: it is reported with the first one, for all.
                SyntaxToken first = variables[0].Identifier;
                if (!context.Symbol.Locations.Any(l => l.SourceTree == first.SyntaxTree && l.SourceSpan == first.Span))
                {
                    continue;
                }

                names = string.Join(", ", variables.Select(v => v.Identifier.ValueText));
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.SuppressionWithoutJustification,
                syntax.GetLocation(),
                names));
        }
    }

    private static bool HasAttributeLists(ISymbol symbol, System.Threading.CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            if (DeclarationHasAttributeLists(reference.GetSyntax(cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    // A field's declarator sits in a field declaration; a property, or a record's positional parameter, is its own.
    private static bool DeclarationHasAttributeLists(SyntaxNode node)
    {
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case MemberDeclarationSyntax member:
                    return member.AttributeLists.Count > 0;
                case ParameterSyntax parameter:
                    return parameter.AttributeLists.Count > 0;
            }
        }

        return false;
    }
}
