using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Analyzers;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FakeAI.Bounds.CodeFixes.Ages;

/// <summary>
/// What BND008's fix writes for one sweep: the age argument added to the type's <c>[Bounded]</c> attribute (in the
/// document that declares it), and the sweep replaced by <c>RemoveExpired()</c>, which removes the expired entries at
/// the same point and returns their count as <c>RemoveWhere</c> did. Not offered when the window is not a constant
/// (the age must be one), or when the type's attribute is not in the solution's source.
/// </summary>
internal sealed class MaxAgePlan
{
    private const string RemoveExpired = "RemoveExpired";

    private MaxAgePlan(InvocationExpressionSyntax sweep, MemberAccessExpressionSyntax access, Document attributeDocument, AttributeSyntax attribute, string argumentName, int value, string typeName)
    {
        Sweep = sweep;
        _access = access;
        _attributeDocument = attributeDocument;
        _attribute = attribute;
        _argumentName = argumentName;
        _value = value;
        Title = "Declare " + argumentName + " = " + value.ToString(CultureInfo.InvariantCulture) + " on '" + typeName + "' and call " + RemoveExpired + "()";
    }

    private readonly MemberAccessExpressionSyntax _access;
    private readonly Document _attributeDocument;
    private readonly AttributeSyntax _attribute;
    private readonly string _argumentName;
    private readonly int _value;

    public InvocationExpressionSyntax Sweep { get; }

    public string Title { get; }

    public static async Task<MaxAgePlan?> TryCreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(AgeSweepAnalyzer.WindowMillisecondsProperty, out string? text)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long milliseconds)
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access } sweep
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || model.GetTypeInfo(access.Expression, cancellationToken).Type is not INamedTypeSymbol type)
        {
            return null;
        }

        if (!AgeSweepAnalyzer.TryChooseMaxAge(milliseconds, out string name, out int value)
            || model.Compilation.GetTypeByMetadataName(KnownNames.BoundedAttribute) is not { } boundedAttribute
            || AttributeLookup.Find(type.OriginalDefinition, boundedAttribute)?.ApplicationSyntaxReference is not { } application
            || await application.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not AttributeSyntax attribute
            || document.Project.Solution.GetDocument(attribute.SyntaxTree) is not { } declaringDocument)
        {
            // No age of the attribute's int fits the window, or the type is declared outside the solution.
            return null;
        }

        return new MaxAgePlan(sweep, access, declaringDocument, attribute, name, value, type.Name);
    }

    public void AddEdits(SolutionEdits edits, Document sweepDocument)
    {
        AttributeArgumentSyntax age = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(_argumentName),
            nameColon: null,
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(_value)));
        edits.For(_attributeDocument).Replace(_attribute, current =>
            ((AttributeSyntax)current).AddArgumentListArguments(age).WithAdditionalAnnotations(Formatter.Annotation));

        MemberAccessExpressionSyntax access = _access;
        edits.For(sweepDocument).Replace(Sweep, current =>
            SyntaxFactory.InvocationExpression(access.WithName(SyntaxFactory.IdentifierName(RemoveExpired)))
                .WithTriviaFrom(current));
    }
}
