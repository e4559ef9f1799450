using System;

namespace FakeAI.Bounds;

/// <summary>
/// Thrown by <c>Add</c> (and by the indexer of a dictionary) on a full bounded collection whose policy is
/// <see cref="OverflowPolicy.Throw"/>, and by the adding members of a collection with a maximum weight for an entry that
/// does not fit. The entry is not stored and nothing is evicted for it; a collection with a maximum age has removed its
/// expired entries first, as every call does.
/// </summary>
public class BoundExceededException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public BoundExceededException()
        : base("The bounded collection is full.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was refused.</param>
    public BoundExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="innerException">The cause.</param>
    public BoundExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a full collection, with a message that states its bound.</summary>
    /// <param name="collectionName">The name of the full collection's type.</param>
    /// <param name="capacity">The capacity of the full instance.</param>
    /// <param name="maxLength">The <see cref="BoundedAttribute.MaxLength"/> of its type.</param>
    public BoundExceededException(string collectionName, int capacity, int maxLength)
        : base(FormatMessage(collectionName, capacity, maxLength))
    {
        Capacity = capacity;
        MaxLength = maxLength;
    }

    /// <summary>Creates the exception for an entry that does not fit under a maximum total weight, with a message that states the weights.</summary>
    /// <param name="collectionName">The name of the collection's type.</param>
    /// <param name="entryWeight">The weight of the refused entry.</param>
    /// <param name="weight">The total weight the instance held.</param>
    /// <param name="maxWeight">The <see cref="BoundedAttribute.MaxWeight"/> of its type.</param>
    /// <param name="heavierThanBound">
    /// Whether the entry alone weighs more than <paramref name="maxWeight"/>, so that no collection of this type can ever
    /// hold it; otherwise it was refused because the overflow policy is <see cref="OverflowPolicy.Throw"/>.
    /// </param>
    public BoundExceededException(string collectionName, long entryWeight, long weight, long maxWeight, bool heavierThanBound)
        : base(FormatWeightMessage(collectionName, entryWeight, weight, maxWeight, heavierThanBound))
    {
        EntryWeight = entryWeight;
        Weight = weight;
        MaxWeight = maxWeight;
    }

    /// <summary>The weight of the refused entry, or 0 when the collection was refused by its count.</summary>
    public long EntryWeight { get; }

    /// <summary>The total weight the collection held when it refused the entry, or 0 when it was refused by its count.</summary>
    public long Weight { get; }

    /// <summary>The <see cref="BoundedAttribute.MaxWeight"/> of the collection's type, or 0 when it was refused by its count.</summary>
    public long MaxWeight { get; }

    /// <summary>The <see cref="BoundedAttribute.MaxLength"/> of the full collection's type, or 0 when unknown.</summary>
    public int MaxLength { get; }

    /// <summary>The capacity of the full instance (at most <see cref="MaxLength"/>), or 0 when unknown.</summary>
    public int Capacity { get; }

    private static string FormatMessage(string collectionName, int capacity, int maxLength)
    {
        string bound = capacity == maxLength
            ? "MaxLength " + maxLength
            : "capacity " + capacity + " of MaxLength " + maxLength;
        return "'" + collectionName + "' is full (" + bound + ") and its overflow policy is Throw. "
            + "Remove entries first, use TryAdd to test for room, or choose OverflowPolicy.DropOldest or DropNewest.";
    }

    private static string FormatWeightMessage(string collectionName, long entryWeight, long weight, long maxWeight, bool heavierThanBound)
    {
        return heavierThanBound
            ? "'" + collectionName + "' cannot hold an entry of weight " + entryWeight + ", more than its MaxWeight " + maxWeight
                + ". Split the entry, or raise MaxWeight; TryAdd returns false for such an entry instead of throwing."
            : "'" + collectionName + "' holds weight " + weight + " of MaxWeight " + maxWeight + " and cannot take an entry of weight "
                + entryWeight + ", and its overflow policy is Throw. Remove entries first, use TryAdd to test for room, "
                + "or choose OverflowPolicy.DropOldest or EvictLeastRecentlyUsed.";
    }
}
