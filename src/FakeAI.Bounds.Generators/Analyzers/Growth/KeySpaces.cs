using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises maps, sets and lists whose entries come from the program, not from its input: keyed by (or holding) an
/// enum, a <c>bool</c>, a <c>byte</c>, a <c>char</c>, a <see cref="System.Type"/>, a reflection member, an assembly or
/// module, a runtime handle, a metrics instrument, meter or activity source, or a tuple of those; and maps whose
/// values are types, members or assemblies (the name-to-type resolver). Such a collection — the usual per-type
/// reflection cache — holds at most one entry per thing the program declares or loads, which a careful reader calls
/// bounded. A non-generic <c>Hashtable</c> says nothing in its type, so its adds are judged by the key passed.
/// </summary>
internal static class KeySpaces
{
    public static bool IsFixedByTheProgram(ITypeSymbol collectionType, CollectionKind kind)
    {
        if (collectionType is not INamedTypeSymbol { IsGenericType: true } named || named.TypeArguments.Length == 0)
        {
            return false;
        }

        return kind switch
        {
            CollectionKind.Dictionary => IsFixedKey(named.TypeArguments[0]) || (named.TypeArguments.Length == 2 && IsProgramElement(named.TypeArguments[1])),
            CollectionKind.Set => IsFixedKey(named.TypeArguments[0]),
            CollectionKind.List => IsProgramElement(named.TypeArguments[0]),
            _ => false,
        };
    }

    /// <summary>Whether the key (or item) an add passes is one the program fixes, read before its conversion to <c>object</c>.</summary>
    public static bool IsFixedKey(IOperation? key)
    {
        while (key is IConversionOperation conversion)
        {
            key = conversion.Operand;
        }

        return key?.Type is { } type && IsFixedKey(type);
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

        return IsProgramElement(key);
    }

    // Types, members, assemblies and the like: one per declaration the program has or loads.
    private static bool IsProgramElement(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            string? ns = current.ContainingNamespace?.ToDisplayString();
            switch (ns)
            {
                case "System" when current.Name is "Type" or "RuntimeTypeHandle" or "RuntimeMethodHandle" or "RuntimeFieldHandle":
                case "System.Reflection" when current.Name is "MemberInfo" or "Assembly" or "Module" or "ParameterInfo":
                case "System.Diagnostics.Metrics" when current.Name is "Instrument" or "Meter":
                case "System.Diagnostics" when current.Name is "ActivitySource" or "DiagnosticListener":
                    return true;
            }
        }

        return false;
    }
}
