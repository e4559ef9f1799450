using System;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>Orders locations by file and position, so that messages name evidence the same way in every run.</summary>
internal static class SourceOrder
{
    public static bool Precedes(Location first, Location second)
    {
        int byFile = string.CompareOrdinal(first.SourceTree?.FilePath, second.SourceTree?.FilePath);
        return byFile != 0 ? byFile < 0 : first.SourceSpan.Start < second.SourceSpan.Start;
    }

    public static int Compare(Location first, Location second)
    {
        int byFile = string.CompareOrdinal(first.SourceTree?.FilePath, second.SourceTree?.FilePath);
        return byFile != 0 ? byFile : first.SourceSpan.Start.CompareTo(second.SourceSpan.Start);
    }

    /// <summary>The 1-based line of a location, as an editor shows it.</summary>
    public static int Line(Location location)
    {
        return location.GetLineSpan().StartLinePosition.Line + 1;
    }

    public static readonly Comparison<GrowthEvent> ByLocation = static (a, b) => Compare(a.Location, b.Location);
}
