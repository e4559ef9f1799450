using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// Fix All for the fixes of this assembly (the member fixes, and the <c>itemDropped</c> callbacks of BND005), in a
/// document, a project or the solution. The built-in batch fixer merges the text
/// changes of independent single fixes, which breaks when two fixes add to the same class (two nested types, the same
/// <c>partial</c>, the same <c>using</c>); this one plans every member first and applies all edits in one pass (see
/// <see cref="MemberFixes"/>).
/// </summary>
internal sealed class MemberFixAllProvider : FixAllProvider
{
    private readonly string _title;
    private readonly Func<Solution, ImmutableArray<(Document Document, Diagnostic Diagnostic)>, CancellationToken, Task<Solution>> _fix;

    /// <param name="title">The title of the Fix All action.</param>
    /// <param name="fix">Fixes every member the (current) diagnostics name; members it cannot fix are skipped.</param>
    public MemberFixAllProvider(
        string title,
        Func<Solution, ImmutableArray<(Document Document, Diagnostic Diagnostic)>, CancellationToken, Task<Solution>> fix)
    {
        _title = title;
        _fix = fix;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
    {
        return [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];
    }

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var diagnostics = new List<Diagnostic>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is { } document:
                diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (Project project in fixAllContext.Solution.Projects)
                {
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
            default:
                return null;
        }

        // With nothing to fix the action changes nothing, rather than being missing: a batch tool such as dotnet format
        // reports a provider without a Fix All action as a failure to fix.
        Solution solution = fixAllContext.Solution;
        return CodeAction.Create(
            _title,
            async cancellationToken =>
            {
                ImmutableArray<(Document, Diagnostic)> current = await CurrentDiagnostics.ResolveAsync(solution, diagnostics, cancellationToken).ConfigureAwait(false);
                return current.IsEmpty ? solution : await _fix(solution, current, cancellationToken).ConfigureAwait(false);
            },
            fixAllContext.CodeActionEquivalenceKey);
    }
}
