using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The demo's command line, declared with System.CommandLine: the four options, their defaults and checks, and the help
/// the library generates from them. Structural mistakes (an unknown option, a missing value, an option given twice) get
/// the library's messages; values it cannot judge (a count of zero, a seed beyond 32 bits, an empty path, a chart both
/// asked for and refused) get a one-line reason that names the option and the value, so the user can fix the command
/// without reading code.
/// </summary>
internal sealed class DemoCommandLine
{
    /// <summary>Creates the command and its options.</summary>
    public DemoCommandLine()
    {
        Operations = new Option<int>("--operations")
        {
            Description = "Traffic operations (tracker calls) replayed through each version, a positive integer; digit separators as in C# (200_000) are accepted.",
            HelpName = "n",
            DefaultValueFactory = _ => DemoOptions.DefaultOperations,
            CustomParser = ParseOperations,
        };
        Output = new Option<string>("--output")
        {
            Description = "Where to write the SVG chart of heap size against operations. The directory must exist.",
            HelpName = "path",
            DefaultValueFactory = _ => DemoOptions.DefaultChartPath,
        };
        Output.Validators.Add(RefuseForgottenOrEmptyPath);
        NoChart = new Option<bool>("--no-chart")
        {
            Description = "Do not write the chart.",
            Arity = ArgumentArity.Zero,
        };
        NoChart.Validators.Add(RefuseRepeatedFlag);
        Seed = new Option<int>("--seed")
        {
            Description = "Seed of the traffic generator: the same seed replays the same traffic.",
            HelpName = "n",
            DefaultValueFactory = _ => DemoOptions.DefaultSeed,
            CustomParser = ParseSeed,
        };

        // A plain command rather than RootCommand: its name in the usage line stays the demo's own under any host
        // (tests run it inside the test host), and it adds no --version or directives the demo never had.
        Command = new Command("FakeAI.Bounds.Demo", Description)
        {
            Operations,
            Output,
            NoChart,
            Seed,
            new HelpOption(),
        };
        Command.Validators.Add(RefuseContradiction);
    }

    /// <summary>
    /// What the help says the demo does, how to run it from a clone, and the exit codes that scripts rely on (the
    /// library's help lists options, not exit codes, and its layout is not open to additions).
    /// </summary>
    public const string Description =
        "Replays the same simulated FakeAI traffic through the trackers built on generated bounded collections "
        + "(FakeAI.Bounds.Samples) and through the same trackers on plain List and Dictionary "
        + "(FakeAI.Bounds.Samples.Unbounded), then prints what each version holds and charts its managed heap. "
        + "From the repository's root: dotnet run --project samples/FakeAI.Bounds.Demo -- [options]. "
        + "Exit codes: 0 done, 1 unexpected failure, 2 invalid arguments.";

    /// <summary>The command the options belong to.</summary>
    public Command Command { get; }

    /// <summary><c>--operations &lt;n&gt;</c>.</summary>
    public Option<int> Operations { get; }

    /// <summary><c>--output &lt;path&gt;</c>.</summary>
    public Option<string> Output { get; }

    /// <summary><c>--no-chart</c>.</summary>
    public Option<bool> NoChart { get; }

    /// <summary><c>--seed &lt;n&gt;</c>.</summary>
    public Option<int> Seed { get; }

    /// <summary>Reads the arguments.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <returns>The library's parse result: errors, a help request, or values.</returns>
    public ParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Command.Parse(args);
    }

    /// <summary>The options a valid parse describes.</summary>
    /// <param name="result">A parse of this command without errors.</param>
    /// <returns>The options.</returns>
    public DemoOptions GetOptions(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DemoOptions(
            result.GetValue(Operations),
            result.GetValue(NoChart) ? null : result.GetValue(Output),
            result.GetValue(Seed));
    }

    private static int ParseOperations(ArgumentResult result)
    {
        string value = SingleToken(result);
        if (IsForgottenValue(value))
        {
            result.AddError("--operations needs a value.");
            return 0;
        }

        if (!TryParseInteger(value, out long count) || count <= 0)
        {
            result.AddError($"--operations must be a positive integer, got '{value}'.");
            return 0;
        }

        if (count > int.MaxValue)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"--operations must be at most {int.MaxValue:N0}, got '{value}'."));
            return 0;
        }

        return (int)count;
    }

    private static int ParseSeed(ArgumentResult result)
    {
        string value = SingleToken(result);
        if (IsForgottenValue(value))
        {
            result.AddError("--seed needs a value.");
            return 0;
        }

        if (!TryParseInteger(value, out long number) || number < int.MinValue || number > int.MaxValue)
        {
            result.AddError($"--seed must be a 32-bit integer, got '{value}'.");
            return 0;
        }

        return (int)number;
    }

    /// <summary>
    /// The value to parse. The library checks the option's arity before calling a custom parser with tokens, so there
    /// is one; the last is taken to stay safe should that order ever change.
    /// </summary>
    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;

    /// <summary>An integer, with optional <c>_</c> digit separators as in C# (<c>200_000</c>).</summary>
    private static bool TryParseInteger(string text, out long value)
    {
        string digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        bool wellPlaced = text.Length > 0 && !text.StartsWith('_') && !text.EndsWith('_') && !text.Contains("-_", StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && wellPlaced;
    }

    /// <summary>
    /// Whether a value is really the next option: the library hands "--seed" to <c>--operations</c> as its value in
    /// "--operations --seed 3", which is a forgotten value, not the value "--seed". "--seed -5" is a negative seed.
    /// </summary>
    private static bool IsForgottenValue(string value) => value.StartsWith("--", StringComparison.Ordinal);

    private static void RefuseForgottenOrEmptyPath(OptionResult result)
    {
        if (result.Implicit)
        {
            return;
        }

        if (result.Tokens.Any(token => IsForgottenValue(token.Value)))
        {
            result.AddError("--output needs a value.");
        }
        else if (result.Tokens.Any(token => token.Value.Trim().Length == 0))
        {
            result.AddError("--output needs a file path, got an empty value.");
        }
    }

    /// <summary>A flag given twice is refused rather than silently taken once, like the valued options.</summary>
    private static void RefuseRepeatedFlag(OptionResult result)
    {
        if (result.IdentifierTokenCount > 1)
        {
            result.AddError("--no-chart was given more than once.");
        }
    }

    private void RefuseContradiction(CommandResult result)
    {
        if (result.GetResult(NoChart) is { Implicit: false } && result.GetResult(Output) is { Implicit: false })
        {
            result.AddError("--output and --no-chart contradict each other; give one of them.");
        }
    }
}
