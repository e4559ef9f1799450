using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Writes a line chart as SVG: axes with round ticks, a light grid, one polyline per series, a legend and a title.
/// Written directly with <see cref="XmlWriter"/> (well-formed by construction, escaping done for us) instead of a
/// charting package, because the demo must run anywhere <c>dotnet run</c> does, with no native libraries (ScottPlot, for
/// one, renders through SkiaSharp's native library, which a bare CI image may lack); Spectre.Console, which draws the
/// console output, writes to the terminal only. SVG renders in browsers and on GitHub, so the same file serves the
/// README. The background is opaque white so that the dark labels stay readable on dark page themes.
/// </summary>
internal static class SvgChart
{
    /// <summary>The image's width in pixels.</summary>
    public const double Width = 860;

    /// <summary>The image's height in pixels.</summary>
    public const double Height = 480;

    /// <summary>The plot area's left edge (the y axis).</summary>
    public const double PlotLeft = 80;

    /// <summary>The plot area's right edge.</summary>
    public const double PlotRight = Width - 30;

    /// <summary>The plot area's top edge.</summary>
    public const double PlotTop = 72;

    /// <summary>The plot area's bottom edge (the x axis).</summary>
    public const double PlotBottom = Height - 64;

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>Renders a chart.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The SVG document.</returns>
    public static string Render(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);

