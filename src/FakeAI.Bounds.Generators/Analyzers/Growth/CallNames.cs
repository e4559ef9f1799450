using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The methods a call can name to run a given method of a type: the method itself, the base methods it overrides, and
/// the interface members it implements (a caller holding the abstraction names those; the object is this one). Facts
/// recorded per call target are looked up through these.
/// </summary>
internal static class CallNames
{
    public static IEnumerable<ISymbol> Of(IMethodSymbol method)
    {
        for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
        {
            yield return current.OriginalDefinition;
        }

        if (method.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            foreach (ISymbol member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                {
                    yield return member.OriginalDefinition;
                }
            }
        }
    }
}
