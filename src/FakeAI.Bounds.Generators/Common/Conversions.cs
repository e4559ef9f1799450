using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>Looks through the implicit and explicit conversions the compiler wraps around a value.</summary>
internal static class Conversions
{
    /// <summary>The value under every conversion: the <c>Type</c> passed where an <c>object</c> key is expected.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
