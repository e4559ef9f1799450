using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises maps and sets (the caller checks the kind) whose keys come from the program, not from its input:
/// keyed by an enum, a <c>bool</c>, a <c>byte</c>, a <c>char</c>, a <see cref="System.Type"/>, a reflection member,
/// or a tuple of those. Such a collection (the usual per-type reflection cache) holds at most one entry per key the
/// program declares or the key type allows, which a careful reader calls bounded.
/// </summary>
internal static class KeySpaces
{
    public static bool IsFixedByTheProgram(ITypeSymbol collectionType)
    {
        if (collectionType is not INamedTypeSymbol { IsGenericType: true } named || named.TypeArguments.Length == 0)
        {
            return false;
        }

        return IsFixedKey(named.TypeArguments[0]);
    }

    private static bool IsFixedKey(ITypeSymbol key)
    {
        if (key.TypeKind == TypeKind.Enum
            || key.SpecialType is SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char)
        {
            return true;
        }

        if (key is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            foreach (IFieldSymbol element in tuple.TupleElements)
            {
                if (!IsFixedKey(element.Type))
                {
                    return false;
                }
            }

            return tuple.TupleElements.Length > 0;
        }

        for (ITypeSymbol? current = key; current is not null; current = current.BaseType)
        {
            string? ns = current.ContainingNamespace?.ToDisplayString();
            if ((current.Name == "Type" && ns == "System") || (current.Name == "MemberInfo" && ns == "System.Reflection"))
            {
                return true;
            }
        }

        return false;
    }
}
