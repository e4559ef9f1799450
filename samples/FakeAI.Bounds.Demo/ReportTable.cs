using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Prints the comparison with Spectre.Console: a table with one row per tracker with the entries each version holds and
/// the memory it retained, then, per tracker, where those entries are (the bounded trackers' own <c>GetBounds()</c>
/// lines, the collections inside their entries, and the unbounded version's collections), then what was refused or
/// dropped. Every value goes in as <see cref="Text"/>, never markup, so names and numbers print as they are.
/// </summary>
internal static class ReportTable
{
    private const string ReflectionMark = "*";

    /// <summary>The version labels' column: "unbounded" fits, and every breakdown table lines up with the next.</summary>
    private const int LabelWidth = 9;

    /// <summary>Writes the report.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="result">The run's results.</param>
    public static void Write(IAnsiConsole console, DemoResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);

        VersionResult bounded = result.Bounded;
        VersionResult unbounded = result.Unbounded;

        console.WriteLine();
        console.Write(Comparison(bounded, unbounded));
        console.WriteLine();
        console.WriteLine("entries held: items in every collection a tracker holds, including those inside its entries (token times per");
        console.WriteLine("  stream, users per error pattern, models per API key, samples per batch).");
        console.WriteLine("retained memory: how much the managed heap shrank when the tracker was released after its run.");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"heap above the run's baseline at the end: bounded {Bytes(bounded.Samples[^1].Bytes)} (peak {Bytes(bounded.PeakBytes)}), unbounded {Bytes(unbounded.Samples[^1].Bytes)} (peak {Bytes(unbounded.PeakBytes)})."));

        console.WriteLine();
        console.WriteLine("Where the entries are. Bounded: the tracker's GetBounds(), then the collections inside its entries.");
        console.WriteLine($"Unbounded: its collections. {ReflectionMark} = counted by reflection over private fields: no public count exists.");
        foreach (string tracker in TrackerNames.All)
        {
            console.WriteLine();
            console.WriteLine(tracker);
            TrackerEntries b = bounded[tracker].Entries;
            var boundedLines = new List<string>(b.Bounds.Select(bound => bound.ToString()));
            boundedLines.AddRange(b.Collections.Where(c => c.ByReflection || !b.Bounds.Any(bound => bound.Name == c.Name)).Select(Nested));
            console.Write(Labelled(
                ("bounded", Lines(boundedLines)),
                ("unbounded", Lines(unbounded[tracker].Entries.Collections.Select(Brief)))));
        }

        console.WriteLine();
        console.WriteLine("Along the way:");
        console.Write(Labelled(("bounded", Lines(bounded.Notes)), ("unbounded", Lines(unbounded.Notes))));
    }

    /// <summary>
    /// The comparison: the tracker left-aligned, the numbers right-aligned, the totals in the footer. A heading cannot
    /// span two columns in Spectre's header row, so each value column's header names its group ("entries held",
    /// "retained memory") above the version.
    /// </summary>
    private static Table Comparison(VersionResult bounded, VersionResult unbounded)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(new Text("tracker")) { Footer = new Text("all trackers") })
            .AddColumn(ValueColumn("entries held", "bounded", Count(bounded.TotalEntries)))
            .AddColumn(ValueColumn("entries held", "unbounded", Count(unbounded.TotalEntries)))
            .AddColumn(ValueColumn("retained memory", "bounded", Bytes(bounded.TotalRetainedBytes)))
            .AddColumn(ValueColumn("retained memory", "unbounded", Bytes(unbounded.TotalRetainedBytes)));
        foreach (string tracker in TrackerNames.All)
        {
            TrackerResult b = bounded[tracker];
            TrackerResult u = unbounded[tracker];
            table.AddRow(
                new Text(tracker),
                new Text(Count(b.Entries.Total)),
                new Text(Count(u.Entries.Total)),
                new Text(Bytes(b.RetainedBytes)),
                new Text(Bytes(u.RetainedBytes)));
        }

        return table;
    }

    private static TableColumn ValueColumn(string group, string version, string total) =>
        new TableColumn(new Text($"{group}\n{version}") { Justification = Justify.Right }) { Footer = new Text(total) }
            .RightAligned()
            .NoWrap();

    /// <summary>
    /// Lines per version, the version's name in the first column, one collection or note per line. A table rather than
    /// padded text: Spectre wraps a line too long for the console within the second column, so that it stays aligned
    /// under its version, and the table fills the width, so that every tracker's table lines up with the next.
    /// </summary>
    private static Table Labelled(params (string Label, IRenderable Content)[] sections)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .HideHeaders()
            .ShowRowSeparators()
            .Expand()
            .AddColumn(new TableColumn(string.Empty).NoWrap().Width(LabelWidth))
            .AddColumn(new TableColumn(string.Empty));
        foreach ((string label, IRenderable content) in sections)
        {
            table.AddRow(new Text(label), content);
        }

        return table;
    }

    private static Text Lines(IEnumerable<string> lines) => new(string.Join('\n', lines));

    /// <summary>A collection summed over many holders, or the bus queue, which GetBounds() does not list.</summary>
    private static string Nested(CollectionEntries collection)
    {
        var text = new StringBuilder();
        text.Append(collection.Name).Append(collection.ByReflection ? ReflectionMark : string.Empty).Append(": ");
        if (collection.Holders == 1 && !collection.ByReflection)
        {
            text.Append(Count(collection.Entries));
            return (collection.Capacity is { } cap ? text.Append('/').Append(Count(cap)) : text).ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"{collection.Entries:N0} in {collection.Holders:N0} collections, the fullest {collection.Largest:N0}");
        if (collection.Capacity is { } capacity)
        {
            text.Append(CultureInfo.InvariantCulture, $"/{capacity:N0}");
        }

        return text.ToString();
    }

    private static string Brief(CollectionEntries collection)
    {
        string name = collection.Name + (collection.ByReflection ? ReflectionMark : string.Empty);
        return collection.Holders == 1 && !collection.Name.Contains('.', StringComparison.Ordinal) && !collection.Name.Contains(' ', StringComparison.Ordinal)
            ? $"{name} {Count(collection.Entries)}"
            : string.Create(CultureInfo.InvariantCulture, $"{name} {collection.Entries:N0} in {collection.Holders:N0} (fullest {collection.Largest:N0})");
    }

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Kilobytes below a megabyte, megabytes with one decimal above (1 MB = 1,048,576 bytes).</summary>
    internal static string Bytes(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N1} MB");
}
