using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// Decides whether a use of a collection member still compiles, with the same meaning, once the member's type is a
/// generated bounded collection, judged against the members of the bounded interface (and
/// <c>IBoundedCollection</c>, <c>IReadOnlyList&lt;T&gt;</c>…) it implements: a method or property of the same name and
/// signature, an extension method whose receiver the interface converts to, a conversion to a type the interface
/// converts to (an <c>IEnumerable&lt;T&gt;</c> parameter), <c>foreach</c>, <c>lock</c>, a null check. The result of a
/// member whose type differs (<c>Dictionary.Keys</c> against <c>IReadOnlyDictionary.Keys</c>) is judged the same way.
/// A few queue methods have an exact equivalent of another name and are renamed (see <see cref="Renamed"/>).
/// </summary>
internal sealed class BoundedUsage
{
    private readonly Compilation _compilation;
    private readonly bool _allowEnumeration;
    private readonly bool _isQueue;

    /// <param name="compilation">The compilation the uses are bound in.</param>
    /// <param name="allowEnumeration">
    /// <see langword="false"/> for a sorted collection, whose enumeration order (by key) the bounded one (by insertion)
    /// does not keep: then only lookups are allowed.
    /// </param>
    /// <param name="isQueue">Whether the bounded interface is <c>IBoundedQueue&lt;T&gt;</c>, which allows the renames.</param>
    public BoundedUsage(Compilation compilation, bool allowEnumeration, bool isQueue)
    {
        _compilation = compilation;
        _allowEnumeration = allowEnumeration;
        _isQueue = isQueue;
    }

    /// <summary>The method names to rewrite: the name node and its new name.</summary>
    public List<(Document Document, SimpleNameSyntax Name, string NewName)> Renames { get; } = [];

    /// <summary>
    /// The exact equivalents under another name on <c>IBoundedQueue&lt;T&gt;</c>: <c>Enqueue(x)</c> and
    /// <c>AddLast(x)</c> (its result unused) append like <c>Add(x)</c>; <c>TryPeek</c> reads the oldest like
    /// <c>TryPeekOldest</c>; <c>List.RemoveAll</c> removes and counts like <c>RemoveWhere</c>. <c>Dequeue()</c> and
    /// <c>Peek()</c> throw on an empty queue where <c>TryDequeue</c>/<c>TryPeekOldest</c> return false, so they are
    /// not rewritten, and a member that uses them is not offered the fix.
    /// </summary>
    public static string? Renamed(IMethodSymbol method)
    {
        string type = method.ContainingType?.OriginalDefinition is { } definition ? CollectionShape.MetadataNameOf(definition) : "";
        return (type, method.Name) switch
        {
            (KnownCollections.Queue or KnownCollections.ConcurrentQueue, "Enqueue") => "Add",
            (KnownCollections.LinkedList, "AddLast") => "Add",
            (KnownCollections.List, "RemoveAll") => "RemoveWhere",
            (KnownCollections.Queue or KnownCollections.ConcurrentQueue, "TryPeek") => "TryPeekOldest",
            _ => null,
        };
    }

    /// <summary>Whether a use of the member compiles against <paramref name="boundedInterface"/>; collects renames.</summary>
    public bool IsCompatible(MemberUse reference, ITypeSymbol boundedInterface, ITypeSymbol memberType)
    {
        return IsCompatible(reference.Document, reference.Model, reference.Expression, boundedInterface, memberType, isMember: true);
    }

