using System;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A condition that is true when a value is null: <c>x == null</c>, <c>null == x</c>, <c>x is null</c>. What <c>x</c> must
/// be is the caller's (a member, a local), passed with its state so that no closure is made on these hot paths.
/// </summary>
internal static class NullChecks
{
    public static bool TestsForNull<TState>(IOperation condition, TState state, Func<IOperation, TState, bool> isTested)
    {
        return condition switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals
                => (isTested(equals.LeftOperand, state) && IsNull(equals.RightOperand)) || (isTested(equals.RightOperand, state) && IsNull(equals.LeftOperand)),
            IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } pattern => isTested(pattern.Value, state) && IsNull(value),
            _ => false,
        };
    }

    private static bool IsNull(IOperation operation)
    {
        return operation.WithoutConversions().ConstantValue is { HasValue: true, Value: null };
    }
}
