using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Whether a local or parameter is written in a piece of code after its declaration: assigned (also compound), passed
/// by <c>ref</c> or <c>out</c>, incremented or decremented. Read from the syntax, by name, so that a key read at one
/// place can be trusted to be the same value at another.
/// </summary>
internal static class LocalWrites
{
    public static bool IsWrittenIn(SyntaxNode scope, string name)
    {
        foreach (SyntaxNode node in scope.DescendantNodes())
        {
            if (IsWrite(node, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="node"/> itself writes the local or parameter <paramref name="name"/>.</summary>
    public static bool IsWrite(SyntaxNode node, string name)
    {
        ExpressionSyntax? written = node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
            _ => null,
        };
        return written is IdentifierNameSyntax { Identifier.ValueText: var target } && target == name;
    }

    /// <summary>The value a local is declared with, and the block that declares it (to look for later writes, which cost a walk of the block).</summary>
    public static IOperation? Initializer(ILocalReferenceOperation reference, out BlockSyntax? block)
    {
        block = null;
        ILocalSymbol local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || reference.SemanticModel is not { } model
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        block = declarator.FirstAncestorOrSelf<BlockSyntax>();
        return block is null ? null : model.GetOperation(WithoutSuppression(initializer));
    }

    // `typeof(T).FullName!`: the operation is the operand's.
    private static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
    {
        while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
        {
            expression = suppressed.Operand;
        }

        return expression;
    }
}
