using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FakeAI.Bounds.CodeFixes;

/// <summary>
/// The Fix All of command-line tools: for each reported member it applies the best fix that member is offered, first
/// <see cref="BoundWithGeneratedTypeCodeFixProvider">a generated bounded type</see>, else
/// <see cref="TrimAfterAddCodeFixProvider">a trim after each add</see>, else
/// <see cref="SuppressWithAllowUnboundedCodeFixProvider">[AllowUnbounded] with a placeholder reason</see>, so that
/// <c>dotnet format analyzers --diagnostics BND001</c> leaves no BND001 behind in one run.
/// </summary>
/// <remarks>
/// It registers no action of its own: in the IDE the three fixes are offered one by one, and each one's Fix All applies
/// only that fix. <c>dotnet format</c> runs the Fix All of every provider of a diagnostic ID, one after the other, each
/// with the equivalence key of the first action that provider registers for the first diagnostic (none, here), and it
/// hands the second and later providers no diagnostics once an earlier one changed the solution. This provider is
/// defined first in the assembly (the project file orders the compile items), so it is the one that runs on the
/// diagnostics; the others then find nothing left to fix.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BestFixForEachMemberCodeFixProvider))]
[Shared]
public sealed class BestFixForEachMemberCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.UnboundedCollection,
        DiagnosticIds.BoundedOnlyByManualCleanup,
        DiagnosticIds.CapacityIsNotABound,
        DiagnosticIds.UnboundedQueuePrimitive,
        DiagnosticIds.UnboundedElementState);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => new MemberFixAllProvider(
        "Bound, trim or suppress each unbounded collection",
        (solution, diagnostics, cancellationToken) => MemberFixes.ApplyAsync(solution, diagnostics, PlanAsync, cancellationToken));

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;

    private static async Task<IMemberFix?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        bool growth = diagnostic.Id is DiagnosticIds.UnboundedCollection or DiagnosticIds.BoundedOnlyByManualCleanup or DiagnosticIds.CapacityIsNotABound;
        if (growth || diagnostic.Id == DiagnosticIds.UnboundedElementState)
        {
            if (await BoundWithGeneratedTypeCodeFixProvider.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } bound)
            {
                return bound;
            }
        }

        if (growth && await TrimAfterAddCodeFixProvider.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } trim)
        {
            return trim;
        }

        return await SuppressWithAllowUnboundedCodeFixProvider.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
    }
}
