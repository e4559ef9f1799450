using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>
/// Runs the demo in-process as the command line would, capturing what it prints. The console is the one a redirected
/// standard output gets (<see cref="DemoConsole.Create"/> over a writer that is not a terminal), as in CI.
/// </summary>
internal static class DemoCommand
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await DemoApp.RunAsync((IReadOnlyList<string>)args, DemoConsole.Create(output), error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
