using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// What one tracker holds after the run: a row per collection, and for a bounded tracker its <c>GetBounds()</c>
/// snapshots. Plain values, no references to the tracker, so that counting never keeps a tracker alive while its
/// retained memory is measured.
/// </summary>
/// <param name="Tracker">The tracker's class name.</param>
/// <param name="Collections">Its collections, the tracker's own first, then those inside its entries.</param>
/// <param name="Bounds">The bounded tracker's <c>GetBounds()</c>; empty for the unbounded version.</param>
internal sealed record TrackerEntries(string Tracker, IReadOnlyList<CollectionEntries> Collections, IReadOnlyList<BoundSnapshot> Bounds)
{
    /// <summary>Entries in all of the tracker's collections together.</summary>
    public long Total => Collections.Sum(collection => collection.Entries);
}

/// <summary>
/// The entries of one collection member: either the tracker's own collection, or the same member of every entry the
/// tracker holds (every stream's token times, every pattern's affected users), added up.
/// </summary>
/// <param name="Name">The member: the tracker's field name, or <c>Type.Member</c> for one inside its entries.</param>
/// <param name="Entries">Items held, over all holders.</param>
/// <param name="Holders">How many collections were added up: 1 for the tracker's own.</param>
/// <param name="Largest">The items of the fullest of them.</param>
/// <param name="Capacity">The smallest capacity among them, for bounded collections; <see langword="null"/> otherwise.</param>
/// <param name="ByReflection">Whether the count was read from private fields because no public count exists.</param>
internal sealed record CollectionEntries(string Name, long Entries, int Holders, long Largest, int? Capacity, bool ByReflection)
{
    /// <summary>A tracker's own collection, counted through public API.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="count">Its count.</param>
    /// <param name="capacity">Its capacity, when bounded.</param>
    /// <returns>The row.</returns>
    public static CollectionEntries Own(string name, long count, int? capacity = null) => new(name, count, 1, count, capacity, false);

    /// <summary>A tracker's own collection whose count only its private field shows.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="count">Its count.</param>
    /// <returns>The row.</returns>
    public static CollectionEntries OwnByReflection(string name, long count) => new(name, count, 1, count, null, true);

    /// <summary>A bounded tracker's member as <c>GetBounds()</c> reports it.</summary>
    /// <param name="bound">The snapshot.</param>
    /// <returns>The row.</returns>
    public static CollectionEntries Of(BoundSnapshot bound) => Own(bound.Name, bound.Count, bound.Capacity);
}
