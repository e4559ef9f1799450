using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Simplification;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// The edits one or more fixes make to a solution, collected against the original syntax trees and applied per document
/// in one pass, so that a Fix All over several members of one class (two nested types, one <c>partial</c>, edits inside
/// one block) composes instead of conflicting.
/// </summary>
internal sealed class SolutionEdits
{
    private readonly Dictionary<DocumentId, DocumentEdits> _documents = new();

    public DocumentEdits For(Document document)
    {
        if (!_documents.TryGetValue(document.Id, out DocumentEdits? edits))
        {
            edits = new DocumentEdits(document);
            _documents.Add(document.Id, edits);
        }

        return edits;
    }

    public bool IsEmpty => _documents.Count == 0;

    public async Task<Solution> ApplyAsync(Solution solution, CancellationToken cancellationToken)
    {
        foreach (DocumentEdits edits in _documents.Values)
        {
            SyntaxNode root = await edits.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The document has no syntax tree.");
            SyntaxNode newRoot = edits.Apply(root);
            Document document = solution.GetDocument(edits.Document.Id)!.WithSyntaxRoot(newRoot);
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

            // The line breaks the formatter adds are the file's own, not the platform's.
            OptionSet options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
            options = options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, NewLine(root));
            document = await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
            solution = document.Project.Solution;
        }

        return solution;
    }

    /// <summary>The line break a file uses: its first one, or <c>\n</c> when it has none.</summary>
    public static string NewLine(SyntaxNode root)
    {
        return root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n";
    }
}

/// <summary>What the fixes change in one member declaration: the new type or the attribute of some of its variables, and members to add beside it.</summary>
internal sealed class MemberEdit
{
    /// <summary>Per declarator of a field; the <see langword="null"/> key stands for a property.</summary>
    public Dictionary<SyntaxNode, DeclaratorEdit> Variables { get; } = new();

    /// <summary>Members to insert before the declaration (a constant that names the bound).</summary>
    public List<MemberDeclarationSyntax> Before { get; } = [];

    public DeclaratorEdit ForVariable(SyntaxNode declaratorOrProperty)
    {
        if (!Variables.TryGetValue(declaratorOrProperty, out DeclaratorEdit? edit))
        {
            edit = new DeclaratorEdit();
            Variables.Add(declaratorOrProperty, edit);
        }

        return edit;
    }
}

/// <summary>The change to one variable of a field declaration, or to a property.</summary>
internal sealed class DeclaratorEdit
{
    /// <summary>The name of the type the member is to have (the generated bounded type).</summary>
    public string? NewTypeName { get; set; }

    /// <summary>An attribute list to add.</summary>
    public AttributeListSyntax? Attribute { get; set; }
}

/// <summary>The edits to one document; see <see cref="SolutionEdits"/>.</summary>
internal sealed class DocumentEdits
{
    /// <summary>Marks a statement for <see cref="LayOutSharedLines"/>.</summary>
    private static readonly SyntaxAnnotation SharedLine = new();

    private readonly Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> _replacements = new();
    private readonly Dictionary<StatementSyntax, List<StatementSyntax>> _statementsAfter = new();
    private readonly Dictionary<MemberDeclarationSyntax, MemberEdit> _members = new();
    private readonly HashSet<TypeDeclarationSyntax> _partialTypes = new();
    private readonly Dictionary<TypeDeclarationSyntax, List<MemberDeclarationSyntax>> _appended = new();

    public DocumentEdits(Document document)
    {
        Document = document;
    }

    public Document Document { get; }

    /// <summary>Replaces a node; replacements of one node compose in the order they were registered.</summary>
    public void Replace(SyntaxNode node, Func<SyntaxNode, SyntaxNode> replacement)
    {
        _replacements[node] = _replacements.TryGetValue(node, out Func<SyntaxNode, SyntaxNode>? earlier)
            ? current => replacement(earlier(current))
            : replacement;
    }

