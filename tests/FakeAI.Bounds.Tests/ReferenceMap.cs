using System;
using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The obviously correct model of a bounded dictionary: a <see cref="List{T}"/> of the keys from the oldest (least
/// recently used) to the newest, and a <see cref="Dictionary{TKey, TValue}"/> of their values, both with the map's
/// comparer, applying the overflow policy by hand. The generated hash table is compared against it after every
/// operation.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ReferenceMap<TKey, TValue>
    where TKey : notnull
{
    // The entries oldest first, and an index of them by key: values live in the entries, so that listing them costs no
    // lookups (with a comparer that gives every key one hash code, each lookup walks all keys).
    private readonly List<Entry> _order = new();
    private readonly Dictionary<TKey, Entry> _values;

    /// <param name="secondChance">
    /// Least-recently-used eviction as the thread-safe form does it: a use marks the entry instead of moving it, and
    /// eviction moves marked entries to the newest end (clearing the mark) until it meets an unmarked one.
    /// </param>
    public ReferenceMap(int capacity, OverflowPolicy policy, IEqualityComparer<TKey>? comparer = null, bool secondChance = false)
    {
        Capacity = capacity;
        Policy = policy;
        SecondChance = secondChance && policy == OverflowPolicy.EvictLeastRecentlyUsed;
        _values = new Dictionary<TKey, Entry>(comparer ?? EqualityComparer<TKey>.Default);
    }

    public int Capacity { get; }

    public OverflowPolicy Policy { get; }

    public bool Lru => Policy == OverflowPolicy.EvictLeastRecentlyUsed;

    public bool SecondChance { get; }

    /// <summary>The keys as first stored (an update with another spelling keeps the first), in the order they would be evicted.</summary>
    public IReadOnlyList<TKey> Keys => EvictionOrder().Select(entry => entry.Key).ToList();

    public List<KeyValuePair<TKey, TValue>> Entries => EvictionOrder().Select(entry => new KeyValuePair<TKey, TValue>(entry.Key, entry.Value)).ToList();

    /// <summary>The key of the entry at a position, in the order they would be evicted.</summary>
    public TKey KeyAt(int index) => EvictionOrder().ElementAt(index).Key;

    // Under second chance, eviction takes the unmarked entries oldest first, then the marked ones in their order.
    private IEnumerable<Entry> EvictionOrder() =>
        SecondChance ? _order.Where(entry => !entry.Marked).Concat(_order.Where(entry => entry.Marked)) : _order;

    public int Count => _order.Count;

    public bool IsFull => _order.Count == Capacity;

    public long TotalAdded { get; private set; }

    public long Evicted { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>Entries removed by Remove, RemoveWhere and Clear.</summary>
    public long Removed { get; private set; }

    /// <summary>Whether a key is present, without marking it used (ContainsKey).</summary>
    public bool Contains(TKey key) => _values.ContainsKey(key);

    /// <summary>Looks a key up the way a read does: under least-recently-used eviction it marks the key used.</summary>
    public bool TryRead(TKey key, out TValue value)
    {
        if (!_values.TryGetValue(key, out Entry? entry))
        {
            value = default!;
            return false;
        }

        value = entry.Value;
        Touch(entry);
        return true;
    }

    /// <summary>Replaces the value of a present key (an upsert of a present key); marks it used under LRU.</summary>
    public void Update(TKey key, TValue value)
    {
        if (!_values.TryGetValue(key, out Entry? entry))
        {
            throw new InvalidOperationException("The model updates present keys only.");
        }

        entry.Value = value;
        Touch(entry);
    }

    /// <summary>Offers a key known to be absent: what every adding member does with a new key, unless it throws.</summary>
    public BoundedAddResult Insert(TKey key, TValue value)
    {
        if (_values.ContainsKey(key))
        {
            throw new InvalidOperationException("The model inserts absent keys only.");
        }

        if (_order.Count < Capacity)
        {
            Store(key, value);
            return BoundedAddResult.Added;
        }

        if (MapFactory.Evicts(Policy))
        {
            for (int passes = _order.Count; SecondChance && passes > 0 && _order[0].Marked; passes--)
            {
                Entry used = _order[0];
                used.Marked = false;
                _order.RemoveAt(0);
                _order.Add(used);
            }

            Entry victim = _order[0];
            _order.RemoveAt(0);
            _values.Remove(victim.Key);
            Evicted++;
            Store(key, value);
            return BoundedAddResult.AddedWithEviction;
        }

        Dropped++;
        return BoundedAddResult.Rejected;
    }

    public bool Remove(TKey key, out TValue value)
    {
        if (!_values.Remove(key, out Entry? entry))
        {
            value = default!;
            return false;
        }

        value = entry.Value;
        _order.Remove(entry);
        Removed++;
        return true;
    }

    public int RemoveWhere(Func<TKey, TValue, bool> match)
    {
        var doomed = _order.Where(entry => match(entry.Key, entry.Value)).ToList();
        foreach (Entry entry in doomed)
        {
            Remove(entry.Key, out _);
        }

        return doomed.Count;
    }

    /// <summary>Makes the model hold what a map holds after a RemoveWhere whose predicate threw.</summary>
    /// <remarks>The kept entries keep their places and marks: a failed removal removes, it does not reorder.</remarks>
    public void ReplaceAfterFailedRemoval(IReadOnlyList<KeyValuePair<TKey, TValue>> kept)
    {
        var keptKeys = new HashSet<TKey>(kept.Select(pair => pair.Key), _values.Comparer);
        Removed += _order.Count - kept.Count;
        foreach (Entry entry in _order.Where(entry => !keptKeys.Contains(entry.Key)).ToList())
        {
            _order.Remove(entry);
            _values.Remove(entry.Key);
        }
    }

    public void Clear()
    {
        Removed += _order.Count;
        _order.Clear();
        _values.Clear();
    }

    private void Store(TKey key, TValue value)
    {
        var entry = new Entry(key, value);
        _order.Add(entry);
        _values.Add(key, entry);
        TotalAdded++;
    }

    private void Touch(Entry entry)
    {
        if (SecondChance)
        {
            entry.Marked = true;
        }
        else if (Lru)
        {
            _order.Remove(entry);
            _order.Add(entry);
        }
    }

    /// <summary>A key as first stored, and its value now.</summary>
    private sealed class Entry
    {
        public Entry(TKey key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public TKey Key { get; }

        public TValue Value { get; set; }

        /// <summary>Under second chance: used since it last reached the oldest end.</summary>
        public bool Marked { get; set; }
    }
}

/// <summary>The model of a bounded set: a <see cref="ReferenceMap{TKey, TValue}"/> whose values do not matter.</summary>
/// <typeparam name="T">The value type of the set.</typeparam>
public sealed class ReferenceSet<T>
    where T : notnull
{
    private readonly ReferenceMap<T, bool> _map;

    public ReferenceSet(int capacity, OverflowPolicy policy, IEqualityComparer<T>? comparer = null, bool secondChance = false)
    {
        _map = new ReferenceMap<T, bool>(capacity, policy, comparer, secondChance);
        Comparer = comparer ?? EqualityComparer<T>.Default;
    }

    public IEqualityComparer<T> Comparer { get; }

    public int Capacity => _map.Capacity;

    public OverflowPolicy Policy => _map.Policy;

    public IReadOnlyList<T> Items => _map.Keys;

    public int Count => _map.Count;

    public long TotalAdded => _map.TotalAdded;

    public long Evicted => _map.Evicted;

    public long Dropped => _map.Dropped;

    public long Removed => _map.Removed;

    /// <summary>Add or TryAdd: a present value is marked used (under LRU) and not added; a new one meets the policy.</summary>
    public BoundedAddResult? Add(T item)
    {
        if (_map.TryRead(item, out _))
        {
            return null;
        }

        return _map.Insert(item, true);
    }

    /// <summary>Contains: marks a present value used under LRU.</summary>
    public bool Contains(T item) => _map.TryRead(item, out _);

    public bool Remove(T item) => _map.Remove(item, out _);

    public int RemoveWhere(Predicate<T> match) => _map.RemoveWhere((item, _) => match(item));

    public void ReplaceAfterFailedRemoval(IReadOnlyList<T> kept) =>
        _map.ReplaceAfterFailedRemoval(kept.Select(item => new KeyValuePair<T, bool>(item, true)).ToList());

    public void Clear() => _map.Clear();
}
