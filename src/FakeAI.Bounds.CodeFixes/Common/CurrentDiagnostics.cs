using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// Brings the diagnostics a Fix All is handed up to date with the solution it changes. They may be stale:
/// <c>dotnet format analyzers</c> computes the diagnostics of an ID once and then runs every provider that fixes the ID
/// in turn, each on the solution the previous one changed. So the members named by the diagnostics are found again by
/// name, and the package's own analyzers run once more over the current code: a member an earlier fix bounded, trimmed
/// or suppressed is no longer reported, and is left alone.
/// </summary>
internal static class CurrentDiagnostics
{
    private static readonly ConcurrentDictionary<string, ImmutableArray<Type>> AnalyzersById = new(StringComparer.Ordinal);

    /// <summary>The diagnostics that still apply, each with its document in <paramref name="solution"/>.</summary>
    public static async Task<ImmutableArray<(Document Document, Diagnostic Diagnostic)>> ResolveAsync(
        Solution solution,
        IEnumerable<Diagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        // The members asked for, per document of the current solution.
        var wanted = new Dictionary<DocumentId, HashSet<(string Id, string Key)>>();
        var given = new List<(Document Document, Diagnostic Diagnostic)>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            Document? document = solution.GetDocument(tree) ?? FindByPath(solution, tree.FilePath);
            SyntaxNode diagnosticRoot = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || MemberTarget.Find(diagnosticRoot, diagnostic.Location.SourceSpan) is not { } member)
            {
                continue;
            }

            if (!wanted.TryGetValue(document.Id, out HashSet<(string, string)>? keys))
            {
                keys = [];
                wanted.Add(document.Id, keys);
            }

            keys.Add((diagnostic.Id, member.Key));
            given.Add((document, diagnostic));
        }

        var results = new List<(Document, Diagnostic)>();
        foreach (IGrouping<ProjectId, DocumentId> project in wanted.Keys.GroupBy(id => id.ProjectId))
        {
            ImmutableHashSet<string> ids = project.SelectMany(id => wanted[id]).Select(w => w.Id).ToImmutableHashSet(StringComparer.Ordinal);
            ImmutableArray<DiagnosticAnalyzer> analyzers = AnalyzersFor(ids);
            if (analyzers.IsEmpty)
            {
                // Nothing to analyze with: take the diagnostics as given, each moved to its member in the current tree.
                foreach ((Document document, Diagnostic diagnostic) in given.Where(g => g.Document.Id.ProjectId == project.Key))
                {
                    if (await RelocateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } current)
                    {
                        results.Add((document, current));
                    }
                }

                continue;
            }

            Project currentProject = solution.GetProject(project.Key)!;
            Compilation? compilation = await currentProject.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                continue;
            }

            ImmutableArray<Diagnostic> fresh = await compilation
                .WithAnalyzers(analyzers, currentProject.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (Diagnostic diagnostic in fresh)
            {
                if (!ids.Contains(diagnostic.Id)
                    || diagnostic.Location.SourceTree is not { } tree
                    || currentProject.GetDocument(tree) is not { } document
                    || !wanted.TryGetValue(document.Id, out HashSet<(string Id, string Key)>? keys))
                {
                    continue;
                }

                SyntaxNode root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                if (MemberTarget.Find(root, diagnostic.Location.SourceSpan) is { } member && keys.Contains((diagnostic.Id, member.Key)))
                {
                    results.Add((document, diagnostic));
                }
            }
        }

        return results.ToImmutableArray();
    }

    private static Document? FindByPath(Solution solution, string path)
    {
        return path.Length == 0
            ? null
            : solution.GetDocumentIdsWithFilePath(path).Select(solution.GetDocument).FirstOrDefault(d => d is not null);
    }

    /// <summary>A diagnostic moved onto its member's identifier in the document's current tree, or <see langword="null"/> when the member is gone.</summary>
    private static async Task<Diagnostic?> RelocateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null || diagnostic.Location.SourceTree is not { } oldTree)
        {
            return null;
        }

        if (tree == oldTree)
        {
            return diagnostic;
        }

        SyntaxNode oldRoot = await oldTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        SyntaxNode root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        if (MemberTarget.Find(oldRoot, diagnostic.Location.SourceSpan) is not { } old || MemberTarget.FindByKey(root, old.Key) is not { } member)
        {
            return null;
        }

        return Diagnostic.Create(diagnostic.Descriptor, member.Identifier.GetLocation(), diagnostic.Properties);
    }

    /// <summary>The package's analyzers that report any of the IDs.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> AnalyzersFor(ImmutableHashSet<string> ids)
    {
        var types = new HashSet<Type>();
        foreach (string id in ids)
        {
            types.UnionWith(AnalyzersById.GetOrAdd(id, FindAnalyzers));
        }

        return types.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToImmutableArray();
    }

    private static ImmutableArray<Type> FindAnalyzers(string id)
    {
        Type[] types;
        try
        {
            types = typeof(DiagnosticDescriptors).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            types = [.. exception.Types.Where(t => t is not null)!];
        }

        return types.Where(type => !type.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
                && attribute.Languages.Contains(LanguageNames.CSharp)
                && ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics.Any(d => d.Id == id))
            .ToImmutableArray();
    }
}
