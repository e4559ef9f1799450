using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises maps and sets (the caller checks the kind) whose keys come from the program, not from its input: keyed by an enum, a bool, a
/// <see cref="System.Type"/> or a reflection member. Such a collection (the usual per-type reflection cache) holds at
/// most one entry per key the program declares, which a careful reader calls bounded.
/// </summary>
internal static class KeySpaces
{
    public static bool IsFixedByTheProgram(ITypeSymbol collectionType)
    {
        if (collectionType is not INamedTypeSymbol { IsGenericType: true } named || named.TypeArguments.Length == 0)
        {
            return false;
        }

        ITypeSymbol key = named.TypeArguments[0];
        if (key.TypeKind == TypeKind.Enum || key.SpecialType == SpecialType.System_Boolean)
        {
            return true;
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
