using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// An add whose key was just found in another collection of the object: inside <c>if (_images.TryGetValue(name, out …))</c>
/// (or <c>ContainsKey</c>, <c>Contains</c>), or after <c>if (!_images.TryGetValue(name, out …)) return null;</c>. The map
/// added to holds at most one entry per key the other one has held (a data URI per registered image, a tool instance
/// per registered tool type), so its growth is the other's, which is judged on its own.
/// </summary>
internal static class KeySubsets
{
    /// <summary>The collection of this object (or a static one) in which the add's key was found; <see langword="null"/> when none.</summary>
    /// <param name="add">The add.</param>
    /// <param name="key">The key it passes: a local or a parameter the method never assigns.</param>
    /// <param name="addedTo">The collection it adds to.</param>
    public static ISymbol? LookedUpIn(IOperation add, IOperation key, ISymbol addedTo)
    {
        ISymbol? keySymbol = Named(key);
        if (keySymbol is null)
        {
            return null;
        }

        ISymbol? source = FoundBefore(add, keySymbol, addedTo);

        // The key must be the value that was looked up: a local or parameter assigned anywhere in the method may hold
        // another by the time of the add.
        return source is not null && !LocalWrites.IsWrittenIn(Root(add).Syntax, keySymbol.Name) ? source : null;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static ISymbol? FoundBefore(IOperation add, ISymbol keySymbol, ISymbol addedTo)
    {
        IOperation current = add;
        for (IOperation? parent = add.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
                case IConditionalOperation { WhenTrue: var whenTrue } branch when whenTrue == current
                    && Found(branch.Condition, keySymbol, addedTo) is { } source:
                    return source;
                case IBlockOperation block:
                    ISymbol? exited = null;
                    if (SizeGuards.AnEarlierExit(block, current, condition => (exited = NotFound(condition, keySymbol, addedTo)) is not null))
                    {
                        return exited;
                    }

                    break;
            }
        }

        return null;
    }

    private static ISymbol? Named(IOperation operation)
    {
        return operation.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    // `other.TryGetValue(key, …)`, `other.ContainsKey(key)`, `other.Contains(key)`, also as a part of `a && b`.
    private static ISymbol? Found(IOperation condition, ISymbol key, ISymbol addedTo)
    {
        switch (condition.WithoutConversions())
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return Found(both.LeftOperand, key, addedTo) ?? Found(both.RightOperand, key, addedTo);
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey" or "Contains", Instance: { } receiver, Arguments.Length: > 0 } lookup
                when Named(lookup.Arguments[0].Value) is { } looked && SymbolEqualityComparer.Default.Equals(looked, key)
                    && MemberReferences.ReferencedOnThis(receiver) is { } source
                    && !SymbolEqualityComparer.Default.Equals(source.OriginalDefinition, addedTo.OriginalDefinition):
                return source;
            default:
                return null;
        }
    }

    // `!other.TryGetValue(key, …)`: the branch that leaves when the key is missing.
    private static ISymbol? NotFound(IOperation condition, ISymbol key, ISymbol addedTo)
    {
        return condition.WithoutConversions() is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var operand } ? Found(operand, key, addedTo) : null;
    }
}
