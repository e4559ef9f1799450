using System;
using System.Collections.Generic;
using System.Linq;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// The members the generator writes into a bounded type, so that a user member of the same name is reported
/// (and the type skipped) instead of producing a duplicate-member compile error in generated code.
/// </summary>
internal static class GeneratedMemberNames
{
    /// <summary>Private fields the generator writes start with this prefix.</summary>
    public const string PrivateFieldPrefix = "_bnd";

    /// <summary>Private methods, properties and nested types the generator writes start with this prefix and a capital.</summary>
    public const string PrivateMemberPrefix = "Bnd";

    /// <summary>The member a type declared with <c>ResizableCapacity = true</c> gets.</summary>
    public const string SetCapacity = "SetCapacity";

    /// <summary>The members a type declared with a maximum age gets.</summary>
    private static readonly HashSet<string> ExpiryMembers = new(StringComparer.Ordinal)
    {
        "DeclaredMaxAgeMilliseconds", "MaxAge", "Expired", "RemoveExpired",
    };

    /// <summary>The members a type declared with a maximum weight gets.</summary>
    private static readonly HashSet<string> WeightMembers = new(StringComparer.Ordinal)
    {
        "DeclaredMaxWeight", "Weight", "MaxWeight",
    };

    private static readonly HashSet<string> QueueMembers = new(StringComparer.Ordinal)
    {
        "DeclaredMaxLength", "Count", "Capacity", "MaxLength", "Overflow", "TotalAdded", "Evicted", "Dropped", "IsFull", "NewestFirst",
        "Add", "TryAdd", "TryDequeue", "TryPeekOldest", "TryPeekNewest", "RemoveWhere", "ToArray", "CopyTo", "Clear",
        "GetEnumerator", "Enumerator", "NewestFirstEnumerable", "NewestFirstEnumerator", "this[]",
    };

    private static readonly HashSet<string> DictionaryMembers = new(StringComparer.Ordinal)
    {
        "DeclaredMaxLength", "Count", "Capacity", "MaxLength", "Overflow", "TotalAdded", "Evicted", "Dropped", "IsFull", "Comparer",
        "TryAdd", "GetOrAdd", "AddOrUpdate", "TryGetValue", "ContainsKey", "Remove", "RemoveWhere", "Clear",
        "Keys", "Values", "GetEnumerator", "Enumerator", "KeyCollection", "ValueCollection", "this[]",
    };

    private static readonly HashSet<string> SetMembers = new(StringComparer.Ordinal)
    {
        "DeclaredMaxLength", "Count", "Capacity", "MaxLength", "Overflow", "TotalAdded", "Evicted", "Dropped", "IsFull", "Comparer",
        "Add", "TryAdd", "Contains", "Remove", "RemoveWhere", "Clear", "GetEnumerator", "Enumerator",
    };

    // The interfaces whose members the generator implements, implicitly or explicitly, by namespace and metadata name.
    private static readonly HashSet<string> ImplementedInterfaces = new(StringComparer.Ordinal)
    {
        "System.Collections.IEnumerable",
        "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlyDictionary`2",
        "FakeAI.Bounds.IBoundedCollection",
        "FakeAI.Bounds.IBoundedQueue`1",
        "FakeAI.Bounds.IBoundedDictionary`2",
        "FakeAI.Bounds.IBoundedSet`1",
        KnownNames.ExpiringCollection,
        KnownNames.WeightedCollection,
    };

    private static HashSet<string> MembersOf(BoundedKind kind) => kind switch
    {
        BoundedKind.Queue => QueueMembers,
        BoundedKind.Dictionary => DictionaryMembers,
        _ => SetMembers,
    };

    /// <summary>
    /// Whether <paramref name="member"/> would clash with a generated member of a collection of <paramref name="kind"/>
    /// (with <c>SetCapacity</c> when <paramref name="resizableCapacity"/>, with the expiry members when <paramref name="expires"/>,
    /// with the weight members when <paramref name="weighted"/>);
    /// <paramref name="description"/> then names it for a message.
    /// </summary>
    public static bool Clashes(ISymbol member, BoundedKind kind, bool resizableCapacity, out string description, bool expires = false, bool weighted = false)
    {
        description = member.Name;
        if (member.IsImplicitlyDeclared)
        {
            return false;
        }

        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
        {
            if (expires && TakesTheClockLast(constructor))
            {
                description = "the constructor " + constructor.ContainingType.Name + "(" + string.Join(", ", constructor.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")";
                return !constructor.IsStatic;
            }

            bool generatedSignature = constructor.Parameters.Length == 0
                || (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32);
            description = constructor.Parameters.Length == 0
                ? "the constructor " + constructor.ContainingType.Name + "()"
                : "the constructor " + constructor.ContainingType.Name + "(int)";
            return generatedSignature && !constructor.IsStatic;
        }

        if (TryGetExplicitlyImplemented(member, out ISymbol? implemented))
        {
            description = "an explicit implementation of " + implemented.ContainingType.Name + "." + implemented.Name;
            return ImplementedInterfaces.Contains(MetadataFullName(implemented.ContainingType.OriginalDefinition));
        }

        if (member is IPropertySymbol { IsIndexer: true })
        {
            description = "the indexer this[]";
            return MembersOf(kind).Contains("this[]");
        }

        return IsReservedName(member.Name, kind, resizableCapacity, expires, weighted);
    }

    /// <summary>Whether a name is taken by a member the generator writes into a collection of <paramref name="kind"/>, public or private.</summary>
    public static bool IsReservedName(string name, BoundedKind kind, bool resizableCapacity, bool expires = false, bool weighted = false)
    {
        // SetCapacity, the expiry and the weight members are reserved only where they are generated, so that types
        // declared before they existed keep compiling.
        return MembersOf(kind).Contains(name)
            || (resizableCapacity && name == SetCapacity)
            || (expires && ExpiryMembers.Contains(name))
            || (weighted && WeightMembers.Contains(name))
            || name.StartsWith(PrivateFieldPrefix, StringComparison.Ordinal)
            || (name.Length > PrivateMemberPrefix.Length
                && name.StartsWith(PrivateMemberPrefix, StringComparison.Ordinal)
                && char.IsUpper(name[PrivateMemberPrefix.Length]));
    }

    // The constructors a type with a maximum age gets: (TimeProvider), (int, TimeProvider) and, for a map or set,
    // (int, comparer, TimeProvider). A user's (int, TimeProvider) would also make a map's own (int, null) chain ambiguous.
    private static bool TakesTheClockLast(IMethodSymbol constructor)
    {
        var parameters = constructor.Parameters;
        if (parameters.Length == 0 || parameters.Length > 3
            || parameters[parameters.Length - 1].Type is not INamedTypeSymbol { Name: "TimeProvider", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return false;
        }

        return parameters.Length == 1
            || (parameters[0].Type.SpecialType == SpecialType.System_Int32
                && (parameters.Length == 2 || parameters[1].Type.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IEqualityComparer<T>"));
    }

    private static bool TryGetExplicitlyImplemented(ISymbol member, out ISymbol implemented)
    {
        implemented = member;
        switch (member)
        {
            case IMethodSymbol { ExplicitInterfaceImplementations.Length: > 0 } method:
                implemented = method.ExplicitInterfaceImplementations[0];
                return true;
            case IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 } property:
                implemented = property.ExplicitInterfaceImplementations[0];
                return true;
            default:
                return false;
        }
    }

    private static string MetadataFullName(INamedTypeSymbol type)
    {
        return type.ContainingNamespace.IsGlobalNamespace
            ? type.MetadataName
            : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
    }
}
