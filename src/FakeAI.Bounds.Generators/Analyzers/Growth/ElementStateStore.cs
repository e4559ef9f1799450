using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// What the compilation does to the collections inside ordinary (non-tracker) types, and which of those types
/// trackers keep in their collections. A <c>StreamState</c>'s token list is added to from the tracker's code, not
/// its own, so these facts are gathered from every type and joined once the whole compilation is analyzed (BND006).
/// </summary>
internal sealed class ElementStateStore
{
    private readonly ConcurrentDictionary<ISymbol, ElementMember> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, string> _heldBy = new(SymbolEqualityComparer.Default);

    /// <summary>A tracker keeps instances of <paramref name="elementType"/> in <paramref name="holder"/> (<c>Tracker.member</c>).</summary>
    public void RecordHeld(INamedTypeSymbol elementType, string holder)
    {
        _heldBy.TryAdd(elementType, holder);
    }

    public void Record(ISymbol member, CollectionKind kind, GrowthEvent growthEvent, string methodDisplay)
    {
        if (!_members.TryGetValue(member, out ElementMember? facts))
        {
            facts = _members.GetOrAdd(member, new ElementMember(member, kind));
        }

        facts.Record(growthEvent, methodDisplay);
    }

    /// <summary>The unbounded collections inside types that trackers hold, each with the tracker member that holds it.</summary>
    public IEnumerable<(ElementMember Member, string Holder)> UnboundedHeldMembers()
    {
        foreach (KeyValuePair<ISymbol, ElementMember> entry in _members)
        {
            if (entry.Value.IsUnbounded
                && entry.Key.ContainingType is { } elementType
                && _heldBy.TryGetValue(elementType.OriginalDefinition, out string? holder))
            {
                yield return (entry.Value, holder);
            }
        }
    }
}

/// <summary>The size facts of one collection inside an element type.</summary>
internal sealed class ElementMember
{
    private readonly object _gate = new();
    private bool _hasBoundingRemoval;

    public ElementMember(ISymbol symbol, CollectionKind kind)
    {
        Symbol = symbol;
        Kind = kind;
    }

    public ISymbol Symbol { get; }

    public CollectionKind Kind { get; }

    /// <summary>The earliest add in source order that no size check guards: the method (as <c>Type.Method</c>) and where.</summary>
    public (string Method, Location Location)? UnguardedAdd { get; private set; }

    public bool IsUnbounded
    {
        get
        {
            lock (_gate)
            {
                return UnguardedAdd is not null && !_hasBoundingRemoval;
            }
        }
    }

    public void Record(GrowthEvent growthEvent, string methodDisplay)
    {
        lock (_gate)
        {
            if (growthEvent.Kind == GrowthEventKind.Grow)
            {
                // The earliest in source order, so that the message does not depend on the order callbacks ran in.
                if (!growthEvent.Guarded && (UnguardedAdd is null || SourceOrder.Precedes(growthEvent.Location, UnguardedAdd.Value.Location)))
                {
                    UnguardedAdd = (methodDisplay, growthEvent.Location);
                }
            }
            else if (growthEvent.Bounds || growthEvent.Scheduled)
            {
                _hasBoundingRemoval = true;
            }
        }
    }
}
