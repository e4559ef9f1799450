using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Channels;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FakeAI.Bounds.CodeFixes;

/// <summary>
/// Fixes a bounded channel that drops items somebody waits on (BND005) by passing <c>Channel.CreateBounded</c> an
/// <c>itemDropped</c> callback that ends the wait: it fails the dropped item's <c>TaskCompletionSource</c> with an
/// <see cref="System.InvalidOperationException"/> that says the channel was full, or calls its error callback with one
/// (see <see cref="ItemDroppedCallbackPlan"/> for what it writes and when it is not offered).
/// </summary>
/// <remarks>
/// The callback takes the place of an <c>itemDropped: null</c>, or follows the options. It is the only fix of BND005,
/// so <c>dotnet format analyzers --diagnostics BND005</c> runs it directly; what it cannot end the wait of is left
/// reported for the author (a pooled value-task source, a work-item delegate).
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ItemDroppedCallbackCodeFixProvider))]
[Shared]
public sealed class ItemDroppedCallbackCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action, the same for every channel.</summary>
    public const string EquivalenceKey = "FakeAI.Bounds.ItemDroppedCallback";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ChannelDropsSilently);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new MemberFixAllProvider("Pass each bounded channel an itemDropped callback that ends the dropped item's wait", FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await ItemDroppedCallbackPlan.TryCreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                Solution solution = context.Document.Project.Solution;
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Title,
                        cancellationToken => FixAsync(solution, ImmutableArray.Create((document, diagnostic)), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Solution> FixAsync(
        Solution solution,
        ImmutableArray<(Document Document, Diagnostic Diagnostic)> diagnostics,
        CancellationToken cancellationToken)
    {
        var edits = new SolutionEdits();
        var planned = new HashSet<SyntaxNode>();
        foreach ((Document document, Diagnostic diagnostic) in diagnostics)
        {
            if (await ItemDroppedCallbackPlan.TryCreateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan
                && planned.Add(plan.Invocation))
            {
                plan.AddEdit(edits);
            }
        }

        return edits.IsEmpty ? solution : await edits.ApplyAsync(solution, cancellationToken).ConfigureAwait(false);
    }
}
