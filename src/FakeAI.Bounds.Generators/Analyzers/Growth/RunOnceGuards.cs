using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Code that runs once per object: an add inside a method that returns early while a <c>bool</c> field of its class is
/// set, and sets that field to <c>true</c> itself (<c>if (_initialized) return; … _initialized = true;</c>, the lazy
/// initialization of a registry from its services), or that returns early while a collection of the object has entries
/// and then fills that collection itself (<c>if (_entries.Count != 0) return _entries; … _entries.TryAdd(…)</c>, a cache
/// of the program's handlers loaded on first use). What it adds is the object's initial state, as in a constructor. The
/// second form holds only while nothing empties the collection, which the verdict decides once the whole type is known
/// (<see cref="GrowthVerdict"/>), so <see cref="Read"/> names the collection.
/// </summary>
internal static class RunOnceGuards
{
    /// <summary>
    /// Reads the early exits of the blocks that enclose an unguarded add, once: whether one is a set flag the block sets
    /// (<see cref="RunOnceGuards"/>'s first form), and, when none is, the innermost collection whose entries an exit
    /// waits for and the exit's block fills (the second form, which the verdict decides). It runs for every unguarded
    /// add, so only the statements of the enclosing blocks before the add are read, and nothing is allocated unless an
    /// exit checks that a collection has entries.
    /// </summary>
    public static (bool Once, ISymbol? FilledCollection) Read(IOperation add)
    {
        ISymbol? filled = null;
        IOperation current = add;
        for (IOperation? parent = add.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }

            if (parent is not IBlockOperation block)
            {
                continue;
            }

            foreach (IOperation earlier in block.Operations)
            {
                if (earlier == current)
                {
                    break;
                }

                if (earlier is not IConditionalOperation { WhenTrue: { } exit, Condition: var condition } || !SizeGuards.Exits(exit))
                {
                    continue;
                }

                if (condition is IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean } flag } && Sets(block, flag))
                {
                    return (true, null);
                }

                if (filled is null && NonEmptyCheckOf(condition) is { } checkedCollection && Fills(block, checkedCollection))
                {
                    filled = checkedCollection;
                }
            }
        }

        return (false, filled);
    }

    // The collection of `x.Count != 0`, `x.Count > 0`, `0 < x.Count`, `x.Any()` or `!x.IsEmpty`, on this object.
    private static ISymbol? NonEmptyCheckOf(IOperation condition)
    {
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals or BinaryOperatorKind.GreaterThan } binary when SizeGuards.IsZero(binary.RightOperand):
                return CountedCollection(binary.LeftOperand);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan } binary when SizeGuards.IsZero(binary.LeftOperand):
                return CountedCollection(binary.RightOperand);
            case IInvocationOperation { TargetMethod: { Name: "Any", IsExtensionMethod: true }, Arguments.Length: 1 } any:
                return MemberReferences.ReferencedOnThis(any.Arguments[0].Value.WithoutConversions());
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IPropertyReferenceOperation { Property.Name: "IsEmpty" } isEmpty }:
                return MemberReferences.ReferencedOnThis(isEmpty.Instance);
            default:
                return null;
        }
    }

    private static ISymbol? CountedCollection(IOperation operand)
    {
        return operand.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Count" } count ? MemberReferences.ReferencedOnThis(count.Instance) : null;
    }

    // An add to the collection in the statements of the block (outside lambdas, which may run at any time): the fill the
    // early exit waits for. Read only for an add behind such an exit, which few are.
    private static bool Fills(IBlockOperation block, ISymbol collection)
    {
        var pending = new System.Collections.Generic.Stack<IOperation>(block.Operations);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is IInvocationOperation { Instance: { } receiver } invocation
                && CollectionMethodRoles.TryClassify(invocation.TargetMethod.Name, out GrowthEventKind role)
                && role == GrowthEventKind.Grow
                && SymbolEqualityComparer.Default.Equals(MemberReferences.ReferencedOnThis(receiver), collection))
            {
                return true;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    // `_initialized = true;` as a statement of the same block, or of the body or `finally` of a `try` that is one
    // (`try { …adds… } finally { _initialized = true; }`, initialization that is not tried again after a failure),
    // unless a `catch` of that `try` resets it.
    private static bool Sets(IBlockOperation block, IFieldSymbol guard)
    {
        foreach (IOperation statement in block.Operations)
        {
            if (IsSetting(statement, guard)
                || (statement is ITryOperation attempt
                    && (SetsAmong(attempt.Body.Operations, guard) || (attempt.Finally is { } last && SetsAmong(last.Operations, guard)))
                    && !ClearsOnFailure(attempt, guard)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SetsAmong(ImmutableArray<IOperation> statements, IFieldSymbol guard)
    {
        foreach (IOperation statement in statements)
        {
            if (IsSetting(statement, guard))
            {
                return true;
            }
        }

        return false;
    }

    // `catch { _initialized = false; throw; }`: a failed attempt is tried again, and adds again.
    private static bool ClearsOnFailure(ITryOperation attempt, IFieldSymbol guard)
    {
        foreach (ICatchClauseOperation handler in attempt.Catches)
        {
            foreach (IOperation operation in handler.Handler.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Field, guard))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSetting(IOperation statement, IFieldSymbol guard)
    {
        return statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: true } } }
            && SymbolEqualityComparer.Default.Equals(target.Field, guard);
    }
}
