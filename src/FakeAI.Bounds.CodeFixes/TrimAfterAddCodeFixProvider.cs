using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// Bounds a FIFO collection in place (BND001–BND003): after each statement that adds to the member it inserts the
/// cleanup that keeps the newest N entries, with N a new <c>private const int Max&lt;Member&gt;</c> of the type (the
/// member's constant capacity argument when it has a valid one, else the <c>fakeai_bounds.default_max_length</c> /
/// <c>FakeAIBoundsDefaultMaxLength</c> option, else 1000). It is the smallest change that makes the collection bounded,
/// for code that needs the collection's own type (its indexer set, its <c>Sort</c>) and so cannot take a generated one.
/// </summary>
/// <remarks>
/// <para>
/// What it inserts: for a <c>Queue&lt;T&gt;</c> <c>while (x.Count &gt; Max) { x.Dequeue(); }</c>; for a
/// <c>ConcurrentQueue&lt;T&gt;</c> the same with <c>TryDequeue(out _)</c>; for a <c>List&lt;T&gt;</c> one
/// <c>RemoveRange(0, x.Count - Max)</c> under <c>if (x.Count &gt; Max)</c> (one call, not a loop of <c>RemoveAt(0)</c>,
/// each of which shifts the whole list); for a <c>LinkedList&lt;T&gt;</c> a <c>RemoveFirst()</c> loop after
/// <c>AddLast</c>, or a <c>RemoveLast()</c> loop after <c>AddFirst</c>. An add that is the body of an <c>if</c> or a
/// loop without braces gets braces; one that shares its line with other code (<c>case 1: x.Add(item); break;</c>) is
/// put on a line of its own. The constant is named so that it is what the name reads at every add: a parameter or local
/// of the same name there would hide it, so the name then gets a number.
/// </para>
/// <para>
/// Not offered: for dictionaries and sets, which have no oldest entry to drop; for stacks (the oldest entry is at the
/// bottom); for a member declared as an interface (<c>IList&lt;T&gt;</c> has no <c>RemoveRange</c>); when the member
/// is added to anywhere other than in a statement of its own (<c>var node = x.AddLast(item);</c>, an expression-bodied
/// method, a lambda expression, <c>x?.Add(item)</c>), or in a position the trim cannot keep newest-last
/// (<c>Insert</c>, <c>AddBefore</c>, both <c>AddFirst</c> and <c>AddLast</c>); when an add goes through another
/// object (<c>other._items.Add(item)</c>) or happens outside the member's type; when nothing in the code adds to it;
/// and for a record's positional property.
/// </para>
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrimAfterAddCodeFixProvider))]
[Shared]
public sealed class TrimAfterAddCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action, the same for every member.</summary>
    public const string EquivalenceKey = "FakeAI.Bounds.TrimAfterAdd";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.UnboundedCollection,
        DiagnosticIds.BoundedOnlyByManualCleanup,
        DiagnosticIds.CapacityIsNotABound);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new MemberFixAllProvider("Trim each collection to its newest entries after each add", FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await TrimPlan.TryCreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                Solution solution = context.Document.Project.Solution;
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Trim '{plan.Target.Name}' to the newest {plan.MaxLength.ToString(CultureInfo.InvariantCulture)} after each add",
                        cancellationToken => FixAsync(solution, ImmutableArray.Create((document, diagnostic)), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fix of one member, or <see langword="null"/> when it is not offered.</summary>
    internal static async Task<IMemberFix?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        return await TrimPlan.TryCreateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
    }

    private static Task<Solution> FixAsync(
        Solution solution,
        ImmutableArray<(Document Document, Diagnostic Diagnostic)> diagnostics,
        CancellationToken cancellationToken)
    {
        return MemberFixes.ApplyAsync(solution, diagnostics, PlanAsync, cancellationToken);
    }

    /// <summary>How the newest entries are kept: which end is the oldest, and how it is removed.</summary>
    private enum TrimKind
    {
        Queue,
        ConcurrentQueue,
        List,
        LinkedListAddedLast,
        LinkedListAddedFirst,
    }

    /// <summary>The member, its bound, and every statement that adds to it.</summary>
    private sealed class TrimPlan : IMemberFix
    {
        private readonly SemanticModel _model;
        private readonly TrimKind _kind;
        private readonly Document _document;
        private readonly List<(Document Document, SemanticModel Model, ExpressionStatementSyntax Statement, ExpressionSyntax Receiver)> _adds;

        private TrimPlan(
            Document document,
            SemanticModel model,
            MemberTarget target,
            INamedTypeSymbol containingType,
            TrimKind kind,
            int maxLength,
            List<(Document, SemanticModel, ExpressionStatementSyntax, ExpressionSyntax)> adds)
        {
            _document = document;
            _model = model;
            Target = target;
            ContainingType = containingType;
            _kind = kind;
            MaxLength = maxLength;
            _adds = adds;
        }

        public MemberTarget Target { get; }

        public INamedTypeSymbol ContainingType { get; }

        public int MaxLength { get; }

        public static async Task<TrimPlan?> TryCreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (await MemberTarget.FindAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false)
                    is not (Document memberDocument, MemberTarget target)
                || await memberDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
                || target.Parameter is not null
                || (target.Property is not null && !target.IsAutoProperty)
                || model.GetDeclaredSymbol(target.SymbolNode, cancellationToken) is not { ContainingType: { } containingType } member)
            {
                return null;
            }

            document = memberDocument;
            ITypeSymbol? type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            string? metadataName = CollectionShape.Of(type)?.MetadataName;
            TrimKind? kind = metadataName switch
            {
                KnownCollections.Queue => TrimKind.Queue,
                KnownCollections.ConcurrentQueue => TrimKind.ConcurrentQueue,
                KnownCollections.List => TrimKind.List,
                KnownCollections.LinkedList => TrimKind.LinkedListAddedLast,
                _ => null,
            };
            if (kind is null
                || await MemberUses.FindAsync(member, document.Project.Solution, cancellationToken).ConfigureAwait(false) is not { } uses)
            {
                return null;
            }

            var adds = new List<(Document, SemanticModel, ExpressionStatementSyntax, ExpressionSyntax)>();
            bool addedFirst = false;
            bool addedLast = false;
            foreach (MemberUse use in uses)
            {
                string? method = InvokedName(use.Expression);
                if (method is null || !GrowthMethods(kind.Value).Contains(method))
                {
                    continue;
                }

                if (!SupportedAdds(kind.Value).Contains(method)
                    || use.Expression.Parent?.Parent is not InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement }
                    || !IsStableReceiver(use)
                    || !IsInside(statement, containingType, use.Model, cancellationToken))
                {
                    return null;
                }

                addedFirst |= method == "AddFirst";
                addedLast |= method == "AddLast";
                adds.Add((use.Document, use.Model, statement, use.Expression));
            }

            if (adds.Count == 0 || (addedFirst && addedLast))
            {
                return null;
            }

            if (addedFirst)
            {
                kind = TrimKind.LinkedListAddedFirst;
            }

            return new TrimPlan(document, model, target, containingType, kind.Value, FixNames.MaxLength(document, target.Declaration.SyntaxTree, diagnostic), adds);
        }

        public void AddEdits(SolutionEdits edits, ISet<string> reserved)
        {
            // The name must bind to the new constant where each trim reads it, not to a parameter or local there.
            string constant = FixNames.Unique(
                "Max" + FixNames.Stem(Target.Name, dropCollectionWord: false),
                _model,
                Target.Declaration.SpanStart,
                ContainingType,
                reserved,
                _adds.Select(add => (add.Model, add.Statement.SpanStart)));
            edits.For(_document).ForMember(Target.Declaration).Before.Add((MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                $"private const int {constant} = {MaxLength.ToString(CultureInfo.InvariantCulture)};")!);
            foreach ((Document document, _, ExpressionStatementSyntax statement, ExpressionSyntax receiver) in _adds)
            {
                edits.For(document).InsertAfter(statement, [Trim(statement, receiver.WithoutTrivia().ToString(), constant)]);
            }
        }

        /// <summary>The trim, laid out as the add statement is: its indentation, one more level inside the braces, its line ends.</summary>
        private StatementSyntax Trim(StatementSyntax add, string x, string max)
        {
            string newLine = SolutionEdits.NewLine(add.SyntaxTree.GetRoot());
            string indentation = add.GetLeadingTrivia().LastOrDefault() is { RawKind: (int)SyntaxKind.WhitespaceTrivia } whitespace ? whitespace.ToString() : "";
            string unit = add.Parent is BlockSyntax block
                && block.OpenBraceToken.LeadingTrivia.LastOrDefault() is { RawKind: (int)SyntaxKind.WhitespaceTrivia } braceIndentation
                && indentation.Length > braceIndentation.Span.Length
                    ? indentation.Substring(braceIndentation.Span.Length)
                    : "    ";
            string body = _kind switch
            {
                TrimKind.Queue => $"{x}.Dequeue();",
                TrimKind.ConcurrentQueue => $"{x}.TryDequeue(out _);",
                TrimKind.List => $"{x}.RemoveRange(0, {x}.Count - {max});",
                TrimKind.LinkedListAddedLast => $"{x}.RemoveFirst();",
                _ => $"{x}.RemoveLast();",
            };
            string keyword = _kind == TrimKind.List ? "if" : "while";
            string text = $"{indentation}{keyword} ({x}.Count > {max}){newLine}{indentation}{{{newLine}{indentation}{unit}{body}{newLine}{indentation}}}{newLine}";
            return SyntaxFactory.ParseStatement(text);
        }

        private static string? InvokedName(ExpressionSyntax expression)
        {
            return expression.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Expression == expression => access.Name.Identifier.ValueText,
                ConditionalAccessExpressionSyntax conditional when conditional.Expression == expression => conditional.WhenNotNull switch
                {
                    InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    _ => null,
                },
                _ => null,
            };
        }

        private static string[] GrowthMethods(TrimKind kind) => kind switch
        {
            TrimKind.List => ["Add", "AddRange", "Insert", "InsertRange"],
            TrimKind.Queue or TrimKind.ConcurrentQueue => ["Enqueue"],
            _ => ["AddLast", "AddFirst", "AddBefore", "AddAfter"],
        };

        private static string[] SupportedAdds(TrimKind kind) => kind switch
        {
            TrimKind.List => ["Add", "AddRange"],
            TrimKind.Queue or TrimKind.ConcurrentQueue => ["Enqueue"],
            _ => ["AddLast", "AddFirst"],
        };

        /// <summary>The member itself, named so that the trim can name it again: <c>_x</c>, <c>this._x</c>, <c>Tracker._x</c>.</summary>
        private static bool IsStableReceiver(MemberUse use)
        {
            return use.Expression switch
            {
                SimpleNameSyntax => true,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => true,
                MemberAccessExpressionSyntax access => use.Model.GetSymbolInfo(access.Expression).Symbol is INamedTypeSymbol,
                _ => false,
            };
        }

        /// <summary>Whether a statement is in the member's type (or a type nested in it), where the new constant is in scope.</summary>
        private static bool IsInside(SyntaxNode statement, INamedTypeSymbol containingType, SemanticModel model, CancellationToken cancellationToken)
        {
            if (statement.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
            {
                return false;
            }

            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, containingType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