        AxisScale xScale = AxisScale.For(chart.Series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(0).Max());
        AxisScale yScale = AxisScale.For(chart.Series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(0).Max());

        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" };
        using (var svg = XmlWriter.Create(text, settings))
        {
            svg.WriteStartElement("svg", SvgNamespace);
            svg.WriteAttributeString("width", Number(Width));
            svg.WriteAttributeString("height", Number(Height));
            svg.WriteAttributeString("viewBox", $"0 0 {Number(Width)} {Number(Height)}");
            svg.WriteAttributeString("font-family", "Segoe UI, Helvetica, Arial, sans-serif");
            svg.WriteAttributeString("font-size", "12");
            svg.WriteElementString("title", SvgNamespace, chart.Title);
            svg.WriteElementString("desc", SvgNamespace, chart.Subtitle);

            Element(svg, "rect", ("width", Number(Width)), ("height", Number(Height)), ("fill", "#ffffff"));
            Text(svg, Width / 2, 30, chart.Title, ("text-anchor", "middle"), ("font-size", "17"), ("font-weight", "bold"), ("fill", "#222222"));
            Text(svg, Width / 2, 52, chart.Subtitle, ("text-anchor", "middle"), ("font-size", "13"), ("fill", "#555555"));

            WriteGridAndAxes(svg, chart, xScale, yScale);

            foreach (ChartSeries series in chart.Series)
            {
                string points = string.Join(' ', series.Points.Select(p => $"{Number(ScaleX(p.X, xScale))},{Number(ScaleY(p.Y, yScale))}"));
                Element(
                    svg,
                    "polyline",
                    ("class", "series"),
                    ("data-series", series.Name),
                    ("points", points),
                    ("fill", "none"),
                    ("stroke", series.Color),
                    ("stroke-width", "2.5"),
                    ("stroke-linejoin", "round"));
            }

            WriteLegend(svg, chart);
            svg.WriteEndElement();
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Renders a chart into a file (UTF-8, no byte order mark).</summary>
    /// <param name="path">The file.</param>
    /// <param name="chart">The chart.</param>
    public static void Write(string path, ChartData chart) => File.WriteAllText(path, Render(chart), new UTF8Encoding(false));

    /// <summary>Where a value lands on the x axis.</summary>
    /// <param name="x">The value.</param>
    /// <param name="scale">The axis.</param>
    /// <returns>The pixel position.</returns>
    public static double ScaleX(double x, AxisScale scale) => PlotLeft + (x / scale.Maximum * (PlotRight - PlotLeft));

    /// <summary>Where a value lands on the y axis (SVG's y grows downwards).</summary>
    /// <param name="y">The value.</param>
    /// <param name="scale">The axis.</param>
    /// <returns>The pixel position.</returns>
    public static double ScaleY(double y, AxisScale scale) => PlotBottom - (y / scale.Maximum * (PlotBottom - PlotTop));

    private static void WriteGridAndAxes(XmlWriter svg, ChartData chart, AxisScale xScale, AxisScale yScale)
    {
        svg.WriteStartElement("g", SvgNamespace);
        svg.WriteAttributeString("class", "y-ticks");
        foreach (double tick in yScale.Ticks)
        {
            double y = ScaleY(tick, yScale);
            Element(svg, "line", ("x1", Number(PlotLeft)), ("x2", Number(PlotRight)), ("y1", Number(y)), ("y2", Number(y)), ("stroke", "#e3e3e3"));
            Text(svg, PlotLeft - 8, y + 4, TickLabel(tick, yScale.Step), ("text-anchor", "end"), ("fill", "#444444"));
        }

        svg.WriteEndElement();

        svg.WriteStartElement("g", SvgNamespace);
        svg.WriteAttributeString("class", "x-ticks");
        foreach (double tick in xScale.Ticks)
        {
            double x = ScaleX(tick, xScale);
            Element(svg, "line", ("x1", Number(x)), ("x2", Number(x)), ("y1", Number(PlotBottom)), ("y2", Number(PlotBottom + 5)), ("stroke", "#444444"));
            Text(svg, x, PlotBottom + 20, TickLabel(tick, xScale.Step), ("text-anchor", "middle"), ("fill", "#444444"));
        }

        svg.WriteEndElement();

        svg.WriteStartElement("g", SvgNamespace);
        svg.WriteAttributeString("class", "axes");
        Element(svg, "line", ("x1", Number(PlotLeft)), ("x2", Number(PlotRight)), ("y1", Number(PlotBottom)), ("y2", Number(PlotBottom)), ("stroke", "#444444"));
        Element(svg, "line", ("x1", Number(PlotLeft)), ("x2", Number(PlotLeft)), ("y1", Number(PlotTop)), ("y2", Number(PlotBottom)), ("stroke", "#444444"));
        Text(svg, (PlotLeft + PlotRight) / 2, Height - 22, chart.XLabel, ("text-anchor", "middle"), ("font-size", "13"), ("fill", "#222222"));
        double middle = (PlotTop + PlotBottom) / 2;
        Text(
            svg, 24, middle, chart.YLabel,
            ("text-anchor", "middle"), ("font-size", "13"), ("fill", "#222222"), ("transform", $"rotate(-90 24 {Number(middle)})"));
        svg.WriteEndElement();
    }

    private static void WriteLegend(XmlWriter svg, ChartData chart)
    {
        const double left = PlotLeft + 16;
        const double top = PlotTop + 12;
        const double lineHeight = 22;
        double width = 40 + (chart.Series.Select(s => s.Name.Length).DefaultIfEmpty(0).Max() * 6.8);

        svg.WriteStartElement("g", SvgNamespace);
        svg.WriteAttributeString("class", "legend");
        Element(
            svg, "rect",
            ("x", Number(left)), ("y", Number(top)), ("width", Number(width)), ("height", Number(12 + (chart.Series.Count * lineHeight))),
            ("fill", "#ffffff"), ("fill-opacity", "0.9"), ("stroke", "#cccccc"));
        for (int i = 0; i < chart.Series.Count; i++)
        {
            ChartSeries series = chart.Series[i];
            double y = top + 17 + (i * lineHeight);
            Element(
                svg, "line",
                ("x1", Number(left + 10)), ("x2", Number(left + 34)), ("y1", Number(y)), ("y2", Number(y)),
                ("stroke", series.Color), ("stroke-width", "3"));
            Text(svg, left + 42, y + 4, series.Name, ("fill", "#222222"));
        }

        svg.WriteEndElement();
    }

    /// <summary>A tick label with as many decimals as the step needs (2.5 needs one), and thousands separators.</summary>
    private static string TickLabel(double value, double step)
    {
        int decimals = 0;
        while (decimals < 6 && Math.Abs((step * Math.Pow(10, decimals)) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static void Element(XmlWriter svg, string name, params (string Name, string Value)[] attributes)
    {
        svg.WriteStartElement(name, SvgNamespace);
        foreach ((string attribute, string value) in attributes)
        {
            svg.WriteAttributeString(attribute, value);
        }

        svg.WriteEndElement();
    }

    private static void Text(XmlWriter svg, double x, double y, string content, params (string Name, string Value)[] attributes)
    {
        svg.WriteStartElement("text", SvgNamespace);
        svg.WriteAttributeString("x", Number(x));
        svg.WriteAttributeString("y", Number(y));
        foreach ((string attribute, string value) in attributes)
        {
            svg.WriteAttributeString(attribute, value);
        }

        svg.WriteString(content);
        svg.WriteEndElement();
    }

    /// <summary>A coordinate with at most two decimals, invariant, so the file is the same in every culture.</summary>
    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