    /// <summary>Inserts statements after one, in its block; a statement that is not in a block (an <c>if</c> body) becomes one.</summary>
    public void InsertAfter(StatementSyntax statement, IEnumerable<StatementSyntax> statements)
    {
        if (!_statementsAfter.TryGetValue(statement, out List<StatementSyntax>? list))
        {
            list = [];
            _statementsAfter.Add(statement, list);
            if (statement.Parent is not (BlockSyntax or SwitchSectionSyntax))
            {
                Replace(statement, current => Elastic(SyntaxFactory.Block(((StatementSyntax)current).WithoutTrivia()).AddStatements([.. list]))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        // Laid out by the caller for a block; inside the block made here, the formatter lays out the whole block.
        list.AddRange(statements);
    }

    public MemberEdit ForMember(MemberDeclarationSyntax member)
    {
        if (!_members.TryGetValue(member, out MemberEdit? edit))
        {
            edit = new MemberEdit();
            _members.Add(member, edit);
        }

        return edit;
    }

    /// <summary>Adds a member at the end of a type declaration (after those added before it).</summary>
    public void Append(TypeDeclarationSyntax type, MemberDeclarationSyntax member)
    {
        if (!_appended.TryGetValue(type, out List<MemberDeclarationSyntax>? members))
        {
            members = [];
            _appended.Add(type, members);
        }

        members.Add(member);
    }

    /// <summary>Makes a type declaration partial (nothing when it is already).</summary>
    public void MakePartial(TypeDeclarationSyntax type) => _partialTypes.Add(type);

    public SyntaxNode Apply(SyntaxNode root)
    {
        var targets = new HashSet<SyntaxNode>(_replacements.Keys);
        targets.UnionWith(_partialTypes);
        targets.UnionWith(_appended.Keys);
        foreach (MemberDeclarationSyntax member in _members.Keys)
        {
            targets.Add(member.Parent!);
        }

        foreach (StatementSyntax statement in _statementsAfter.Keys)
        {
            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                targets.Add(statement.Parent);
            }
        }

        string newLine = SolutionEdits.NewLine(root);
        return root.ReplaceNodes(targets, (original, rewritten) =>
        {
            SyntaxNode result = rewritten;
            switch (original)
            {
                case TypeDeclarationSyntax type:
                    result = RewriteType(type, (TypeDeclarationSyntax)result, newLine);
                    break;
                case BlockSyntax block:
                    var blockResult = (BlockSyntax)result;
                    result = blockResult.WithStatements(InsertStatements(block.Statements, blockResult.Statements));
                    if (IsOnOneLine(block))
                    {
                        // '{ x.Add(item); }' grows to several statements: lay the block out on lines of its own.
                        result = Elastic(result).WithAdditionalAnnotations(Formatter.Annotation);
                    }
                    else
                    {
                        result = LayOutSharedLines(result);
                    }

                    break;
                case SwitchSectionSyntax section:
                    var sectionResult = (SwitchSectionSyntax)result;
                    result = LayOutSharedLines(sectionResult.WithStatements(InsertStatements(section.Statements, sectionResult.Statements)));
                    break;
            }

            return _replacements.TryGetValue(original, out Func<SyntaxNode, SyntaxNode>? replacement) ? replacement(result) : result;
        });
    }

    /// <summary>
    /// A block or switch section with the whitespace between its braces, labels and statements made elastic, for the
    /// formatter to lay out; line breaks and comments there stay.
    /// </summary>
    private static TNode Elastic<TNode>(TNode container)
        where TNode : SyntaxNode
    {
        var tokens = new HashSet<SyntaxToken>();
        foreach (SyntaxNodeOrToken child in container.ChildNodesAndTokens())
        {
            switch (child.AsNode())
            {
                case null:
                    tokens.Add(child.AsToken());
                    break;
                case StatementSyntax statement:
                    tokens.Add(statement.GetFirstToken());
                    tokens.Add(statement.GetLastToken());
                    break;
                case SwitchLabelSyntax label:
                    tokens.Add(label.GetLastToken());
                    break;
            }
        }

        // Only the whitespace within a line: the indentation after a line break stays (the formatter corrects it), so
        // that the formatter keeps the line breaks as they are instead of choosing its own (a blank line after '}').
        return container.ReplaceTokens(tokens, (token, _) => token
            .WithLeadingTrivia(IsWhitespace(token.LeadingTrivia) && !EndsLine(token.GetPreviousToken()) ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : token.LeadingTrivia)
            .WithTrailingTrivia(IsWhitespace(token.TrailingTrivia) ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : token.TrailingTrivia));
    }

    private static bool IsWhitespace(SyntaxTriviaList trivia) => trivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia));

