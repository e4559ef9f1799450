using System.Runtime.CompilerServices;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Finds the field or property an expression reads, through conversions, parentheses, <c>?.</c> and a local that
/// aliases it (<c>ICollection&lt;KeyValuePair&lt;K, V&gt;&gt; entries = _map; entries.Remove(pair);</c>).
/// </summary>
internal static class MemberReferences
{
    /// <summary>The field or non-indexer property <paramref name="operation"/> reads, or <see langword="null"/>.</summary>
    public static ISymbol? Referenced(IOperation? operation)
    {
        return Reference(operation) is { } reference ? Member(reference) : null;
    }

    /// <summary>
    /// The member <paramref name="operation"/> reads on this very object (<c>_items</c>, <c>this._items</c>) or a
    /// static one; <see langword="null"/> for another instance's (<c>other._items</c>, an object or <c>with</c>
    /// initializer's), whose changes say nothing about this object's collection.
    /// </summary>
    public static ISymbol? ReferencedOnThis(IOperation? operation)
    {
        if (Reference(operation) is not { } reference)
        {
            return null;
        }

        IOperation? instance = reference switch
        {
            IFieldReferenceOperation field => field.Instance,
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };
        return instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            ? Member(reference)
            : null;
    }

    public static bool Refers(IOperation? operation, ISymbol member)
    {
        return SymbolEqualityComparer.Default.Equals(Referenced(operation), member);
    }

    /// <summary>The instance whose member <paramref name="operation"/> reads (<c>stream</c> in <c>stream.Tokens</c>).</summary>
    public static IOperation? Receiver(IOperation? operation)
    {
        return Reference(operation) switch
        {
            IFieldReferenceOperation field => field.Instance,
            IPropertyReferenceOperation property => property.Instance,
            _ => null,
        };
    }

    private static IMemberReferenceOperation? Reference(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IFieldReferenceOperation field:
                    return field;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    return property;
                case IConditionalAccessInstanceOperation placeholder:
                    // `_map?.Remove(key)`: the call's receiver stands for what the `?.` tested.
                    operation = ConditionalReceiver(placeholder);
                    continue;
                case ILocalReferenceOperation local:
                    operation = AliasedMember(local);
                    continue;
                default:
                    return null;
            }
        }
    }

    // `var entries = _map; entries.Remove(pair);`: a local declared with a member and never assigned again is that
    // member under another name (the idiom that removes an exact key and value through ICollection<KeyValuePair>).
    // The local's type and the syntax are checked first: this runs for every local a collection rule reads, and most
    // locals are not collections or hold what the method made.
    // A candidate local is read once: a long method refers to the same alias many times, and each reading binds its
    // initializer and walks its block. Keyed weakly by the symbol, so the answers go with their compilation; only
    // locals that pass the cheap checks are kept, since every entry costs the collector a dependent handle.
    private static readonly ConditionalWeakTable<ILocalSymbol, StrongBox<IOperation?>> Aliases = new();

    private static IOperation? AliasedMember(ILocalReferenceOperation reference)
    {
        ILocalSymbol local = reference.Local;
        if (local.IsRef
            || local.Type is not { TypeKind: TypeKind.Class or TypeKind.Interface, SpecialType: not SpecialType.System_String }
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } })
        {
            return null;
        }

        if (Aliases.TryGetValue(local, out StrongBox<IOperation?>? known))
        {
            return known.Value;
        }

        IOperation? aliased = ReadAlias(reference, local);
        return Aliases.GetValue(local, _ => new StrongBox<IOperation?>(aliased)).Value;
    }

    private static IOperation? ReadAlias(ILocalReferenceOperation reference, ILocalSymbol local)
    {
        return TypeHierarchy.ImplementsEnumerable(local.Type)
            && LocalWrites.Initializer(reference, out BlockSyntax? block) is { } initializer
            && initializer is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }
            && !LocalWrites.IsWrittenIn(block!, local.Name)
            ? initializer
            : null;
    }

    private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation placeholder)
    {
        for (IOperation? parent = placeholder.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private static ISymbol Member(IMemberReferenceOperation reference)
    {
        return reference.Member.OriginalDefinition;
    }
}
