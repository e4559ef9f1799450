using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>Finds every use of a member in the solution, leaving out the ones that are not code (a <c>cref</c>, a <c>nameof</c>).</summary>
internal static class MemberUses
{
    /// <returns>The uses, or <see langword="null"/> when one of them is not a plain name (the fixes then offer nothing).</returns>
    public static async Task<IReadOnlyList<MemberUse>?> FindAsync(ISymbol member, Solution solution, CancellationToken cancellationToken)
    {
        var uses = new List<MemberUse>();
        IEnumerable<ReferencedSymbol> found = await SymbolFinder.FindReferencesAsync(member, solution, cancellationToken).ConfigureAwait(false);
        foreach (ReferenceLocation location in found.SelectMany(r => r.Locations))
        {
            if (location.IsImplicit || location.Location.SourceTree is not { } tree)
            {
                continue;
            }

            SyntaxNode root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            SyntaxNode node = root.FindNode(location.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            if (node.Ancestors().Any(a => a is CrefSyntax or DocumentationCommentTriviaSyntax) || IsInNameOf(node))
            {
                continue;
            }

            if (node is not SimpleNameSyntax name)
            {
                return null;
            }

            ExpressionSyntax expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            SemanticModel? model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return null;
            }

            uses.Add(new MemberUse(location.Document, model, name, expression));
        }

        return uses;
    }

    private static bool IsInNameOf(SyntaxNode node)
    {
        return node.Ancestors().OfType<InvocationExpressionSyntax>().Any(
            invocation => invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });
    }
}
