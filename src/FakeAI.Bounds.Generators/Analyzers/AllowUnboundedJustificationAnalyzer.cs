using System.Collections.Immutable;
using System.Linq;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
/// <remarks>
/// It looks at attribute syntax, not at every field's and property's symbol, and binds only an attribute written as
/// <c>AllowUnbounded</c> (or through a using alias): asking every member or every attribute makes the compiler bind
/// them all, which cost a tenth of a second on a 3,000-class project.
/// </remarks>
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

            start.RegisterSyntaxNodeAction(
                nodeContext => Analyze(nodeContext, (AttributeSyntax)nodeContext.Node, allowUnbounded),
                SyntaxKind.Attribute);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, AttributeSyntax attribute, INamedTypeSymbol allowUnbounded)
    {
        if (attribute.ArgumentList is not { Arguments.Count: 1 } arguments
            || TargetNames(attribute) is not { } names
            || !MayName(attribute))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, allowUnbounded))
        {
            return;
        }

        Optional<object?> justification = context.SemanticModel.GetConstantValue(arguments.Arguments[0].Expression, context.CancellationToken);
        if (!justification.HasValue || (justification.Value is not null && justification.Value is not string)
            || (justification.Value is string text && !string.IsNullOrWhiteSpace(text)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SuppressionWithoutJustification, attribute.GetLocation(), names));
    }

    // The members the attribute applies to: every variable of a field declaration, a property, or a record's
    // positional parameter with a `property:` target. Elsewhere the attribute is a compiler error already.
    private static string? TargetNames(AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
        {
            return null;
        }

        return list.Parent switch
        {
            FieldDeclarationSyntax field => string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.ValueText)),
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            ParameterSyntax parameter when list.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true => parameter.Identifier.ValueText,
            _ => null,
        };
    }

    // AllowUnbounded, AllowUnboundedAttribute, FakeAI.Bounds.AllowUnbounded, or a name a using alias gives it.
    private static bool MayName(AttributeSyntax attribute)
    {
        string name = RightmostName(attribute.Name);
        if (name is "AllowUnbounded" or "AllowUnboundedAttribute")
        {
            return true;
        }

        for (SyntaxNode? scope = attribute.Parent; scope is not null; scope = scope.Parent)
        {
            SyntaxList<UsingDirectiveSyntax> usings = scope switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            foreach (UsingDirectiveSyntax directive in usings)
            {
                if (directive.Alias?.Name.Identifier.ValueText == name && directive.Name is { } target
                    && RightmostName(target) is "AllowUnbounded" or "AllowUnboundedAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string RightmostName(NameSyntax name)
    {
        return name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
