using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>Finds an attribute on a symbol by the attribute class the analyzer resolved once per compilation.</summary>
internal static class AttributeLookup
{
    /// <summary>The first application of <paramref name="attributeClass"/> on <paramref name="symbol"/>, or <see langword="null"/>.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attributeClass)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return attribute;
            }
        }

        return null;
    }
}
