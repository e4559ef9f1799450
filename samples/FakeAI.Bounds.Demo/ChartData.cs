using System.Collections.Generic;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// A line chart's content, apart from how it is drawn: what <see cref="SvgChart"/> needs and nothing demo-specific, so
/// the writer can be tested with hand-made series.
/// </summary>
/// <param name="Title">The heading.</param>
/// <param name="Subtitle">A line under the heading.</param>
/// <param name="XLabel">The horizontal axis' label.</param>
/// <param name="YLabel">The vertical axis' label.</param>
/// <param name="Series">The lines, drawn in order.</param>
internal sealed record ChartData(string Title, string Subtitle, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series);

/// <summary>One line of a chart.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Color">The stroke colour, as CSS.</param>
/// <param name="Points">The points, in drawing order; all values zero or more.</param>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<ChartPoint> Points);

/// <summary>A point of a chart series.</summary>
/// <param name="X">The horizontal value.</param>
/// <param name="Y">The vertical value.</param>
internal readonly record struct ChartPoint(double X, double Y);