    private static bool EndsLine(SyntaxToken token) => token.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

    private static bool IsOnOneLine(SyntaxNode node)
    {
        FileLinePositionSpan span = node.SyntaxTree.GetLineSpan(node.Span);
        return span.StartLinePosition.Line == span.EndLinePosition.Line;
    }

    /// <summary>
    /// Whether a statement shares a line with other code (<c>case 1: x.Add(item); break;</c>, <c>x.Add(item); y++;</c>):
    /// the statements inserted after it, laid out as lines of their own, would then start mid-line and push what
    /// follows to the first column.
    /// </summary>
    private static bool SharesALine(StatementSyntax statement)
    {
        SyntaxToken previous = statement.GetFirstToken().GetPreviousToken();
        bool startsLine = previous.IsKind(SyntaxKind.None)
            || EndsLine(previous)
            || statement.GetFirstToken().LeadingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return !startsLine || !EndsLine(statement.GetLastToken());
    }

    /// <summary>
    /// Puts each statement marked by <see cref="InsertStatements"/> (a statement that shared a line, and those inserted
    /// after it) on lines of its own: the whitespace around it within a line is made elastic and the statements are
    /// left to the formatter. The rest of the block or switch section keeps its layout.
    /// </summary>
    private static TNode LayOutSharedLines<TNode>(TNode container)
        where TNode : SyntaxNode
    {
        var leading = new HashSet<SyntaxToken>();
        var trailing = new HashSet<SyntaxToken>();
        foreach (SyntaxNode statement in container.GetAnnotatedNodes(SharedLine))
        {
            SyntaxToken first = statement.GetFirstToken();
            SyntaxToken previous = first.GetPreviousToken();
            trailing.Add(previous);
            trailing.Add(statement.GetLastToken());
            if (!EndsLine(previous))
            {
                leading.Add(first);
            }
        }

        if (leading.Count == 0 && trailing.Count == 0)
        {
            return container;
        }

        return container.ReplaceTokens(leading.Concat(trailing), (token, _) => token
            .WithLeadingTrivia(leading.Contains(token) && IsWhitespace(token.LeadingTrivia) ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : token.LeadingTrivia)
            .WithTrailingTrivia(trailing.Contains(token) && IsWhitespace(token.TrailingTrivia) ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : token.TrailingTrivia));
    }

    /// <summary>
    /// The statements with those to insert after each; a statement that shares a line with other code is marked, with
    /// those inserted after it, to be laid out by the formatter.
    /// </summary>
    private SyntaxList<StatementSyntax> InsertStatements(SyntaxList<StatementSyntax> original, SyntaxList<StatementSyntax> rewritten)
    {
        var statements = new List<StatementSyntax>();
        for (int i = 0; i < original.Count; i++)
        {
            if (!_statementsAfter.TryGetValue(original[i], out List<StatementSyntax>? after))
            {
                statements.Add(rewritten[i]);
            }
            else if (SharesALine(original[i]))
            {
                statements.Add(rewritten[i].WithAdditionalAnnotations(SharedLine, Formatter.Annotation));
                statements.AddRange(after.Select(s => s.WithAdditionalAnnotations(SharedLine, Formatter.Annotation)));
            }
            else
            {
                statements.Add(rewritten[i]);
                statements.AddRange(after);
            }
        }

        return SyntaxFactory.List(statements);
    }

