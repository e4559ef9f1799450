namespace FakeAI.Bounds.Generators.Analyzers.Channels;

/// <summary>
/// The properties a BND005 diagnostic carries for the code fix: what the analyzer read of the options where the channel
/// is created, which the fix cannot read again without repeating the analyzer's walk of the statements before the call.
/// </summary>
internal static class ChannelDropProperties
{
    /// <summary>The full mode that drops items, by name: DropOldest, DropNewest or DropWrite.</summary>
    public const string FullMode = "FullMode";

    /// <summary>The channel's capacity, when it is a constant the options are certain to hold at the call.</summary>
    public const string Capacity = "Capacity";
}
