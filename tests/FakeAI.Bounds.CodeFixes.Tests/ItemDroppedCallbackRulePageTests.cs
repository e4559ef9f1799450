using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.ItemDroppedCallbackCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>docs/rules/BND005.md shows what the code fix writes: its Before example, fixed, is its After example.</summary>
public sealed class ItemDroppedCallbackRulePageTests
{
    private const string Call = "System.Threading.Channels.Channel.CreateBounded<";

    [Fact]
    public async Task The_fix_turns_the_pages_before_example_into_its_after_example()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", "BND005.md")).ReplaceLineEndings("\n");
        string before = Example(page, "Before:");
        string after = Example(page, "After:");

        await VerifyFix.FixAsync(MarkCall(before), after);
    }

    // The first ```csharp block after a line that reads exactly `label`.
    private static string Example(string page, string label)
    {
        Match match = Regex.Match(page, "^" + Regex.Escape(label) + "\n\n```csharp\n(?<code>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"no '{label}' example");
        return match.Groups["code"].Value;
    }

    // Marks the CreateBounded call, from its name to its closing parenthesis, as the expected BND005.
    private static string MarkCall(string code)
    {
        int start = code.IndexOf(Call, StringComparison.Ordinal);
        Assert.True(start >= 0, "the example creates no channel with " + Call);
        int end = code.IndexOf('(', start);
        for (int depth = 0; ; end++)
        {
            depth += code[end] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                break;
            }
        }

        return code[..start] + "{|BND005:" + code[start..(end + 1)] + "|}" + code[(end + 1)..];
    }
}
