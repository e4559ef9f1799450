using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.CodeFixes.Channels;

/// <summary>
/// Puts the <c>itemDropped</c> callback into the argument list of a <c>Channel.CreateBounded</c> call, laid out as the
/// call already is: in place of a <see langword="null"/> callback (its name and trivia kept), or after the options, on
/// the same line when the arguments share lines and on a line of its own, at their indentation, when each argument
/// starts a line.
/// </summary>
internal static class ItemDroppedArgument
{
    private const string ParameterName = "itemDropped";

    /// <param name="arguments">The call's argument list, as it is when the edit is applied.</param>
    /// <param name="replacedIndex">The index of the <see langword="null"/> callback to replace, or <see langword="null"/> to add one.</param>
    /// <param name="callback">The callback.</param>
    /// <param name="newLine">The file's line break.</param>
    public static ArgumentListSyntax WithCallback(ArgumentListSyntax arguments, int? replacedIndex, ExpressionSyntax callback, string newLine)
    {
        if (replacedIndex is { } index)
        {
            ArgumentSyntax replaced = arguments.Arguments[index];
            return arguments.ReplaceNode(replaced, replaced.WithExpression(callback.WithTriviaFrom(replaced.Expression)));
        }

        ArgumentSyntax first = arguments.Arguments.First();
        ArgumentSyntax last = arguments.Arguments.Last();
        var added = SyntaxFactory.Argument(callback);

        // After a named argument a positional one compiles only in its own position; the name keeps it independent of that.
        if (arguments.Arguments.Any(argument => argument.NameColon is not null))
        {
            added = added.WithNameColon(SyntaxFactory.NameColon(ParameterName).WithTrailingTrivia(SyntaxFactory.Space));
        }

        SyntaxToken comma = SyntaxFactory.Token(SyntaxKind.CommaToken);
        if (StartsLine(first))
        {
            comma = comma.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));
            added = added.WithLeadingTrivia(Indentation(first));
        }
        else
        {
            comma = comma.WithTrailingTrivia(SyntaxFactory.Space);
        }

        // What followed the last argument (a line break before ')', a comment) now follows the callback.
        added = added.WithTrailingTrivia(last.GetTrailingTrivia());
        var nodes = new List<ArgumentSyntax>(arguments.Arguments.Take(arguments.Arguments.Count - 1)) { last.WithoutTrailingTrivia(), added };
        var separators = new List<SyntaxToken>(arguments.Arguments.GetSeparators()) { comma };
        return arguments.WithArguments(SyntaxFactory.SeparatedList(nodes, separators));
    }

    /// <summary>Whether the argument starts a line: then the callback gets a line of its own.</summary>
    public static bool StartsLine(ArgumentSyntax argument)
    {
        return argument.GetFirstToken().GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            || argument.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
    }

    // The whitespace that starts the argument's line.
    private static SyntaxTriviaList Indentation(ArgumentSyntax argument)
    {
        SyntaxTriviaList leading = argument.GetLeadingTrivia();
        return leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading.Last())
            : SyntaxFactory.TriviaList();
    }
}
