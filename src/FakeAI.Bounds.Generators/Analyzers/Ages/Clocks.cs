using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Ages;

/// <summary>The points in time an age sweep compares: <c>DateTime</c> and <c>DateTimeOffset</c> values.</summary>
internal static class Clocks
{
    public static bool IsPointInTime(ITypeSymbol? type)
    {
        return type is { Name: "DateTime" or "DateTimeOffset" } && type.ContainingNamespace?.ToDisplayString() == "System";
    }

    public static bool IsTimeSpan(ITypeSymbol? type)
    {
        return type is { Name: "TimeSpan" } && type.ContainingNamespace?.ToDisplayString() == "System";
    }

    /// <summary>Whether <paramref name="operation"/> reads one of the sweep's parameters (the entry, its key or value).</summary>
    public static bool ReadsParameter(IOperation operation, IMethodSymbol sweep)
    {
        foreach (IOperation descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, sweep))
            {
                return true;
            }
        }

        return false;
    }
}
