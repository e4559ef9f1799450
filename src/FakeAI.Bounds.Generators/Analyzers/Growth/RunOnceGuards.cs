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
    // Runs for every unguarded add: only the blocks that enclose the add are read, the statements before it for the
    // guard and the statements after the guard for the assignment that sets it, never the whole method.
    public static bool RunsOnce(IOperation add)
    {
        IOperation current = add;
        for (IOperation? parent = add.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (parent is not IBlockOperation block)
            {
                continue;
            }

            int index = block.Operations.IndexOf(current);
            for (int i = 0; i < index; i++)
            {
                if (block.Operations[i] is IConditionalOperation { Condition: IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean } guard }, WhenTrue: { } whenTrue, WhenFalse: null }
                    && ReturnsOnly(whenTrue)
                    && SetsAfter(block, i + 1, guard))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SetsAfter(IBlockOperation block, int start, IFieldSymbol guard)
    {
        for (int i = start; i < block.Operations.Length; i++)
        {
            if (block.Operations[i] is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: true } } }
                && SymbolEqualityComparer.Default.Equals(target.Field, guard))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReturnsOnly(IOperation whenTrue)
    {
        return whenTrue switch
        {
            IReturnOperation => true,
            IBlockOperation { Operations.Length: 1 } block => block.Operations[0] is IReturnOperation,
            _ => false,
        };
    }
}
