using System;
using System.Collections.Generic;

namespace FakeAI.Bounds;

/// <summary>
/// A map capped at <see cref="IBoundedCollection.Capacity"/> distinct keys. Updating an existing key keeps its place and
/// evicts nothing; a new key on a full map applies the overflow policy (<see cref="OverflowPolicy.DropOldest"/> evicts the
/// oldest-inserted key, <see cref="OverflowPolicy.EvictLeastRecentlyUsed"/> the least recently used one).
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public interface IBoundedDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IBoundedCollection
{
    /// <summary>The number of keys held now, never more than <see cref="IBoundedCollection.Capacity"/>.</summary>
    new int Count { get; }

    /// <summary>Whether the map holds <see cref="IBoundedCollection.Capacity"/> keys.</summary>
    bool IsFull { get; }

    /// <summary>Gets a value (refreshing the key under <see cref="OverflowPolicy.EvictLeastRecentlyUsed"/>) or sets one (an upsert).</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">Get: the key is not present.</exception>
    /// <exception cref="BoundExceededException">Set: a new key on a full map whose policy is <see cref="OverflowPolicy.Throw"/>.</exception>
    new TValue this[TKey key] { get; set; }

    /// <summary>Adds a key that is not present yet. Never throws because the map is full.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="false"/> when the key was present, or the map was full and the policy rejected it.</returns>
    bool TryAdd(TKey key, TValue value);

    /// <summary>Returns the value of a key, adding it from a factory first when it is absent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="valueFactory">Makes the value of an absent key.</param>
    /// <returns>The value now stored for <paramref name="key"/> (for an absent key rejected by <see cref="OverflowPolicy.DropNewest"/>, the factory's value, not stored).</returns>
    /// <exception cref="BoundExceededException">The key was absent, the map full and its policy <see cref="OverflowPolicy.Throw"/>.</exception>
    TValue GetOrAdd(TKey key, Func<TKey, TValue> valueFactory);

    /// <summary>Adds a key with a value, or replaces the value of a key already present with one computed from it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="addValue">The value of an absent key.</param>
    /// <param name="updateValueFactory">Computes the new value of a present key from the key and its current value.</param>
    /// <returns>The value now stored for <paramref name="key"/> (for an absent key rejected by <see cref="OverflowPolicy.DropNewest"/>, <paramref name="addValue"/>).</returns>
    /// <exception cref="BoundExceededException">The key was absent, the map full and its policy <see cref="OverflowPolicy.Throw"/>.</exception>
    TValue AddOrUpdate(TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory);

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="false"/> when the key was not present.</returns>
    bool Remove(TKey key);

    /// <summary>Removes every entry that matches a predicate: the tool for age-based cleanup.</summary>
    /// <param name="match">Returns <see langword="true"/> for the entries to remove. It must not use the map itself.</param>
    /// <returns>The number of entries removed.</returns>
    int RemoveWhere(Func<TKey, TValue, bool> match);
}
