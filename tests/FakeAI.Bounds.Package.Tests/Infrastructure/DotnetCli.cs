using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Package.Tests.Infrastructure;

/// <summary>
/// Runs the .NET SDK's <c>dotnet</c> command as a user would, from inside a test run.
/// </summary>
/// <remarks>
/// Every command runs with MSBuild node reuse, the MSBuild server and the shared compiler server off. Those
/// processes outlive the command that started them and inherit its output pipes, so reading a build's output to the
/// end would wait for them (minutes), and they would hold files of the packed feed open after the test. Each build
/// therefore pays for its own compiler start-up, about a second.
/// </remarks>
internal static class DotnetCli
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private static readonly Lazy<string> LazyExecutable = new(FindExecutable);

    private static readonly object LogLock = new();

    /// <summary>A file that gets one line per command (when it ended, how long it took, its exit code), or null.</summary>
    public static string? LogFile { get; set; }

    /// <summary>The <c>dotnet</c> that runs these tests (DOTNET_HOST_PATH), else the first one on PATH.</summary>
    public static string Executable => LazyExecutable.Value;

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and returns its exit
    /// code and everything it printed. <paramref name="environment"/> adds or (with a null value) removes variables.
    /// </summary>
    public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        ConfigureEnvironment(startInfo.Environment);
        foreach (KeyValuePair<string, string?> variable in environment ?? new Dictionary<string, string?>())
        {
            if (variable.Value is null)
            {
                startInfo.Environment.Remove(variable.Key);
            }
            else
            {
                startInfo.Environment[variable.Key] = variable.Value;
            }
        }

        string commandLine = "dotnet " + string.Join(" ", arguments.Select(Quote));
        var output = new StringBuilder();
        var outputClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(e.Data, errorClosed);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start '{Executable}' for `{commandLine}`: {exception.Message}. The package tests need the .NET SDK.", exception);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            throw new TimeoutException($"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalSeconds:0} s. Its output so far:\n{Snapshot()}");
        }

        // The process has exited; its output ends when the last process holding the pipes does.
        bool drained = Task.WaitAll([outputClosed.Task, errorClosed.Task], DrainTimeout);
        stopwatch.Stop();
        string text = Snapshot();
        if (!drained)
        {
            text += $"\n(output cut: a process started by `{commandLine}` still holds its output open)";
        }

        var result = new DotnetResult(commandLine, workingDirectory, process.ExitCode, text, stopwatch.Elapsed);
        Log(result);
        return result;

        void Append(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static void Log(DotnetResult result)
    {
        if (LogFile is null)
        {
            return;
        }

        lock (LogLock)
        {
            File.AppendAllText(LogFile, $"{DateTime.UtcNow:HH:mm:ss} {result.Duration.TotalSeconds,6:0.0} s  exit {result.ExitCode}  {result.CommandLine}  (in {result.WorkingDirectory})\n");
        }
    }

    /// <summary>
    /// Sets the variables every <c>dotnet</c> started from a test needs (also a language server started through
    /// <c>dotnet tool run</c>): the test host's own MSBuild removed, and no long-lived build servers.
    /// </summary>
    public static void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        // `dotnet test` passes the MSBuild of its own invocation down to the test host (MSBuildExtensionsPath,
        // MSBuildSDKsPath, MSBUILD_EXE_PATH, ...); a nested dotnet chooses its own.
        foreach (string name in environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // An environment variable is also an MSBuild property: no VBCSCompiler server (see the remarks above).
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
    }

    private static string FindExecutable()
    {
        string fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "The package tests pack FakeAI.Bounds and build consumer projects with the .NET SDK, and no `dotnet` was found: "
            + $"DOTNET_HOST_PATH is not set and no {fileName} is on PATH ({path}). Install the .NET SDK (global.json names the version) and put it on PATH.");
    }

    private static string Quote(string argument)
    {
        return argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}

/// <summary>What a <c>dotnet</c> command did: its exit code and its output (standard output and error, interleaved).</summary>
internal sealed record DotnetResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>The lines of the output that contain <paramref name="text"/>, for diagnostics in assertions.</summary>
    public IEnumerable<string> LinesContaining(string text)
    {
        return Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Contains(text, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Fails with the whole output unless the command exited with 0.</summary>
    public DotnetResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException(ToString());
        }

        return this;
    }

    public override string ToString()
    {
        return $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Duration.TotalSeconds:0.0} s:\n{Output}";
    }
}
