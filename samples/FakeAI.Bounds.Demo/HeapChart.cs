using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Turns the two versions' heap curves into the chart's content: heap in MB (1,048,576 bytes) above each run's own
/// baseline, against operations replayed. The legend carries each version's final heap, so the chart says the result
/// without the table.
/// </summary>
internal static class HeapChart
{
    /// <summary>The bounded version's line colour (blue).</summary>
    public const string BoundedColor = "#1f77b4";

    /// <summary>The unbounded version's line colour (red).</summary>
    public const string UnboundedColor = "#d62728";

    /// <summary>The chart of a run.</summary>
    /// <param name="result">The run's results.</param>
    /// <returns>The chart's content.</returns>
    public static ChartData From(DemoResult result) => new(
        "FakeAI trackers: managed heap under the same traffic",
        string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Options.Operations:N0} operations of simulated traffic (seed {result.Options.Seed}), each version in its own run"),
        "operations replayed",
        "retained managed heap above baseline (MB)",
        [
            Series($"bounded (FakeAI.Bounds.Samples): {ReportTable.Bytes(result.Bounded.Samples[^1].Bytes)} at the end", BoundedColor, result.Bounded),
            Series($"unbounded (FakeAI.Bounds.Samples.Unbounded): {ReportTable.Bytes(result.Unbounded.Samples[^1].Bytes)} at the end", UnboundedColor, result.Unbounded),
        ]);

    private static ChartSeries Series(string name, string color, VersionResult version) =>
        new(name, color, [.. version.Samples.Select(sample => new ChartPoint(sample.Operations, sample.Bytes / (1024.0 * 1024.0)))]);

    /// <summary>For the tests: the series' points as they are charted.</summary>
    /// <param name="version">A version's result.</param>
    /// <returns>Operations and megabytes.</returns>
    internal static IReadOnlyList<ChartPoint> Points(VersionResult version) => Series(string.Empty, string.Empty, version).Points;
}
