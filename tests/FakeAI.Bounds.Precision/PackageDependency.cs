namespace FakeAI.Bounds.Precision;

/// <summary>A package a project references: its id, and its version or range where the project files write one.</summary>
internal sealed record PackageDependency(string Id, string? Version);
