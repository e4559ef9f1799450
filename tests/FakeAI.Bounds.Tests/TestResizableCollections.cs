// The [Bounded] declarations with ResizableCapacity = true that the capacity tests run against. Each kind comes in
// both forms behind one test-only interface (not a bounded interface, so the generator still sees exactly one), so
// that a test runs the same steps against the single-threaded and the thread-safe code.
using System;
using System.Collections.Concurrent;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    /// <summary>A resizable queue with a hook that records what it hears and can throw for one item.</summary>
    public interface IResizableTestQueue : IBoundedQueue<int>
    {
        ConcurrentQueue<Eviction<int>> Evictions { get; }

        int ThrowFor { get; set; }

        void SetCapacity(int capacity);
    }

    /// <summary>A resizable dictionary with a hook that records what it hears and can throw for one key.</summary>
    public interface IResizableTestMap : IBoundedDictionary<string, int>
    {
        ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; }

        string? ThrowFor { get; set; }

        void SetCapacity(int capacity);
    }

    [Bounded(MaxLength = 100, ResizableCapacity = true)]
    public sealed partial class ResizableQueue : IBoundedQueue<int>, IResizableTestQueue
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        public int ThrowFor { get; set; } = -1;

        partial void OnEvicted(int item, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<int>(item, reason));
            if (item == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + item);
            }
        }
    }

    [Bounded(MaxLength = 100, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class ResizableQueueThreadSafe : IBoundedQueue<int>, IResizableTestQueue
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        public int ThrowFor { get; set; } = -1;

        partial void OnEvicted(int item, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<int>(item, reason));
            if (item == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + item);
            }
        }
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.DropNewest, ResizableCapacity = true)]
    public sealed partial class ResizableDropNewestQueue : IBoundedQueue<string>;

    [Bounded(MaxLength = 100, ResizableCapacity = true)]
    public sealed partial class ResizableMap : IBoundedDictionary<string, int>, IResizableTestMap
    {
        public ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, int Value)>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(string Key, int Value)>((key, value), reason));
            if (key == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 100, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class ResizableMapThreadSafe : IBoundedDictionary<string, int>, IResizableTestMap
    {
        public ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, int Value)>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(string Key, int Value)>((key, value), reason));
            if (key == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ResizableCapacity = true)]
    public sealed partial class ResizableLruMap : IBoundedDictionary<string, int>, IResizableTestMap
    {
        public ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, int Value)>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(string Key, int Value)>((key, value), reason));
            if (key == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class ResizableLruMapThreadSafe : IBoundedDictionary<string, int>, IResizableTestMap
    {
        public ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, int Value)>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(string Key, int Value)>((key, value), reason));
            if (key == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.DropNewest, ResizableCapacity = true)]
    public sealed partial class ResizableDropNewestSet : IBoundedSet<int>;

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.Throw, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class ResizableThrowSetThreadSafe : IBoundedSet<int>
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        partial void OnEvicted(int item, EvictionReason reason) => Evictions.Enqueue(new Eviction<int>(item, reason));
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class ResizableLruSetThreadSafe : IBoundedSet<int>
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        partial void OnEvicted(int item, EvictionReason reason) => Evictions.Enqueue(new Eviction<int>(item, reason));
    }
}
