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
    /// <summary>
    /// Whether <paramref name="invocation"/> is a <c>TryUpdate(key, newValue, comparisonValue)</c> of a map whose values
    /// are of a reference type, with <c>null</c> (or <c>default</c>) as the new value, however the arguments are
    /// named or ordered. A value type's value, nullable or not, is not read this way: a counter reset to zero, or a
    /// nullable number set to no value, still stands for the key.
    /// </summary>
    public static bool IsClear(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: "TryUpdate", IsStatic: false, Parameters.Length: 3 } method
            || invocation.Arguments.Length != 3
            || !method.Parameters[1].Type.IsReferenceType)
        {
            return false;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 1)
            {
                // The converted value: `null` and `default` become a constant null of the value type.
                return argument.Value.ConstantValue is { HasValue: true, Value: null };
            }
        }

        return false;
    }
}
