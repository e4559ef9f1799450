using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// <c>precision</c>: every code base of codebases.tsv exported, compiled project by project and analyzed; its
/// findings counted by rule and label against expectations.tsv, with every unlabelled finding and every labelled one
/// no longer reported listed, so that a change to the rules shows what it did on real code.
/// </summary>
internal static class PrecisionRun
{
    /// <param name="countErrors">Whether each code base's compile errors are counted (how well its types resolve); binding
    /// every body for them takes about as long again as the analysis.</param>
    /// <param name="restore">Whether each code base's packages are restored, so that their types resolve.</param>
    public static async Task<int> RunAsync(string data, string work, SourceTrees trees, string? only, bool countErrors, bool restore)
    {
        List<Expectation> expectations = Expectation.ReadAll(Path.Combine(data, "expectations.tsv"));
        var expected = expectations.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var all = new List<Finding>();
        var exceptions = new List<string>();
        var rows = new List<string>();
        var sets = new Dictionary<string, (int Findings, int Actionable)>(StringComparer.Ordinal);
        // --only names one code base or one set of them (unseen8).
        List<CodeBase> codeBases = CodeBase.ReadAll(Path.Combine(data, "codebases.tsv")).Where(c => only is null || c.Name == only || c.Set == only).ToList();
        // Exports and restores first, several at once: a restore mostly waits for the package source.
        var prepared = new System.Collections.Concurrent.ConcurrentDictionary<string, (string Root, TimeSpan Took)>(StringComparer.Ordinal);
        Parallel.ForEach(codeBases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, codeBase =>
        {
            var preparing = Stopwatch.StartNew();
            string exported = trees.Export(codeBase.Repository, codeBase.Commit, Path.Combine(work, "src", codeBase.Name));
            if (restore)
            {
                new CodeBaseCompiler(exported).RestorePackages(codeBase.Name, work);
            }

            prepared[codeBase.Name] = (exported, preparing.Elapsed);
        });

        foreach (CodeBase codeBase in codeBases)
        {
            var clock = Stopwatch.StartNew();
            string root = prepared[codeBase.Name].Root;
            var compiler = new CodeBaseCompiler(root);
            RestoredPackages packages = restore ? compiler.UsePackages(codeBase.Name, work) : RestoredPackages.None;
            var findings = new List<Finding>();
            long lines = 0, testLines = 0, errors = 0;
            var errorIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (ProjectFile project in compiler.Projects)
            {
                if (compiler.Compile(project) is not { } compilation)
                {
                    continue;
                }

                long projectLines = compilation.SyntaxTrees.Sum(tree => (long)tree.GetText().Lines.Count);
                lines += projectLines;
                testLines += project.IsTest ? projectLines : 0;
                // How well the code base's types resolve: an unresolved type hides what a collection holds.
                errors += countErrors ? CompileErrors(compilation, errorIds) : 0;
                (List<Finding> found, List<string> thrown) = await AnalyzerHost.RunAsync(codeBase.Name, root, project, compilation).ConfigureAwait(false);
                findings.AddRange(found);
                exceptions.AddRange(thrown.Select(e => codeBase.Name + ": " + e));
            }

            // One finding per rule and member: a partial type's member is one member.
            findings = findings.GroupBy(f => f.Key).Select(g => g.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).First()).ToList();
            all.AddRange(findings);
            int actionable = findings.Count(f => expected.TryGetValue(f.Key, out Expectation? e) && e.Actionable);
            int labelled = findings.Count(f => expected.ContainsKey(f.Key));
            string byRule = string.Join(", ", findings.GroupBy(f => f.Rule).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()));
            string byLabel = string.Join(", ", findings.GroupBy(f => expected.TryGetValue(f.Key, out Expectation? e) ? e.Label : "unlabelled").OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()));
            sets.TryGetValue(codeBase.Set, out (int Findings, int Actionable) set);
            sets[codeBase.Set] = (set.Findings + findings.Count, set.Actionable + actionable);
            rows.Add($"| {codeBase.Name} | {codeBase.Set} | {lines:N0} | {testLines:N0} | {findings.Count} | {byRule} | {byLabel} | {Report.Percent(actionable, findings.Count)} |");
            Console.Error.WriteLine($"{codeBase.Name}: {findings.Count} findings ({labelled} labelled), {(countErrors ? errors.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " compile errors (" + string.Join(", ", errorIds.OrderByDescending(pair => pair.Value).Take(3).Select(pair => pair.Key + " " + pair.Value)) + "), " : string.Empty)}{packages.Summary}, {clock.Elapsed.TotalSeconds:F0} s (export and restore {prepared[codeBase.Name].Took.TotalSeconds:F0} s)");
        }

        Console.WriteLine("| code base | set | lines of C# | in test projects | findings | by rule | by label | precision |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | --- | --- | ---: |");
        rows.ForEach(Console.WriteLine);
        int total = all.Count;
        int good = all.Count(f => expected.TryGetValue(f.Key, out Expectation? e) && e.Actionable);
        Console.WriteLine($"| all | | | | {total} | | | {Report.Percent(good, total)} |");
        Console.WriteLine();
        Console.WriteLine("| set | findings | actionable | precision |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach ((string name, (int findings, int actionable)) in sets)
        {
            Console.WriteLine($"| {name} | {findings} | {actionable} | {Report.Percent(actionable, findings)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"projects the compiler could not bind: {AnalyzerHost.CompilerFailures.Count}");
        AnalyzerHost.CompilerFailures.ToList().ForEach(failure => Console.WriteLine("  " + failure));
        Console.WriteLine($"analyzer exceptions: {exceptions.Count}");
        exceptions.Take(20).ToList().ForEach(e => Console.WriteLine("  " + e));

        var unlabelled = all.Where(f => !expected.ContainsKey(f.Key)).ToList();
        Console.WriteLine($"unlabelled findings: {unlabelled.Count}");
        foreach (Finding finding in unlabelled)
        {
            Console.WriteLine($"  {finding.CodeBase}\t{finding.Rule}\t{finding.Member}\t{finding.File}:{finding.Line}\t{(finding.InTestProject ? "[test project] " : string.Empty)}{finding.Message}");
        }

        var reported = new HashSet<string>(all.Select(f => f.Key), StringComparer.Ordinal);
        var measured = new HashSet<string>(codeBases.Select(c => c.Name), StringComparer.Ordinal);
        var gone = expectations.Where(e => measured.Contains(e.CodeBase) && !reported.Contains(e.Key)).ToList();
        Console.WriteLine($"labelled findings no longer reported: {gone.Count}");
        gone.ForEach(e => Console.WriteLine($"  {e.CodeBase}\t{e.Rule}\t{e.Member}\t{e.Label}"));

        File.WriteAllLines(Path.Combine(work, "findings.tsv"), all.Select(f => string.Join('\t', f.CodeBase, f.Rule, f.Member, f.File + ":" + f.Line, f.InTestProject, f.Message)));
        return exceptions.Count == 0 ? 0 : 3;
    }

    // The compiler's own errors, counted by ID (CS0246, a type not found, says a package is missing); a project the
    // compiler cannot bind (it throws, as for dotNext's extension blocks) counts none, and is listed with the analyzers'
    // compiler failures.
    private static int CompileErrors(Microsoft.CodeAnalysis.Compilation compilation, Dictionary<string, int> byId)
    {
        try
        {
            int count = 0;
            foreach (Microsoft.CodeAnalysis.Diagnostic diagnostic in compilation.GetDiagnostics())
            {
                if (diagnostic.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                {
                    count++;
                    byId[diagnostic.Id] = byId.GetValueOrDefault(diagnostic.Id) + 1;
                }
            }

            return count;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
