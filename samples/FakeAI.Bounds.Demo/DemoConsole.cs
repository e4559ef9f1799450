using System;
using System.IO;
using Spectre.Console;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The Spectre.Console console the demo writes its progress and report to. On a terminal Spectre detects colours and
/// animates the progress bars. Anywhere else (a pipe, a file, CI, a test's writer) it gets no ANSI codes and no live
/// display, so progress becomes a few plain lines; and a fixed width, because such output has none of its own and
/// Spectre's fallback of 80 columns would wrap the report's lines, which run to about 110.
/// </summary>
internal static class DemoConsole
{
    /// <summary>The width of output that is not a terminal: the report's widest line fits.</summary>
    public const int RedirectedWidth = 120;

    /// <summary>Creates the console for a writer.</summary>
    /// <param name="writer">Standard output, or any other writer.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole Create(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Spectre's terminal check: standard output or error that is not redirected. Its ANSI detection alone would
        // also say yes for any other writer when TERM names a terminal, so anything but a terminal is told no outright.
        var output = new AnsiConsoleOutput(writer);
        bool terminal = output.IsTerminal;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
