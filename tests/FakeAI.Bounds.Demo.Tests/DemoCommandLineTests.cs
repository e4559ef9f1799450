using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>What the demo's command line accepts, the help it shows, and the reason for everything it refuses.</summary>
public class DemoCommandLineTests
{
    [Fact]
    public void No_arguments_give_the_defaults_of_the_readme_run()
    {
        var commandLine = new DemoCommandLine();

        ParseResult parsed = commandLine.Parse([]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new DemoOptions(500_000, "bounds-demo.svg", 42), commandLine.GetOptions(parsed));
    }

    [Fact]
    public void Every_option_takes_its_value_from_the_next_argument()
    {
        var commandLine = new DemoCommandLine();

        ParseResult parsed = commandLine.Parse(["--operations", "5000", "--output", "out/chart.svg", "--seed", "-7"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new DemoOptions(5_000, "out/chart.svg", -7), commandLine.GetOptions(parsed));
    }

    [Fact]
    public void Values_may_follow_an_equals_sign_and_use_digit_separators()
    {
        var commandLine = new DemoCommandLine();

        ParseResult parsed = commandLine.Parse(["--operations=1_000_000", "--seed=3", "--output=a b.svg"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new DemoOptions(1_000_000, "a b.svg", 3), commandLine.GetOptions(parsed));
    }

    [Fact]
    public void No_chart_means_no_chart_path()
    {
        var commandLine = new DemoCommandLine();

        ParseResult parsed = commandLine.Parse(["--no-chart", "--operations", "10"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(new DemoOptions(10, null, 42), commandLine.GetOptions(parsed));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_wins_over_everything_else_even_invalid_arguments(string help)
    {
        ParseResult parsed = new DemoCommandLine().Parse(["--operations", "zero", help, "--bogus"]);

        Assert.IsType<HelpAction>(parsed.Action);
    }

    [Theory]
    [InlineData("--verbose", "Unrecognized command or argument '--verbose'.")]
    [InlineData("-v", "Unrecognized command or argument '-v'.")]
    [InlineData("chart.svg", "Unrecognized command or argument 'chart.svg'.")]
    [InlineData("--operations", "Required argument missing for option: '--operations'.")]
    [InlineData("--operations|--seed|1", "Unrecognized command or argument '1'.|--operations needs a value.")]
    [InlineData("--operations|abc", "--operations must be a positive integer, got 'abc'.")]
    [InlineData("--operations|0", "--operations must be a positive integer, got '0'.")]
    [InlineData("--operations|-5", "--operations must be a positive integer, got '-5'.")]
    [InlineData("--operations|1.5", "--operations must be a positive integer, got '1.5'.")]
    [InlineData("--operations=", "Required argument missing for option: '--operations'.")]
    [InlineData("--operations|_100", "--operations must be a positive integer, got '_100'.")]
    [InlineData("--operations|3000000000", "--operations must be at most 2,147,483,647, got '3000000000'.")]
    [InlineData("--operations|5|--operations|6", "Option '--operations' expects a single argument but 2 were provided.")]
    [InlineData("--seed", "Required argument missing for option: '--seed'.")]
    [InlineData("--seed|x", "--seed must be a 32-bit integer, got 'x'.")]
    [InlineData("--seed|99999999999", "--seed must be a 32-bit integer, got '99999999999'.")]
    [InlineData("--seed|1|--seed|2", "Option '--seed' expects a single argument but 2 were provided.")]
    [InlineData("--output", "Required argument missing for option: '--output'.")]
    [InlineData("--output=", "Required argument missing for option: '--output'.")]
    [InlineData("--output|--seed|3", "Unrecognized command or argument '3'.|--output needs a value.")]
    [InlineData("--output| ", "--output needs a file path, got an empty value.")]
    [InlineData("--output|a.svg|--output|b.svg", "Option '--output' expects a single argument but 2 were provided.")]
    [InlineData("--no-chart=yes", "Unrecognized command or argument 'yes'.")]
    [InlineData("--no-chart|--no-chart", "--no-chart was given more than once.")]
    [InlineData("--no-chart|--output|a.svg", "--output and --no-chart contradict each other; give one of them.")]
    public void Invalid_arguments_are_refused_with_a_reason_naming_the_option_or_value(string arguments, string reasons)
    {
        ParseResult parsed = new DemoCommandLine().Parse(arguments.Split('|'));

        Assert.IsNotType<HelpAction>(parsed.Action);
        Assert.Equal(reasons.Split('|'), parsed.Errors.Select(error => error.Message));
    }

    [Fact]
    public void The_generated_help_lists_every_option_with_its_default_and_the_exit_codes()
    {
        using var output = new StringWriter();
        ParseResult parsed = new DemoCommandLine().Parse(["--help"]);

        int exitCode = parsed.Invoke(new InvocationConfiguration { Output = output });

        string help = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.StartsWith("Description:", help, StringComparison.Ordinal);
        Assert.Contains("FakeAI.Bounds.Demo [options]", help, StringComparison.Ordinal);
        string[] lines = ReportText.Lines(help);
        Assert.Contains(lines, line => line.StartsWith("  --operations <n>", StringComparison.Ordinal) && line.Contains("[default: 500000]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  --output <path>", StringComparison.Ordinal) && line.Contains("[default: bounds-demo.svg]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  --no-chart", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  --seed <n>", StringComparison.Ordinal) && line.Contains("[default: 42]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("  -?, -h, --help", StringComparison.Ordinal));
        Assert.Contains("Exit codes: 0 done, 1 unexpected failure, 2 invalid arguments.", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--version", help, StringComparison.Ordinal);
    }
}
