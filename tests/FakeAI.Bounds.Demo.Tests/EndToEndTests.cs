using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>
/// Small real runs of the demo: the command line end to end, and both versions under limits small enough that every
/// cap is reached with little traffic.
/// </summary>
public class EndToEndTests
{
    /// <summary>Caps a few thousand operations exceed everywhere, for the bounded version; the same where the unbounded version takes them.</summary>
    private static readonly TrackerLimits SmallLimits = new()
    {
        MaxCompletedStreams = 20,
        MaxTokenHistoryPerStream = 64,
        MaxRecentErrors = 50,
        MaxPatterns = 50,
        MaxCounterKeys = 20,
        MaxUsageRecords = 100,
        MaxAggregateKeys = 20,
        MaxActiveBatches = 2,
        MaxCompletedBatches = 2,
        MaxModels = 20,
    };

    [Fact]
    public async Task The_command_line_run_prints_every_tracker_and_writes_the_chart()
    {
        using var directory = new TemporaryDirectory();
        string chart = directory.File("chart.svg");

        (int exitCode, string output, string error) = await DemoCommand.RunAsync("--operations", "5000", "--output", chart);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        string[] lines = ReportText.Lines(output);
        foreach (string tracker in TrackerNames.All)
        {
            // Its row in the comparison, a count and a size per version, and the heading of its breakdown.
            string[] row = ReportText.Row(lines, tracker);
            Assert.Matches(@"^\d{1,3}(,\d{3})*$", row[1]);
            Assert.Matches(@"^\d{1,3}(,\d{3})*$", row[2]);
            Assert.Matches(@"^[\d,.]+ (KB|MB)$", row[3]);
            Assert.Matches(@"^[\d,.]+ (KB|MB)$", row[4]);
            Assert.Contains(tracker, lines);
        }

        Assert.Equal(5, ReportText.Row(lines, "all trackers").Length);
        Assert.Contains($"chart of heap against operations: {chart}", lines);

        XElement svg = XDocument.Load(chart).Root!;
        XElement[] series = [.. svg.Elements(XName.Get("polyline", "http://www.w3.org/2000/svg"))];
        Assert.Equal(2, series.Length);
        Assert.All(series, line => Assert.Equal(WorkloadDriver.SampleIntervals + 1, ((string)line.Attribute("points")!).Split(' ').Length));
    }

    [Fact]
    public async Task A_chart_path_longer_than_the_output_width_is_printed_on_one_line()
    {
        using var directory = new TemporaryDirectory();
        string nested = Path.Combine(directory.Path, new string('d', DemoConsole.RedirectedWidth));
        Directory.CreateDirectory(nested);
        string chart = Path.Combine(nested, "chart with spaces.svg");

        (int exitCode, string output, _) = await DemoCommand.RunAsync("--operations", "200", "--output", chart);

        Assert.Equal(0, exitCode);
        Assert.Contains($"chart of heap against operations: {chart}", ReportText.Lines(output));
    }

