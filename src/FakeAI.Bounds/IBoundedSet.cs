using System;
using System.Collections.Generic;

namespace FakeAI.Bounds;

/// <summary>
/// A set capped at <see cref="IBoundedCollection.Capacity"/> distinct values. Adding a value already present keeps its place
/// and evicts nothing; a new value on a full set applies the overflow policy.
/// </summary>
/// <typeparam name="T">The type of the values.</typeparam>
public interface IBoundedSet<T> : IReadOnlyCollection<T>, IBoundedCollection
{
    /// <summary>The number of values held now, never more than <see cref="IBoundedCollection.Capacity"/>.</summary>
    new int Count { get; }

    /// <summary>Whether the set holds <see cref="IBoundedCollection.Capacity"/> values.</summary>
    bool IsFull { get; }

    /// <summary>Adds a value unless it is present; a new value on a full set applies the overflow policy.</summary>
    /// <param name="item">The value.</param>
    /// <returns><see langword="true"/> when the value was added.</returns>
    /// <exception cref="BoundExceededException">A new value on a full set whose policy is <see cref="OverflowPolicy.Throw"/>.</exception>
    bool Add(T item);

    /// <summary>Adds a value unless it is present or the policy rejects it. Never throws because the set is full.</summary>
    /// <param name="item">The value.</param>
    /// <returns><see langword="true"/> when the value was added.</returns>
    bool TryAdd(T item);

    /// <summary>Whether a value is present (refreshing it under <see cref="OverflowPolicy.EvictLeastRecentlyUsed"/>).</summary>
    /// <param name="item">The value.</param>
    /// <returns><see langword="true"/> when present.</returns>
    bool Contains(T item);

    /// <summary>Removes a value.</summary>
    /// <param name="item">The value.</param>
    /// <returns><see langword="false"/> when the value was not present.</returns>
    bool Remove(T item);

    /// <summary>Removes every value that matches a predicate.</summary>
    /// <param name="match">Returns <see langword="true"/> for the values to remove. It must not use the set itself.</param>
    /// <returns>The number of values removed.</returns>
    int RemoveWhere(Predicate<T> match);
}
