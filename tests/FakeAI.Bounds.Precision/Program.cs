using System;
using System.IO;
using System.Threading.Tasks;

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
            Console.Error.WriteLine("usage: precision|recall [--mirrors DIR] [--work DIR] [--only NAME|SET] [--data DIR] [--errors] [--no-restore]");
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
        // Packages are restored unless asked not to: without them a package's types stay unresolved.
        bool restore = Array.IndexOf(args, "--no-restore") < 0;
        return args[0] == "precision"
            ? await PrecisionRun.RunAsync(data, work, trees, only, countErrors: Array.IndexOf(args, "--errors") >= 0, restore).ConfigureAwait(false)
            : await RecallRun.RunAsync(data, work, trees, only, restore).ConfigureAwait(false);
    }
}
