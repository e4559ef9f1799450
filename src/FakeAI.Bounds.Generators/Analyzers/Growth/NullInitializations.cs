using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A collection created on first use: <c>if (_timers == null) { _timers = new HashSet&lt;T&gt;(); }</c> before an add.
/// The assignment runs only while the member is null, so it empties nothing; read as a swap to a new collection, it
/// would count as a clear on the add path and hide every add of the method.
/// </summary>
internal static class NullInitializations
{
    // Only the conditionals that enclose the assignment are read, up to the enclosing lambda or local function.
    public static bool RunsOnlyWhenNull(IOperation assignment, ISymbol member)
    {
        IOperation current = assignment;
        for (IOperation? parent = assignment.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (parent is IConditionalOperation conditional && conditional.WhenTrue == current && TestsForNull(conditional.Condition, member))
            {
                return true;
            }
        }

        return false;
    }

    // `member == null`, `null == member`, `member is null`.
    private static bool TestsForNull(IOperation condition, ISymbol member)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return (MemberReferences.Refers(equals.LeftOperand, member) && IsNull(equals.RightOperand))
                    || (MemberReferences.Refers(equals.RightOperand, member) && IsNull(equals.LeftOperand));
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } pattern:
                return MemberReferences.Refers(pattern.Value, member) && IsNull(value);
            default:
                return false;
        }
    }

    private static bool IsNull(IOperation operation)
    {
        return operation.WithoutConversions().ConstantValue is { HasValue: true, Value: null };
    }
}
