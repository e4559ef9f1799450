using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>Finds the field or property an expression reads, through conversions and parentheses.</summary>
internal static class MemberReferences
{
    /// <summary>The field or non-indexer property <paramref name="operation"/> reads, or <see langword="null"/>.</summary>
    public static ISymbol? Referenced(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IFieldReferenceOperation field:
                    return field.Field.OriginalDefinition;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    return property.Property.OriginalDefinition;
                default:
                    return null;
            }
        }
    }

    public static bool Refers(IOperation? operation, ISymbol member)
    {
        return SymbolEqualityComparer.Default.Equals(Referenced(operation), member);
    }
}
