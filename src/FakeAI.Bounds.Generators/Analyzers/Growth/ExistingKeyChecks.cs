using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises <c>map[key] = value</c> that can only update a key the map already holds: inside
/// <c>if (map.TryGetValue(key, out …))</c> or <c>if (map.ContainsKey(key))</c>, or after
/// <c>if (!map.TryGetValue(key, out …)) return;</c>. Such a write replaces a value; it adds no entry. The check must be
/// of the same map (the same member of the same object) and of the same key (the same local, parameter or constant, or
/// the same expression): a key found in another object's map, or another key checked, says nothing about this write.
/// </summary>
internal static class ExistingKeyChecks
{
    /// <param name="write">The assignment.</param>
    /// <param name="map">The map written: the indexer's receiver.</param>
    /// <param name="key">The key written.</param>
    public static bool OnlyUpdates(IOperation write, IOperation map, IOperation key)
    {
        IOperation current = write;
        for (IOperation? parent = write.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when current == conditional.WhenTrue && ChecksKey(conditional.Condition, map, key):
                    return true;
                case IBlockOperation block when AnEarlierExitChecksMissingKey(block, current, map, key):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    // map.TryGetValue(key, out v), map.ContainsKey(key), or either as an operand of &&.
    private static bool ChecksKey(IOperation condition, IOperation map, IOperation key)
    {
        switch (condition)
        {
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey", Instance: { } receiver, Arguments.Length: > 0 } lookup:
                return SameCollection(receiver, map) && SameValue(lookup.Arguments[0].Value, key);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return ChecksKey(both.LeftOperand, map, key) || ChecksKey(both.RightOperand, map, key);
            case IConversionOperation conversion:
                return ChecksKey(conversion.Operand, map, key);
            default:
                return false;
        }
    }

    // `if (!map.TryGetValue(key, out v)) return;` before the write.
    private static bool AnEarlierExitChecksMissingKey(IBlockOperation block, IOperation statement, IOperation map, IOperation key)
    {
        return SizeGuards.AnEarlierExit(
            block,
            statement,
            condition => condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } missing && ChecksKey(missing.Operand, map, key));
    }

    // The same member read on the same object: this one (or a static member), or the same local or parameter.
    private static bool SameCollection(IOperation checkedMap, IOperation writtenMap)
    {
        return MemberReferences.Referenced(checkedMap) is { } member
            && SymbolEqualityComparer.Default.Equals(member, MemberReferences.Referenced(writtenMap))
            && SameInstance(MemberReferences.Receiver(checkedMap), MemberReferences.Receiver(writtenMap));
    }

    private static bool SameInstance(IOperation? first, IOperation? second)
    {
        if (first is null or IInstanceReferenceOperation || second is null or IInstanceReferenceOperation)
        {
            return first is null or IInstanceReferenceOperation && second is null or IInstanceReferenceOperation;
        }

        return SameValue(first, second);
    }

    // The same local or parameter, the same constant, or the same expression written the same way.
    private static bool SameValue(IOperation first, IOperation second)
    {
        IOperation a = first.WithoutConversions();
        IOperation b = second.WithoutConversions();
        return (a, b) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
            _ when a.ConstantValue.HasValue && b.ConstantValue.HasValue => Equals(a.ConstantValue.Value, b.ConstantValue.Value),
            _ => a.Syntax.ToString() == b.Syntax.ToString(),
        };
    }
}
