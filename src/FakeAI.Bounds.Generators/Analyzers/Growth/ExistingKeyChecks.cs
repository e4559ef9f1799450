using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises <c>map[key] = value</c> that can only update a key the map already holds: inside
/// <c>if (map.TryGetValue(key, out …))</c> or <c>if (map.ContainsKey(key))</c>, or after
/// <c>if (!map.TryGetValue(key, out …)) return;</c> (<see cref="KeyLookups"/>). Such a write replaces a value; it adds
/// no entry. The check must be of the same map (the same member of the same object) and of the same key (the same
/// local, parameter or constant, or the same expression): a key found in another object's map, or another key checked,
/// says nothing about this write.
/// </summary>
internal static class ExistingKeyChecks
{
    /// <param name="write">The assignment.</param>
    /// <param name="map">The map written: the indexer's receiver.</param>
    /// <param name="key">The key written.</param>
    public static bool OnlyUpdates(IOperation write, IOperation map, IOperation key)
    {
        return KeyLookups.Guarding(
            write,
            (Map: map, Key: key),
            static (written, receiver, looked) => SameCollection(receiver, written.Map) && KeyLookups.SameValue(looked, written.Key)) is not null;
    }

    // The same member read on the same object: this one (or a static member), or the same local or parameter.
    private static bool SameCollection(IOperation checkedMap, IOperation writtenMap)
    {
        return MemberReferences.Referenced(checkedMap) is { } member
            && SymbolEqualityComparer.Default.Equals(member, MemberReferences.Referenced(writtenMap))
            && SameInstance(MemberReferences.Receiver(checkedMap), MemberReferences.Receiver(writtenMap));
    }

    private static bool SameInstance(IOperation? first, IOperation? second)
    {
        bool firstIsThis = first is null or IInstanceReferenceOperation;
        bool secondIsThis = second is null or IInstanceReferenceOperation;
        return firstIsThis || secondIsThis ? firstIsThis && secondIsThis : KeyLookups.SameValue(first!, second!);
    }
}
