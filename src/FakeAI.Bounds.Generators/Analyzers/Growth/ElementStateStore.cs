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
        // The ordinal-first holder, so that the message does not depend on the order types were analyzed in.
        _heldBy.AddOrUpdate(elementType, holder, (_, existing) => string.CompareOrdinal(holder, existing) < 0 ? holder : existing);
    }

    public void Record(ISymbol member, CollectionKind kind, GrowthEvent growthEvent)
    {
        if (!_members.TryGetValue(member, out ElementMember? facts))
        {
            facts = _members.GetOrAdd(member, new ElementMember(member, kind));
        }

        facts.Record(growthEvent);
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
