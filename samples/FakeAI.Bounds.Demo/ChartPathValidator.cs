using System;
using System.IO;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Checks, before any traffic is replayed, that the chart can be written where <c>--output</c> points. The run takes
/// tens of seconds; finding out at the end that the directory is missing would waste them and end in an I/O exception
/// instead of a usage message.
/// </summary>
internal static class ChartPathValidator
{
    /// <summary>Whether a chart can be written to <paramref name="path"/>.</summary>
    /// <param name="path">The chart path, relative to the current directory or absolute.</param>
    /// <returns><see langword="null"/> when it can; otherwise a one-line reason.</returns>
    public static string? Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--output '{path}' is not a valid file path: {exception.Message}";
        }

        if (Directory.Exists(fullPath))
        {
            return $"--output '{path}' is a directory; give a file path such as '{Path.Combine(path, DemoOptions.DefaultChartPath)}'.";
        }

        string? directory = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(directory))
        {
            return $"--output '{path}' has no directory to write into.";
        }

        if (!Directory.Exists(directory))
        {
            return File.Exists(directory)
                ? $"--output '{path}': '{directory}' is a file, not a directory."
                : $"--output '{path}': directory '{directory}' does not exist.";
        }

        try
        {
            if (File.Exists(fullPath))
            {
                // Opened for writing without truncating: the existing chart stays as it is until the run ends.
                using var existing = new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            else
            {
                string probe = Path.Combine(directory, $".bounds-demo-{Guid.NewGuid():N}.tmp");
                using var created = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return $"--output '{path}' cannot be written: {exception.Message}";
        }

        return null;
    }
}
