namespace FakeAI.Bounds.Demo;

/// <summary>The outcome of a demo run: both versions' results, and where the chart went.</summary>
/// <param name="Options">The options the run used.</param>
/// <param name="Bounded">The bounded version's result.</param>
/// <param name="Unbounded">The unbounded version's result.</param>
internal sealed record DemoResult(DemoOptions Options, VersionResult Bounded, VersionResult Unbounded);
