using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>What a type is by its base classes and interfaces, for the rules that ask.</summary>
internal static class TypeHierarchy
{
    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it (generic definitions compared).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> implements <see cref="System.Collections.IEnumerable"/>.</summary>
    public static bool ImplementsEnumerable(ITypeSymbol type)
    {
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return true;
            }
        }

        return false;
    }
}
