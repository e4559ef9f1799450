using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>Recognises the three bounded interfaces by name, without looking anything up in the compilation.</summary>
internal static class BoundedInterfaces
{
    public static bool TryGetKind(INamedTypeSymbol candidate, out BoundedKind kind)
    {
        kind = default;
        if (candidate.ContainingNamespace is not { Name: "Bounds", ContainingNamespace: { Name: "FakeAI", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return false;
        }

        switch (candidate.Name, candidate.Arity)
        {
            case ("IBoundedQueue", 1):
                kind = BoundedKind.Queue;
                return true;
            case ("IBoundedDictionary", 2):
                kind = BoundedKind.Dictionary;
                return true;
            case ("IBoundedSet", 1):
                kind = BoundedKind.Set;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The one bounded interface a type implements, or <see langword="null"/> when it implements none or several (BND103's
    /// case, which leaves nothing to check an entry type against).
    /// </summary>
    public static INamedTypeSymbol? SingleBoundedInterface(INamedTypeSymbol type, out BoundedKind kind)
    {
        kind = default;
        INamedTypeSymbol? boundedInterface = null;
        foreach (INamedTypeSymbol candidate in type.Interfaces)
        {
            if (TryGetKind(candidate.OriginalDefinition, out BoundedKind candidateKind))
            {
                if (boundedInterface is not null)
                {
                    return null;
                }

                kind = candidateKind;
                boundedInterface = candidate;
            }
        }

        return boundedInterface;
    }

    public static string DisplayName(BoundedKind kind) => kind switch
    {
        BoundedKind.Queue => "IBoundedQueue<T>",
        BoundedKind.Dictionary => "IBoundedDictionary<TKey, TValue>",
        _ => "IBoundedSet<T>",
    };
}
