using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>
/// Exit codes and messages as a user sees them: 0 for help, 2 with a reason per mistake and a pointer to --help for bad
/// arguments (before any traffic runs), 1 with one line for a failure while running; never a stack trace.
/// </summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_wrapped_to_the_console_and_exits_with_0(string help)
    {
        (int exitCode, string output, string error) = await DemoCommand.RunAsync(help);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.StartsWith("Description:", output, StringComparison.Ordinal);
        foreach (string option in new[] { "--operations <n>", "--output <path>", "--no-chart", "--seed <n>", "-h, --help" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        // Redirected output has no width of its own; the help is wrapped to the width the report uses.
        Assert.All(ReportText.Lines(output), line => Assert.True(line.TrimEnd().Length <= DemoConsole.RedirectedWidth, line));
        Assert.DoesNotContain('\u001b', output);
    }

    [Theory]
    [InlineData("--bogus", "Unrecognized command or argument '--bogus'.")]
    [InlineData("--operations", "Required argument missing for option: '--operations'.")]
    [InlineData("--operations|x", "--operations must be a positive integer, got 'x'.")]
    [InlineData("--operations|0", "--operations must be a positive integer, got '0'.")]
    [InlineData("--operations|-1", "--operations must be a positive integer, got '-1'.")]
    [InlineData("--seed|nope", "--seed must be a 32-bit integer, got 'nope'.")]
    [InlineData("--no-chart|--output|x.svg", "--output and --no-chart contradict each other; give one of them.")]
    [InlineData("--operations|--seed|1", "Unrecognized command or argument '1'.\nerror: --operations needs a value.")]
    public async Task Invalid_arguments_exit_with_2_and_a_reason_on_stderr(string arguments, string reason)
    {
        (int exitCode, string output, string error) = await DemoCommand.RunAsync(arguments.Split('|'));

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"error: {reason}\nRun with --help for usage.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_chart_directory_that_does_not_exist_is_refused_before_running()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "missing", "chart.svg");

        (int exitCode, string output, string error) = await DemoCommand.RunAsync("--output", path);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal(
            $"error: --output '{path}': directory '{Path.GetDirectoryName(path)}' does not exist.\nRun with --help for usage.\n",
            error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_chart_path_inside_a_file_is_refused()
    {
        // Permissions cannot make a directory unwritable for every user (root writes anyway); a file in the way can.
        using var directory = new TemporaryDirectory();
        string blocker = directory.File("not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");
        string path = Path.Combine(blocker, "chart.svg");

        (int exitCode, _, string error) = await DemoCommand.RunAsync("--output", path, "--operations", "10");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: --output '{path}': '{blocker}' is a file, not a directory.", error, StringComparison.Ordinal);
        Assert.EndsWith("Run with --help for usage.\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_as_chart_path_is_refused_with_an_example()
    {
        using var directory = new TemporaryDirectory();

        (int exitCode, _, string error) = await DemoCommand.RunAsync("--output", directory.Path);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(
            $"error: --output '{directory.Path}' is a directory; give a file path such as '{Path.Combine(directory.Path, "bounds-demo.svg")}'.",
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_while_running_is_one_line_on_stderr_and_exit_code_1()
    {
        using var output = new FailingWriter();
        using var error = new StringWriter();

        int exitCode = await DemoApp.RunAsync(["--operations", "10", "--no-chart"], DemoConsole.Create(output), error);

        Assert.Equal(1, exitCode);
        Assert.Equal("error: the demo failed: IOException: No space left on device (simulated).\n", error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Standard output on a full disk.</summary>
    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device\n(simulated).");
    }
}
