using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.CodeFixes;

/// <summary>
/// Suppresses an unbounded-collection diagnostic (BND001–BND004, BND006, BND009, BND010) by adding
/// <c>[AllowUnbounded("TODO: explain why this collection cannot grow without limit")]</c> to the member, and
/// <c>using FakeAI.Bounds;</c> when it is missing. It is the fix for a collection that really is bounded by something
/// the analyzers cannot see (one entry per configured model, say): the attribute records the reason where the next
/// reader looks for it, and the placeholder, which BND007 accepts only because it is not empty, asks to be replaced.
/// </summary>
/// <remarks>
/// Offered for every field and property the rules report, when the FakeAI.Bounds runtime is referenced, wherever the
/// diagnostic is (BND004 reports the value assigned, which may be in another file). A record's positional property gets
/// <c>[property: AllowUnbounded(…)]</c> on its parameter. In a field
/// declaration of several variables (<c>List&lt;int&gt; _a = new(), _b = new();</c>) only the reported variables are
/// suppressed: each gets a declaration of its own, in the original order, because an attribute on the declaration
/// would silence the others too. A Fix All that suppresses every variable of such a declaration still splits it, one
/// declaration per variable, so that each suppression stays visibly tied to its member.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuppressWithAllowUnboundedCodeFixProvider))]
[Shared]
public sealed class SuppressWithAllowUnboundedCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action, the same for every member.</summary>
    public const string EquivalenceKey = "FakeAI.Bounds.SuppressWithAllowUnbounded";

    /// <summary>The justification the fix writes, for the author to replace.</summary>
    public const string PlaceholderJustification = "TODO: explain why this collection cannot grow without limit";

    private const string Title = "Suppress with [AllowUnbounded]";

    private const string AttributeMetadataName = "FakeAI.Bounds.AllowUnboundedAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.UnboundedCollection,
        DiagnosticIds.BoundedOnlyByManualCleanup,
        DiagnosticIds.CapacityIsNotABound,
        DiagnosticIds.UnboundedQueuePrimitive,
        DiagnosticIds.UnboundedElementState,
        DiagnosticIds.EntriesOutliveTheirOperations,
        DiagnosticIds.RequestsKeptUntilALaterCall);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new MemberFixAllProvider(Title, FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not null)
            {
                Solution solution = context.Document.Project.Solution;
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => FixAsync(solution, ImmutableArray.Create((document, diagnostic)), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The fix of one member, or <see langword="null"/> when it cannot take the attribute: the runtime is not
    /// referenced, or the member has the attribute already.
    /// </summary>
    internal static async Task<IMemberFix?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await MemberTarget.FindAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false)
                is not (Document memberDocument, MemberTarget target)
            || await memberDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return null;
        }

        INamedTypeSymbol? attribute = model.Compilation.GetTypeByMetadataName(AttributeMetadataName);
        ISymbol? member = target.Parameter is { } parameter
            ? PositionalProperty(model.GetDeclaredSymbol(parameter, cancellationToken), parameter)
            : model.GetDeclaredSymbol(target.SymbolNode, cancellationToken);
        if (attribute is null || member?.ContainingType is null
            || member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
        {
            return null;
        }

        return new SuppressPlan(memberDocument, target, member.ContainingType);
    }

    /// <summary>The property a record's parameter declares, where the attribute must go to suppress the diagnostic.</summary>
    private static IPropertySymbol? PositionalProperty(IParameterSymbol? parameter, ParameterSyntax syntax)
    {
        return parameter?.ContainingType?.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault(property =>
            property.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == syntax.SyntaxTree && r.Span.Contains(syntax.Identifier.Span)));
    }

    private static Task<Solution> FixAsync(
        Solution solution,
        ImmutableArray<(Document Document, Diagnostic Diagnostic)> diagnostics,
        CancellationToken cancellationToken)
    {
        return MemberFixes.ApplyAsync(solution, diagnostics, PlanAsync, cancellationToken);
    }

    private sealed class SuppressPlan : IMemberFix
    {
        private readonly Document _document;

        public SuppressPlan(Document document, MemberTarget target, INamedTypeSymbol containingType)
        {
            _document = document;
            Target = target;
            ContainingType = containingType;
        }

        public MemberTarget Target { get; }

        public INamedTypeSymbol ContainingType { get; }

        public void AddEdits(SolutionEdits edits, ISet<string> reserved)
        {
            if (Target.Parameter is { } parameter)
            {
                // '[property: AllowUnbounded(…)]': on the parameter alone the attribute would not reach the property.
                edits.For(_document).Replace(parameter, current => WithPropertyAttribute((ParameterSyntax)current));
                return;
            }

            edits.For(_document).ForMember(Target.Declaration).ForVariable(Target.SymbolNode).Attribute = Attribute();
        }
    }

    private static AttributeListSyntax Attribute()
    {
        return SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
            BoundsSyntax.Name("AllowUnbounded"),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(PlaceholderJustification))))))));
    }

    /// <summary>The parameter with the attribute for its property after its other attributes, on the same line.</summary>
    private static ParameterSyntax WithPropertyAttribute(ParameterSyntax parameter)
    {
        // Laid out here, without elastic trivia: the formatter would join it to an attribute before it ('][').
        AttributeListSyntax attribute = Attribute()
            .WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)))
            .NormalizeWhitespace()
            .WithTrailingTrivia(SyntaxFactory.Space);
        if (parameter.AttributeLists.Count == 0)
        {
            return parameter.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.SingletonList(attribute.WithLeadingTrivia(parameter.GetLeadingTrivia())));
        }

        bool spaced = parameter.AttributeLists.Last().GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        return parameter.WithAttributeLists(parameter.AttributeLists.Add(
            attribute.WithLeadingTrivia(spaced ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(SyntaxFactory.Space))));
    }
}
