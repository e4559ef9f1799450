using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Ages;

/// <summary>
/// Recognises the predicate of an age sweep: one that removes the entries whose own time stamp is older than now minus
/// a window. Written as <c>e =&gt; e.At &lt; DateTime.UtcNow - window</c>, <c>e =&gt; e.At &lt; cutoff</c> with a cutoff
/// of <c>now - window</c> or <c>now.AddMinutes(-5)</c>, <c>e =&gt; now - e.At &gt; window</c>, or
/// <c>e =&gt; (now - e.At).TotalSeconds &gt; 300</c>; the mirrored comparisons too. A comparison the other way round
/// keeps the old entries and removes the new ones, which is no age sweep.
/// </summary>
internal static class AgeSweeps
{
    public static bool TryRead(IAnonymousFunctionOperation predicate, out AgeWindow window)
    {
        window = default;
        if (Returned(predicate) is not IBinaryOperation comparison)
        {
            return false;
        }

        // Read as `smaller < larger`.
        (IOperation? smaller, IOperation? larger) = comparison.OperatorKind switch
        {
            BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => (comparison.LeftOperand, comparison.RightOperand),
            BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => (comparison.RightOperand, comparison.LeftOperand),
            _ => ((IOperation?)null, (IOperation?)null),
        };
        if (smaller is null || larger is null)
        {
            return false;
        }

        IMethodSymbol sweep = predicate.Symbol;

        // e.At < now - window
        if (IsEntryStamp(smaller, sweep) && Cutoff(larger, sweep, depth: 1) is { } cutoff)
        {
            window = cutoff;
            return true;
        }

        // window < now - e.At
        if (Clocks.IsTimeSpan(smaller.Type) && !Clocks.ReadsParameter(smaller, sweep) && IsAgeOfEntry(larger, sweep))
        {
            window = AgeWindows.OfTimeSpan(smaller);
            return true;
        }

        // 300 < (now - e.At).TotalSeconds
        if (larger.WithoutConversions() is IPropertyReferenceOperation { Property.Name: var total, Instance: { } age }
            && total.StartsWith("Total", System.StringComparison.Ordinal)
            && IsAgeOfEntry(age, sweep)
            && !Clocks.ReadsParameter(smaller, sweep))
        {
            window = AgeWindows.OfTotal(total, smaller);
            return true;
        }

        return false;
    }

    // An expression-bodied lambda, or a block of one return statement.
    private static IOperation? Returned(IAnonymousFunctionOperation predicate)
    {
        return predicate.Body.Operations.Length == 1 && predicate.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value }
            ? value.WithoutConversions()
            : null;
    }

    // A point in time read from the entry (its key or value): e.At, v.LastSeen.
    private static bool IsEntryStamp(IOperation operation, IMethodSymbol sweep)
    {
        return Clocks.IsPointInTime(operation.WithoutConversions().Type) && Clocks.ReadsParameter(operation, sweep);
    }

    // A point in time not read from the entry (the clock, a field holding it) and the entry's time stamp subtracted.
    private static bool IsAgeOfEntry(IOperation operation, IMethodSymbol sweep)
    {
        return operation.WithoutConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference
            && Clocks.IsTimeSpan(difference.Type)
            && Clocks.IsPointInTime(difference.LeftOperand.WithoutConversions().Type)
            && !Clocks.ReadsParameter(difference.LeftOperand, sweep)
            && IsEntryStamp(difference.RightOperand, sweep);
    }

    // now - window, now.AddMinutes(-5), or a local or read-only field initialized with one of those.
    private static AgeWindow? Cutoff(IOperation operation, IMethodSymbol sweep, int depth)
    {
        IOperation value = operation.WithoutConversions();
        if (!Clocks.IsPointInTime(value.Type) || Clocks.ReadsParameter(value, sweep))
        {
            return null;
        }

        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference when Clocks.IsTimeSpan(difference.RightOperand.WithoutConversions().Type):
                return AgeWindows.OfTimeSpan(difference.RightOperand);
            case IInvocationOperation add when AgeWindows.IsUnitAdd(add):
                return AgeWindows.OfAdd(add);
            case ILocalReferenceOperation { Local: var local } when depth > 0:
                return AgeWindows.Initializer(local, value) is { } initializer ? Cutoff(initializer, sweep, depth - 1) : null;
            default:
                return null;
        }
    }
}
