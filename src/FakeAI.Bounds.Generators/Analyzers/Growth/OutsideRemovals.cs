using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The static collections of the compilation that code in another type takes entries out of (by key, in a sweep, or
/// from an end), outside its constructors: a
/// provider's <c>Dispose</c> that removes its own entry from a registry an extension class keeps, a nested helper that
/// sweeps its outer class's cache. A reassignment or a Clear there is not one: an initialization at startup or a reset
/// bounds no more than it would in the collection's own type. Such a removal is the collection's lifecycle as much as one in its own class, but
/// the class's analysis does not see it, so a static member that other types can reach is judged once the compilation
/// is done (<see cref="TypeGrowthAnalysis"/>). Facts arrive from every type's callbacks concurrently.
/// </summary>
internal sealed class OutsideRemovals
{
    private readonly ConcurrentDictionary<ISymbol, byte> _removed = new(SymbolEqualityComparer.Default);

    /// <summary>Whether code outside <paramref name="member"/>'s own type could change it: it is not private, or its type has nested types.</summary>
    public static bool CanBeReachedFromOtherTypes(ISymbol member)
    {
        return member.DeclaredAccessibility != Accessibility.Private
            || (member.ContainingType is { } owner && owner.GetTypeMembers().Length > 0);
    }

    /// <summary>Code of <paramref name="type"/> removes from <paramref name="member"/>; recorded when the member is another type's static.</summary>
    public void Record(ISymbol member, INamedTypeSymbol type)
    {
        if (member.IsStatic && !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type.OriginalDefinition))
        {
            _removed.TryAdd(member.OriginalDefinition, 0);
        }
    }

    /// <summary>Whether another type removes from <paramref name="member"/>. Complete only once the compilation is done.</summary>
    public bool Any(ISymbol member) => _removed.ContainsKey(member.OriginalDefinition);
}