    private bool IsCompatible(Document document, SemanticModel model, ExpressionSyntax expression, ITypeSymbol newType, ITypeSymbol oldType, bool isMember)
    {
        expression = Outermost(expression);
        switch (expression.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Expression == expression:
                return IsCompatibleMember(document, model, access, access.Name, newType, isMember, access);
            case ConditionalAccessExpressionSyntax conditional when conditional.Expression == expression:
                return conditional.WhenNotNull switch
                {
                    MemberBindingExpressionSyntax binding => IsCompatibleMember(document, model, binding, binding.Name, newType, isMember, conditional),
                    InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => IsCompatibleMember(document, model, binding, binding.Name, newType, isMember, conditional),
                    ElementBindingExpressionSyntax binding => IsCompatibleIndexer(document, model, binding, newType, conditional),
                    _ => false,
                };
            case ElementAccessExpressionSyntax element when element.Expression == expression:
                return IsCompatibleIndexer(document, model, element, newType, element);
            case ForEachStatementSyntax loop when loop.Expression == expression:
                return _allowEnumeration && loop.AwaitKeyword.IsKind(SyntaxKind.None);
            case ForEachVariableStatementSyntax loop when loop.Expression == expression:
                return _allowEnumeration && loop.AwaitKeyword.IsKind(SyntaxKind.None);
            case LockStatementSyntax:
                return isMember;
            case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression:
                return (binary.Left == expression ? binary.Right : binary.Left).IsKind(SyntaxKind.NullLiteralExpression);
            case IsPatternExpressionSyntax pattern:
                return pattern.Pattern is ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } }
                    or UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } };
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                return false;
            case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                return false;
            case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or RefExpressionSyntax:
                return false;
        }

        // Any other place takes the value as some type: a parameter, a variable, a return type.
        TypeInfo typeInfo = model.GetTypeInfo(expression);
        if (typeInfo.ConvertedType is not { } target || !_allowEnumeration)
        {
            return false;
        }

        Conversion conversion = _compilation.ClassifyConversion(newType, target);
        if (!SymbolEqualityComparer.Default.Equals(target, oldType) && conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference))
        {
            return true;
        }

        // An argument may still find another overload: 'new Dictionary<K, V>(map, comparer)' takes an IDictionary, and
        // a bounded map is taken by the IEnumerable<KeyValuePair<K, V>> overload, which copies it the same way.
        return expression.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax or ObjectCreationExpressionSyntax } arguments }
            && BindsWithArgumentOfType(model, (ExpressionSyntax)arguments.Parent!, expression, newType);
    }

    /// <summary>
    /// Whether a call still binds, to a method of the same return type, once one argument has the new type: bound
    /// speculatively with <c>default(TheNewType)</c> in the argument's place.
    /// </summary>
    private static bool BindsWithArgumentOfType(SemanticModel model, ExpressionSyntax call, ExpressionSyntax argument, ITypeSymbol newType)
    {
        ExpressionSyntax standIn = SyntaxFactory.DefaultExpression(SyntaxFactory.ParseTypeName(newType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));
        ExpressionSyntax speculative = call.ReplaceNode(argument, standIn);
        SymbolInfo symbol = model.GetSpeculativeSymbolInfo(call.SpanStart, speculative, SpeculativeBindingOption.BindAsExpression);
        TypeInfo type = model.GetSpeculativeTypeInfo(call.SpanStart, speculative, SpeculativeBindingOption.BindAsExpression);
        return symbol.Symbol is IMethodSymbol
            && type.Type is { TypeKind: not TypeKind.Error } speculativeType
            && SymbolEqualityComparer.Default.Equals(speculativeType, model.GetTypeInfo(call).Type);
    }

    private bool IsCompatibleMember(
        Document document,
        SemanticModel model,
        ExpressionSyntax access,
        SimpleNameSyntax name,
        ITypeSymbol newType,
        bool isMember,
        ExpressionSyntax whole)
    {
        ISymbol? symbol = model.GetSymbolInfo(access).Symbol;
        var invocation = access.Parent as InvocationExpressionSyntax;
        if (invocation?.Expression != access)
        {
            invocation = null;
        }

        ExpressionSyntax result = whole is ConditionalAccessExpressionSyntax ? whole : (ExpressionSyntax?)invocation ?? access;
        switch (symbol)
        {
            case IMethodSymbol { ContainingType.SpecialType: SpecialType.System_Object }:
                return true;
            case IMethodSymbol { ReducedFrom: not null } extension:
                // An extension method: the interface must convert to its receiver, and must not have an instance
                // method of that name, which would be chosen instead.
                if (extension.ReceiverType is not { } receiver
                    || AllMembers(newType, extension.Name).OfType<IMethodSymbol>().Any()
                    || (!_allowEnumeration && !IsReadOnlyDictionary(receiver)))
                {
                    return false;
                }

                Conversion conversion = _compilation.ClassifyConversion(newType, receiver);
                return conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference);
            case IMethodSymbol method:
                string? renamed = isMember && _isQueue ? Renamed(method) : null;
                string newName = renamed ?? method.Name;
                IMethodSymbol? match = AllMembers(newType, newName).OfType<IMethodSymbol>().FirstOrDefault(candidate => SameSignature(candidate, method, invocation));
                if (match is null)
                {
                    return false;
                }

                bool resultUsed = invocation is null || result.Parent is not ExpressionStatementSyntax;
                if (resultUsed && !SymbolEqualityComparer.Default.Equals(match.ReturnType, method.ReturnType)
                    && (invocation is null || match.ReturnsVoid || !IsCompatible(document, model, result, match.ReturnType, method.ReturnType, isMember: false)))
                {
                    return false;
                }

                if (renamed is not null)
                {
                    Renames.Add((document, name, renamed));
                }

                return true;
            case IPropertySymbol { IsIndexer: false } property when invocation is null:
                bool written = IsWritten(result);
                IPropertySymbol? candidate = AllMembers(newType, property.Name).OfType<IPropertySymbol>()
                    .FirstOrDefault(p => !p.IsIndexer && (!written || p.SetMethod is not null));
                if (candidate is null || candidate.GetMethod is null)
                {
                    return false;
                }

                return SymbolEqualityComparer.Default.Equals(candidate.Type, property.Type)
                    || (!written && IsCompatible(document, model, result, candidate.Type, property.Type, isMember: false));
            default:
                return false;
        }
    }

    private bool IsCompatibleIndexer(Document document, SemanticModel model, ExpressionSyntax element, ITypeSymbol newType, ExpressionSyntax whole)
    {
        if (model.GetSymbolInfo(element).Symbol is not IPropertySymbol { IsIndexer: true } indexer)
        {
            return false;
        }

        bool written = IsWritten(whole);
        IPropertySymbol? candidate = AllMembers(newType, indexer.Name).OfType<IPropertySymbol>().FirstOrDefault(p =>
            p.IsIndexer
            && p.GetMethod is not null
            && (!written || p.SetMethod is not null)
            && p.Parameters.Length == indexer.Parameters.Length
            && p.Parameters.Zip(indexer.Parameters, (a, b) => SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same));
        if (candidate is null)
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(candidate.Type, indexer.Type)
            || (!written && IsCompatible(document, model, whole, candidate.Type, indexer.Type, isMember: false));
    }

    private static bool SameSignature(IMethodSymbol candidate, IMethodSymbol method, InvocationExpressionSyntax? invocation)
    {
        if (candidate.Parameters.Length != method.Parameters.Length || candidate.TypeParameters.Length != method.TypeParameters.Length)
        {
            return false;
        }

        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(candidate.Parameters[i].Type, method.Parameters[i].Type)
                || candidate.Parameters[i].RefKind != method.Parameters[i].RefKind)
            {
                return false;
            }
        }

        // Named arguments must find their parameters again.
        return invocation is null || invocation.ArgumentList.Arguments.All(argument =>
            argument.NameColon is null || candidate.Parameters.Any(p => p.Name == argument.NameColon.Name.Identifier.ValueText));
    }

    /// <summary>Whether an expression is assigned, incremented or passed by reference.</summary>
    private static bool IsWritten(ExpressionSyntax expression)
    {
        expression = Outermost(expression);
        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PrefixUnaryExpressionSyntax prefix => prefix.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression,
            PostfixUnaryExpressionSyntax postfix => postfix.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    private static ExpressionSyntax Outermost(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            expression = (ExpressionSyntax)expression.Parent;
        }

        return expression;
    }

    private static bool IsReadOnlyDictionary(ITypeSymbol type)
    {
        return type is INamedTypeSymbol named && CollectionShape.MetadataNameOf(named.OriginalDefinition) == KnownCollections.IReadOnlyDictionary;
    }

    /// <summary>The members of a name on a type and every interface it implements (an interface's own members leave those out).</summary>
    private static IEnumerable<ISymbol> AllMembers(ITypeSymbol type, string name)
    {
        return type.GetMembers(name).Concat(type.AllInterfaces.SelectMany(i => i.GetMembers(name)));
    }
}
