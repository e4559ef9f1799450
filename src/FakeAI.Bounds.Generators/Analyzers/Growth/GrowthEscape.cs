using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>A call that hands a collection to code that can change it: <c>'Trim' (line 12)</c>, and where.</summary>
internal readonly record struct GrowthEscape(string Description, Location Location);
