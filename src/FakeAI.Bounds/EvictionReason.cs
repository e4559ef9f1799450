namespace FakeAI.Bounds;

/// <summary>
/// Why a bounded collection removed an entry on its own, as its eviction hook hears it. A bounded type receives these
/// notifications by declaring <c>partial void OnEvicted(T item, EvictionReason reason)</c> (a dictionary:
/// <c>partial void OnEvicted(TKey key, TValue value, EvictionReason reason)</c>).
/// </summary>
/// <remarks>
/// Only the collection's bounds evict. An entry the caller takes out (<c>TryDequeue</c>, <c>Remove</c>,
/// <c>RemoveWhere</c>, <c>Clear</c>) is not an eviction and is not reported, and neither is an incoming entry that
/// <see cref="OverflowPolicy.DropNewest"/> or <see cref="OverflowPolicy.Throw"/> rejects (it was never stored; see
/// <see cref="IBoundedCollection.Dropped"/>). The numeric values are fixed: a value is never renumbered or reused.
/// </remarks>
public enum EvictionReason
{
    /// <summary>
    /// The overflow policy made room for a new entry on a full collection: the oldest entry under
    /// <see cref="OverflowPolicy.DropOldest"/>, the least recently used one under
    /// <see cref="OverflowPolicy.EvictLeastRecentlyUsed"/>. Counted in <see cref="IBoundedCollection.Evicted"/>.
    /// </summary>
    Overflow = 0,

    /// <summary>
    /// <c>SetCapacity</c> lowered the capacity below the number of entries held, and the surplus was evicted in policy
    /// order (oldest first, or least recently used first). Counted in <see cref="IBoundedCollection.Evicted"/>. Only
    /// types declared with <see cref="BoundedAttribute.ResizableCapacity"/> have <c>SetCapacity</c>.
    /// </summary>
    CapacityReduced = 1,

    /// <summary>
    /// The entry reached the maximum age its type declares (<see cref="BoundedAttribute.MaxAgeMilliseconds"/> or
    /// <see cref="BoundedAttribute.MaxAgeSeconds"/>) and was removed, on an add, a read or <c>RemoveExpired()</c>, oldest
    /// write first. Counted in the generated <c>Expired</c> counter, not in <see cref="IBoundedCollection.Evicted"/>.
    /// </summary>
    Expired = 2,

    /// <summary>
    /// A new entry, or a new value of a dictionary's key, did not fit under the maximum total weight its type declares
    /// (<see cref="BoundedAttribute.MaxWeight"/>), and this entry was evicted in policy order to make room. Counted in
    /// <see cref="IBoundedCollection.Evicted"/>.
    /// </summary>
    Weight = 3,
}
