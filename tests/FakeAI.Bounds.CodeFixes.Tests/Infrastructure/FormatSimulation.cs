using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Does what <c>dotnet format analyzers --diagnostics ID…</c> does with the package's fixes (its
/// <c>AnalyzerFormatter</c> and <c>SolutionCodeFixApplier</c>): for each reported ID, analyze once; then, for each
/// provider that fixes the ID, in the order the types are defined in the assembly, take the first diagnostic, ask the
/// provider for its actions on it, and run the provider's Fix All in solution scope with the first action's
/// equivalence key (or none). Its diagnostic provider is keyed by the <see cref="Project"/> objects of the analyzed
/// solution, so a provider that runs after the solution changed gets no diagnostics; and a provider is skipped when
/// the first diagnostic's document is no longer in the solution.
/// </summary>
internal static class FormatSimulation
{
    public static async Task<Solution> RunAsync(Solution solution, params string[] ids)
    {
        CodeFixProvider[] providers =
        [
            .. typeof(BoundWithGeneratedTypeCodeFixProvider).Assembly.GetTypes()
                .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!),
        ];
        foreach (string id in ids)
        {
            Project project = solution.Projects.Single();
            Compilation compilation = (await project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ProductAnalyzers.CreateAll(), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
            var byProject = new Dictionary<Project, List<Diagnostic>> { [project] = [.. diagnostics.Where(d => d.Id == id)] };
            if (byProject[project].Count == 0)
            {
                continue;
            }

            foreach (CodeFixProvider provider in providers.Where(p => p.FixableDiagnosticIds.Contains(id)))
            {
                Diagnostic first = byProject.Values.SelectMany(d => d).First();
                if (solution.GetDocument(first.Location.SourceTree) is not { } document)
                {
                    continue;
                }

                CodeAction? action = null;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));
                var context = new FixAllContext(
                    document,
                    provider,
                    FixAllScope.Solution,
                    action?.EquivalenceKey!,
                    [id],
                    new ProjectKeyedDiagnostics(byProject),
                    CancellationToken.None);
                CodeAction? fixAll = provider.GetFixAllProvider() is { } fixAllProvider ? await fixAllProvider.GetFixAsync(context) : null;
                if (fixAll is null)
                {
                    continue;
                }

                ImmutableArray<CodeActionOperation> operations = await fixAll.GetOperationsAsync(CancellationToken.None);
                Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                if (changed.GetChanges(solution).GetProjectChanges().Any())
                {
                    solution = changed;
                }
            }
        }

        return solution;
    }

    private sealed class ProjectKeyedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly Dictionary<Project, List<Diagnostic>> _byProject;

        public ProjectKeyedDiagnostics(Dictionary<Project, List<Diagnostic>> byProject)
        {
            _byProject = byProject;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            return GetProjectDiagnosticsAsync(project, cancellationToken);
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            IEnumerable<Diagnostic> diagnostics = await GetProjectDiagnosticsAsync(document.Project, cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            return Task.FromResult<IEnumerable<Diagnostic>>(_byProject.TryGetValue(project, out List<Diagnostic>? diagnostics) ? diagnostics : []);
        }
    }
}
