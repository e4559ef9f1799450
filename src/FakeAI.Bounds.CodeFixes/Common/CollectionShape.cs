using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Analyzers.Growth;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// What the fixes need to know about the type of a collection member: its family, whether it is concurrent or sorted,
/// whether it is an interface (whose family then comes from the collection assigned to it) and its type arguments.
/// </summary>
internal sealed class CollectionShape
{
    private CollectionShape(string metadataName, CollectionKind family, bool isConcurrent, bool isSorted, bool isInterface, ImmutableArray<ITypeSymbol> typeArguments)
    {
        MetadataName = metadataName;
        Family = family;
        IsConcurrent = isConcurrent;
        IsSorted = isSorted;
        IsInterface = isInterface;
        TypeArguments = typeArguments;
    }

    /// <summary>The full metadata name of the generic definition, e.g. <c>System.Collections.Generic.List`1</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The family; for an interface that several families implement (<c>IList&lt;T&gt;</c>), <see cref="CollectionKind.Other"/>.</summary>
    public CollectionKind Family { get; }

    public bool IsConcurrent { get; }

    /// <summary>Enumerates in key order, which a bounded collection (insertion order) does not keep.</summary>
    public bool IsSorted { get; }

    public bool IsInterface { get; }

    public ImmutableArray<ITypeSymbol> TypeArguments { get; }

    /// <summary>The shape of a collection type the fixes know, or <see langword="null"/>.</summary>
    public static CollectionShape? Of(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return null;
        }

        string name = MetadataNameOf(named.OriginalDefinition);
        (CollectionKind Family, bool Concurrent, bool Sorted, bool Interface)? known = name switch
        {
            KnownCollections.List => (CollectionKind.List, false, false, false),
            KnownCollections.Queue => (CollectionKind.Queue, false, false, false),
            KnownCollections.Stack => (CollectionKind.Stack, false, false, false),
            KnownCollections.LinkedList => (CollectionKind.LinkedList, false, false, false),
            KnownCollections.Dictionary => (CollectionKind.Dictionary, false, false, false),
            KnownCollections.SortedDictionary => (CollectionKind.Dictionary, false, true, false),
            KnownCollections.SortedList => (CollectionKind.Dictionary, false, true, false),
            KnownCollections.HashSet => (CollectionKind.Set, false, false, false),
            KnownCollections.SortedSet => (CollectionKind.Set, false, true, false),
            KnownCollections.ConcurrentQueue => (CollectionKind.Queue, true, false, false),
            KnownCollections.ConcurrentDictionary => (CollectionKind.Dictionary, true, false, false),
            KnownCollections.ConcurrentStack => (CollectionKind.Stack, true, false, false),
            KnownCollections.ConcurrentBag => (CollectionKind.Other, true, false, false),
            KnownCollections.IList or KnownCollections.ICollection or KnownCollections.IReadOnlyList
                or KnownCollections.IReadOnlyCollection or KnownCollections.IEnumerable => (CollectionKind.Other, false, false, true),
            KnownCollections.IDictionary or KnownCollections.IReadOnlyDictionary => (CollectionKind.Dictionary, false, false, true),
            KnownCollections.ISet or KnownCollections.IReadOnlySet => (CollectionKind.Set, false, false, true),
            _ => null,
        };

        return known is { } k
            ? new CollectionShape(name, k.Family, k.Concurrent, k.Sorted, k.Interface, named.TypeArguments)
            : null;
    }

    /// <summary>The kind named by the analyzer's <see cref="DiagnosticProperties.CollectionKind"/> property.</summary>
    public static CollectionKind ParseFamily(string? kind)
    {
        return System.Enum.TryParse(kind, out CollectionKind parsed) ? parsed : CollectionKind.Other;
    }

    /// <summary><c>Namespace.Name`Arity</c>, the form <see cref="KnownCollections"/> spells.</summary>
    public static string MetadataNameOf(INamedTypeSymbol type)
    {
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? ns.ToDisplayString() + "." + type.MetadataName
            : type.MetadataName;
    }
}

/// <summary>Metadata names of the BCL collections the fixes rewrite.</summary>
internal static class KnownCollections
{
    public const string List = "System.Collections.Generic.List`1";
    public const string Queue = "System.Collections.Generic.Queue`1";
    public const string Stack = "System.Collections.Generic.Stack`1";
    public const string LinkedList = "System.Collections.Generic.LinkedList`1";
    public const string Dictionary = "System.Collections.Generic.Dictionary`2";
    public const string SortedDictionary = "System.Collections.Generic.SortedDictionary`2";
    public const string SortedList = "System.Collections.Generic.SortedList`2";
    public const string HashSet = "System.Collections.Generic.HashSet`1";
    public const string SortedSet = "System.Collections.Generic.SortedSet`1";
    public const string ConcurrentQueue = "System.Collections.Concurrent.ConcurrentQueue`1";
    public const string ConcurrentDictionary = "System.Collections.Concurrent.ConcurrentDictionary`2";
    public const string ConcurrentStack = "System.Collections.Concurrent.ConcurrentStack`1";
    public const string ConcurrentBag = "System.Collections.Concurrent.ConcurrentBag`1";
    public const string IList = "System.Collections.Generic.IList`1";
    public const string ICollection = "System.Collections.Generic.ICollection`1";
    public const string IReadOnlyList = "System.Collections.Generic.IReadOnlyList`1";
    public const string IReadOnlyCollection = "System.Collections.Generic.IReadOnlyCollection`1";
    public const string IEnumerable = "System.Collections.Generic.IEnumerable`1";
    public const string IDictionary = "System.Collections.Generic.IDictionary`2";
    public const string IReadOnlyDictionary = "System.Collections.Generic.IReadOnlyDictionary`2";
    public const string ISet = "System.Collections.Generic.ISet`1";
    public const string IReadOnlySet = "System.Collections.Generic.IReadOnlySet`1";
}
