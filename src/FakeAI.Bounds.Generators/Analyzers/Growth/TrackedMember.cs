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
    private readonly List<GrowthEscape> _escapes = new();
    private readonly List<EntryAccess> _accesses = new();
    private CollectionKind _kind;
    private Location? _creationLocation;

    public TrackedMember(ISymbol symbol, ITypeSymbol declaredType, CollectionKind kind, bool declaredGrowable)
    {
        Symbol = symbol;
        DeclaredType = declaredType;
        _kind = kind;
        HoldsGrowable = declaredGrowable;
        DeclaredGrowable = declaredGrowable;
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol DeclaredType { get; }

    public CollectionKind Kind
    {
        get
        {
            lock (_gate)
            {
                return _kind;
            }
        }
    }

    /// <summary>Declared as a growable class, or declared as an interface and assigned one.</summary>
    public bool HoldsGrowable { get; private set; }

    /// <summary>
    /// Assigned, while the object is built, a collection it did not make (a constructor's parameter, another object's
    /// member): whoever made it may change it.
    /// </summary>
    public bool GivenFromOutside { get; private set; }

    /// <summary>Created with <c>new</c> by its own type, in its initializer or a constructor, and never given another collection there.</summary>
    public bool MadeByItsType => CreatedTypeName is not null && !GivenFromOutside;

    /// <summary>Declared as a growable class (not as an interface that may hold anything).</summary>
    public bool DeclaredGrowable { get; }

    /// <summary>The constant capacity argument of the collection it is created with, if any.</summary>
    public int? Capacity { get; private set; }

    /// <summary>The capacity argument as the message shows it: the constant, or the expression (<c>maxBatches</c>).</summary>
    public string? CapacityText { get; private set; }

    /// <summary>The display of the growable type it is created as (for the capacity message).</summary>
    public string? CreatedTypeName { get; private set; }

    /// <summary>
    /// The key comparer it is created with, as written (<c>StringComparer.OrdinalIgnoreCase</c>), or
    /// <see langword="null"/> for the key type's own equality.
    /// </summary>
    public string? ComparerText { get; private set; }

    public void AddEvent(GrowthEvent growthEvent)
    {
        lock (_gate)
        {
            _events.Add(growthEvent);
        }
    }

    /// <summary>The member is handed to a method that can change it.</summary>
    public void AddEscape(GrowthEscape escape)
    {
        lock (_gate)
        {
            _escapes.Add(escape);
        }
    }

    /// <summary>
    /// One of the member's entries is read by its key or emptied, and left in (BND009 asks where an operation's entry is
    /// looked up, and whether entries are emptied).
    /// </summary>
    public void AddAccess(EntryAccess access)
    {
        lock (_gate)
        {
            _accesses.Add(access);
        }
    }

    public EntryAccess[] Accesses()
    {
        lock (_gate)
        {
            return _accesses.ToArray();
        }
    }

    /// <summary>
    /// The collection the member is created with, in its initializer or a constructor. With several, the first in
    /// source order wins, so that the message and the fix's bound do not depend on the order callbacks ran in.
    /// </summary>
    /// <param name="made">Whether the value is a collection the type makes with <c>new</c>, not one it is given.</param>
    public void RecordCreation(ITypeSymbol createdType, CollectionKind createdKind, int? capacity, string? capacityText, string? comparerText, Location location, bool made)
    {
        lock (_gate)
        {
            HoldsGrowable = true;
            GivenFromOutside |= !made;
            if (_creationLocation is not null && !SourceOrder.Precedes(location, _creationLocation))
            {
                return;
            }

            _creationLocation = location;
            CreatedTypeName = createdType.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            if (!DeclaredGrowable)
            {
                _kind = createdKind;
            }

            Capacity = capacity;
            CapacityText = capacityText;
            ComparerText = comparerText;
        }
    }

    public (GrowthEvent[] Events, GrowthEscape[] Escapes) Snapshot()
    {
        lock (_gate)
        {
            return (_events.ToArray(), _escapes.ToArray());
        }
    }
}