    [Fact]
    public async Task The_program_writing_to_a_pipe_prints_plain_text_even_where_TERM_names_a_terminal()
    {
        // The real entry point with standard output redirected, as in CI or "| tee": Spectre must see the redirection
        // itself, through DemoConsole, and print neither ANSI codes nor a redrawn bar.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "FakeAI.Bounds.Demo.dll"), "--operations", "2000", "--no-chart" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(string.Empty, await error);
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output.ReplaceLineEndings("\n"));
        string[] lines = ReportText.Lines(output);
        Assert.Contains(lines, line => line.StartsWith("bounded   2,000 operations in ", StringComparison.Ordinal));
        Assert.All(TrackerNames.All, tracker => Assert.Equal(5, ReportText.Row(lines, tracker).Length));
    }

    [Fact]
    public async Task With_default_limits_the_bounded_version_stays_within_its_caps_and_the_unbounded_one_holds_more()
    {
        DemoResult result = await DemoApp.ExecuteAsync(new DemoOptions(5_000, null, 42), TrackerLimits.Defaults, DemoConsole.Create(TextWriter.Null));

        AssertWithinCaps(result.Bounded);
        Assert.True(result.Unbounded.TotalEntries > result.Bounded.TotalEntries);
        foreach (string tracker in TrackerNames.All)
        {
            Assert.True(
                result.Unbounded[tracker].Entries.Total >= result.Bounded[tracker].Entries.Total,
                $"{tracker}: unbounded {result.Unbounded[tracker].Entries.Total}, bounded {result.Bounded[tracker].Entries.Total}");
        }
    }

    [Fact]
    public async Task When_traffic_exceeds_every_cap_each_unbounded_tracker_holds_more_than_the_bounded_one_can()
    {
        DemoResult result = await DemoApp.ExecuteAsync(new DemoOptions(5_000, null, 42), SmallLimits, DemoConsole.Create(TextWriter.Null));

        AssertWithinCaps(result.Bounded);
        foreach (string tracker in TrackerNames.All)
        {
            long bounded = result.Bounded[tracker].Entries.Total;
            long unbounded = result.Unbounded[tracker].Entries.Total;
            Assert.True(unbounded > bounded, $"{tracker}: unbounded {unbounded}, bounded {bounded}");
        }

        // Where the bounded version had to evict, the unbounded one has gone past the same cap, except for the histories
        // the Python bounded too (deque(maxlen)), which the unbounded version keeps at the same length.
        string[] boundedInBoth = ["_recentErrors", "_completedStreams", "_completedBatches"];
        foreach (TrackerResult tracker in result.Bounded.Trackers)
        {
            foreach (BoundSnapshot full in tracker.Entries.Bounds.Where(bound => bound.Count == bound.Capacity && bound.Evicted > 0))
            {
                CollectionEntries? same = result.Unbounded[tracker.Entries.Tracker].Entries.Collections.SingleOrDefault(c => c.Name == full.Name);
                if (same is null)
                {
                    continue;
                }

                string member = $"{tracker.Entries.Tracker}.{full.Name}: unbounded {same.Entries}, cap {full.Capacity}";
                Assert.True(boundedInBoth.Contains(full.Name) ? same.Entries == full.Capacity : same.Entries > full.Capacity, member);
            }
        }

        Assert.True(result.Unbounded.TotalRetainedBytes > result.Bounded.TotalRetainedBytes);
        Assert.True(result.Unbounded.Samples[^1].Bytes > result.Bounded.Samples[^1].Bytes);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_entry_counts()
    {
        var options = new DemoOptions(2_000, null, 5);

        DemoResult first = await DemoApp.ExecuteAsync(options, SmallLimits, DemoConsole.Create(TextWriter.Null));
        DemoResult second = await DemoApp.ExecuteAsync(options, SmallLimits, DemoConsole.Create(TextWriter.Null));

        Assert.Equal(first.Bounded.Trackers.Select(t => t.Entries.Total), second.Bounded.Trackers.Select(t => t.Entries.Total));
        Assert.Equal(first.Unbounded.Trackers.Select(t => t.Entries.Total), second.Unbounded.Trackers.Select(t => t.Entries.Total));
    }

    private static void AssertWithinCaps(VersionResult bounded)
    {
        Assert.Equal(TrackerNames.All, bounded.Trackers.Select(t => t.Entries.Tracker));
        foreach (TrackerResult tracker in bounded.Trackers)
        {
            Assert.NotEmpty(tracker.Entries.Bounds);
            Assert.All(tracker.Entries.Bounds, bound => Assert.InRange(bound.Count, 0, bound.Capacity));
            Assert.All(
                tracker.Entries.Collections,
                collection => Assert.True(
                    collection.Capacity is { } capacity && collection.Largest <= capacity,
                    $"{tracker.Entries.Tracker}.{collection.Name}: {collection.Largest} of {collection.Capacity}"));
        }
    }
}
