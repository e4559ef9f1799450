using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// <c>recall</c>: every fix of recall.tsv, its project (and the projects it references) exported at the fix's parent
/// and at the fix, and the fixed member looked for among the findings of both.
/// </summary>
internal static class RecallRun
{
    public static async Task<int> RunAsync(string data, string work, SourceTrees trees, string? only, bool restore)
    {
        int before = 0, afterClean = 0, cases = 0;
        var exceptions = new List<string>();
        Console.WriteLine("| fix | member | before the fix | after the fix |");
        Console.WriteLine("| --- | --- | --- | --- |");
        List<RecallCase> fixes = RecallCase.ReadAll(Path.Combine(data, "recall.tsv")).Where(c => only is null || c.Name == only).ToList();

        // Both sides of every fix exported and their packages restored first, several at once: a restore mostly waits
        // for the package source.
        var roots = new System.Collections.Concurrent.ConcurrentDictionary<(string Fix, string Side), string>();
        Parallel.ForEach(fixes.SelectMany(fix => new[] { (Fix: fix, Side: "before"), (Fix: fix, Side: "after") }), new ParallelOptions { MaxDegreeOfParallelism = 4 }, item =>
        {
            string commit = item.Side == "before" ? trees.Parent(item.Fix.Repository, item.Fix.FixCommit) : item.Fix.FixCommit;
            string root = ExportProjectClosure(trees, item.Fix.Repository, commit, item.Fix.ProjectFolder, Path.Combine(work, "recall", item.Fix.Name, item.Side));
            if (restore)
            {
                new CodeBaseCompiler(root).RestorePackages(Path.Combine("recall", item.Fix.Name, item.Side), work);
            }

            roots[(item.Fix.Name, item.Side)] = root;
        });

        foreach (RecallCase fix in fixes)
        {
            cases++;
            List<Finding> was = await FindingsAtAsync(fix, "before").ConfigureAwait(false);
            List<Finding> now = await FindingsAtAsync(fix, "after").ConfigureAwait(false);
            string beforeText = Describe(was);
            string afterText = fix.After == "removed" ? "(member removed by the fix)" : Describe(now);
            before += was.Count > 0 ? 1 : 0;
            afterClean += was.Count > 0 && now.Count == 0 ? 1 : 0;
            Console.WriteLine($"| {fix.Name} | `{fix.Member}` | {beforeText} | {afterText} |");
        }

        Console.WriteLine();
        Console.WriteLine($"reported before the fix: {before} of {cases} ({Report.Percent(before, cases)}); of those, not reported after it: {afterClean} of {before} ({Report.Percent(afterClean, before)})");
        Console.WriteLine($"analyzer exceptions: {exceptions.Count}");
        return exceptions.Count == 0 ? 0 : 3;

        async Task<List<Finding>> FindingsAtAsync(RecallCase fix, string side)
        {
            string root = roots[(fix.Name, side)];
            var compiler = new CodeBaseCompiler(root);
            if (restore)
            {
                compiler.UsePackages(Path.Combine("recall", fix.Name, side), work);
            }
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
            foreach (string props in new[] { "Directory.Build.props", "Directory.Packages.props" })
            {
                if (trees.Exists(repository, commit, props))
                {
                    paths.Add(props);
                }
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
}
