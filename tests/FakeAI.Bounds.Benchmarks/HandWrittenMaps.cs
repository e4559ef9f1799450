using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace FakeAI.Bounds.Benchmarks;

// The baselines of the map benchmarks: what a .NET developer writes by hand today for a bounded map.
//
// - FIFO: a Dictionary plus a Queue of its keys in insertion order; a new key is added to both and, when that
//   takes the dictionary past the capacity, the oldest key is dequeued and removed. That is one hash of the new key
//   and one of the evicted key per insert, the least a dictionary paired with a queue can do, so the baseline is not
//   a strawman. Both are sized capacity + 1 up front (a full map holds one extra key for the moment between the
//   add and the eviction), so they never grow after setup.
// - LRU: the classic Dictionary<K, LinkedListNode<(K, V)>> with a LinkedList in recency order (first = most
//   recent): a hit moves its node to the front, a new key on a full map removes the last node, and the new key gets
//   a new node (one allocation per new key, as the classic does).
//
// Neither takes a lock: the benchmarks wrap each call in a `lock` (System.Threading.Lock) for the locked rows and
// call it bare for the unlocked ones. Each is written once per key/value pair, like the hand-written rings, so that
// the string → object baseline runs code compiled for its types rather than shared (__Canon) generic code; the
// BCL collections inside are of course the ordinary generic ones.

/// <summary>FIFO bounded map of <see cref="int"/> to <see cref="long"/>: <see cref="Dictionary{TKey, TValue}"/> + <see cref="Queue{T}"/>.</summary>
internal sealed class DictionaryQueueIntMap
{
    private readonly Dictionary<int, long> _map;
    private readonly Queue<int> _order;
    private readonly int _capacity;

    public DictionaryQueueIntMap(int capacity)
    {
        _capacity = capacity;
        _map = new Dictionary<int, long>(capacity + 1);
        _order = new Queue<int>(capacity + 1);
    }

    public int Count => _map.Count;

    /// <summary>Upsert: an existing key keeps its place; a new key on a full map evicts the oldest-inserted key.</summary>
    public void Set(int key, long value)
    {
        if (!_map.TryAdd(key, value))
        {
            _map[key] = value;
            return;
        }

        _order.Enqueue(key);
        if (_map.Count > _capacity)
        {
            _map.Remove(_order.Dequeue());
        }
    }

    public bool TryGetValue(int key, out long value) => _map.TryGetValue(key, out value);
}

/// <summary>FIFO bounded map of <see cref="string"/> to <see cref="object"/>: <see cref="Dictionary{TKey, TValue}"/> + <see cref="Queue{T}"/>.</summary>
internal sealed class DictionaryQueueStringMap
{
    private readonly Dictionary<string, object> _map;
    private readonly Queue<string> _order;
    private readonly int _capacity;

    public DictionaryQueueStringMap(int capacity)
    {
        _capacity = capacity;
        _map = new Dictionary<string, object>(capacity + 1);
        _order = new Queue<string>(capacity + 1);
    }

    public int Count => _map.Count;

    /// <summary>Upsert: an existing key keeps its place; a new key on a full map evicts the oldest-inserted key.</summary>
    public void Set(string key, object value)
    {
        if (!_map.TryAdd(key, value))
        {
            _map[key] = value;
            return;
        }

        _order.Enqueue(key);
        if (_map.Count > _capacity)
        {
            _map.Remove(_order.Dequeue());
        }
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _map.TryGetValue(key, out value);
}

/// <summary>Classic LRU map of <see cref="int"/> to <see cref="long"/>: <see cref="Dictionary{TKey, TValue}"/> of <see cref="LinkedListNode{T}"/>.</summary>
internal sealed class LinkedListLruIntMap
{
    private readonly Dictionary<int, LinkedListNode<(int Key, long Value)>> _map;
    private readonly LinkedList<(int Key, long Value)> _recency = new();
    private readonly int _capacity;

    public LinkedListLruIntMap(int capacity)
    {
        _capacity = capacity;
        _map = new Dictionary<int, LinkedListNode<(int Key, long Value)>>(capacity);
    }

    public int Count => _map.Count;

    /// <summary>Upsert: a key written becomes the most recently used; a new key on a full map evicts the least recently used.</summary>
    public void Set(int key, long value)
    {
        if (_map.TryGetValue(key, out LinkedListNode<(int Key, long Value)>? node))
        {
            node.Value = (key, value);
            MoveToFront(node);
            return;
        }

        if (_map.Count == _capacity)
        {
            LinkedListNode<(int Key, long Value)> last = _recency.Last!;
            _recency.RemoveLast();
            _map.Remove(last.Value.Key);
        }

        _map.Add(key, _recency.AddFirst((key, value)));
    }

    /// <summary>A hit becomes the most recently used.</summary>
    public bool TryGetValue(int key, out long value)
    {
        if (_map.TryGetValue(key, out LinkedListNode<(int Key, long Value)>? node))
        {
            MoveToFront(node);
            value = node.Value.Value;
            return true;
        }

        value = 0;
        return false;
    }

    private void MoveToFront(LinkedListNode<(int Key, long Value)> node)
    {
        if (node != _recency.First)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }
}

/// <summary>Classic LRU map of <see cref="string"/> to <see cref="object"/>: <see cref="Dictionary{TKey, TValue}"/> of <see cref="LinkedListNode{T}"/>.</summary>
internal sealed class LinkedListLruStringMap
{
    private readonly Dictionary<string, LinkedListNode<(string Key, object Value)>> _map;
    private readonly LinkedList<(string Key, object Value)> _recency = new();
    private readonly int _capacity;

    public LinkedListLruStringMap(int capacity)
    {
        _capacity = capacity;
        _map = new Dictionary<string, LinkedListNode<(string Key, object Value)>>(capacity);
    }

    public int Count => _map.Count;

    /// <summary>Upsert: a key written becomes the most recently used; a new key on a full map evicts the least recently used.</summary>
    public void Set(string key, object value)
    {
        if (_map.TryGetValue(key, out LinkedListNode<(string Key, object Value)>? node))
        {
            node.Value = (key, value);
            MoveToFront(node);
            return;
        }

        if (_map.Count == _capacity)
        {
            LinkedListNode<(string Key, object Value)> last = _recency.Last!;
            _recency.RemoveLast();
            _map.Remove(last.Value.Key);
        }

        _map.Add(key, _recency.AddFirst((key, value)));
    }

    /// <summary>A hit becomes the most recently used.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        if (_map.TryGetValue(key, out LinkedListNode<(string Key, object Value)>? node))
        {
            MoveToFront(node);
            value = node.Value.Value;
            return true;
        }

        value = null;
        return false;
    }

    private void MoveToFront(LinkedListNode<(string Key, object Value)> node)
    {
        if (node != _recency.First)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }
}
