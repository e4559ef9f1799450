using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Analyzers.Growth;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.CodeFixes;

/// <summary>
/// Bounds a collection member with a generated type (BND001–BND003, BND006): it declares, next to the member, a nested
/// <c>[Bounded(MaxLength = N)] private sealed partial class &lt;Name&gt; : IBoundedQueue&lt;T&gt;;</c> (or
/// <c>IBoundedDictionary&lt;TKey, TValue&gt;</c>, <c>IBoundedSet&lt;T&gt;</c>), retypes the member to it and creates it
/// with <c>new &lt;Name&gt;()</c>. The generator then writes the ring buffer or hash table, so the collection can never
/// hold more than N entries, and a <c>[BoundedTracker]</c> class reports it in <c>GetBounds()</c>.
/// </summary>
/// <remarks>
/// <para>
/// The bounded type follows the member's type: <c>Queue&lt;T&gt;</c>, <c>ConcurrentQueue&lt;T&gt;</c>,
/// <c>List&lt;T&gt;</c> and <c>LinkedList&lt;T&gt;</c> used first-in first-out become an <c>IBoundedQueue&lt;T&gt;</c>
/// (<c>RecentErrorsQueue</c>); <c>Dictionary</c>, <c>ConcurrentDictionary</c>, <c>SortedDictionary</c>,
/// <c>SortedList</c> and <c>IDictionary</c> an <c>IBoundedDictionary&lt;TKey, TValue&gt;</c> (<c>CostsByKeyMap</c>);
/// <c>HashSet</c>, <c>SortedSet</c> and <c>ISet</c> an <c>IBoundedSet&lt;T&gt;</c> (<c>UsersSet</c>). A member declared as
/// another interface (<c>IList&lt;T&gt;</c>) takes the kind of the collection assigned to it. A concurrent collection
/// gets <c>ThreadSafe = true</c>. N is the member's constant capacity argument when it is a valid MaxLength, else the
/// file's <c>fakeai_bounds.default_max_length</c> / <c>FakeAIBoundsDefaultMaxLength</c>, else 1000. The type is named
/// after the member, made unique in the class; the class and every class containing it are made <c>partial</c>, and
/// <c>using FakeAI.Bounds;</c> is added when missing.
/// </para>
/// <para>
/// Offered only when every use of the member in the solution compiles against the bounded interface with the same
/// meaning (see <see cref="BoundedUsage"/>): so not for a list that is sorted, indexed for writing, inserted into or
/// searched with <c>IndexOf</c>, not for a queue read with <c>Dequeue()</c> or <c>Peek()</c> (which throw when empty;
/// <c>TryDequeue</c> does not), not for a dictionary filled with <c>Add(key, value)</c> (which throws on a duplicate
/// key; the indexer or <c>TryAdd</c> say what is meant), not for a sorted collection that is enumerated (a bounded one
/// keeps insertion order, not key order), and not for a stack or a bag. <c>Enqueue(x)</c>, <c>AddLast(x)</c> as a
/// statement, <c>TryPeek</c> and <c>List.RemoveAll</c> are rewritten to their exact equivalents <c>Add(x)</c>,
/// <c>TryPeekOldest</c> and <c>RemoveWhere</c>. Every creation of the member must be a plain <c>new</c>,
/// <c>new()</c> or collection expression, with at most a capacity (dropped: N replaces it) and an equality comparer
/// (kept, for a dictionary or set), and a collection initializer only of plain elements (<c>{ a, b }</c>, or
/// <c>{ [key] = value }</c> for a dictionary), which the generated type's <c>Add</c> and indexer take as they are. Not
/// offered either inside a file-local type or a type declared in several parts of which one is not partial, nor for a
/// record's positional property, whose type is its constructor parameter's.
/// </para>
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BoundWithGeneratedTypeCodeFixProvider))]
[Shared]
public sealed class BoundWithGeneratedTypeCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action, the same for every member.</summary>
    public const string EquivalenceKey = "FakeAI.Bounds.BoundWithGeneratedType";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.UnboundedCollection,
        DiagnosticIds.BoundedOnlyByManualCleanup,
        DiagnosticIds.CapacityIsNotABound,
        DiagnosticIds.UnboundedElementState);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new MemberFixAllProvider("Bound each collection with a generated type", FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await BoundPlan.TryCreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                Solution solution = context.Document.Project.Solution;
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Title,
                        cancellationToken => FixAsync(solution, ImmutableArray.Create((document, diagnostic)), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The fix of one member, or <see langword="null"/> when it is not offered.</summary>
    internal static async Task<IMemberFix?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        return await BoundPlan.TryCreateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
    }

    private static Task<Solution> FixAsync(
        Solution solution,
        ImmutableArray<(Document Document, Diagnostic Diagnostic)> diagnostics,
        CancellationToken cancellationToken)
    {
        return MemberFixes.ApplyAsync(solution, diagnostics, PlanAsync, cancellationToken);
    }

    /// <summary>Which bounded interface a member gets.</summary>
    private enum BoundedKind
    {
        Queue,
        Map,
        Set,
    }

    /// <summary>Everything the fix of one member writes, checked before it is offered.</summary>
    private sealed class BoundPlan : IMemberFix
    {
        private readonly Document _document;
        private readonly SemanticModel _model;
        private readonly BoundedKind _kind;
        private readonly string _typeArguments;
        private readonly bool _threadSafe;
        private readonly BoundedUsage _usage;
        private readonly List<(Document Document, SemanticModel Model, ExpressionSyntax Creation, CreationRewrite Rewrite)> _creations;

        private BoundPlan(
            Document document,
            SemanticModel model,
            MemberTarget target,
            INamedTypeSymbol containingType,
            BoundedKind kind,
            string typeArguments,
            string typeArgumentsDisplay,
            bool threadSafe,
            int maxLength,
            BoundedUsage usage,
            List<(Document, SemanticModel, ExpressionSyntax, CreationRewrite)> creations)
        {
            _document = document;
            _model = model;
            Target = target;
            ContainingType = containingType;
            _kind = kind;
            _typeArguments = typeArguments;
            _threadSafe = threadSafe;
            MaxLength = maxLength;
            _usage = usage;
            _creations = creations;
            string settings = "MaxLength = " + maxLength.ToString(CultureInfo.InvariantCulture) + (threadSafe ? ", ThreadSafe = true" : "");
            Title = $"Bound '{target.Name}' with a generated {InterfaceName}<{typeArgumentsDisplay}> ({settings})";
        }

        public MemberTarget Target { get; }

        public INamedTypeSymbol ContainingType { get; }

        public int MaxLength { get; }

        public string Title { get; }

        private string InterfaceName => _kind switch
        {
            BoundedKind.Queue => "IBoundedQueue",
            BoundedKind.Map => "IBoundedDictionary",
            _ => "IBoundedSet",
        };

        public static async Task<BoundPlan?> TryCreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (await MemberTarget.FindAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false)
                    is not (Document memberDocument, MemberTarget target)
                || await memberDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
                || target.Parameter is not null
                || (target.Property is not null && !target.IsAutoProperty)
                || model.GetDeclaredSymbol(target.SymbolNode, cancellationToken) is not { ContainingType: { } containingType } member
                || !CanNestGeneratedType(containingType, cancellationToken)
                || model.Compilation.GetTypeByMetadataName(KnownNames.BoundedAttribute) is null)
            {
                return null;
            }

            document = memberDocument;
            ITypeSymbol? memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (memberType is null || CollectionShape.Of(memberType) is not { } shape
                || await MemberUses.FindAsync(member, document.Project.Solution, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return null;
            }

            // Every value the member is given: its initializer and each assignment. Each must be a creation the fix can rewrite.
            var values = new List<(Document Document, SemanticModel Model, ExpressionSyntax Value)>();
            if (target.Initializer is { } initializer)
            {
                values.Add((document, model, initializer));
            }

            var uses = new List<MemberUse>();
            foreach (MemberUse use in found)
            {
                ExpressionSyntax expression = use.Expression;
                if (expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression)
                {
                    if (assignment.Kind() is not (SyntaxKind.SimpleAssignmentExpression or SyntaxKind.CoalesceAssignmentExpression)
                        || assignment.Parent is not (ExpressionStatementSyntax or InitializerExpressionSyntax))
                    {
                        return null;
                    }

                    values.Add((use.Document, use.Model, assignment.Right));
                }
                else
                {
                    uses.Add(use);
                }
            }

            var creations = new List<(Document, SemanticModel, ExpressionSyntax, CreationRewrite)>();
            var createdShapes = new List<CollectionShape>();
            foreach ((Document valueDocument, SemanticModel valueModel, ExpressionSyntax value) in values)
            {
                if (value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression))
                {
                    continue;
                }

                TypeInfo valueType = valueModel.GetTypeInfo(value, cancellationToken);
                if (CollectionShape.Of(valueType.Type ?? valueType.ConvertedType) is not { } created || created.IsInterface)
                {
                    return null;
                }

                createdShapes.Add(created);
                creations.Add((valueDocument, valueModel, value, new CreationRewrite(valueModel, value)));
            }

            // The kind comes from the member's type, or for an interface such as IList<T> from what is assigned to it.
            CollectionKind family = shape.Family;
            if (shape.IsInterface && createdShapes.Count > 0)
            {
                CollectionKind[] families = createdShapes.Select(s => s.Family).Distinct().ToArray();
                family = families.Length == 1 ? families[0] : CollectionKind.Other;
            }
            else if (shape.IsInterface && family == CollectionKind.Other
                && diagnostic.Properties.TryGetValue(FixNames.CollectionKindProperty, out string? kindName))
            {
                family = CollectionShape.ParseFamily(kindName);
            }

            BoundedKind? kind = family switch
            {
                CollectionKind.Queue or CollectionKind.List or CollectionKind.LinkedList => BoundedKind.Queue,
                CollectionKind.Dictionary => BoundedKind.Map,
                CollectionKind.Set => BoundedKind.Set,
                _ => null,
            };
            int arity = kind == BoundedKind.Map ? 2 : 1;
            if (kind is null || shape.TypeArguments.Length != arity)
            {
                return null;
            }

            string interfaceMetadataName = kind switch
            {
                BoundedKind.Queue => KnownNames.BoundedQueue,
                BoundedKind.Map => KnownNames.BoundedDictionary,
                _ => KnownNames.BoundedSet,
            };
            if (model.Compilation.GetTypeByMetadataName(interfaceMetadataName) is not { } interfaceDefinition)
            {
                return null;
            }

            INamedTypeSymbol boundedInterface = interfaceDefinition.Construct([.. shape.TypeArguments]);
            bool sorted = shape.IsSorted || createdShapes.Any(s => s.IsSorted);
            var usage = new BoundedUsage(model.Compilation, allowEnumeration: !sorted, isQueue: kind == BoundedKind.Queue);
            if (!uses.All(use => usage.IsCompatible(use, boundedInterface, memberType))
                || !creations.All(c => c.Item4.CanRewrite(kind.Value != BoundedKind.Queue)))
            {
                return null;
            }

            int position = target.Declaration.SpanStart;
            string typeArguments = TypeArgumentsText(target.Type, shape, model, position);
            string display = string.Join(", ", shape.TypeArguments.Select(t => t.ToMinimalDisplayString(model, position)));
            bool threadSafe = shape.IsConcurrent || createdShapes.Any(s => s.IsConcurrent);
            return new BoundPlan(
                document,
                model,
                target,
                containingType,
                kind.Value,
                typeArguments,
                display,
                threadSafe,
                FixNames.MaxLength(document, target.Declaration.SyntaxTree, diagnostic),
                usage,
                creations);
        }

        public void AddEdits(SolutionEdits edits, ISet<string> reserved)
        {
            string suffix = _kind switch
            {
                BoundedKind.Queue => "Queue",
                BoundedKind.Map => "Map",
                _ => "Set",
            };
            // The name must bind to the new type where a creation names it ('new RecentErrorsQueue()'), too.
            string name = FixNames.Unique(
                FixNames.Stem(Target.Name, dropCollectionWord: true) + suffix,
                _model,
                Target.Declaration.SpanStart,
                ContainingType,
                reserved,
                _creations.Where(c => c.Creation is not ImplicitObjectCreationExpressionSyntax).Select(c => (c.Model, c.Creation.SpanStart)));

            DocumentEdits declaring = edits.For(_document);
            MemberEdit member = declaring.ForMember(Target.Declaration);
            member.ForVariable(Target.SymbolNode).NewTypeName = name;
            declaring.Append(Target.ContainingType, NestedType(name));
            for (SyntaxNode? node = Target.ContainingType; node is not null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax type)
                {
                    declaring.MakePartial(type);
                }
            }

            foreach ((Document document, _, ExpressionSyntax creation, CreationRewrite rewrite) in _creations)
            {
                edits.For(document).Replace(creation, current => rewrite.Rewrite((ExpressionSyntax)current, name));
            }

            foreach ((Document document, SimpleNameSyntax simpleName, string newName) in _usage.Renames)
            {
                edits.For(document).Replace(simpleName, current => SyntaxFactory.IdentifierName(newName).WithTriviaFrom(current));
            }
        }

        private MemberDeclarationSyntax NestedType(string name)
        {
            SyntaxTree tree = Target.Declaration.SyntaxTree;
            var options = (CSharpParseOptions)tree.Options;
            string accessibility = string.Join(" ", Target.Declaration.Modifiers
                .Where(m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword)
                .Select(m => m.Text));
            if (accessibility.Length == 0)
            {
                accessibility = "private";
            }

            // C# 12 allows a type without a body; earlier versions need the braces.
            string body = options.LanguageVersion >= LanguageVersion.CSharp12 ? ";" : " { }";
            string settings = "MaxLength = " + MaxLength.ToString(CultureInfo.InvariantCulture) + (_threadSafe ? ", ThreadSafe = true" : "");
            string newLine = SolutionEdits.NewLine(tree.GetRoot());
            string indentation = Target.Declaration.GetLeadingTrivia().LastOrDefault() is { RawKind: (int)SyntaxKind.WhitespaceTrivia } whitespace ? whitespace.ToString() : "";
            string text = $"[global::{BoundsSyntax.Namespace}.Bounded({settings})]{newLine}{indentation}"
                + $"{accessibility} sealed partial class {name} : global::{BoundsSyntax.Namespace}.{InterfaceName}<{_typeArguments}>{body}";
            var declaration = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(text, options: options)!;
            return BoundsSyntax.AnnotateNames(declaration);
        }

        /// <summary>The type arguments as the member's declaration writes them, or as the compiler would name them there.</summary>
        private static string TypeArgumentsText(TypeSyntax? type, CollectionShape shape, SemanticModel model, int position)
        {
            if (type is NullableTypeSyntax nullable)
            {
                type = nullable.ElementType;
            }

            if (type is QualifiedNameSyntax qualified)
            {
                type = qualified.Right;
            }

            if (type is AliasQualifiedNameSyntax aliased)
            {
                type = aliased.Name;
            }

            return type is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Count == shape.TypeArguments.Length
                ? string.Join(", ", generic.TypeArgumentList.Arguments.Select(a => a.WithoutTrivia().ToString()))
                : string.Join(", ", shape.TypeArguments.Select(t => t.ToMinimalDisplayString(model, position, NullableDisplay)));
        }

        private static readonly SymbolDisplayFormat NullableDisplay = SymbolDisplayFormat.MinimallyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>
        /// Whether a generated nested type can be declared in the class: the generator reopens it and every containing
        /// type in a second part, so none may be file-local, and a type declared in several parts must already be
        /// partial in each (one part is made partial by the fix).
        /// </summary>
        private static bool CanNestGeneratedType(INamedTypeSymbol containingType, CancellationToken cancellationToken)
        {
            for (INamedTypeSymbol? type = containingType; type is not null; type = type.ContainingType)
            {
                if (type.IsFileLocal || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.DeclaringSyntaxReferences.Length == 0)
                {
                    return false;
                }

                if (type.DeclaringSyntaxReferences.Length > 1
                    && type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                        && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>How one creation of the member becomes a creation of the generated type.</summary>
    private sealed class CreationRewrite
    {
        private readonly SemanticModel _model;
        private readonly ExpressionSyntax _value;

        public CreationRewrite(SemanticModel model, ExpressionSyntax value)
        {
            _model = model;
            _value = value;
        }

        /// <summary>
        /// Whether the creation has only arguments the generated type takes (a capacity, dropped; a comparer, kept for
        /// a map or set) and only plain initializer elements.
        /// </summary>
        public bool CanRewrite(bool hashed)
        {
            switch (_value)
            {
                case BaseObjectCreationExpressionSyntax creation:
                    if (_model.GetOperation(creation) is not IObjectCreationOperation operation)
                    {
                        return false;
                    }

                    foreach (IArgumentOperation argument in operation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.DefaultValue || IsCapacity(argument))
                        {
                            continue;
                        }

                        if (!(hashed && IsEqualityComparer(argument)))
                        {
                            return false;
                        }
                    }

                    return creation.Initializer is null || InitializerIsPlain(creation.Initializer, hashed);
                case CollectionExpressionSyntax collection:
                    return collection.Elements.Count == 0
                        || (!IsMap() && collection.Elements.All(e => e is ExpressionElementSyntax));
                default:
                    return false;
            }
        }

        public ExpressionSyntax Rewrite(ExpressionSyntax current, string typeName)
        {
            if (current is ImplicitObjectCreationExpressionSyntax implicitCreation)
            {
                // 'new()' still names the member's type, now the generated one: keep it, with the arguments that remain.
                return implicitCreation.WithArgumentList(SyntaxFactory.ArgumentList(Arguments()).WithTriviaFrom(implicitCreation.ArgumentList));
            }

            ArgumentListSyntax arguments = SyntaxFactory.ArgumentList(Arguments());
            InitializerExpressionSyntax? initializer = null;
            if (current is BaseObjectCreationExpressionSyntax currentCreation)
            {
                initializer = currentCreation.Initializer;
            }
            else if (current is CollectionExpressionSyntax { Elements.Count: > 0 } collection)
            {
                initializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.CollectionInitializerExpression,
                    SyntaxFactory.SeparatedList(collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression)));
            }

            ObjectCreationExpressionSyntax creation = SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.IdentifierName(typeName),
                // 'new T { a, b }' as written in C#, 'new T()' without an initializer.
                initializer is not null && arguments.Arguments.Count == 0 ? null : arguments,
                initializer is null ? null : initializer.WithLeadingTrivia(initializer.GetLeadingTrivia().Insert(0, SyntaxFactory.Space)));
            return creation.WithTriviaFrom(current);
        }

        /// <summary>The arguments the generated type takes: the comparer, as written (it cannot refer to the member).</summary>
        private SeparatedSyntaxList<ArgumentSyntax> Arguments()
        {
            return _value is BaseObjectCreationExpressionSyntax original
                && _model.GetOperation(original) is IObjectCreationOperation operation
                && operation.Arguments.FirstOrDefault(IsEqualityComparer)?.Syntax is ArgumentSyntax comparer
                    ? SyntaxFactory.SingletonSeparatedList(comparer.WithNameColon(null).WithoutTrivia())
                    : default;
        }

        private bool IsMap()
        {
            TypeInfo type = _model.GetTypeInfo(_value);
            return CollectionShape.Of(type.Type ?? type.ConvertedType)?.Family == CollectionKind.Dictionary;
        }

        private static bool IsCapacity(IArgumentOperation argument)
        {
            return argument.Parameter is { Name: "capacity" or "concurrencyLevel", Type.SpecialType: SpecialType.System_Int32 };
        }

        private static bool IsEqualityComparer(IArgumentOperation argument)
        {
            return argument.Parameter?.Type is INamedTypeSymbol { Name: "IEqualityComparer", Arity: 1 } comparer
                && comparer.ContainingNamespace.ToDisplayString() == "System.Collections.Generic";
        }

        /// <summary>Plain values (<c>{ a, b }</c>), or index initializers for a map (<c>{ [k] = v }</c>).</summary>
        private static bool InitializerIsPlain(InitializerExpressionSyntax initializer, bool hashed)
        {
            return initializer.Kind() switch
            {
                SyntaxKind.CollectionInitializerExpression => initializer.Expressions.All(e => e is not (InitializerExpressionSyntax or AssignmentExpressionSyntax)),
                SyntaxKind.ObjectInitializerExpression => hashed && initializer.Expressions.All(e =>
                    e is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax, Right: not InitializerExpressionSyntax }),
                _ => false,
            };
        }
    }
}
