using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>What the command line accepts, and the one-line reason for everything it refuses.</summary>
public class OptionsParserTests
{
    [Fact]
    public void No_arguments_give_the_defaults_of_the_readme_run()
    {
        ParsedArguments parsed = OptionsParser.Parse([]);

        Assert.Equal(new DemoOptions(500_000, "bounds-demo.svg", 42), parsed.Options);
        Assert.False(parsed.HelpRequested);
        Assert.Null(parsed.Error);
    }

    [Fact]
    public void Every_option_takes_its_value_from_the_next_argument()
    {
        ParsedArguments parsed = OptionsParser.Parse(["--operations", "5000", "--output", "out/chart.svg", "--seed", "-7"]);

        Assert.Equal(new DemoOptions(5_000, "out/chart.svg", -7), parsed.Options);
    }

    [Fact]
    public void Values_may_follow_an_equals_sign_and_use_digit_separators()
    {
        ParsedArguments parsed = OptionsParser.Parse(["--operations=1_000_000", "--seed=3", "--output=a b.svg"]);

        Assert.Equal(new DemoOptions(1_000_000, "a b.svg", 3), parsed.Options);
    }

    [Fact]
    public void No_chart_means_no_chart_path()
    {
        ParsedArguments parsed = OptionsParser.Parse(["--no-chart", "--operations", "10"]);

        Assert.Equal(new DemoOptions(10, null, 42), parsed.Options);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_wins_over_everything_else_even_invalid_arguments(string help)
    {
        ParsedArguments parsed = OptionsParser.Parse(["--operations", "zero", help, "--bogus"]);

        Assert.True(parsed.HelpRequested);
        Assert.Null(parsed.Options);
        Assert.Null(parsed.Error);
    }

    [Theory]
    [InlineData("--verbose", "unknown option '--verbose'.")]
    [InlineData("-v", "unknown option '-v'.")]
    [InlineData("chart.svg", "unexpected argument 'chart.svg'.")]
    [InlineData("--operations", "--operations needs a value.")]
    [InlineData("--operations|--seed|1", "--operations needs a value.")]
    [InlineData("--operations|abc", "--operations must be a positive integer, got 'abc'.")]
    [InlineData("--operations|0", "--operations must be a positive integer, got '0'.")]
    [InlineData("--operations|-5", "--operations must be a positive integer, got '-5'.")]
    [InlineData("--operations|1.5", "--operations must be a positive integer, got '1.5'.")]
    [InlineData("--operations=", "--operations must be a positive integer, got ''.")]
    [InlineData("--operations|_100", "--operations must be a positive integer, got '_100'.")]
    [InlineData("--operations|3000000000", "--operations must be at most 2,147,483,647, got '3000000000'.")]
    [InlineData("--operations|5|--operations|6", "--operations was given more than once.")]
    [InlineData("--seed", "--seed needs a value.")]
    [InlineData("--seed|x", "--seed must be a 32-bit integer, got 'x'.")]
    [InlineData("--seed|99999999999", "--seed must be a 32-bit integer, got '99999999999'.")]
    [InlineData("--seed|1|--seed|2", "--seed was given more than once.")]
    [InlineData("--output", "--output needs a value.")]
    [InlineData("--output| ", "--output needs a file path, got an empty value.")]
    [InlineData("--output|a.svg|--output|b.svg", "--output was given more than once.")]
    [InlineData("--no-chart=yes", "--no-chart takes no value, got '--no-chart=yes'.")]
    [InlineData("--no-chart|--no-chart", "--no-chart was given more than once.")]
    [InlineData("--no-chart|--output|a.svg", "--output and --no-chart contradict each other; give one of them.")]
    public void Invalid_arguments_are_refused_with_a_one_line_reason(string arguments, string reason)
    {
        ParsedArguments parsed = OptionsParser.Parse(arguments.Split('|'));

        Assert.Null(parsed.Options);
        Assert.False(parsed.HelpRequested);
        Assert.Equal(reason, parsed.Error);
    }

    [Fact]
    public void The_usage_text_describes_every_option()
    {
        foreach (string option in new[] { "--operations <n>", "--output <path>", "--no-chart", "--seed <n>", "-h, --help" })
        {
            Assert.Contains(option, OptionsParser.Usage, System.StringComparison.Ordinal);
        }
    }
}
