namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>The properties the unbounded-collection diagnostics carry for the code fixes.</summary>
internal static class DiagnosticProperties
{
    /// <summary>The <see cref="Growth.CollectionKind"/> of the member, by name.</summary>
    public const string CollectionKind = "CollectionKind";

    /// <summary>The constant capacity argument the member was created with, when there was one.</summary>
    public const string Capacity = "Capacity";
}
