using System;
using System.Threading;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>What the type of a tracker's field or property tells the generator about the member's bound.</summary>
internal enum MemberBound
{
    /// <summary>Not a bounded collection at all; other rules deal with such members.</summary>
    None,

    /// <summary>A class the generator implements from its <c>[Bounded]</c> declaration: its <c>DeclaredMaxLength</c> is known.</summary>
    Generated,

    /// <summary>A bounded interface, or an interface that extends one: the bound of what it holds is unknown.</summary>
    Interface,

    /// <summary>A <c>[Bounded]</c> class the generator does not implement (its declaration has a problem).</summary>
    NotGenerated,

    /// <summary>A <c>[Bounded]</c> class from a referenced assembly that lacks the generated <c>DeclaredMaxLength</c>.</summary>
    CompiledWithoutGenerator,

    /// <summary>A bounded collection written by hand, without <c>[Bounded]</c>: its bound is unknown.</summary>
    HandWritten,
}

/// <summary>
/// Decides whether the type of a tracker member is a bounded collection whose bound the generator can see. A type
/// counts when it, or a class it derives from, carries a <c>[Bounded]</c> declaration that the generator implements:
/// the same <see cref="BoundedDeclarationReader"/> the generator runs decides that for types in source, so dictionaries
/// and sets count exactly when their bodies are generated. A type from a referenced assembly counts when it has the
/// generated <c>DeclaredMaxLength</c> constant.
/// </summary>
internal static class BoundedMemberTypes
{
    /// <summary>Classifies a member's type.</summary>
    /// <param name="type">The field's or property's type.</param>
    /// <param name="isUserMember">As for <see cref="BoundedDeclarationReader.Read"/>: tells generated members from the user's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What the type tells about the member's bound.</returns>
    public static MemberBound Classify(ITypeSymbol type, Func<ISymbol, bool>? isUserMember, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind == TypeKind.Error)
        {
            return MemberBound.None;
        }

        if (named.TypeKind == TypeKind.Interface)
        {
            return IsBoundedCollection(named) || ImplementsBoundedCollection(named) ? MemberBound.Interface : MemberBound.None;
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamedTypeSymbol declaration = current.OriginalDefinition;
            if (FindBoundedAttribute(declaration) is { } attribute)
            {
                return ClassifyDeclaration(declaration, attribute, isUserMember, cancellationToken);
            }
        }

        return ImplementsBoundedCollection(named) ? MemberBound.HandWritten : MemberBound.None;
    }

    /// <summary>
    /// Whether the [Bounded] type a member holds (or a base of it) declares a maximum age, as the declaration reader
    /// reads it. Its tracker then publishes the entries that expire.
    /// </summary>
    public static bool HasMaxAge(ITypeSymbol type)
    {
        for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            INamedTypeSymbol declaration = current.OriginalDefinition;
            if (FindBoundedAttribute(declaration) is { } attribute)
            {
                return MaxAgeReader.TryRead(declaration, attribute, report: null, out long maxAgeMilliseconds) && maxAgeMilliseconds > 0;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the [Bounded] type a member holds (or a base of it) declares a valid maximum weight, as the declaration
    /// reader reads it. Its tracker then publishes the weights.
    /// </summary>
    public static bool HasMaxWeight(ITypeSymbol type)
    {
        for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            INamedTypeSymbol declaration = current.OriginalDefinition;
            if (FindBoundedAttribute(declaration) is { } attribute)
            {
                return BoundedInterfaces.SingleBoundedInterface(declaration, out Model.BoundedKind kind) is not null
                    && MaxWeightReader.TryRead(declaration, attribute, kind, report: null, out long maxWeight)
                    && maxWeight > 0;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <c>FakeAI.Bounds.IBoundedCollection</c>.</summary>
    public static bool IsBoundedCollection(INamedTypeSymbol type)
    {
        return type is { Name: "IBoundedCollection", Arity: 0 } && IsInRuntimeNamespace(type);
    }

    /// <summary>Whether <paramref name="type"/> is an attribute class of the runtime: <c>FakeAI.Bounds.</c><paramref name="name"/>.</summary>
    public static bool IsRuntimeAttribute(INamedTypeSymbol? type, string name)
    {
        return type is not null && type.Name == name && type.Arity == 0 && IsInRuntimeNamespace(type);
    }

    private static MemberBound ClassifyDeclaration(
        INamedTypeSymbol declaration,
        AttributeData attribute,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken)
    {
        if (declaration.DeclaringSyntaxReferences.IsEmpty)
        {
            // Compiled elsewhere, generated members and all: the constant the tracker sums is there or it is not.
            return HasDeclaredMaxLength(declaration) && ImplementsBoundedCollection(declaration)
                ? MemberBound.Generated
                : MemberBound.CompiledWithoutGenerator;
        }

        return BoundedDeclarationReader.Read(declaration, attribute, report: null, isUserMember, cancellationToken) is null
            ? MemberBound.NotGenerated
            : MemberBound.Generated;
    }

    private static AttributeData? FindBoundedAttribute(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (IsRuntimeAttribute(attribute.AttributeClass, "BoundedAttribute"))
            {
                return attribute;
            }
        }

        return null;
    }

    private static bool HasDeclaredMaxLength(INamedTypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers(KnownNames.DeclaredMaxLength))
        {
            if (member is IFieldSymbol { IsConst: true, DeclaredAccessibility: Accessibility.Public, Type.SpecialType: SpecialType.System_Int32 })
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsBoundedCollection(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (IsBoundedCollection(implemented))
            {
                return true;
            }
        }

        return false;
    }

    // By name, like BoundedInterfaces: no lookup in the compilation, and the same answer in the generator and analyzers.
    private static bool IsInRuntimeNamespace(INamedTypeSymbol type)
    {
        return type.ContainingNamespace is { Name: "Bounds", ContainingNamespace: { Name: "FakeAI", ContainingNamespace.IsGlobalNamespace: true } };
    }
}
