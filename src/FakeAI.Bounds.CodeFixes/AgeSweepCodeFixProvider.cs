using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Ages;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FakeAI.Bounds.CodeFixes;

/// <summary>
/// Fixes a hand-written sweep by age of a generated collection (BND008): declares the sweep's window as the type's
/// maximum age (<c>MaxAgeSeconds</c>, or <c>MaxAgeMilliseconds</c> when it is not whole seconds) and replaces the
/// sweep with <c>RemoveExpired()</c> (see <see cref="MaxAgePlan"/>).
/// </summary>
/// <remarks>
/// Not offered for a window the code computes. There is no Fix All: two sweeps of one type may use different windows,
/// and one type takes one age.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AgeSweepCodeFixProvider))]
[Shared]
public sealed class AgeSweepCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string EquivalenceKey = "FakeAI.Bounds.MaxAgeFromSweep";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AgeSweepCouldBeMaxAge);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (await MaxAgePlan.TryCreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
            {
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, cancellationToken => FixAsync(document, plan, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static Task<Solution> FixAsync(Document document, MaxAgePlan plan, CancellationToken cancellationToken)
    {
        var edits = new SolutionEdits();
        plan.AddEdits(edits, document);
        return edits.ApplyAsync(document.Project.Solution, cancellationToken);
    }
}
