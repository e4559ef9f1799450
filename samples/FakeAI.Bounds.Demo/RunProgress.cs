using System;
using System.Globalization;
using Spectre.Console;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Feeds one version's run to a Spectre.Console progress task: the bar and percentage as operations are replayed, and
/// the latest heap sample in the description. The driver reports every operation; the task is touched only when a new
/// two-hundredth of the run is reached or the heap sample changes, so that reporting costs a compare and the task's
/// own bookkeeping does not show up in the heap being measured.
/// </summary>
internal sealed class RunProgress
{
    private const int Steps = 200;

    private readonly ProgressTask _task;
    private readonly string _label;
    private readonly long _step;
    private long _nextUpdate;
    private long _heapBytes = -1;

    /// <summary>Creates the reporter of one run.</summary>
    /// <param name="task">The progress task, its maximum the run's operations.</param>
    /// <param name="label">The version's name.</param>
    public RunProgress(ProgressTask task, string label)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(label);
        _task = task;
        _label = label;
        _step = Math.Max(1, (long)task.MaxValue / Steps);
        _nextUpdate = _step;
        Report(0, 0);
    }

    /// <summary>Reports progress.</summary>
    /// <param name="done">Operations replayed so far.</param>
    /// <param name="heapBytes">The latest heap sample.</param>
    public void Report(long done, long heapBytes)
    {
        if (heapBytes != _heapBytes)
        {
            _heapBytes = heapBytes;

            // Descriptions are Spectre markup; this one holds no brackets, and is escaped so that it never has to.
            _task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{_label} (heap +{Megabytes(heapBytes)} MB)"));
        }

        // The last operation always lands, whatever the step, so that the bar ends at 100%.
        if (done >= _nextUpdate || done >= _task.MaxValue)
        {
            _task.Value = done;
            _nextUpdate = done + _step;
        }
    }

    /// <summary>The line that stays once a version's run is over.</summary>
    /// <param name="result">The version's result.</param>
    /// <param name="operations">Operations replayed.</param>
    /// <returns>The line.</returns>
    public static string Summary(VersionResult result, int operations)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Version,-9} {operations:N0} operations in {result.Elapsed.TotalSeconds:F1} s, heap +{Megabytes(result.Samples[^1].Bytes)} MB at the end");
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}
