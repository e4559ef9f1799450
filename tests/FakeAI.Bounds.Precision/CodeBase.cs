using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Precision;

/// <summary>A public code base at a pinned commit (codebases.tsv). <c>Set</c> says how it was used (docs/precision.md).</summary>
internal sealed record CodeBase(string Name, string Repository, string Commit, string Set)
{
    public static List<CodeBase> ReadAll(string path)
    {
        return Tables.Read(path).Select(row => new CodeBase(row["name"], row["repository"], row["commit"], row["set"])).ToList();
    }
}
