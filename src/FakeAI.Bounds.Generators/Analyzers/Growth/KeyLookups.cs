using System;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The lookup of a key that guards a write to a map or set: the condition of an <c>if</c> whose true branch holds the
/// write (<c>if (map.TryGetValue(key, out …))</c>, <c>ContainsKey</c>, <c>Contains</c>, also as an operand of
/// <c>&amp;&amp;</c>), or an earlier exit taken when the key is missing (<c>if (!map.TryGetValue(key, out …)) return;</c>).
/// One walk for both questions asked of it: whether a write only updates a key its map holds
/// (<see cref="ExistingKeyChecks"/>), and whether its key was found in another collection (<see cref="KeySubsets"/>).
/// It runs for writes to maps and sets, so it reads only the statements that enclose the write and allocates nothing:
/// what a lookup must match comes in as state for a static callback.
/// </summary>
internal static class KeyLookups
{
    /// <summary>The first guarding lookup, innermost first, whose receiver and key <paramref name="accepts"/> takes.</summary>
    public static IInvocationOperation? Guarding<TState>(IOperation write, TState state, Func<TState, IOperation, IOperation, bool> accepts)
    {
        IOperation current = write;
        for (IOperation? parent = write.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case IConditionalOperation conditional when current == conditional.WhenTrue
                    && Found(conditional.Condition, state, accepts) is { } found:
                    return found;
                case IBlockOperation block when MissingKeyExit(block, current, state, accepts) is { } found:
                    return found;
            }
        }

        return null;
    }

    /// <summary>The same local or parameter, the same constant, or the same expression written the same way.</summary>
    public static bool SameValue(IOperation first, IOperation second)
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

    // `if (!map.TryGetValue(key, out v)) return;` (or throw, break, continue) before the statement that holds the write.
    private static IInvocationOperation? MissingKeyExit<TState>(IBlockOperation block, IOperation statement, TState state, Func<TState, IOperation, IOperation, bool> accepts)
    {
        foreach (IOperation earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return null;
            }

            if (earlier is IConditionalOperation { WhenTrue: { } exit, Condition: IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var lookup } }
                && SizeGuards.Exits(exit)
                && Found(lookup, state, accepts) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static IInvocationOperation? Found<TState>(IOperation condition, TState state, Func<TState, IOperation, IOperation, bool> accepts)
    {
        switch (condition.WithoutConversions())
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return Found(both.LeftOperand, state, accepts) ?? Found(both.RightOperand, state, accepts);
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey" or "Contains", Instance: { } receiver, Arguments.Length: > 0 } lookup
                when accepts(state, receiver, lookup.Arguments[0].Value):
                return lookup;
            default:
                return null;
        }
    }
}
