using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace FakeAI.Bounds.Precision.Tests;

/// <summary>
/// The harness's data files as docs/precision.md describes them: every code base and every fix pinned to a commit,
/// every labelled finding of a known code base with a known label and a reason, and no finding labelled twice.
/// </summary>
public sealed class DataFilesTests
{
    private static readonly Regex Commit = new("^[0-9a-f]{40}$", RegexOptions.CultureInvariant);
    private static readonly Regex Repository = new("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);

    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, file);

    [Fact]
    public void Every_code_base_is_pinned_to_a_commit_of_a_repository_and_named_once()
    {
        List<CodeBase> codeBases = CodeBase.ReadAll(Data("codebases.tsv"));

        Assert.True(codeBases.Count >= 9, "the issue's nine code bases at least");
        Assert.All(codeBases, codeBase =>
        {
            Assert.Matches(Commit, codeBase.Commit);
            Assert.Matches(Repository, codeBase.Repository);
            Assert.False(string.IsNullOrWhiteSpace(codeBase.Set), codeBase.Name + " has no set");
        });
        Assert.Empty(codeBases.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_labelled_finding_belongs_to_a_code_base_has_a_known_label_and_a_reason()
    {
        var names = new HashSet<string>(CodeBase.ReadAll(Data("codebases.tsv")).Select(c => c.Name), StringComparer.Ordinal);
        List<Expectation> expectations = Expectation.ReadAll(Data("expectations.tsv"));

        Assert.NotEmpty(expectations);
        Assert.All(expectations, expectation =>
        {
            Assert.Contains(expectation.CodeBase, names);
            Assert.Matches("^BND0[0-9]{2}$", expectation.Rule);
            Assert.True(Expectation.Labels.ContainsKey(expectation.Label), $"{expectation.Key}: unknown label '{expectation.Label}'");
            Assert.False(string.IsNullOrWhiteSpace(expectation.Reason), expectation.Key + " has no reason");
        });
        Assert.Empty(expectations.GroupBy(e => e.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_fix_is_pinned_to_its_commit_and_names_a_member()
    {
        List<RecallCase> fixes = RecallCase.ReadAll(Data("recall.tsv"));

        Assert.True(fixes.Count >= 15, "the issue asks for at least 15 fixes");
        Assert.All(fixes, fix =>
        {
            Assert.Matches(Commit, fix.FixCommit);
            Assert.Matches(Repository, fix.Repository);
            Assert.Contains('.', fix.Member);
            Assert.Contains(fix.After, new[] { "kept", "changed", "removed" });
        });
        Assert.Empty(fixes.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }
}
