using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises an operation that only runs under a check of its collection's size: inside an <c>if</c> or a loop whose
/// condition reads the collection's <c>Count</c>, or after an <c>if</c> on its <c>Count</c> that returns, throws or
/// breaks out (<c>if (_active.Count &gt;= Max) throw …;</c>). Such an add is bounded by the check; such a removal is
/// the trim that keeps the collection bounded.
/// </summary>
internal static class SizeGuards
{
    public static bool IsGuarded(IOperation operation, ISymbol member)
    {
        IOperation current = operation;
        for (IOperation? parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when current != conditional.Condition && ReadsSize(conditional.Condition, member):
                case IWhileLoopOperation whileLoop when current != whileLoop.Condition && ReadsSize(whileLoop.Condition, member):
                case IForLoopOperation forLoop when ReadsSize(forLoop.Condition, member):
                    return true;
                case IBlockOperation block when AnEarlierExitChecksSize(block, current, member):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // A lambda runs later, under conditions of its own; a check around its creation proves nothing.
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether the expression reads the size of the member: <c>x.Count</c>, <c>x.Length</c>, <c>x.Count()</c>.</summary>
    public static bool ReadsSize(IOperation? condition, ISymbol member)
    {
        if (condition is null)
        {
            return false;
        }

        foreach (IOperation descendant in condition.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongCount" } sizeProperty
                    when MemberReferences.Refers(sizeProperty.Instance, member):
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Count" or "LongCount", TargetMethod.IsExtensionMethod: true } countCall
                    when countCall.Arguments.Length > 0 && MemberReferences.Refers(countCall.Arguments[0].Value, member):
                    return true;
            }
        }

        return false;
    }

    // `if (x.Count >= Max) return;` (or throw, break, continue) before the statement that holds the operation.
    private static bool AnEarlierExitChecksSize(IBlockOperation block, IOperation statement, ISymbol member)
    {
        foreach (IOperation earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IConditionalOperation { WhenTrue: { } whenTrue } check && Exits(whenTrue) && ReadsSize(check.Condition, member))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IBlockOperation { Operations.Length: > 0 } block:
                    operation = block.Operations[block.Operations.Length - 1];
                    continue;
                case IExpressionStatementOperation statement:
                    operation = statement.Operation;
                    continue;
                case IReturnOperation or IThrowOperation or IBranchOperation:
                    return true;
                default:
                    return false;
            }
        }
    }
}
