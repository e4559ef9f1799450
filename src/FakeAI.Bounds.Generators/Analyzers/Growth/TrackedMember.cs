using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A long-lived collection field or auto-property (of a tracker, or static) and everything its type's code does to
/// it. Filled concurrently by operation callbacks; read once at the end of the type.
/// </summary>
internal sealed class TrackedMember
{
    private readonly object _gate = new();
    private readonly List<GrowthEvent> _events = new();
    private readonly List<string> _escapes = new();

    public TrackedMember(ISymbol symbol, ITypeSymbol declaredType, CollectionKind kind, bool declaredGrowable)
    {
        Symbol = symbol;
        DeclaredType = declaredType;
        Kind = kind;
        HoldsGrowable = declaredGrowable;
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol DeclaredType { get; }

    public CollectionKind Kind { get; private set; }

    /// <summary>Declared as a growable class, or declared as an interface and assigned one.</summary>
    public bool HoldsGrowable { get; private set; }

    /// <summary>The constant capacity argument of the collection it is created with, if any.</summary>
    public int? Capacity { get; private set; }

    /// <summary>The capacity argument as the message shows it: the constant, or the expression (<c>maxBatches</c>).</summary>
    public string? CapacityText { get; private set; }

    /// <summary>The display of the growable type it is created as (for the capacity message).</summary>
    public string? CreatedTypeName { get; private set; }

    public void Record(GrowthEvent growthEvent)
    {
        lock (_gate)
        {
            _events.Add(growthEvent);
        }
    }

    /// <summary>The member is handed to a method that can change it (<paramref name="where"/> names it for messages).</summary>
    public void RecordEscape(string where)
    {
        lock (_gate)
        {
            _escapes.Add(where);
        }
    }

    /// <summary>The collection the member is created with, in its initializer or a constructor.</summary>
    public void RecordCreation(ITypeSymbol? createdType, CollectionKind createdKind, int? capacity, string? capacityText)
    {
        lock (_gate)
        {
            if (createdType is not null)
            {
                HoldsGrowable = true;
                CreatedTypeName ??= createdType.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                if (Kind == CollectionKind.Other)
                {
                    Kind = createdKind;
                }
            }

            if (capacityText is not null && CapacityText is null)
            {
                Capacity = capacity;
                CapacityText = capacityText;
            }
        }
    }

    public (GrowthEvent[] Events, string[] Escapes) Snapshot()
    {
        lock (_gate)
        {
            return (_events.ToArray(), _escapes.ToArray());
        }
    }
}
