using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Spectre.Console;
using Spectre.Console.Testing;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>
/// How a run shows its progress: a Spectre progress task fed by the driver, a line that stays once a version is done, a
/// live bar on a terminal, and only plain lines when the output is redirected.
/// </summary>
public class RunProgressTests
{
    private const long Megabytes3 = 3 * 1024 * 1024;

    [Fact]
    public void The_task_follows_the_run_to_its_last_operation_and_carries_the_latest_heap()
    {
        // 1,003 operations do not divide into the reporter's 200 steps: the last one must still reach the task.
        var task = new ProgressTask(1, "bounded", 1_003);
        var progress = new RunProgress(task, "bounded");

        for (int done = 1; done <= 500; done++)
        {
            progress.Report(done, Megabytes3);
        }

        Assert.InRange(task.Value, 495, 500);
        Assert.Equal("bounded (heap +3.0 MB)", task.Description);

        for (int done = 501; done <= 1_003; done++)
        {
            progress.Report(done, 2 * Megabytes3);
        }

        Assert.Equal(1_003, task.Value);
        Assert.True(task.IsFinished);
        Assert.Equal("bounded (heap +6.0 MB)", task.Description);
    }

    [Fact]
    public void The_line_that_stays_gives_the_operations_time_and_final_heap()
    {
        var result = new VersionResult("bounded", [new HeapSample(0, 0), new HeapSample(1_000, Megabytes3)], [], [], TimeSpan.FromSeconds(1.5));

        Assert.Equal("bounded   1,000 operations in 1.5 s, heap +3.0 MB at the end", RunProgress.Summary(result, 1_000));
    }

    [Fact]
    public async Task Redirected_output_gets_plain_lines_without_ansi_codes_or_carriage_returns()
    {
        using var output = new StringWriter();

        await DemoApp.ExecuteAsync(new DemoOptions(3_000, null, 42), TrackerLimits.Defaults, DemoConsole.Create(output));

        string text = output.ToString().ReplaceLineEndings("\n");
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        string[] lines = ReportText.Lines(text);
        Assert.Matches(@"^bounded   3,000 operations in \d+\.\d s, heap \+\d+\.\d MB at the end$", lines[1]);
        Assert.Matches(@"^unbounded 3,000 operations in \d+\.\d s, heap \+\d+\.\d MB at the end$", lines.Single(line => line.StartsWith("unbounded ", StringComparison.Ordinal) && !line.EndsWith('%')));

        // Spectre's progress for output that is not a terminal prints a line at milestones as time passes (on a loaded
        // machine also "unbounded (heap …): 50%", which the summary's match above leaves out); a run this short may
        // end before the first. Whatever it printed is one plain line per milestone.
        Assert.All(
            lines.Where(line => line.EndsWith('%')),
            line => Assert.Matches(@"^(bounded|unbounded) \(heap \+\d+\.\d MB\): \d+%$", line));
    }

    [Fact]
    public async Task A_terminal_gets_a_live_bar_per_version_that_clears_for_the_line_that_stays()
    {
        using var console = new TestConsole().Interactive().EmitAnsiSequences().Width(DemoConsole.RedirectedWidth);

        await DemoApp.ExecuteAsync(new DemoOptions(3_000, null, 42), TrackerLimits.Defaults, console);

        // Colours and cursor moves between the bar's segments are the terminal's business; the text is the demo's. A
        // line may start after a carriage return (the cleared bar), so words are matched from a boundary, not a line start.
        Assert.Contains("\u001b[", console.Output, StringComparison.Ordinal);
        string text = Regex.Replace(console.Output, @"\u001b\[[0-9;?]*[A-Za-z]", string.Empty);
        Assert.Matches(@"\bbounded \(heap \+\d+\.\d MB\) ━+ 100%", text);
        Assert.Matches(@"\bunbounded \(heap \+\d+\.\d MB\) ━+ 100%", text);
        Assert.Matches(@"\bbounded   3,000 operations in \d+\.\d s, heap \+\d+\.\d MB at the end", text);
        Assert.Matches(@"\bunbounded 3,000 operations in \d+\.\d s, heap \+\d+\.\d MB at the end", text);
    }
}
