using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The demo from command line to exit code: reads the options, runs the bounded version and then the unbounded one,
/// prints the report and writes the chart. Output streams and the terminal check are parameters so that tests run the
/// real thing in-process. Invalid arguments end with a usage message and exit code 2, anything unexpected with a
/// one-line message and exit code 1: never a stack trace, which would tell a user of a sample nothing.
/// </summary>
internal static class DemoApp
{
    /// <summary>Runs the demo as the command line asks.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output: the progress, report and chart path.</param>
    /// <param name="error">Standard error: refusals and failures.</param>
    /// <param name="interactive">Whether <paramref name="output"/> is a terminal (progress redraws one line).</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        try
        {
            ParsedArguments parsed = OptionsParser.Parse(args);
            if (parsed.HelpRequested)
            {
                output.Write(OptionsParser.Usage);
                return ExitCodes.Success;
            }

            if (parsed.Options is not { } options)
            {
                return Refuse(error, parsed.Error ?? "invalid arguments.");
            }

            if (options.ChartPath is not null && ChartPathValidator.Check(options.ChartPath) is { } problem)
            {
                return Refuse(error, problem);
            }

            await ExecuteAsync(options, TrackerLimits.Defaults, output, interactive).ConfigureAwait(false);
            return ExitCodes.Success;
        }
#pragma warning disable CA1031 // The one place that turns any failure into a message and an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            string message = exception.Message.ReplaceLineEndings(" ");
            await error.WriteLineAsync($"error: the demo failed: {exception.GetType().Name}: {message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Runs both versions, prints the report and writes the chart.</summary>
    /// <param name="options">What to run.</param>
    /// <param name="limits">The trackers' constructor arguments.</param>
    /// <param name="output">Where progress and the report go.</param>
    /// <param name="interactive">Whether <paramref name="output"/> is a terminal.</param>
    /// <returns>The measurements.</returns>
    public static async Task<DemoResult> ExecuteAsync(DemoOptions options, TrackerLimits limits, TextWriter output, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(output);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Replaying {options.Operations:N0} operations of simulated FakeAI traffic (seed {options.Seed}) through the bounded trackers, then the unbounded ones."));

        VersionResult bounded = await WorkloadDriver.RunAsync(
            () => new BoundedRunner(limits),
            options.Operations,
            options.Seed,
            new ProgressBar(output, interactive, "bounded", options.Operations)).ConfigureAwait(false);
        VersionResult unbounded = await WorkloadDriver.RunAsync(
            () => new UnboundedRunner(limits),
            options.Operations,
            options.Seed,
            new ProgressBar(output, interactive, "unbounded", options.Operations)).ConfigureAwait(false);

        var result = new DemoResult(options, bounded, unbounded);
        ReportTable.Write(output, result);

        if (options.ChartPath is not null)
        {
            SvgChart.Write(options.ChartPath, HeapChart.From(result));
            output.WriteLine();
            output.WriteLine($"chart of heap against operations: {options.ChartPath}");
        }

        return result;
    }

    private static int Refuse(TextWriter error, string reason)
    {
        error.WriteLine($"error: {reason}");
        error.WriteLine("Run with --help for usage.");
        return ExitCodes.Usage;
    }
}
