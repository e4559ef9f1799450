using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Precision;

/// <summary>A labelled finding (expectations.tsv).</summary>
internal sealed record Expectation(string CodeBase, string Rule, string Member, string Label, string Reason)
{
    /// <summary>The labels, and which of them a user would act on.</summary>
    public static readonly IReadOnlyDictionary<string, bool> Labels = new Dictionary<string, bool>
    {
        ["traffic"] = true,       // grows with the traffic an application serves
        ["caller-keys"] = true,   // a library API keeps whatever its callers pass, with no bound or removal
        ["structural"] = false,   // bounded by the program: types, members, configuration, startup registrations
        ["test"] = false,         // test code
        ["wrong"] = false,        // a bound the analysis did not see
    };

    public string Key => CodeBase + "|" + Rule + "|" + Member;

    public bool Actionable => Labels[Label];

    public static List<Expectation> ReadAll(string path)
    {
        return Tables.Read(path).Select(row => new Expectation(row["codebase"], row["rule"], row["member"], row["label"], row["reason"])).ToList();
    }
}
