using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Spectre.Console;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The demo from command line to exit code: reads the options, runs the bounded version and then the unbounded one,
/// prints the report and writes the chart. The console and the error stream are parameters so that tests run the real
/// thing in-process. Invalid arguments end with a usage message and exit code 2, anything unexpected with a one-line
/// message and exit code 1: never a stack trace, which would tell a user of a sample nothing.
/// </summary>
internal static class DemoApp
{
    /// <summary>Runs the demo as the command line asks.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where the help, the progress, the report and the chart path go.</param>
    /// <param name="error">Standard error: refusals and failures.</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(error);

        try
        {
            var commandLine = new DemoCommandLine();
            ParseResult parsed = commandLine.Parse(args);

            // Help wins over errors in the rest of the line (the library's help action clears them), so that
            // "--operations x --help" still shows help.
            if (parsed.Action is HelpAction help)
            {
                // Wrapped to the console's width; redirected output has none, and the library would not wrap at all.
                help.MaxWidth = console.Profile.Width;
                return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error })
                    .ConfigureAwait(false);
            }

            if (parsed.Errors.Count > 0)
            {
                foreach (ParseError parseError in parsed.Errors)
                {
                    await error.WriteLineAsync($"error: {parseError.Message}").ConfigureAwait(false);
                }

                return await RefuseAsync(error).ConfigureAwait(false);
            }

            DemoOptions options = commandLine.GetOptions(parsed);
            if (options.ChartPath is not null && ChartPathValidator.Check(options.ChartPath) is { } problem)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return await RefuseAsync(error).ConfigureAwait(false);
            }

            await ExecuteAsync(options, TrackerLimits.Defaults, console).ConfigureAwait(false);
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
    /// <param name="console">Where progress and the report go.</param>
    /// <returns>The measurements.</returns>
    public static async Task<DemoResult> ExecuteAsync(DemoOptions options, TrackerLimits limits, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(console);

        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Replaying {options.Operations:N0} operations of simulated FakeAI traffic (seed {options.Seed}): the bounded trackers, then the unbounded ones."));

        VersionResult bounded = await RunVersionAsync(console, "bounded", () => new BoundedRunner(limits), options).ConfigureAwait(false);
        VersionResult unbounded = await RunVersionAsync(console, "unbounded", () => new UnboundedRunner(limits), options).ConfigureAwait(false);

        var result = new DemoResult(options, bounded, unbounded);
        ReportTable.Write(console, result);

        if (options.ChartPath is not null)
        {
            SvgChart.Write(options.ChartPath, HeapChart.From(result));
            console.WriteLine();

            // Past Spectre's wrapping, straight to its writer: a path is copied and pasted, and must stay on one line.
            await console.Profile.Out.Writer.WriteLineAsync($"chart of heap against operations: {options.ChartPath}").ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Runs one version under its own progress display, then prints the line that stays.</summary>
    private static async Task<VersionResult> RunVersionAsync(IAnsiConsole console, string label, Func<ITrackerRunner> createRunner, DemoOptions options)
    {
        VersionResult result = await console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .AutoClear(true)
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask(label, maxValue: options.Operations);
                return await WorkloadDriver.RunAsync(createRunner, options.Operations, options.Seed, new RunProgress(task, label))
                    .ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        console.WriteLine(RunProgress.Summary(result, options.Operations));
        return result;
    }

    private static async Task<int> RefuseAsync(TextWriter error)
    {
        await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
