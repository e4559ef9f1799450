using System.Globalization;

namespace FakeAI.Bounds.Precision;

/// <summary>How the harness writes its numbers.</summary>
internal static class Report
{
    /// <summary>A share as "12.5 %", or "–" when there is nothing to divide.</summary>
    public static string Percent(int part, int whole)
    {
        return whole == 0 ? "–" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
    }
}
