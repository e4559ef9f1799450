using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// Finds the documents of the diagnostics a Fix All is handed in the solution it changes. A diagnostic computed on an
/// older version of a file (a batch tool can hand one over after an earlier fix changed the file) is moved onto its
/// member in the current tree, found again by its <see cref="MemberTarget.Key"/>; a member that is gone is dropped.
/// Whether the member still needs the fix is then up to each fix, which checks it against the current code.
/// </summary>
internal static class CurrentDiagnostics
{
    public static async Task<ImmutableArray<(Document Document, Diagnostic Diagnostic)>> ResolveAsync(
        Solution solution,
        IEnumerable<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var results = new List<(Document, Diagnostic)>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            if (solution.GetDocument(tree) is { } current)
            {
                results.Add((current, diagnostic));
                continue;
            }

            foreach (DocumentId id in tree.FilePath.Length == 0 ? ImmutableArray<DocumentId>.Empty : solution.GetDocumentIdsWithFilePath(tree.FilePath))
            {
                if (solution.GetDocument(id) is { } document
                    && await RelocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } relocated)
                {
                    results.Add((document, relocated));
                    break;
                }
            }
        }

        return results.ToImmutableArray();
    }

    /// <summary>A diagnostic moved onto its member's identifier in the document's current tree, or <see langword="null"/> when the member is gone.</summary>
    private static async Task<Diagnostic?> RelocateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null || diagnostic.Location.SourceTree is not { } oldTree)
        {
            return null;
        }

        SyntaxNode oldRoot = await oldTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        SyntaxNode root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        if (MemberTarget.Find(oldRoot, diagnostic.Location.SourceSpan) is not { } old || MemberTarget.FindByKey(root, old.Key) is not { } member)
        {
            return null;
        }

        return Diagnostic.Create(diagnostic.Descriptor, member.Identifier.GetLocation(), diagnostic.Properties);
    }
}
