using System;

namespace FakeAI.Bounds.Samples;

/// <summary>A model <see cref="ModelRegistry"/> serves: its id, owner, capability preset and state.</summary>
/// <param name="ModelId">The model's identifier.</param>
/// <param name="Preset">The capability preset it was created from, such as <c>base</c> or <c>chat</c>.</param>
/// <param name="OwnedBy">The organisation that owns it.</param>
/// <param name="Created">When it was defined.</param>
public sealed record ModelDefinition(string ModelId, string Preset, string OwnedBy, DateTimeOffset Created)
{
    /// <summary>Whether the model is served.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Whether the model is deprecated.</summary>
    public bool Deprecated { get; init; }

    /// <summary>Whether the registry created it because a client asked for an unknown id.</summary>
    public bool AutoCreated { get; init; }

    /// <summary>Whether the id names a fine-tuned model (<c>ft:base:org::id</c>).</summary>
    public bool IsFineTuned => ModelId.StartsWith("ft:", StringComparison.Ordinal);
}
