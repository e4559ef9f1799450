using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises <c>map[key] = value</c> that can only update a key the map already holds: inside
/// <c>if (map.TryGetValue(key, out …))</c> or <c>if (map.ContainsKey(key))</c>, or after
/// <c>if (!map.TryGetValue(key, out …)) return;</c>. Such a write replaces a value; it adds no entry.
/// </summary>
internal static class ExistingKeyChecks
{
    public static bool OnlyUpdates(IOperation write, ISymbol member)
    {
        IOperation current = write;
        for (IOperation? parent = write.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when current == conditional.WhenTrue && ChecksKey(conditional.Condition, member):
                    return true;
                case IBlockOperation block when AnEarlierExitChecksMissingKey(block, current, member):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    // map.TryGetValue(key, out v), map.ContainsKey(key), or either as an operand of &&.
    private static bool ChecksKey(IOperation condition, ISymbol member)
    {
        switch (condition)
        {
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey" } lookup:
                return MemberReferences.Refers(lookup.Instance, member);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return ChecksKey(both.LeftOperand, member) || ChecksKey(both.RightOperand, member);
            case IConversionOperation conversion:
                return ChecksKey(conversion.Operand, member);
            default:
                return false;
        }
    }

    // `if (!map.TryGetValue(key, out v)) return;` before the write.
    private static bool AnEarlierExitChecksMissingKey(IBlockOperation block, IOperation statement, ISymbol member)
    {
        return SizeGuards.AnEarlierExit(
            block,
            statement,
            condition => condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } missing && ChecksKey(missing.Operand, member));
    }
}
