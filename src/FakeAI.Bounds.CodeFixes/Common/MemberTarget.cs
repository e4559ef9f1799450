using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// The field or property a BND0xx diagnostic is about, found from its location: the analyzers report on the member's
/// identifier, and a diagnostic anywhere inside a field's declarator or a property's declaration (its initializer, say)
/// belongs to that member too, as does one on a value assigned to a member of the same class declaration
/// (<c>_queue = Channel.CreateUnbounded&lt;T&gt;();</c> in a constructor). A record's positional property is declared by
/// its parameter (<c>record Tracker(List&lt;int&gt; Items)</c>), where the analyzers report it. Any other diagnostic
/// inside a method, an accessor or a local declaration has no member.
/// </summary>
internal sealed class MemberTarget
{
    private MemberTarget(
        MemberDeclarationSyntax declaration,
        VariableDeclaratorSyntax? declarator,
        TypeDeclarationSyntax containingType,
        ParameterSyntax? parameter = null)
    {
        Declaration = declaration;
        Declarator = declarator;
        ContainingType = containingType;
        Parameter = parameter;
    }

    /// <summary>
    /// The <see cref="FieldDeclarationSyntax"/> or <see cref="PropertyDeclarationSyntax"/>; for a positional property,
    /// the record's declaration.
    /// </summary>
    public MemberDeclarationSyntax Declaration { get; }

    /// <summary>The field's declarator; <see langword="null"/> for a property.</summary>
    public VariableDeclaratorSyntax? Declarator { get; }

    /// <summary>The parameter that declares a record's positional property; <see langword="null"/> for any other member.</summary>
    public ParameterSyntax? Parameter { get; }

    public TypeDeclarationSyntax ContainingType { get; }

    public FieldDeclarationSyntax? Field => Declaration as FieldDeclarationSyntax;

    public PropertyDeclarationSyntax? Property => Declaration as PropertyDeclarationSyntax;

    /// <summary>The node the member is declared by: the declarator, the property or the positional parameter.</summary>
    public SyntaxNode SymbolNode => (SyntaxNode?)Declarator ?? (SyntaxNode?)Parameter ?? Declaration;

    public SyntaxToken Identifier => Declarator?.Identifier ?? Parameter?.Identifier ?? ((PropertyDeclarationSyntax)Declaration).Identifier;

    public string Name => Identifier.ValueText;

    /// <summary>The declared type, as written.</summary>
    public TypeSyntax? Type => Field?.Declaration.Type ?? Property?.Type ?? Parameter?.Type;

    /// <summary>The initializer's value, if any.</summary>
    public ExpressionSyntax? Initializer => Declarator?.Initializer?.Value ?? Property?.Initializer?.Value;

    /// <summary>Whether a property has accessors without bodies (an auto-property).</summary>
    public bool IsAutoProperty => Property is { ExpressionBody: null, AccessorList: { } accessors }
        && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null);

    public static MemberTarget? Find(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        SyntaxToken token = root.FindToken(span.Start);
        for (SyntaxNode? node = token.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: var left } assignment when assignment.Right.Span.Contains(span)
                    && AssignedName(left) is { } assigned
                    && assignment.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } enclosing:
                    // A diagnostic on the value assigned to a member (BND004 on 'Channel.CreateUnbounded' in a constructor).
                    return FindDeclared(enclosing, assigned);
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } declarator
                    when field.Parent is TypeDeclarationSyntax type:
                    return new MemberTarget(field, declarator, type);
                case PropertyDeclarationSyntax property when property.Parent is TypeDeclarationSyntax type:
                    return new MemberTarget(property, null, type);
                case ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax record } } parameter:
                    return new MemberTarget(record, null, record, parameter);
                case FieldDeclarationSyntax { Declaration.Variables.Count: 1 } field when field.Parent is TypeDeclarationSyntax type:
                    // A location on the type or the modifiers of a one-variable field.
                    return new MemberTarget(field, field.Declaration.Variables[0], type);
                case AccessorDeclarationSyntax or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
                    or AnonymousFunctionExpressionSyntax or StatementSyntax or BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The member a diagnostic in a document is about, and the document that declares it. Beyond what
    /// <see cref="Find"/> finds in the same type declaration, a value assigned to a member declared elsewhere is
    /// resolved with the semantic model: a member of another part of a partial class (in another file), of a containing
    /// class (<c>s_events = …</c> in a nested class), a qualified one (<c>Tracker.s_events = …</c>), or the property
    /// whose backing field an accessor assigns (<c>get =&gt; field ??= …</c>).
    /// </summary>
    public static async Task<(Document Document, MemberTarget Target)?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || !root.FullSpan.Contains(span))
        {
            return null;
        }

        if (Find(root, span) is { } target)
        {
            return (document, target);
        }

        AssignmentExpressionSyntax? assignment = root.FindToken(span.Start).Parent?.AncestorsAndSelf()
            .OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Right.Span.Contains(span));
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        ISymbol? member = assignment is null || model is null ? null : model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
        if (member is IFieldSymbol { AssociatedSymbol: IPropertySymbol property })
        {
            member = property;
        }

        if (member is not (IFieldSymbol or IPropertySymbol)
            || member.Locations.FirstOrDefault(l => l.IsInSource) is not { SourceTree: { } tree } location
            || document.Project.Solution.GetDocument(tree) is not { } declaring
            || Find(await tree.GetRootAsync(cancellationToken).ConfigureAwait(false), location.SourceSpan) is not { } declared
            || declared.Identifier.ValueText != member.Name)
        {
            return null;
        }

        return (declaring, declared);
    }

    private static string? AssignedName(ExpressionSyntax left)
    {
        return left switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };
    }

    private static MemberTarget? FindDeclared(TypeDeclarationSyntax type, string name)
    {
        foreach (MemberDeclarationSyntax member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field when field.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == name) is { } declarator:
                    return new MemberTarget(field, declarator, type);
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return new MemberTarget(property, null, type);
            }
        }

        return null;
    }

    /// <summary>
    /// A name for the member that survives edits elsewhere in the file: the namespaces, the containing types with their
    /// arity, and the member's name, e.g. <c>App.Trackers.ErrorTracker`1._recent</c>. A fix that runs on diagnostics
    /// computed before an earlier fix changed the file (as <c>dotnet format</c> does for a second provider) finds the
    /// member again by it.
    /// </summary>
    public string Key
    {
        get
        {
            var builder = new StringBuilder(Name);
            for (SyntaxNode? node = SymbolNode.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case TypeDeclarationSyntax type:
                        string arity = type.TypeParameterList is { Parameters.Count: > 0 } parameters ? "`" + parameters.Parameters.Count : "";
                        builder.Insert(0, type.Identifier.ValueText + arity + ".");
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        builder.Insert(0, ns.Name.ToString() + ".");
                        break;
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>Every field declarator, property and positional parameter of a tree with its <see cref="Key"/>, to find a member again.</summary>
    public static MemberTarget? FindByKey(SyntaxNode root, string key)
    {
        foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax
            or FieldDeclarationSyntax or VariableDeclarationSyntax or ParameterListSyntax { Parent: RecordDeclarationSyntax }))
        {
            MemberTarget? target = node switch
            {
                VariableDeclaratorSyntax declarator => Find(root, declarator.Identifier.Span),
                PropertyDeclarationSyntax property => Find(root, property.Identifier.Span),
                ParameterSyntax parameter => Find(root, parameter.Identifier.Span),
                _ => null,
            };
            if (target is not null && target.Key == key)
            {
                return target;
            }
        }

        return null;
    }
}
