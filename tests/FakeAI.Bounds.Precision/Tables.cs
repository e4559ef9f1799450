using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FakeAI.Bounds.Precision;

/// <summary>Reads the harness' tab-separated data files: a header row, then one row per line; '#' starts a comment line.</summary>
internal static class Tables
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new FormatException($"{Path.GetFileName(path)}: a row has {cells.Length} cells, the header {header.Length}: {line}");
            }

            rows.Add(header.Zip(cells).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal));
        }

        return rows;
    }
}
