using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>The chart is a well-formed SVG document with a line per series, drawn to scale on labelled axes.</summary>
public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartData Chart = new(
        "Heap <&> operations",
        "a subtitle",
        "operations replayed",
        "heap (MB)",
        [
            new ChartSeries("bounded", "#1f77b4", [new(0, 0), new(500, 3), new(1_000, 4)]),
            new ChartSeries("unbounded", "#d62728", [new(0, 0), new(250, 2), new(500, 4), new(1_000, 7.3)]),
        ]);

    [Fact]
    public void The_document_is_well_formed_svg_with_a_title_and_a_white_background()
    {
        XDocument document = XDocument.Parse(SvgChart.Render(Chart));

        XElement root = document.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 860 480", (string?)root.Attribute("viewBox"));
        Assert.Equal("Heap <&> operations", root.Element(Svg + "title")?.Value);
        Assert.Equal("#ffffff", (string?)root.Element(Svg + "rect")?.Attribute("fill"));
        Assert.Contains(root.Elements(Svg + "text"), text => text.Value == "Heap <&> operations");
    }

    [Fact]
    public void Each_series_is_one_polyline_with_all_of_its_points_and_a_legend_entry()
    {
        XElement root = XDocument.Parse(SvgChart.Render(Chart)).Root!;

        XElement[] lines = [.. root.Elements(Svg + "polyline")];
        Assert.Equal(["bounded", "unbounded"], lines.Select(line => (string?)line.Attribute("data-series")));
        Assert.Equal([3, 4], lines.Select(line => Points(line).Length));
        Assert.Equal(["#1f77b4", "#d62728"], lines.Select(line => (string?)line.Attribute("stroke")));

        XElement legend = Group(root, "legend");
        Assert.Equal(["bounded", "unbounded"], legend.Elements(Svg + "text").Select(text => text.Value));
    }

    [Fact]
    public void Points_are_drawn_to_the_scale_of_round_axes()
    {
        XElement root = XDocument.Parse(SvgChart.Render(Chart)).Root!;
        (double X, double Y)[] unbounded = Points(root.Elements(Svg + "polyline").Last());

        // x runs 0 … 1,000 (already round), y 0 … 8 (7.3 rounded up in steps of 2).
        Assert.Equal((SvgChart.PlotLeft, SvgChart.PlotBottom), unbounded[0]);
        Assert.Equal(SvgChart.PlotLeft + ((SvgChart.PlotRight - SvgChart.PlotLeft) / 4), unbounded[1].X, 2);
        Assert.Equal(SvgChart.PlotBottom - ((SvgChart.PlotBottom - SvgChart.PlotTop) / 4), unbounded[1].Y, 2);
        Assert.Equal(SvgChart.PlotRight, unbounded[3].X, 2);
        Assert.Equal(SvgChart.PlotBottom - ((SvgChart.PlotBottom - SvgChart.PlotTop) * 7.3 / 8), unbounded[3].Y, 2);

        Assert.Equal(["0", "2", "4", "6", "8"], Group(root, "y-ticks").Elements(Svg + "text").Select(text => text.Value));
        Assert.Equal(["0", "200", "400", "600", "800", "1,000"], Group(root, "x-ticks").Elements(Svg + "text").Select(text => text.Value));
        Assert.Equal(["operations replayed", "heap (MB)"], Group(root, "axes").Elements(Svg + "text").Select(text => text.Value));
    }

    [Fact]
    public void The_chart_is_written_as_utf8_without_a_byte_order_mark()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("chart.svg");

        SvgChart.Write(path, Chart);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(SvgChart.Render(Chart), File.ReadAllText(path));
    }

    private static XElement Group(XElement root, string name) =>
        root.Elements(Svg + "g").Single(group => (string?)group.Attribute("class") == name);

    private static (double X, double Y)[] Points(XElement polyline) =>
    [
        .. ((string)polyline.Attribute("points")!)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(point => point.Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture))),
    ];
}
