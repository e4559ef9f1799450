using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
            ExpressionSyntax? written = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
                _ => null,
            };
            if (written is IdentifierNameSyntax { Identifier.ValueText: var target } && target == name)
            {
                return true;
            }
        }

        return false;
    }
}
