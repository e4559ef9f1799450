namespace FakeAI.Bounds;

/// <summary>What happened to an entry offered to a bounded collection.</summary>
public enum BoundedAddResult
{
    /// <summary>The entry was stored and nothing was removed.</summary>
    Added = 0,

    /// <summary>The entry was stored and the oldest entry was evicted to make room (<see cref="OverflowPolicy.DropOldest"/>).</summary>
    AddedWithEviction = 1,

    /// <summary>The collection was full and the entry was not stored (<see cref="OverflowPolicy.DropNewest"/> or <see cref="OverflowPolicy.Throw"/>).</summary>
    Rejected = 2,
}
