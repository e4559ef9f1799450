using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Code that runs once per object: an add inside a method that returns early while a <c>bool</c> field of its class is
/// set, and sets that field to <c>true</c> itself (<c>if (_initialized) return; … _initialized = true;</c>, the lazy
/// initialization of a registry from its services). What it adds is the object's initial state, as in a constructor.
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
                && SizeGuards.AnEarlierExit(block, current, condition => condition is IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean } guard } && Sets(block, guard)))
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
