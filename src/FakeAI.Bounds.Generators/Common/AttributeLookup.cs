using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    /// <summary>
    /// The first of the named arguments <paramref name="names"/> written in the attribute's syntax, or <see langword="null"/>.
    /// The compiler drops a named argument it cannot evaluate from <see cref="AttributeData.NamedArguments"/>; the syntax
    /// still shows that the user wrote one, so that a reader can say it is not a constant.
    /// </summary>
    public static string? WrittenNamedArgument(AttributeData attribute, params string[] names)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        foreach (AttributeArgumentSyntax argument in arguments.Arguments)
        {
            string? name = argument.NameEquals?.Name.Identifier.ValueText;
            if (name is not null && System.Array.IndexOf(names, name) >= 0)
            {
                return name;
            }
        }

        return null;
    }
}
