using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// <c>precision</c>: every code base of codebases.tsv, its findings compared with expectations.tsv.
/// <c>recall</c>: every fix of recall.tsv, its member checked before and after the fix.
/// See docs/precision.md for the commands and what the numbers mean.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("precision" or "recall"))
        {
            Console.Error.WriteLine("usage: precision|recall [--mirrors DIR] [--work DIR] [--only NAME] [--data DIR]");
            return 2;
        }

        string? Option(string name)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        string data = Option("--data") ?? AppContext.BaseDirectory;
        string work = Path.GetFullPath(Option("--work") ?? Path.Combine(Path.GetTempPath(), "fakeai-bounds-precision"));
        Directory.CreateDirectory(work);
        var trees = new SourceTrees(work, Option("--mirrors"));
        string? only = Option("--only");
        return args[0] == "precision"
            ? await RunPrecisionAsync(data, work, trees, only).ConfigureAwait(false)
            : await RunRecallAsync(data, work, trees, only).ConfigureAwait(false);
    }

    private static async Task<int> RunPrecisionAsync(string data, string work, SourceTrees trees, string? only)
    {
        List<Expectation> expectations = Expectation.ReadAll(Path.Combine(data, "expectations.tsv"));
        var expected = expectations.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var all = new List<Finding>();
        var exceptions = new List<string>();
        var rows = new List<string>();
        foreach (CodeBase codeBase in CodeBase.ReadAll(Path.Combine(data, "codebases.tsv")).Where(c => only is null || c.Name == only))
        {
            var clock = Stopwatch.StartNew();
            string root = trees.Export(codeBase.Repository, codeBase.Commit, Path.Combine(work, "src", codeBase.Name));
            var compiler = new CodeBaseCompiler(root);
            var findings = new List<Finding>();
            long lines = 0, testLines = 0;
            foreach (ProjectFile project in compiler.Projects)
            {
                if (compiler.Compile(project) is not { } compilation)
                {
                    continue;
                }

                long projectLines = compilation.SyntaxTrees.Sum(tree => (long)tree.GetText().Lines.Count);
                lines += projectLines;
                testLines += project.IsTest ? projectLines : 0;
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
            rows.Add($"| {codeBase.Name} | {codeBase.Set} | {lines:N0} | {testLines:N0} | {findings.Count} | {byRule} | {byLabel} | {Percent(actionable, findings.Count)} |");
            Console.Error.WriteLine($"{codeBase.Name}: {findings.Count} findings ({labelled} labelled), {clock.Elapsed.TotalSeconds:F0} s");
        }

        Console.WriteLine("| code base | set | lines of C# | in test projects | findings | by rule | by label | precision |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | --- | --- | ---: |");
        rows.ForEach(Console.WriteLine);
        int total = all.Count;
        int good = all.Count(f => expected.TryGetValue(f.Key, out Expectation? e) && e.Actionable);
        Console.WriteLine($"| all | | | | {total} | | | {Percent(good, total)} |");
        Console.WriteLine();
        Console.WriteLine($"analyzer exceptions: {exceptions.Count}");
        exceptions.Take(20).ToList().ForEach(e => Console.WriteLine("  " + e));

        var unlabelled = all.Where(f => !expected.ContainsKey(f.Key)).ToList();
        Console.WriteLine($"unlabelled findings: {unlabelled.Count}");
        foreach (Finding finding in unlabelled)
        {
            Console.WriteLine($"  {finding.CodeBase}\t{finding.Rule}\t{finding.Member}\t{finding.File}:{finding.Line}\t{(finding.InTestProject ? "[test project] " : string.Empty)}{finding.Message}");
        }

        var reported = new HashSet<string>(all.Select(f => f.Key), StringComparer.Ordinal);
        var gone = expectations.Where(e => (only is null || e.CodeBase == only) && !reported.Contains(e.Key)).ToList();
        Console.WriteLine($"labelled findings no longer reported: {gone.Count}");
        gone.ForEach(e => Console.WriteLine($"  {e.CodeBase}\t{e.Rule}\t{e.Member}\t{e.Label}"));

        File.WriteAllLines(Path.Combine(work, "findings.tsv"), all.Select(f => string.Join('\t', f.CodeBase, f.Rule, f.Member, f.File + ":" + f.Line, f.InTestProject, f.Message)));
        return exceptions.Count == 0 ? 0 : 3;
    }

    private static async Task<int> RunRecallAsync(string data, string work, SourceTrees trees, string? only)
    {
        int before = 0, afterClean = 0, cases = 0;
        var exceptions = new List<string>();
        Console.WriteLine("| fix | member | before the fix | after the fix |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (RecallCase fix in RecallCase.ReadAll(Path.Combine(data, "recall.tsv")).Where(c => only is null || c.Name == only))
        {
            cases++;
            string parent = trees.Parent(fix.Repository, fix.FixCommit);
            List<Finding> was = await FindingsAtAsync(fix, parent, "before").ConfigureAwait(false);
            List<Finding> now = await FindingsAtAsync(fix, fix.FixCommit, "after").ConfigureAwait(false);
            string beforeText = Describe(was);
            string afterText = fix.After == "removed" ? "(member removed by the fix)" : Describe(now);
            before += was.Count > 0 ? 1 : 0;
            afterClean += was.Count > 0 && now.Count == 0 ? 1 : 0;
            Console.WriteLine($"| {fix.Name} | `{fix.Member}` | {beforeText} | {afterText} |");
        }

        Console.WriteLine();
        Console.WriteLine($"reported before the fix: {before} of {cases} ({Percent(before, cases)}); of those, not reported after it: {afterClean} of {before} ({Percent(afterClean, before)})");
        Console.WriteLine($"analyzer exceptions: {exceptions.Count}");
        return exceptions.Count == 0 ? 0 : 3;

        async Task<List<Finding>> FindingsAtAsync(RecallCase fix, string commit, string side)
        {
            string into = Path.Combine(work, "recall", fix.Name, side);
            string root = ExportProjectClosure(trees, fix.Repository, commit, fix.ProjectFolder, into);
            var compiler = new CodeBaseCompiler(root);
            string projectDirectory = Path.GetFullPath(Path.Combine(root, fix.ProjectFolder));
            var findings = new List<Finding>();
            foreach (ProjectFile project in compiler.Projects.Where(p => p.Directory == projectDirectory))
            {
                if (compiler.Compile(project) is { } compilation)
                {
                    (List<Finding> found, List<string> thrown) = await AnalyzerHost.RunAsync(fix.Name, root, project, compilation).ConfigureAwait(false);
                    findings.AddRange(found.Where(f => SameMember(f.Member, fix.Member)));
                    exceptions.AddRange(thrown);
                }
            }

            return findings;
        }
    }

    // The project's folder, the folders of the projects it references (transitively), and the build props at the root.
    private static string ExportProjectClosure(SourceTrees trees, string repository, string commit, string projectFolder, string into)
    {
        var folders = new List<string> { projectFolder.TrimEnd('/') };
        for (int round = 0; round < 8; round++)
        {
            var paths = folders.ToList();
            if (trees.Exists(repository, commit, "Directory.Build.props"))
            {
                paths.Add("Directory.Build.props");
            }

            trees.Export(repository, commit, into, paths);
            var more = Directory.EnumerateFiles(into, "*.csproj", SearchOption.AllDirectories)
                .SelectMany(path => ProjectFile.Read(path, into).ProjectReferences)
                .Select(reference => Path.GetRelativePath(into, Path.GetDirectoryName(reference)!).Replace('\\', '/'))
                .Where(folder => !folder.StartsWith("..", StringComparison.Ordinal) && !folders.Any(f => folder == f || folder.StartsWith(f + "/", StringComparison.Ordinal)))
                .Where(folder => trees.Exists(repository, commit, folder))
                .Distinct()
                .ToList();
            if (more.Count == 0)
            {
                break;
            }

            folders.AddRange(more);
        }

        return into;
    }

    // Namespaces are written differently by hand than by the compiler (nested namespaces, generic arity), so the
    // type's and the member's own names decide.
    private static bool SameMember(string reported, string expected)
    {
        static string TypeAndMember(string name)
        {
            int last = name.LastIndexOf('.');
            int type = last <= 0 ? -1 : name.LastIndexOf('.', last - 1);
            return name[(type + 1)..];
        }

        return reported == expected || TypeAndMember(reported) == TypeAndMember(expected);
    }

    private static string Describe(List<Finding> findings)
    {
        return findings.Count == 0 ? "not reported" : string.Join(", ", findings.Select(f => f.Rule).Distinct());
    }

    private static string Percent(int part, int whole)
    {
        return whole == 0 ? "–" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
    }
}
