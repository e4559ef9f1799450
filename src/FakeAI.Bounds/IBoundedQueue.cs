using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace FakeAI.Bounds;

/// <summary>
/// A first-in, first-out queue that never holds more than <see cref="IBoundedCollection.Capacity"/> items.
/// Index 0 is the oldest item; enumeration runs oldest to newest, <see cref="NewestFirst"/> the other way.
/// Implemented by the generator for a partial class marked with <see cref="BoundedAttribute"/>.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public interface IBoundedQueue<T> : IReadOnlyList<T>, IBoundedCollection
{
    /// <summary>The number of items held now, never more than <see cref="IBoundedCollection.Capacity"/>.</summary>
    new int Count { get; }

    /// <summary>Whether the queue holds <see cref="IBoundedCollection.Capacity"/> items.</summary>
    bool IsFull { get; }

    /// <summary>The items from newest to oldest.</summary>
    IEnumerable<T> NewestFirst { get; }

    /// <summary>
    /// Appends an item as the newest. When the queue is full the overflow policy applies: <see cref="OverflowPolicy.DropOldest"/>
    /// evicts the oldest item, <see cref="OverflowPolicy.DropNewest"/> discards <paramref name="item"/>,
    /// <see cref="OverflowPolicy.Throw"/> throws.
    /// </summary>
    /// <param name="item">The item to append.</param>
    /// <exception cref="BoundExceededException">The queue is full and its policy is <see cref="OverflowPolicy.Throw"/>.</exception>
    void Add(T item);

    /// <summary>Appends an item as the newest unless the policy rejects it. Never throws because the queue is full.</summary>
    /// <param name="item">The item to append.</param>
    /// <returns><see langword="true"/> when the item was stored; <see langword="false"/> when the queue was full and the policy rejected it.</returns>
    bool TryAdd(T item);

    /// <summary>Appends an item as the newest unless the policy rejects it, and hands back the item evicted to make room.</summary>
    /// <param name="item">The item to append.</param>
    /// <param name="evicted">The evicted item when the result is <see cref="BoundedAddResult.AddedWithEviction"/>; otherwise the default value.</param>
    /// <returns>Whether the item was stored, and whether an item was evicted for it.</returns>
    BoundedAddResult TryAdd(T item, [MaybeNull] out T evicted);

    /// <summary>Removes and returns the oldest item.</summary>
    /// <param name="item">The oldest item, when there was one.</param>
    /// <returns><see langword="false"/> when the queue was empty.</returns>
    bool TryDequeue([MaybeNullWhen(false)] out T item);

    /// <summary>Returns the oldest item without removing it.</summary>
    /// <param name="item">The oldest item, when there is one.</param>
    /// <returns><see langword="false"/> when the queue is empty.</returns>
    bool TryPeekOldest([MaybeNullWhen(false)] out T item);

    /// <summary>Returns the newest item without removing it.</summary>
    /// <param name="item">The newest item, when there is one.</param>
    /// <returns><see langword="false"/> when the queue is empty.</returns>
    bool TryPeekNewest([MaybeNullWhen(false)] out T item);

    /// <summary>Removes every item that matches a predicate, keeping the order of the others.</summary>
    /// <param name="match">Returns <see langword="true"/> for the items to remove. It must not use the queue itself.</param>
    /// <returns>The number of items removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    int RemoveWhere(Predicate<T> match);

    /// <summary>Copies the items, oldest first, into a new array.</summary>
    /// <returns>An array of <see cref="Count"/> items.</returns>
    T[] ToArray();

    /// <summary>Copies the items, oldest first, into an array.</summary>
    /// <param name="array">The destination.</param>
    /// <param name="arrayIndex">Where in <paramref name="array"/> the oldest item goes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="arrayIndex"/> is negative or past the end of <paramref name="array"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="array"/> has no room for <see cref="Count"/> items from <paramref name="arrayIndex"/>.</exception>
    void CopyTo(T[] array, int arrayIndex);
}