    private TypeDeclarationSyntax RewriteType(TypeDeclarationSyntax original, TypeDeclarationSyntax rewritten, string newLine)
    {
        if (original.Members.Any(m => _members.ContainsKey(m)))
        {
            var members = new List<MemberDeclarationSyntax>();
            for (int i = 0; i < original.Members.Count; i++)
            {
                MemberDeclarationSyntax current = rewritten.Members[i];
                if (!_members.TryGetValue(original.Members[i], out MemberEdit? edit))
                {
                    members.Add(current);
                    continue;
                }

                SyntaxTriviaList leading = current.GetLeadingTrivia();
                SyntaxTrivia indentation = Indentation(leading);
                if (edit.Before.Count > 0)
                {
                    // The blank lines before the member go before what is inserted; its comments stay with it.
                    int firstComment = 0;
                    while (firstComment < leading.Count && leading[firstComment].Kind() is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia)
                    {
                        firstComment++;
                    }

                    SyntaxTriviaList prefix = SyntaxFactory.TriviaList(leading.Take(firstComment));
                    if (prefix.Count == 0 || !prefix.Last().IsKind(SyntaxKind.WhitespaceTrivia))
                    {
                        prefix = prefix.Add(indentation);
                    }

                    for (int b = 0; b < edit.Before.Count; b++)
                    {
                        members.Add(edit.Before[b]
                            .WithLeadingTrivia(b == 0 ? prefix : SyntaxFactory.TriviaList(indentation))
                            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)));
                    }

                    current = current.WithLeadingTrivia(SyntaxFactory.TriviaList(leading.Skip(firstComment)).Insert(0, indentation));
                }

                members.AddRange(RewriteMember(current, edit, indentation, newLine, original.Members[i]));
            }

