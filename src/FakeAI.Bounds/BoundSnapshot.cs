using System;
using System.Globalization;

namespace FakeAI.Bounds;

/// <summary>
/// How full one bounded member of a tracker is at one moment, as returned by a <see cref="BoundedTrackerAttribute"/>
/// class's generated <c>GetBounds()</c>.
/// </summary>
public readonly struct BoundSnapshot : IEquatable<BoundSnapshot>
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="count">The entries held.</param>
    /// <param name="capacity">The most entries the member's instance can hold.</param>
    /// <param name="maxLength">The <see cref="BoundedAttribute.MaxLength"/> of the member's type.</param>
    /// <param name="totalAdded">The entries ever stored.</param>
    /// <param name="evicted">The entries evicted to make room.</param>
    /// <param name="dropped">The entries rejected because the member was full.</param>
    public BoundSnapshot(string name, int count, int capacity, int maxLength, long totalAdded, long evicted, long dropped)
        : this(name, count, capacity, maxLength, totalAdded, evicted, dropped, expired: 0, maxAge: TimeSpan.Zero)
    {
    }

    /// <summary>Creates a snapshot of a member with a maximum age.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="count">The entries held.</param>
    /// <param name="capacity">The most entries the member's instance can hold.</param>
    /// <param name="maxLength">The <see cref="BoundedAttribute.MaxLength"/> of the member's type.</param>
    /// <param name="totalAdded">The entries ever stored.</param>
    /// <param name="evicted">The entries evicted to make room.</param>
    /// <param name="dropped">The entries rejected because the member was full.</param>
    /// <param name="expired">The entries removed because they reached <paramref name="maxAge"/>.</param>
    /// <param name="maxAge">The maximum age of the member's type; <see cref="TimeSpan.Zero"/> when it has none.</param>
    public BoundSnapshot(string name, int count, int capacity, int maxLength, long totalAdded, long evicted, long dropped, long expired, TimeSpan maxAge)
        : this(name, count, capacity, maxLength, totalAdded, evicted, dropped, expired, maxAge, weight: 0, maxWeight: 0)
    {
    }

    /// <summary>Creates a snapshot of a member with a maximum age, a maximum weight, or both.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="count">The entries held.</param>
    /// <param name="capacity">The most entries the member's instance can hold.</param>
    /// <param name="maxLength">The <see cref="BoundedAttribute.MaxLength"/> of the member's type.</param>
    /// <param name="totalAdded">The entries ever stored.</param>
    /// <param name="evicted">The entries evicted to make room.</param>
    /// <param name="dropped">The entries rejected because the member was full.</param>
    /// <param name="expired">The entries removed because they reached <paramref name="maxAge"/>.</param>
    /// <param name="maxAge">The maximum age of the member's type; <see cref="TimeSpan.Zero"/> when it has none.</param>
    /// <param name="weight">The total weight of the entries held; 0 when the type weighs none.</param>
    /// <param name="maxWeight">The maximum total weight of the member's type (<see cref="BoundedAttribute.MaxWeight"/>); 0 when it has none.</param>
    public BoundSnapshot(string name, int count, int capacity, int maxLength, long totalAdded, long evicted, long dropped, long expired, TimeSpan maxAge, long weight, long maxWeight)
    {
        Name = name;
        Count = count;
        Capacity = capacity;
        MaxLength = maxLength;
        TotalAdded = totalAdded;
        Evicted = evicted;
        Dropped = dropped;
        Expired = expired;
        MaxAge = maxAge;
        Weight = weight;
        MaxWeight = maxWeight;
    }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>The entries held.</summary>
    public int Count { get; }

    /// <summary>The most entries the member's instance can hold.</summary>
    public int Capacity { get; }

    /// <summary>The <see cref="BoundedAttribute.MaxLength"/> of the member's type.</summary>
    public int MaxLength { get; }

    /// <summary>The entries ever stored.</summary>
    public long TotalAdded { get; }

    /// <summary>The entries evicted to make room.</summary>
    public long Evicted { get; }

    /// <summary>The entries rejected because the member was full.</summary>
    public long Dropped { get; }

    /// <summary>
    /// The entries removed because they reached <see cref="MaxAge"/> (<see cref="IExpiringCollection.Expired"/>); 0 for a
    /// member without a maximum age.
    /// </summary>
    public long Expired { get; }

    /// <summary>
    /// The maximum age of the member's type (<see cref="BoundedAttribute.MaxAgeSeconds"/> or
    /// <see cref="BoundedAttribute.MaxAgeMilliseconds"/>); <see cref="TimeSpan.Zero"/> when it has none.
    /// </summary>
    public TimeSpan MaxAge { get; }

    /// <summary>The total weight of the entries held (<see cref="IWeightedCollection.Weight"/>); 0 for a member whose type weighs none.</summary>
    public long Weight { get; }

    /// <summary>The maximum total weight of the member's type (<see cref="BoundedAttribute.MaxWeight"/>); 0 when it has none.</summary>
    public long MaxWeight { get; }

    /// <summary>How full the member is, from 0 to 1.</summary>
    public double FillRatio => Capacity == 0 ? 0 : (double)Count / Capacity;

    /// <summary>
    /// Takes a snapshot of a bounded collection; of one with a maximum age (<see cref="IExpiringCollection"/>), also its
    /// age and expired count. Its <see cref="IBoundedCollection.Count"/> is the live count, which removes the expired
    /// entries first.
    /// </summary>
    /// <param name="name">The member's name.</param>
    /// <param name="collection">The collection, or <see langword="null"/> for a member not yet assigned (an empty snapshot).</param>
    /// <returns>The snapshot.</returns>
    public static BoundSnapshot Of(string name, IBoundedCollection? collection)
    {
        if (collection is null)
        {
            return new BoundSnapshot(name, 0, 0, 0, 0, 0, 0);
        }

        // Count first: of an aging collection it removes the expired entries, which the other figures then include.
        int count = collection.Count;
        IExpiringCollection? expiring = collection as IExpiringCollection;
        IWeightedCollection? weighted = collection as IWeightedCollection;
        return new BoundSnapshot(
            name,
            count,
            collection.Capacity,
            collection.MaxLength,
            collection.TotalAdded,
            collection.Evicted,
            collection.Dropped,
            expiring?.Expired ?? 0,
            expiring?.MaxAge ?? TimeSpan.Zero,
            weighted?.Weight ?? 0,
            weighted?.MaxWeight ?? 0);
    }

    /// <inheritdoc/>
    public bool Equals(BoundSnapshot other)
    {
        return string.Equals(Name, other.Name, StringComparison.Ordinal)
            && Count == other.Count
            && Capacity == other.Capacity
            && MaxLength == other.MaxLength
            && TotalAdded == other.TotalAdded
            && Evicted == other.Evicted
            && Dropped == other.Dropped
            && Expired == other.Expired
            && MaxAge == other.MaxAge
            && Weight == other.Weight
            && MaxWeight == other.MaxWeight;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BoundSnapshot other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = Name is null ? 0 : StringComparer.Ordinal.GetHashCode(Name);
            hash = (hash * 31) + Count;
            hash = (hash * 31) + Capacity;
            hash = (hash * 31) + TotalAdded.GetHashCode();
            return hash;
        }
    }

    /// <summary>
    /// The snapshot as one line, e.g. <c>RecentErrors: 500/500 (MaxLength 500), 1428 added, 928 evicted, 0 dropped</c>,
    /// followed by <c>, 12 expired (MaxAge 00:05:00)</c> for a member with a maximum age and by
    /// <c>, weight 7340/8192</c> for a member with a maximum weight.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        string line = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1}/{2} (MaxLength {3}), {4} added, {5} evicted, {6} dropped",
            Name,
            Count,
            Capacity,
            MaxLength,
            TotalAdded,
            Evicted,
            Dropped);

        // A member without a maximum age or weight keeps the line it always had.
        if (MaxAge != TimeSpan.Zero)
        {
            line += string.Format(CultureInfo.InvariantCulture, ", {0} expired (MaxAge {1})", Expired, MaxAge);
        }

        if (MaxWeight != 0)
        {
            line += string.Format(CultureInfo.InvariantCulture, ", weight {0}/{1}", Weight, MaxWeight);
        }

        return line;
    }

    /// <summary>Whether two snapshots are equal.</summary>
    public static bool operator ==(BoundSnapshot left, BoundSnapshot right) => left.Equals(right);

    /// <summary>Whether two snapshots differ.</summary>
    public static bool operator !=(BoundSnapshot left, BoundSnapshot right) => !left.Equals(right);
}
