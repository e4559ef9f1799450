namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>What the analysis concludes about one long-lived collection.</summary>
internal enum GrowthOutcome
{
    /// <summary>Bounded, never added to, or out of sight (handed to code that may bound it).</summary>
    Bounded,

    /// <summary>Added to, and nothing on the add path removes from it under a size check (BND001, or BND003).</summary>
    Unbounded,

    /// <summary>Added to, and only methods off the add path remove from it (BND002).</summary>
    ManualCleanup,
}
