using System;
using System.IO;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>One redrawn line on a terminal; plain lines, one per tenth, when the output is redirected.</summary>
public class ProgressBarTests
{
    [Fact]
    public void Redirected_output_gets_a_plain_line_per_tenth_and_no_carriage_returns()
    {
        using var output = new StringWriter();
        var progress = new ProgressBar(output, interactive: false, "bounded", 1_000);

        for (int done = 1; done <= 1_000; done++)
        {
            progress.Report(done, 3 * 1024 * 1024);
        }

        progress.Complete(TimeSpan.FromSeconds(1.5), 3 * 1024 * 1024);

        string[] lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.DoesNotContain('\r', output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(10, lines.Length);
        Assert.Equal("bounded: 100/1,000 operations (10%), heap +3.0 MB", lines[0]);
        Assert.Equal("bounded   1,000 operations in 1.5 s, heap +3.0 MB at the end", lines[^1]);
    }

    [Fact]
    public void A_terminal_gets_one_line_redrawn_in_place()
    {
        using var output = new StringWriter();
        var progress = new ProgressBar(output, interactive: true, "unbounded", 400);

        for (int done = 1; done <= 400; done++)
        {
            progress.Report(done, 0);
        }

        progress.Complete(TimeSpan.FromSeconds(2), 0);

        string text = output.ToString();
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.True(text.Count(c => c == '\r') > 100);
        Assert.Contains("unbounded [############################] 100%  400/400 operations", text, StringComparison.Ordinal);
        // The last line is padded to cover the longer bar it replaces.
        string last = text.Split('\r')[^1];
        Assert.EndsWith(Environment.NewLine, last, StringComparison.Ordinal);
        Assert.Equal("unbounded 400 operations in 2.0 s, heap +0.0 MB at the end", last.TrimEnd());
    }
}
