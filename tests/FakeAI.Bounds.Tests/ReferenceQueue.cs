using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The obviously correct model of a bounded queue: a <see cref="List{T}"/> that applies the overflow policy, with the
/// counters kept by hand. The generated ring is compared against it after every operation.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ReferenceQueue<T>
{
    private readonly List<T> _items = new();

    public ReferenceQueue(int capacity, OverflowPolicy policy)
    {
        Capacity = capacity;
        Policy = policy;
    }

    public int Capacity { get; }

    public OverflowPolicy Policy { get; }

    public IReadOnlyList<T> Items => _items;

    public int Count => _items.Count;

    public long TotalAdded { get; private set; }

    public long Evicted { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>Items removed by dequeue, RemoveWhere and Clear.</summary>
    public long Removed { get; private set; }

    /// <summary>Offers an item: what <c>TryAdd(item, out evicted)</c> does, and what <c>Add</c> does unless it throws.</summary>
    public BoundedAddResult Offer(T item, out T evicted)
    {
        evicted = default!;
        if (_items.Count < Capacity)
        {
            _items.Add(item);
            TotalAdded++;
            return BoundedAddResult.Added;
        }

        if (Policy == OverflowPolicy.DropOldest)
        {
            evicted = _items[0];
            _items.RemoveAt(0);
            _items.Add(item);
            TotalAdded++;
            Evicted++;
            return BoundedAddResult.AddedWithEviction;
        }

        Dropped++;
        return BoundedAddResult.Rejected;
    }

    public bool TryDequeue(out T item)
    {
        if (_items.Count == 0)
        {
            item = default!;
            return false;
        }

        item = _items[0];
        _items.RemoveAt(0);
        Removed++;
        return true;
    }

    public int RemoveWhere(Predicate<T> match)
    {
        int count = _items.RemoveAll(match);
        Removed += count;
        return count;
    }

    /// <summary>Makes the model hold what a queue holds after a RemoveWhere whose predicate threw.</summary>
    public void ReplaceAfterFailedRemoval(IReadOnlyList<T> kept)
    {
        Removed += _items.Count - kept.Count;
        _items.Clear();
        _items.AddRange(kept);
    }

    public void Clear()
    {
        Removed += _items.Count;
        _items.Clear();
    }
}
