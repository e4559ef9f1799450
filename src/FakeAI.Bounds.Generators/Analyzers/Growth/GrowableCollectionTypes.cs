using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The collection types that grow with every add, resolved once per compilation: the BCL's lists, queues, stacks,
/// maps and sets, their concurrent, sorted, object-model and immutable-builder relatives, the non-generic ones, and
/// the interfaces a field may be declared as while holding one of them.
/// </summary>
internal sealed class GrowableCollectionTypes
{
    private static readonly (string MetadataName, CollectionKind Kind)[] ConcreteTypes =
    {
        ("System.Collections.Generic.List`1", CollectionKind.List),
        ("System.Collections.Generic.Queue`1", CollectionKind.Queue),
        ("System.Collections.Generic.Stack`1", CollectionKind.Stack),
        ("System.Collections.Generic.LinkedList`1", CollectionKind.LinkedList),
        ("System.Collections.Generic.Dictionary`2", CollectionKind.Dictionary),
        ("System.Collections.Generic.SortedDictionary`2", CollectionKind.Dictionary),
        ("System.Collections.Generic.SortedList`2", CollectionKind.Dictionary),
        ("System.Collections.Generic.HashSet`1", CollectionKind.Set),
        ("System.Collections.Generic.SortedSet`1", CollectionKind.Set),
        ("System.Collections.Generic.PriorityQueue`2", CollectionKind.Other),
        ("System.Collections.Concurrent.ConcurrentDictionary`2", CollectionKind.Dictionary),
        ("System.Collections.Concurrent.ConcurrentQueue`1", CollectionKind.Queue),
        ("System.Collections.Concurrent.ConcurrentStack`1", CollectionKind.Stack),
        ("System.Collections.Concurrent.ConcurrentBag`1", CollectionKind.Other),
        ("System.Collections.ArrayList", CollectionKind.List),
        ("System.Collections.Hashtable", CollectionKind.Dictionary),
        ("System.Collections.Queue", CollectionKind.Queue),
        ("System.Collections.Stack", CollectionKind.Stack),
        ("System.Collections.SortedList", CollectionKind.Dictionary),
        ("System.Collections.ObjectModel.Collection`1", CollectionKind.List),
        ("System.Collections.ObjectModel.ObservableCollection`1", CollectionKind.List),
        ("System.Collections.Immutable.ImmutableList`1+Builder", CollectionKind.List),
        ("System.Collections.Immutable.ImmutableArray`1+Builder", CollectionKind.List),
        ("System.Collections.Immutable.ImmutableDictionary`2+Builder", CollectionKind.Dictionary),
        ("System.Collections.Immutable.ImmutableSortedDictionary`2+Builder", CollectionKind.Dictionary),
        ("System.Collections.Immutable.ImmutableHashSet`1+Builder", CollectionKind.Set),
        ("System.Collections.Immutable.ImmutableSortedSet`1+Builder", CollectionKind.Set),
    };

    // Interfaces through which a field can be added to; a field of one of these counts once it is assigned a growable
    // collection (the instance behind it might as well be a bounded one).
    private static readonly (string MetadataName, CollectionKind Kind)[] InterfaceTypes =
    {
        ("System.Collections.Generic.ICollection`1", CollectionKind.Other),
        ("System.Collections.Generic.IList`1", CollectionKind.List),
        ("System.Collections.Generic.IDictionary`2", CollectionKind.Dictionary),
        ("System.Collections.Generic.ISet`1", CollectionKind.Set),
        ("System.Collections.Concurrent.IProducerConsumerCollection`1", CollectionKind.Other),
        ("System.Collections.IList", CollectionKind.List),
        ("System.Collections.IDictionary", CollectionKind.Dictionary),
    };

    private readonly Dictionary<INamedTypeSymbol, CollectionKind> _concrete = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, CollectionKind> _interfaces = new(SymbolEqualityComparer.Default);

    public GrowableCollectionTypes(Compilation compilation)
    {
        Resolve(compilation, ConcreteTypes, _concrete);
        Resolve(compilation, InterfaceTypes, _interfaces);
    }

    public bool IsEmpty => _concrete.Count == 0;

    /// <summary>A class that is, or derives from, a growable collection (a user's <c>class History : List&lt;T&gt;</c> too).</summary>
    public bool IsGrowableClass(ITypeSymbol? type, out CollectionKind kind)
    {
        // The base chain of a class is short; the depth limit only guards against cycles in broken code.
        int depth = 0;
        for (INamedTypeSymbol? current = type as INamedTypeSymbol; current is not null && depth < 16; current = current.BaseType, depth++)
        {
            if (current.TypeKind == TypeKind.Class && _concrete.TryGetValue(current.OriginalDefinition, out kind))
            {
                return true;
            }
        }

        kind = CollectionKind.Other;
        return false;
    }

    /// <summary>An interface a growable collection can hide behind.</summary>
    public bool IsGrowableInterface(ITypeSymbol? type, out CollectionKind kind)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Interface } named && _interfaces.TryGetValue(named.OriginalDefinition, out kind))
        {
            return true;
        }

        kind = CollectionKind.Other;
        return false;
    }

    /// <summary>Whether a member of this declared type may hold a growable collection.</summary>
    public bool MayHoldGrowable(ITypeSymbol? type) => TryGetKind(type, out _);

    /// <summary>The kind of collection a member of this declared type holds: a growable class's, or an interface's.</summary>
    public bool TryGetKind(ITypeSymbol? type, out CollectionKind kind)
    {
        return IsGrowableClass(type, out kind) || IsGrowableInterface(type, out kind);
    }

    private static void Resolve(
        Compilation compilation,
        (string MetadataName, CollectionKind Kind)[] names,
        Dictionary<INamedTypeSymbol, CollectionKind> into)
    {
        foreach ((string metadataName, CollectionKind kind) in names)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                into[type] = kind;
            }
        }
    }
}
