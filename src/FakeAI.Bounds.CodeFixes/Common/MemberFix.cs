using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>One fix of one member, checked and ready to write its edits.</summary>
internal interface IMemberFix
{
    MemberTarget Target { get; }

    INamedTypeSymbol ContainingType { get; }

    /// <summary>Adds the fix's edits; <paramref name="reserved"/> holds the names already chosen in the same type.</summary>
    void AddEdits(SolutionEdits edits, ISet<string> reserved);
}

/// <summary>Plans a fix for one diagnostic, or returns <see langword="null"/> when the fix does not apply.</summary>
internal delegate Task<IMemberFix?> MemberFixPlanner(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

/// <summary>Applies the fixes of many diagnostics to a solution in one pass.</summary>
internal static class MemberFixes
{
    /// <summary>
    /// Plans each diagnostic's member once (a member reported twice is fixed once), then writes every plan's edits in
    /// source order, sharing the names chosen per type, and applies them together.
    /// </summary>
    public static async Task<Solution> ApplyAsync(
        Solution solution,
        ImmutableArray<(Document Document, Diagnostic Diagnostic)> diagnostics,
        MemberFixPlanner planner,
        CancellationToken cancellationToken)
    {
        var plans = new List<IMemberFix>();
        var planned = new HashSet<SyntaxNode>();
        foreach ((Document document, Diagnostic diagnostic) in diagnostics)
        {
            if (await planner(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan && planned.Add(plan.Target.SymbolNode))
            {
                plans.Add(plan);
            }
        }

        var edits = new SolutionEdits();
        var reservedByType = new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        foreach (IMemberFix plan in plans
            .OrderBy(p => p.Target.Declaration.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(p => p.Target.SymbolNode.SpanStart))
        {
            if (!reservedByType.TryGetValue(plan.ContainingType, out HashSet<string>? reserved))
            {
                reserved = [];
                reservedByType.Add(plan.ContainingType, reserved);
            }

            plan.AddEdits(edits, reserved);
        }

        return edits.IsEmpty ? solution : await edits.ApplyAsync(solution, cancellationToken).ConfigureAwait(false);
    }
}
