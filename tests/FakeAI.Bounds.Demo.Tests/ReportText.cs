using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>Reads the demo's printed report back: its lines, and the cells of its tables' rows.</summary>
internal static class ReportText
{
    private const char Bar = '│';

    public static string[] Lines(string output) => output.ReplaceLineEndings("\n").Split('\n');

    /// <summary>Every table row, as trimmed cells: the lines between a table's left and right borders.</summary>
    public static IReadOnlyList<string[]> Rows(IEnumerable<string> lines) =>
        [.. lines.Where(line => line.StartsWith(Bar) && line.EndsWith(Bar)).Select(line => line[1..^1].Split(Bar).Select(cell => cell.Trim()).ToArray())];

    /// <summary>The first row whose first cell is <paramref name="first"/>; the test fails when there is none.</summary>
    public static string[] Row(IEnumerable<string> lines, string first)
    {
        string[]? row = Rows(lines).FirstOrDefault(cells => cells[0] == first);
        Assert.NotNull(row);
        return row;
    }
}
