using System;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// What <see cref="CostTracker"/> aggregates for one API key: spend, tokens and calls per model. The tracker keeps one
/// per recently active key and only touches it under its lock.
/// </summary>
internal sealed partial class KeyUsage
{
    /// <summary>How many distinct models the per-model call counts of one key keep.</summary>
    public const int MaxModelsPerKey = 64;

    /// <summary>The key's spend in US dollars.</summary>
    public decimal Cost { get; set; }

    /// <summary>The key's tokens.</summary>
    public TokenUsage Tokens { get; } = new();

    /// <summary>Calls per model; the model used least recently is evicted beyond <see cref="MaxModelsPerKey"/>.</summary>
    public CallsByModelMap CallsByModel { get; } = new(StringComparer.Ordinal);

    /// <summary>The number of calls aggregated.</summary>
    public long Calls { get; set; }

    /// <summary>Calls per model of one API key.</summary>
    [Bounded(MaxLength = MaxModelsPerKey, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    internal sealed partial class CallsByModelMap : IBoundedDictionary<string, int>;
}
