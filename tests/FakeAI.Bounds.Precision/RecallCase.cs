using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Precision;

/// <summary>A real unbounded-growth fix (recall.tsv): the member must be reported before the fix and not after it.</summary>
internal sealed record RecallCase(string Name, string Repository, string FixCommit, string ProjectFolder, string Member, string After)
{
    public static List<RecallCase> ReadAll(string path)
    {
        return Tables.Read(path).Select(row => new RecallCase(row["name"], row["repository"], row["fix"], row["project"], row["member"], row["after"])).ToList();
    }
}
