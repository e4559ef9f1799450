using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Prints the comparison: one row per tracker with the entries each version holds and the memory it retained, then,
/// per tracker, where those entries are (the bounded trackers' own <c>GetBounds()</c> lines, the collections inside
/// their entries, and the unbounded version's collections), then what was refused or dropped. Plain text with fixed
/// columns, so that it reads the same in a terminal, a log and the README.
/// </summary>
internal static class ReportTable
{
    private const string ReflectionMark = "*";

    /// <summary>Writes the report.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="result">The run's results.</param>
    public static void Write(TextWriter output, DemoResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);

        VersionResult bounded = result.Bounded;
        VersionResult unbounded = result.Unbounded;

        var rows = new List<string[]>
        {
            new[] { string.Empty, "entries held", string.Empty, "retained memory", string.Empty },
            new[] { "tracker", "bounded", "unbounded", "bounded", "unbounded" },
        };
        foreach (string tracker in TrackerNames.All)
        {
            TrackerResult b = bounded[tracker];
            TrackerResult u = unbounded[tracker];
            rows.Add([tracker, Count(b.Entries.Total), Count(u.Entries.Total), Bytes(b.RetainedBytes), Bytes(u.RetainedBytes)]);
        }

        rows.Add(["all trackers", Count(bounded.TotalEntries), Count(unbounded.TotalEntries), Bytes(bounded.TotalRetainedBytes), Bytes(unbounded.TotalRetainedBytes)]);

        output.WriteLine();
        WriteColumns(output, rows);
        output.WriteLine();
        output.WriteLine("entries held: items in every collection a tracker holds, including those inside its entries (token times per");
        output.WriteLine("  stream, users per error pattern, models per API key, samples per batch).");
        output.WriteLine("retained memory: how much the managed heap shrank when the tracker was released after its run.");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"heap above the run's baseline at the end: bounded {Bytes(bounded.Samples[^1].Bytes)} (peak {Bytes(bounded.PeakBytes)}), unbounded {Bytes(unbounded.Samples[^1].Bytes)} (peak {Bytes(unbounded.PeakBytes)})."));

        output.WriteLine();
        output.WriteLine("Where the entries are. Bounded: the tracker's GetBounds(), then the collections inside its entries.");
        output.WriteLine($"Unbounded: its collections. {ReflectionMark} = counted by reflection over private fields: no public count exists.");
        foreach (string tracker in TrackerNames.All)
        {
            output.WriteLine();
            output.WriteLine(tracker);
            TrackerEntries b = bounded[tracker].Entries;
            var boundedLines = new List<string>(b.Bounds.Select(bound => bound.ToString()));
            boundedLines.AddRange(b.Collections.Where(c => c.ByReflection || !b.Bounds.Any(bound => bound.Name == c.Name)).Select(Nested));
            WriteLabelled(output, "bounded", boundedLines);
            WriteLabelled(output, "unbounded", Wrap(unbounded[tracker].Entries.Collections.Select(Brief)));
        }

        output.WriteLine();
        output.WriteLine("Along the way:");
        WriteLabelled(output, "bounded", bounded.Notes);
        WriteLabelled(output, "unbounded", unbounded.Notes);
    }

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

    /// <summary>Joins short items into lines of at most about 100 characters.</summary>
    private static List<string> Wrap(IEnumerable<string> items)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string item in items)
        {
            if (line.Length > 0 && line.Length + item.Length + 2 > 100)
            {
                lines.Add(line.Append(',').ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? ", " : string.Empty).Append(item);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static void WriteLabelled(TextWriter output, string label, IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            output.WriteLine($"  {(i == 0 ? label + ":" : string.Empty),-11}{lines[i]}");
        }
    }

    /// <summary>Left-aligns the first column and right-aligns the rest; a heading spans its two columns.</summary>
    private static void WriteColumns(TextWriter output, List<string[]> rows)
    {
        int columns = rows[0].Length;
        var widths = new int[columns];
        for (int row = 1; row < rows.Count; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                widths[column] = Math.Max(widths[column], rows[row][column].Length);
            }
        }

        for (int column = 1; column < columns; column++)
        {
            widths[column] = Math.Max(widths[column], 9);
        }

        // Group headings over each pair of value columns, centred.
        var heading = new StringBuilder(new string(' ', widths[0]));
        for (int column = 1; column < columns; column += 2)
        {
            int span = widths[column] + widths[column + 1] + 2;
            string title = rows[0][column];
            int left = (span - title.Length) / 2;
            heading.Append("    ").Append(new string(' ', Math.Max(0, left))).Append(title).Append(new string(' ', Math.Max(0, span - left - title.Length)));
        }

        output.WriteLine(heading.ToString().TrimEnd());
        for (int row = 1; row < rows.Count; row++)
        {
            var line = new StringBuilder(rows[row][0].PadRight(widths[0]));
            for (int column = 1; column < columns; column++)
            {
                line.Append(column % 2 == 1 ? "    " : "  ").Append(rows[row][column].PadLeft(widths[column]));
            }

            output.WriteLine(line.ToString());
        }
    }

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Kilobytes below a megabyte, megabytes with one decimal above (1 MB = 1,048,576 bytes).</summary>
    internal static string Bytes(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N1} MB");
}
