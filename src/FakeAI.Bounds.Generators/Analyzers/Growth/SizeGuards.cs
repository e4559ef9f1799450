using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises an operation that only runs under a check of a collection's size: inside an <c>if</c> or a loop whose
/// condition compares a <c>Count</c> with a limit, or after an <c>if</c> on a <c>Count</c> that returns, throws or
/// breaks out (<c>if (_active.Count &gt;= Max) throw …;</c>). Such an add is bounded by the check; such a removal is the
/// trim that keeps a collection bounded. A comparison with zero (<c>Count &gt; 0</c>) checks for emptiness, not size,
/// and does not count.
/// </summary>
internal static class SizeGuards
{
    /// <param name="operation">The add, removal or call.</param>
    /// <param name="member">The collection whose size the check must read; <see langword="null"/> for any collection's.</param>
    public static bool IsGuarded(IOperation operation, ISymbol? member)
    {
        IOperation current = operation;
        for (IOperation? parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when current != conditional.Condition && ComparesSize(conditional.Condition, member):
                case IWhileLoopOperation whileLoop when current != whileLoop.Condition && ComparesSize(whileLoop.Condition, member):
                case IForLoopOperation forLoop when ComparesSize(forLoop.Condition, member):
                    return true;
                case IBlockOperation block when AnEarlierExitChecksSize(block, current, member):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // A lambda runs later, under conditions of its own; a check around its creation proves nothing.
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether the expression compares the size of the member (any collection's, when null) with a limit.</summary>
    public static bool ComparesSize(IOperation? condition, ISymbol? member) => ComparesSize(condition, member, depth: 0);

    private static bool ComparesSize(IOperation? condition, ISymbol? member, int depth)
    {
        if (condition is null)
        {
            return false;
        }

        // `if (IsFull)`: a property of this type whose body compares a size.
        if (depth == 0 && condition.WithoutConversions() is IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean } flag } && Body(flag, condition) is { } body)
        {
            return ComparesSize(body, member, depth + 1);
        }

        foreach (IOperation descendant in condition.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IBinaryOperation comparison when IsComparison(comparison.OperatorKind):
                    if ((ReadsSize(comparison.LeftOperand, member, depth) && !IsZero(comparison.RightOperand))
                        || (ReadsSize(comparison.RightOperand, member, depth) && !IsZero(comparison.LeftOperand))
                        || IsCounter(comparison.LeftOperand) || IsCounter(comparison.RightOperand))
                    {
                        return true;
                    }

                    break;

                // _items is { Count: >= Max }
                case IPropertySubpatternOperation { Member: IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongCount" }, Pattern: IRelationalPatternOperation relational }
                    when !IsZero(relational.Value) && PatternSubject(descendant) is { } subject && Matches(subject, member):
                    return true;
            }
        }

        return false;
    }

    private static bool IsComparison(BinaryOperatorKind kind)
    {
        return kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
            or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;
    }

    // x.Count, x.Keys.Count, x?.Count, x.Count(): the size of a collection member; also read through a local
    // (`var n = _items.Count;`) or a property of this type (`int Size => _items.Count;`).
    private static bool ReadsSize(IOperation operand, ISymbol? member, int depth)
    {
        operand = operand.WithoutConversions();
        switch (operand)
        {
            case ILocalReferenceOperation local when depth == 0:
                return Initializer(local) is { } initial && ReadsSize(initial, member, depth + 1);
            case IPropertyReferenceOperation { Property: { Name: not ("Count" or "Length" or "LongCount"), IsIndexer: false } property } when depth == 0:
                return Body(property, operand) is { } body && ReadsSize(body, member, depth + 1);
            case IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongCount" } size:
                return Matches(size.Instance, member)
                    || (size.Instance is IPropertyReferenceOperation { Property.Name: "Keys" or "Values" } view && Matches(view.Instance, member));
            case IConditionalAccessOperation { WhenNotNull: IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongCount" } } access:
                return Matches(access.Operation, member);
            case IInvocationOperation { TargetMethod.Name: "Count" or "LongCount", TargetMethod.IsExtensionMethod: true } count when count.Arguments.Length > 0:
                return Matches(count.Arguments[0].Value, member);
            default:
                return false;
        }
    }

    // `Interlocked.Increment(ref _count) > Max`: a counter kept beside the collection, checked as it is raised.
    private static bool IsCounter(IOperation operand)
    {
        return operand.WithoutConversions() is IInvocationOperation { TargetMethod: { Name: "Increment" or "Add" or "Decrement", ContainingType.Name: "Interlocked" } };
    }

    // The value a local was declared with, read from its declaration in the same body.
    private static IOperation? Initializer(ILocalReferenceOperation local)
    {
        foreach (SyntaxReference reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return Bind(value, local);
            }
        }

        return null;
    }

    // The expression a property of the same file returns (`bool IsFull => _items.Count >= Max;`).
    private static IOperation? Body(IPropertySymbol property, IOperation reference)
    {
        foreach (SyntaxReference declaration in property.DeclaringSyntaxReferences)
        {
            ExpressionSyntax? expression = declaration.GetSyntax() switch
            {
                PropertyDeclarationSyntax { ExpressionBody.Expression: { } arrow } => arrow,
                PropertyDeclarationSyntax { AccessorList: { } accessors } => GetterExpression(accessors),
                _ => null,
            };
            if (expression is not null)
            {
                return Bind(expression, reference);
            }
        }

        return null;
    }

    // Guards are checked for every add and removal, and most locals and properties in a condition have nothing to
    // do with a size: only an expression that names a Count, a Length or a LongCount is bound.
    private static IOperation? Bind(ExpressionSyntax expression, IOperation from)
    {
        if (from.SemanticModel is not { } model || expression.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        foreach (SyntaxNode node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax { Identifier.ValueText: "Count" or "Length" or "LongCount" })
            {
                return model.GetOperation(expression);
            }
        }

        return null;
    }

    private static ExpressionSyntax? GetterExpression(AccessorListSyntax accessors)
    {
        foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
        {
            if (accessor.Keyword.Text == "get")
            {
                return accessor.ExpressionBody?.Expression
                    ?? (accessor.Body?.Statements.Count == 1 && accessor.Body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);
            }
        }

        return null;
    }

    private static bool Matches(IOperation? operation, ISymbol? member)
    {
        ISymbol? referenced = MemberReferences.Referenced(operation);
        return referenced is not null && (member is null || SymbolEqualityComparer.Default.Equals(referenced, member));
    }

    private static IOperation? PatternSubject(IOperation subpattern)
    {
        for (IOperation? parent = subpattern.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IIsPatternOperation isPattern)
            {
                return isPattern.Value;
            }
        }

        return null;
    }

