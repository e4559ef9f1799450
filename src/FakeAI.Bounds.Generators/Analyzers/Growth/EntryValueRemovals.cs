using System.Threading;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A removal from the value of a map's entry rather than from the map: <c>_groups[group].Remove(connection)</c>, or
/// <c>if (_groups.TryGetValue(group, out var members)) members.Remove(connection);</c>, or the same through a local
/// the entry was read into. What the entry holds comes and goes; the entry itself stays (BND009).
/// </summary>
internal static class EntryValueRemovals
{
    /// <summary>The map member, read on this object, whose entry's value <paramref name="receiver"/> is; null otherwise.</summary>
    /// <param name="receiver">The receiver of a <c>Remove</c> or <c>TryRemove</c> call.</param>
    public static ISymbol? MapOf(IOperation? receiver, CancellationToken cancellationToken)
    {
        // A collection's Remove, not a string's or a StringBuilder's, which take out characters of a copy.
        if (receiver?.Type is not { SpecialType: not SpecialType.System_String } valueType || !TypeHierarchy.ImplementsEnumerable(valueType))
        {
            return null;
        }

        switch (receiver.WithoutConversions())
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                return MemberReferences.ReferencedOnThis(indexer.Instance);
            case ILocalReferenceOperation { SemanticModel: { } model } local:
                return FromLocal(local.Local, model, cancellationToken);
            default:
                return null;
        }
    }

    // Runs only for a Remove whose receiver is a local: its one declaration is read, never the method.
    private static ISymbol? FromLocal(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxNode declaration = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (declaration.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        // `var members = _groups[group];`
        if (declaration is VariableDeclaratorSyntax { Initializer.Value: ElementAccessExpressionSyntax initializer })
        {
            return model.GetOperation(initializer, cancellationToken)?.WithoutConversions() is IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                ? MemberReferences.ReferencedOnThis(indexer.Instance)
                : null;
        }

        // `_groups.TryGetValue(group, out var members)`
        if (declaration is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } }
            && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" })
        {
            return model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                ? MemberReferences.ReferencedOnThis(invocation.Instance)
                : null;
        }

        return null;
    }
}
