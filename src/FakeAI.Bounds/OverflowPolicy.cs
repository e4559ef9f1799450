namespace FakeAI.Bounds;

/// <summary>
/// What a bounded collection does with a new entry when it already holds <see cref="IBoundedCollection.Capacity"/> entries.
/// </summary>
public enum OverflowPolicy
{
    /// <summary>
    /// Evict the oldest entry to make room for the new one, like Python's <c>deque(maxlen=N)</c>.
    /// Each eviction is counted in <see cref="IBoundedCollection.Evicted"/>.
    /// </summary>
    DropOldest = 0,

    /// <summary>
    /// Keep what is stored and reject the incoming entry, like a full event queue.
    /// Each rejection is counted in <see cref="IBoundedCollection.Dropped"/>.
    /// </summary>
    DropNewest = 1,

    /// <summary>
    /// Throw <see cref="BoundExceededException"/> from <c>Add</c>, for hard caps such as a maximum number of active streams.
    /// <c>TryAdd</c> never throws: it returns <see langword="false"/>. Each rejection is counted in <see cref="IBoundedCollection.Dropped"/>.
    /// </summary>
    Throw = 2,

    /// <summary>
    /// Evict the entry that was used least recently; reads refresh an entry.
    /// Valid for <see cref="IBoundedDictionary{TKey, TValue}"/> and <see cref="IBoundedSet{T}"/> only: a queue has no reads that refresh.
    /// </summary>
    EvictLeastRecentlyUsed = 3,
}
