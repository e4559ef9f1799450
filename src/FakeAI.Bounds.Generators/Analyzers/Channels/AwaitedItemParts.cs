using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Channels;

/// <summary>
/// Finds what in a channel's item type a producer or caller waits on or expects to run, so that dropping the item
/// silently leaves it hanging. That is the item type itself, or one of its instance fields or properties (its own or
/// inherited; a tuple's elements count as fields), one level deep, whose type is:
/// <list type="bullet">
/// <item><c>TaskCompletionSource</c> or <c>TaskCompletionSource&lt;T&gt;</c> (or a class derived from them): the
/// acknowledgement a writer awaits, as in an "acknowledged kill request";</item>
/// <item><c>ManualResetValueTaskSourceCore&lt;T&gt;</c>, or a type that is or implements <c>IValueTaskSource</c> or
/// <c>IValueTaskSource&lt;T&gt;</c>: the same promise, pooled, behind a <c>ValueTask</c>;</item>
/// <item>a delegate: a reply callback, or a work item that would never run.</item>
/// </list>
/// Left out on purpose: a <c>CancellationTokenSource</c> or <c>CancellationToken</c>, which lets a consumer stop the
/// item's work, and nobody blocks until it is cancelled, so losing it with the item leaves nobody waiting; a
/// <c>Task</c>, which the item only observes (whoever completes it is elsewhere); and completions nested deeper (a list
/// of them, a member of a member), which would turn one cheap look at the item into a walk of its whole object graph.
/// </summary>
internal sealed class AwaitedItemParts
{
    private readonly INamedTypeSymbol? _taskCompletionSource;
    private readonly INamedTypeSymbol? _taskCompletionSourceOfT;
    private readonly INamedTypeSymbol? _valueTaskSourceCore;
    private readonly INamedTypeSymbol? _valueTaskSource;
    private readonly INamedTypeSymbol? _valueTaskSourceOfT;

    public AwaitedItemParts(Compilation compilation)
    {
        // Any of them may be missing: the non-generic TaskCompletionSource is .NET 5 and later, the value-task sources
        // need System.Threading.Tasks.Extensions on .NET Standard.
        _taskCompletionSource = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource");
        _taskCompletionSourceOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource`1");
        _valueTaskSourceCore = compilation.GetTypeByMetadataName("System.Threading.Tasks.Sources.ManualResetValueTaskSourceCore`1");
        _valueTaskSource = compilation.GetTypeByMetadataName("System.Threading.Tasks.Sources.IValueTaskSource");
        _valueTaskSourceOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Sources.IValueTaskSource`1");
    }

    /// <summary>The first part of <paramref name="itemType"/> somebody waits on, in declaration order; null when the item is plain data.</summary>
    public AwaitedPart? Find(ITypeSymbol itemType)
    {
        foreach (AwaitedPart part in FindAll(itemType))
        {
            return part;
        }

        return null;
    }

    /// <summary>
    /// Every part of <paramref name="itemType"/> somebody waits on, in declaration order (the item itself when it is
    /// one); empty when the item is plain data. Lazy, so that <see cref="Find"/> stops at the first.
    /// </summary>
    public IEnumerable<AwaitedPart> FindAll(ITypeSymbol itemType)
    {
        ITypeSymbol item = WithoutNullable(itemType);
        if (KindOf(item) is { } itself)
        {
            yield return new AwaitedPart(null, item, itself);
            yield break;
        }

        // Type parameters, arrays and types that do not resolve say nothing about their members.
        if (item is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named)
        {
            yield break;
        }

        if (named.IsTupleType)
        {
            foreach (IFieldSymbol element in named.TupleElements)
            {
                if (KindOf(element.Type) is { } kind)
                {
                    yield return new AwaitedPart(element.Name, element.Type, kind);
                }
            }

            yield break;
        }

        foreach (INamedTypeSymbol declaring in SelfAndInherited(named))
        {
            foreach (ISymbol member in declaring.GetMembers())
            {
                ITypeSymbol? type = member switch
                {
                    // Backing fields and explicit interface implementations cannot be referenced by name; their
                    // properties, or the interface's own member, are what the item shows.
                    IFieldSymbol { IsStatic: false, CanBeReferencedByName: true } field => field.Type,
                    IPropertySymbol { IsStatic: false, IsIndexer: false, CanBeReferencedByName: true } property => property.Type,
                    _ => null,
                };
                if (type is not null && KindOf(type) is { } kind)
                {
                    yield return new AwaitedPart(member.Name, type, kind);
                }
            }
        }
    }

    private AwaitedPartKind? KindOf(ITypeSymbol declaredType)
    {
        ITypeSymbol type = WithoutNullable(declaredType);
        if (type.TypeKind == TypeKind.Delegate)
        {
            return AwaitedPartKind.Delegate;
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named)
        {
            return null;
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.BaseType)
        {
            INamedTypeSymbol definition = current.OriginalDefinition;
            if (Is(definition, _taskCompletionSource) || Is(definition, _taskCompletionSourceOfT) || Is(definition, _valueTaskSourceCore))
            {
                return AwaitedPartKind.Completion;
            }
        }

        if (IsValueTaskSource(named))
        {
            return AwaitedPartKind.Completion;
        }

        foreach (INamedTypeSymbol implemented in named.AllInterfaces)
        {
            if (IsValueTaskSource(implemented))
            {
                return AwaitedPartKind.Completion;
            }
        }

        return null;
    }

    private bool IsValueTaskSource(INamedTypeSymbol type)
    {
        INamedTypeSymbol definition = type.OriginalDefinition;
        return Is(definition, _valueTaskSource) || Is(definition, _valueTaskSourceOfT);
    }

    // The item's own members, then those it inherits: from base classes (not object or ValueType, which carry
    // nothing), or, for an interface, from the interfaces it extends.
    private static IEnumerable<INamedTypeSymbol> SelfAndInherited(INamedTypeSymbol type)
    {
        yield return type;
        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (INamedTypeSymbol extended in type.AllInterfaces)
            {
                yield return extended;
            }

            yield break;
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            yield return current;
        }
    }

    private static ITypeSymbol WithoutNullable(ITypeSymbol type)
    {
        return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;
    }

    private static bool Is(INamedTypeSymbol definition, INamedTypeSymbol? known)
    {
        return known is not null && SymbolEqualityComparer.Default.Equals(definition, known);
    }
}
