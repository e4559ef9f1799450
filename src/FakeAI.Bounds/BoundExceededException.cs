using System;

namespace FakeAI.Bounds;

/// <summary>
/// Thrown by <c>Add</c> (and by the indexer of a dictionary) on a full bounded collection whose policy is
/// <see cref="OverflowPolicy.Throw"/>. The collection is left unchanged.
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
}
