using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>The report's content, as printed for a log or the README: made-up results in, tables read back.</summary>
public class ReportTableTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void The_comparison_has_a_row_per_tracker_with_counts_and_memory_and_the_totals_below()
    {
        string[] lines = Render(Result());

        IReadOnlyList<string[]> rows = ReportText.Rows(lines);
        Assert.Equal(["tracker", "entries held", "entries held", "retained memory", "retained memory"], rows[0]);
        Assert.Equal(["", "bounded", "unbounded", "bounded", "unbounded"], rows[1]);
        for (int i = 0; i < TrackerNames.All.Count; i++)
        {
            Assert.Equal(
                [TrackerNames.All[i], N(1_000 * (i + 1)), N(10_000 * (i + 1)), $"{100 * (i + 1)} KB", $"{i + 1}.5 MB"],
                ReportText.Row(lines, TrackerNames.All[i]));
        }

        Assert.Equal(["all trackers", "21,000", "210,000", "2.1 MB", "24.0 MB"], ReportText.Row(lines, "all trackers"));
    }

    [Fact]
    public void The_figures_under_the_comparison_give_the_heap_at_the_end_and_at_its_peak()
    {
        string[] lines = Render(Result());

        Assert.Contains("heap above the run's baseline at the end: bounded 2.0 MB (peak 2.5 MB), unbounded 30.0 MB (peak 30.0 MB).", lines);
    }

    [Fact]
    public void Each_tracker_lists_its_bounds_its_nested_collections_and_the_unbounded_collections()
    {
        string[] lines = Render(Result());

        for (int i = 0; i < TrackerNames.All.Count; i++)
        {
            string tracker = TrackerNames.All[i];
            int heading = Array.IndexOf(lines, tracker);
            Assert.True(heading > 0, tracker);
            string[][] rows = [.. ReportText.Rows(lines.Skip(heading + 1).TakeWhile(line => line.Length > 0))];
            Assert.Equal(["bounded", "_items: 900/1000 (MaxLength 100000), 2500 added, 1600 evicted, 0 dropped"], rows[0]);
            Assert.Equal(["", $"Entry.Users*: {N((1_000 * (i + 1)) - 900)} in 900 collections, the fullest 10/10"], rows[1]);
            Assert.Equal(["unbounded", "_items 2,500"], rows[2]);
            Assert.Equal(["", $"Entry.Users* {N((10_000 * (i + 1)) - 2_500)} in 2,500 (fullest 40)"], rows[3]);
        }

        int along = Array.IndexOf(lines, "Along the way:");
        Assert.Equal(["bounded", "events: 10 published, 9 delivered, 1 dropped (queue full)"], ReportText.Rows(lines.Skip(along))[0]);
    }

    [Fact]
    public void A_line_longer_than_the_console_wraps_within_its_cell()
    {
        string note = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"reason{i}: {i} refused"));
        string[] lines = Render(Result(unboundedNote: note));

        Assert.True(note.Length > DemoConsole.RedirectedWidth);
        Assert.All(lines, line => Assert.True(line.Length <= DemoConsole.RedirectedWidth, line));
        int along = Array.IndexOf(lines, "Along the way:");
        string[][] unboundedRows = [.. ReportText.Rows(lines.Skip(along)).SkipWhile(row => row[0] != "unbounded")];
        Assert.True(unboundedRows.Length > 1);
        Assert.All(unboundedRows.Skip(1), row => Assert.Equal(string.Empty, row[0]));
        Assert.Equal(note, string.Join(" ", unboundedRows.Select(row => row[1])));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string[] Render(DemoResult result)
    {
        using var output = new StringWriter();
        ReportTable.Write(DemoConsole.Create(output), result);
        string text = output.ToString();
        Assert.DoesNotContain('\u001b', text);
        return ReportText.Lines(text);
    }

    /// <summary>
    /// Tracker i (from 0) holds 1,000·(i+1) entries bounded and 10,000·(i+1) unbounded, and retains 100·(i+1) KB bounded
    /// and (i+1.5) MB unbounded.
    /// </summary>
    private static DemoResult Result(string unboundedNote = "events: 10 published, 10 delivered, 0 dropped (queue full)")
    {
        var bounded = new List<TrackerResult>();
        var unbounded = new List<TrackerResult>();
        for (int i = 0; i < TrackerNames.All.Count; i++)
        {
            string tracker = TrackerNames.All[i];
            var bound = new BoundSnapshot("_items", 900, 1000, 100_000, 2_500, 1_600, 0);
            bounded.Add(new TrackerResult(
                new TrackerEntries(
                    tracker,
                    [CollectionEntries.Of(bound), new CollectionEntries("Entry.Users", (1_000 * (i + 1)) - 900, 900, 10, 10, true)],
                    [bound]),
                100 * 1024 * (i + 1)));
            unbounded.Add(new TrackerResult(
                new TrackerEntries(
                    tracker,
                    [CollectionEntries.Own("_items", 2_500), new CollectionEntries("Entry.Users", (10_000 * (i + 1)) - 2_500, 2_500, 40, null, true)],
                    []),
                (long)((i + 1.5) * Megabyte)));
        }

        var options = new DemoOptions(1_000, null, 42);
        return new DemoResult(
            options,
            new VersionResult("bounded", [new HeapSample(0, 0), new HeapSample(500, 5 * Megabyte / 2), new HeapSample(1_000, 2 * Megabyte)], bounded, ["events: 10 published, 9 delivered, 1 dropped (queue full)"], TimeSpan.FromSeconds(1)),
            new VersionResult("unbounded", [new HeapSample(0, 0), new HeapSample(1_000, 30 * Megabyte)], unbounded, [unboundedNote], TimeSpan.FromSeconds(2)));
    }
}
