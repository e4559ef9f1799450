using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Reads the command line by hand: four options do not justify a package dependency in a sample that users copy from.
/// Every refusal is a single line naming the option and the value, so the user can fix the command without reading
/// code. Options take their value as the next argument or after <c>=</c>; giving one twice is refused rather than
/// silently taking the last.
/// </summary>
internal static class OptionsParser
{
    /// <summary>The <c>--help</c> text.</summary>
    public const string Usage =
        """
        FakeAI.Bounds demo: replays the same simulated FakeAI traffic through the trackers built on generated bounded
        collections (FakeAI.Bounds.Samples) and through the same trackers on plain List and Dictionary
        (FakeAI.Bounds.Samples.Unbounded), then prints what each version holds and charts its managed heap.

        Usage: dotnet run --project samples/FakeAI.Bounds.Demo -- [options]

        Options:
          --operations <n>  traffic operations (tracker calls) replayed through each version, a positive
                            integer; default 500,000
          --output <path>   where to write the SVG chart of heap size against operations; default
                            bounds-demo.svg in the current directory. The directory must exist.
          --no-chart        do not write the chart
          --seed <n>        seed of the traffic generator: the same seed replays the same traffic; default 42
          -h, --help        show this help

        Exit codes: 0 done, 1 unexpected failure, 2 invalid arguments.

        """;

    /// <summary>Reads the arguments.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <returns>Options, a help request, or the reason the arguments were refused.</returns>
    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // Help wins over everything else, so that "--operations x --help" still shows help.
        foreach (string arg in args)
        {
            if (arg is "--help" or "-h")
            {
                return ParsedArguments.Help;
            }
        }

        int? operations = null;
        int? seed = null;
        string? output = null;
        bool noChart = false;

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            (string name, string? inlineValue) = Split(arg);
            switch (name)
            {
                case "--operations":
                case "--seed":
                case "--output":
                {
                    if (!TryTakeValue(args, ref i, name, inlineValue, out string value, out string? error))
                    {
                        return ParsedArguments.Invalid(error);
                    }

                    if (name == "--output")
                    {
                        if (output is not null)
                        {
                            return Repeated(name);
                        }

                        if (value.Trim().Length == 0)
                        {
                            return ParsedArguments.Invalid("--output needs a file path, got an empty value.");
                        }

                        output = value;
                    }
                    else if (name == "--operations")
                    {
                        if (operations is not null)
                        {
                            return Repeated(name);
                        }

                        if (!TryParseInteger(value, out long count) || count <= 0)
                        {
                            return ParsedArguments.Invalid($"--operations must be a positive integer, got '{value}'.");
                        }

                        if (count > int.MaxValue)
                        {
                            return ParsedArguments.Invalid(string.Create(
                                CultureInfo.InvariantCulture,
                                $"--operations must be at most {int.MaxValue:N0}, got '{value}'."));
                        }

                        operations = (int)count;
                    }
                    else
                    {
                        if (seed is not null)
                        {
                            return Repeated(name);
                        }

                        if (!TryParseInteger(value, out long number) || number < int.MinValue || number > int.MaxValue)
                        {
                            return ParsedArguments.Invalid($"--seed must be a 32-bit integer, got '{value}'.");
                        }

                        seed = (int)number;
                    }

                    break;
                }

                case "--no-chart":
                    if (inlineValue is not null)
                    {
                        return ParsedArguments.Invalid($"--no-chart takes no value, got '{arg}'.");
                    }

                    if (noChart)
                    {
                        return Repeated(name);
                    }

                    noChart = true;
                    break;

                default:
                    return ParsedArguments.Invalid(arg.StartsWith('-')
                        ? $"unknown option '{arg}'."
                        : $"unexpected argument '{arg}'.");
            }
        }

        if (noChart && output is not null)
        {
            return ParsedArguments.Invalid("--output and --no-chart contradict each other; give one of them.");
        }

        return ParsedArguments.Run(new DemoOptions(
            operations ?? DemoOptions.DefaultOperations,
            noChart ? null : output ?? DemoOptions.DefaultChartPath,
            seed ?? DemoOptions.DefaultSeed));
    }

    /// <summary>Splits <c>--name=value</c>; other arguments have no inline value.</summary>
    private static (string Name, string? Value) Split(string arg)
    {
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }

    /// <summary>The value after <c>=</c>, or the next argument; a missing value is refused.</summary>
    private static bool TryTakeValue(
        IReadOnlyList<string> args,
        ref int index,
        string name,
        string? inlineValue,
        out string value,
        [NotNullWhen(false)] out string? error)
    {
        if (inlineValue is not null)
        {
            value = inlineValue;
            error = null;
            return true;
        }

        // "--operations --seed 3" is a forgotten value, not the value "--seed"; "--seed -5" is a negative seed.
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            value = string.Empty;
            error = $"{name} needs a value.";
            return false;
        }

        index++;
        value = args[index];
        error = null;
        return true;
    }

    /// <summary>An integer, with optional <c>_</c> digit separators as in C# (<c>200_000</c>).</summary>
    private static bool TryParseInteger(string text, out long value)
    {
        string digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        bool wellPlaced = text.Length > 0 && !text.StartsWith('_') && !text.EndsWith('_') && !text.Contains("-_", StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && wellPlaced;
    }

    private static ParsedArguments Repeated(string name) => ParsedArguments.Invalid($"{name} was given more than once.");
}
