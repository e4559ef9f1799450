namespace FakeAI.Bounds;

/// <summary>
/// What every bounded collection reports: how full it is, its bound, and what its bound has cost.
/// Lets a tracker or a metrics exporter treat all bounded state alike.
/// </summary>
public interface IBoundedCollection
{
    /// <summary>The number of entries held now, never more than <see cref="Capacity"/>.</summary>
    int Count { get; }

    /// <summary>
    /// The most entries this instance can hold: <see cref="MaxLength"/> unless a smaller capacity was given, at
    /// construction or through <c>SetCapacity</c>.
    /// </summary>
    int Capacity { get; }

    /// <summary>The <see cref="BoundedAttribute.MaxLength"/> of the collection's type.</summary>
    int MaxLength { get; }

    /// <summary>What this collection does with a new entry when it is full.</summary>
    OverflowPolicy Overflow { get; }

    /// <summary>The number of entries stored since creation (rejected entries are not counted; <see cref="Clear"/> does not reset it).</summary>
    long TotalAdded { get; }

    /// <summary>
    /// The number of entries removed to make room for new ones (<see cref="OverflowPolicy.DropOldest"/>,
    /// <see cref="OverflowPolicy.EvictLeastRecentlyUsed"/>), or because <c>SetCapacity</c> lowered the capacity below the
    /// number held (<see cref="BoundedAttribute.ResizableCapacity"/>, any policy).
    /// </summary>
    long Evicted { get; }

    /// <summary>The number of incoming entries rejected because the collection was full (<see cref="OverflowPolicy.DropNewest"/>, <see cref="OverflowPolicy.Throw"/>).</summary>
    long Dropped { get; }

    /// <summary>Removes every entry. The counters keep their values; the removed entries are no longer referenced.</summary>
    void Clear();
}
