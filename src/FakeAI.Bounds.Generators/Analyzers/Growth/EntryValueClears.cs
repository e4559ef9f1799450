using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A map's entry whose value is swapped for null and kept: <c>_metrics.TryUpdate(identity, null, metric)</c>. The
/// compare-and-swap says the value the entry held has ended (only that value is replaced), and the key stays for
/// good (BND009). An indexer write of null is not one: caching "not found" as null is a common, bounded pattern.
/// </summary>
internal static class EntryValueClears
{
    /// <summary>Whether <paramref name="invocation"/> is a <c>TryUpdate(key, newValue, comparisonValue)</c> whose new value is null.</summary>
    public static bool IsClear(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: "TryUpdate", IsStatic: false, Parameters.Length: 3 } || invocation.Arguments.Length != 3)
        {
            return false;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 1)
            {
                return IsNullOrDefault(argument.Value);
            }
        }

        return false;
    }

    // `null`, or `default` of a reference type; a value type's default (a counter reset to 0) still stands for something.
    private static bool IsNullOrDefault(IOperation value)
    {
        return value.WithoutConversions().ConstantValue is { HasValue: true, Value: null };
    }
}