            rewritten = rewritten.WithMembers(SyntaxFactory.List(members));
        }

        if (_appended.TryGetValue(original, out List<MemberDeclarationSyntax>? appended))
        {
            // Indented as the type's members are, after a blank line.
            SyntaxTrivia indentation = original.Members.Count > 0
                ? Indentation(original.Members[0].GetLeadingTrivia())
                : SyntaxFactory.Whitespace(Indentation(original.GetLeadingTrivia()).ToString() + "    ");
            rewritten = rewritten.WithMembers(rewritten.Members.AddRange(appended.Select(member => member
                .WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine), indentation)
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)))));
        }

        if (_partialTypes.Contains(original) && !rewritten.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            rewritten = AddPartial(rewritten);
        }

        return rewritten;
    }

    private static IEnumerable<MemberDeclarationSyntax> RewriteMember(
        MemberDeclarationSyntax current,
        MemberEdit edit,
        SyntaxTrivia indentation,
        string newLine,
        MemberDeclarationSyntax original)
    {
        switch (current)
        {
            case PropertyDeclarationSyntax property when edit.Variables.TryGetValue(original, out DeclaratorEdit? propertyEdit):
                if (propertyEdit.NewTypeName is { } propertyType)
                {
                    property = property.WithType(NewType(property.Type, propertyType));
                }

                yield return WithAttribute(property, propertyEdit.Attribute, indentation, newLine);
                yield break;
            case FieldDeclarationSyntax field when original is FieldDeclarationSyntax originalField && edit.Variables.Count > 0:
                foreach (FieldDeclarationSyntax part in SplitField(field, originalField, edit, indentation, newLine))
                {
                    yield return part;
                }

                yield break;
            default:
                yield return current;
                yield break;
        }
    }

    /// <summary>
    /// Applies the declarator edits of a field: a field of one variable is changed in place; in a field of several, each
    /// edited variable gets a declaration of its own (its type or attribute differs from the others'), the others stay
    /// together, and the order, which is the order of initialization, is kept.
    /// </summary>
    private static IEnumerable<FieldDeclarationSyntax> SplitField(
        FieldDeclarationSyntax field,
        FieldDeclarationSyntax original,
        MemberEdit edit,
        SyntaxTrivia indentation,
        string newLine)
    {
        SeparatedSyntaxList<VariableDeclaratorSyntax> variables = field.Declaration.Variables;
        var groups = new List<(List<VariableDeclaratorSyntax> Variables, DeclaratorEdit? Edit)>();
        for (int i = 0; i < variables.Count; i++)
        {
            edit.Variables.TryGetValue(original.Declaration.Variables[i], out DeclaratorEdit? variableEdit);
            if (variableEdit is null && groups.Count > 0 && groups[groups.Count - 1].Edit is null)
            {
                groups[groups.Count - 1].Variables.Add(variables[i]);
            }
            else
            {
                groups.Add(([variables[i]], variableEdit));
            }
        }

        for (int g = 0; g < groups.Count; g++)
        {
            (List<VariableDeclaratorSyntax> groupVariables, DeclaratorEdit? groupEdit) = groups[g];
            FieldDeclarationSyntax part = field.WithDeclaration(field.Declaration.WithVariables(SyntaxFactory.SeparatedList(
                groupVariables.Select((v, i) => i == 0 ? v.WithLeadingTrivia() : v.WithLeadingTrivia(SyntaxFactory.Space)))));
            if (groups.Count > 1)
            {
                part = part
                    .WithLeadingTrivia(g == 0 ? field.GetLeadingTrivia() : SyntaxFactory.TriviaList(indentation))
                    .WithTrailingTrivia(g == groups.Count - 1 ? field.GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine)));
                if (g > 0)
                {
                    // The variable may have come after a comment or a line break inside the declaration.
                    part = part.WithDeclaration(part.Declaration.WithVariables(SyntaxFactory.SeparatedList(
                        part.Declaration.Variables.Select((v, i) => i == 0 ? v.WithoutLeadingTrivia() : v))));
                }
            }

            if (groupEdit?.NewTypeName is { } typeName)
            {
                part = part.WithDeclaration(part.Declaration.WithType(NewType(part.Declaration.Type, typeName)));
            }

            yield return groupEdit?.Attribute is { } attribute ? WithAttribute(part, attribute, indentation, newLine) : part;
        }
    }

    private static TypeSyntax NewType(TypeSyntax old, string name)
    {
        TypeSyntax type = SyntaxFactory.IdentifierName(name);
        if (old is NullableTypeSyntax)
        {
            type = SyntaxFactory.NullableType(type);
        }

        return type.WithTriviaFrom(old);
    }

    private static TMember WithAttribute<TMember>(TMember member, AttributeListSyntax? attribute, SyntaxTrivia indentation, string newLine)
        where TMember : MemberDeclarationSyntax
    {
        if (attribute is null)
        {
            return member;
        }

        if (member.AttributeLists.Count == 0)
        {
            SyntaxTriviaList leading = member.GetLeadingTrivia();
            var stripped = (TMember)member.WithLeadingTrivia(indentation);
            return (TMember)stripped.WithAttributeLists(SyntaxFactory.SingletonList(
                attribute.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))));
        }

        return (TMember)member.WithAttributeLists(member.AttributeLists.Add(
            attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))));
    }

    /// <summary>The whitespace that indents a member: the last whitespace of its leading trivia.</summary>
    private static SyntaxTrivia Indentation(SyntaxTriviaList leading)
    {
        for (int i = leading.Count - 1; i >= 0; i--)
        {
            if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return leading[i];
            }

            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                break;
            }
        }

        return SyntaxFactory.Whitespace("");
    }

    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Count == 0)
        {
            SyntaxToken keyword = type.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return type.ReplaceToken(keyword, keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }

        // 'partial' must come right before the type keyword.
        return type.WithModifiers(type.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }
}