    public static bool IsZero(IOperation operation)
    {
        return operation.WithoutConversions().ConstantValue is { HasValue: true, Value: 0 or 0L };
    }

    // `if (x.Count >= Max) return;` (or throw, break, continue) before the statement that holds the operation.
    private static bool AnEarlierExitChecksSize(IBlockOperation block, IOperation statement, ISymbol? member)
    {
        return AnEarlierExit(block, statement, condition => ComparesSize(condition, member));
    }

    /// <summary>
    /// Whether a statement before <paramref name="statement"/> in <paramref name="block"/> is an <c>if</c> whose
    /// condition <paramref name="checks"/> accepts and whose branch always leaves: the code after it runs only when
    /// that condition was false.
    /// </summary>
    public static bool AnEarlierExit(IBlockOperation block, IOperation statement, System.Func<IOperation, bool> checks)
    {
        foreach (IOperation earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IConditionalOperation { WhenTrue: { } whenTrue } check && Exits(whenTrue) && checks(check.Condition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a branch always leaves: it ends in a return, a throw, a break or a continue.</summary>
    public static bool Exits(IOperation operation) => LastStatement(operation) is IReturnOperation or IThrowOperation or IBranchOperation;

    /// <summary>Whether a branch always leaves the method: it ends in a return or a throw (not a loop's next turn).</summary>
    public static bool LeavesTheMethod(IOperation operation) => LastStatement(operation) is IReturnOperation or IThrowOperation;

    // The statement a branch ends with, through nested blocks and expression statements (`throw …;` as an expression).
    private static IOperation LastStatement(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IBlockOperation { Operations.Length: > 0 } block:
                    operation = block.Operations[block.Operations.Length - 1];
                    continue;
                case IExpressionStatementOperation statement:
                    operation = statement.Operation;
                    continue;
                default:
                    return operation;
            }
        }
    }
}
