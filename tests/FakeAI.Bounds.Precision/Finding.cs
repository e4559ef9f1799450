namespace FakeAI.Bounds.Precision;

/// <summary>One BND0xx diagnostic on a code base, identified by rule and member so that it survives line shifts.</summary>
internal sealed record Finding(string CodeBase, string Rule, string Member, string File, int Line, bool InTestProject, string Message)
{
    public string Key => CodeBase + "|" + Rule + "|" + Member;
}
