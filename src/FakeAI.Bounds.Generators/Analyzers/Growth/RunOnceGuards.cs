using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Code that runs once per object: an add inside a method that returns early while a <c>bool</c> field of its class is
/// set, and sets that field to <c>true</c> itself (<c>if (_initialized) return; … _initialized = true;</c>, the lazy
/// initialization of a registry from its services), or that returns early while a collection of its class has entries
/// and fills that collection itself (<c>if (_entries.Count != 0) return _entries; … _entries.TryAdd(…)</c>, a cache of
/// the program's handlers loaded on first use). What it adds is the object's initial state, as in a constructor: one
/// batch, made again only if something empties the collection.
/// </summary>
internal static class RunOnceGuards
{
    // Runs for every unguarded add: only the blocks that enclose the add are read (the early exit is found the way
    // SizeGuards finds a size check's), never the whole method.
    public static bool RunsOnce(IOperation add)
    {
        IOperation current = add;
        for (IOperation? parent = add.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (parent is IBlockOperation block
                && SizeGuards.AnEarlierExit(block, current, condition => (condition is IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean } guard } && Sets(block, guard))
                    || (NonEmptyCheckOf(condition) is { } filled && Fills(block, filled))))
            {
                return true;
            }
        }

        return false;
    }

    // The collection of `x.Count != 0`, `x.Count > 0`, `0 < x.Count`, `x.Any()` or `!x.IsEmpty`.
    private static ISymbol? NonEmptyCheckOf(IOperation condition)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals or BinaryOperatorKind.GreaterThan } binary when IsZero(binary.RightOperand):
                return CountedCollection(binary.LeftOperand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan } binary when IsZero(binary.LeftOperand):
                return CountedCollection(binary.RightOperand);
            case IInvocationOperation { TargetMethod: { Name: "Any", IsExtensionMethod: true }, Arguments.Length: 1 } any:
                return MemberReferences.Referenced(any.Arguments[0].Value.WithoutConversions());
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IPropertyReferenceOperation { Property.Name: "IsEmpty" } isEmpty }:
                return MemberReferences.Referenced(isEmpty.Instance);
            default:
                return null;
        }
    }

    private static bool IsZero(IOperation operand) => operand.WithoutConversions().ConstantValue is { HasValue: true, Value: 0 };

    private static ISymbol? CountedCollection(IOperation operand)
    {
        return operand.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Count" } count ? MemberReferences.Referenced(count.Instance) : null;
    }

    // An add to the collection anywhere in the block: the fill the early exit waits for.
    private static bool Fills(IBlockOperation block, ISymbol collection)
    {
        foreach (IOperation operation in block.Descendants())
        {
            if (operation is IInvocationOperation { Instance: { } receiver } invocation
                && CollectionMethodRoles.TryClassify(invocation.TargetMethod.Name, out GrowthEventKind role)
                && role == GrowthEventKind.Grow
                && MemberReferences.Refers(receiver, collection))
            {
                return true;
            }
        }

        return false;
    }

    // `_initialized = true;` as a statement of the same block.
    private static bool Sets(IBlockOperation block, IFieldSymbol guard)
    {
        foreach (IOperation statement in block.Operations)
        {
            if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: true } } }
                && SymbolEqualityComparer.Default.Equals(target.Field, guard))
            {
                return true;
            }
        }

        return false;
    }
}
