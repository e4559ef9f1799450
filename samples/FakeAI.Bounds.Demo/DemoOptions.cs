namespace FakeAI.Bounds.Demo;

/// <summary>
/// What one run of the demo does: how much traffic to replay, from which seed, and where the chart goes. The defaults
/// are the README's run, so that its table and chart can be reproduced with no arguments.
/// </summary>
/// <param name="Operations">Traffic operations replayed through each version.</param>
/// <param name="ChartPath">Where the SVG chart is written; <see langword="null"/> for no chart.</param>
/// <param name="Seed">Seed of the traffic generator: the same seed replays the same traffic.</param>
internal sealed record DemoOptions(int Operations, string? ChartPath, int Seed)
{
    /// <summary>
    /// Enough traffic for the bounded trackers to fill their default caps (10,000 usage records and error patterns,
    /// 1,000 keys per counter, 1,000 auto-created models …), which they do by about 150,000 operations, and then run
    /// as long again and more: the chart shows the bounded line level off while the unbounded one keeps climbing. Both
    /// versions together take about 8 seconds on two cores.
    /// </summary>
    public const int DefaultOperations = 500_000;

    /// <summary>The chart's file name, in the current directory, when <c>--output</c> is not given.</summary>
    public const string DefaultChartPath = "bounds-demo.svg";

    /// <summary>A fixed seed, so that a run without arguments prints the same entry counts every time.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The options of a run without arguments.</summary>
    public static DemoOptions Default { get; } = new(DefaultOperations, DefaultChartPath, DefaultSeed);
}
