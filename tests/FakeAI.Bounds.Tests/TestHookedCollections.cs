// The [Bounded] declarations with an OnEvicted hook that the eviction hook tests run against. Each hook records what
// it hears, in order, and can be told to throw for one entry, so that the tests can check what a failing hook leaves.
using System;
using System.Collections.Concurrent;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    /// <summary>The hook's record of one notification.</summary>
    public readonly record struct Eviction<T>(T Entry, EvictionReason Reason);

    [Bounded(MaxLength = 100)]
    public sealed partial class HookedQueue : IBoundedQueue<int>
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

    [Bounded(MaxLength = 100, ThreadSafe = true)]
    public sealed partial class HookedQueueThreadSafe : IBoundedQueue<int>
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        public int ThrowFor { get; set; } = -1;

        /// <summary>Set to read the queue from inside the hook, which only works outside its lock.</summary>
        public bool ReadsItselfInHook { get; set; }

        public int CountSeenInHook { get; private set; } = -1;

        partial void OnEvicted(int item, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<int>(item, reason));
            if (ReadsItselfInHook)
            {
                CountSeenInHook = ToArray().Length;
            }

            if (item == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + item);
            }
        }
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class HookedDropNewestQueue : IBoundedQueue<int>
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        partial void OnEvicted(int item, EvictionReason reason) => Evictions.Enqueue(new Eviction<int>(item, reason));
    }

    [Bounded(MaxLength = 100)]
    public sealed partial class HookedMap : IBoundedDictionary<string, int>
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

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class HookedLruMap : IBoundedDictionary<string, int>
    {
        public ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, int Value)>>();

        partial void OnEvicted(string key, int value, EvictionReason reason) => Evictions.Enqueue(new Eviction<(string Key, int Value)>((key, value), reason));
    }

    [Bounded(MaxLength = 100, ThreadSafe = true)]
    public sealed partial class HookedMapThreadSafe : IBoundedDictionary<int, int>
    {
        public ConcurrentQueue<Eviction<(int Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(int Key, int Value)>>();

        public int ThrowFor { get; set; } = -1;

        public bool ReadsItselfInHook { get; set; }

        public bool EvictedKeyWasGoneInHook { get; private set; } = true;

        partial void OnEvicted(int key, int value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(int Key, int Value)>((key, value), reason));
            if (ReadsItselfInHook)
            {
                EvictedKeyWasGoneInHook &= !ContainsKey(key);
            }

            if (key == ThrowFor)
            {
                throw new InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    public sealed partial class HookedLruMapThreadSafe : IBoundedDictionary<int, int>
    {
        public ConcurrentQueue<Eviction<(int Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(int Key, int Value)>>();

        partial void OnEvicted(int key, int value, EvictionReason reason) => Evictions.Enqueue(new Eviction<(int Key, int Value)>((key, value), reason));
    }

    [Bounded(MaxLength = 100)]
    public sealed partial class HookedSet : IBoundedSet<int>
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        partial void OnEvicted(int item, EvictionReason reason) => Evictions.Enqueue(new Eviction<int>(item, reason));
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    public sealed partial class HookedLruSetThreadSafe : IBoundedSet<int>
    {
        public ConcurrentQueue<Eviction<int>> Evictions { get; } = new ConcurrentQueue<Eviction<int>>();

        partial void OnEvicted(int item, EvictionReason reason) => Evictions.Enqueue(new Eviction<int>(item, reason));
    }

    /// <summary>A hook declared only (no body): the calls compile away, and the collection behaves as without a hook.</summary>
    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class DeclaredOnlyHookSet : IBoundedSet<int>
    {
        partial void OnEvicted(int item, EvictionReason reason);
    }
}

namespace FakeAI.Bounds.Tests
{
    /// <summary>Hooks that only count, so that a measurement of the generated code's allocations sees none of the hook's.</summary>
    [Bounded(MaxLength = 100, ThreadSafe = true)]
    public sealed partial class CountingHookQueueThreadSafe : IBoundedQueue<Payload>
    {
        public long Heard { get; private set; }

        partial void OnEvicted(Payload item, EvictionReason reason) => Heard++;
    }

    [Bounded(MaxLength = 100)]
    public sealed partial class CountingHookQueue : IBoundedQueue<Payload>
    {
        public long Heard { get; private set; }

        partial void OnEvicted(Payload item, EvictionReason reason) => Heard++;
    }

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class CountingHookLruMapThreadSafe : IBoundedDictionary<int, Payload>
    {
        public long Heard { get; private set; }

        partial void OnEvicted(int key, Payload value, EvictionReason reason) => Heard++;
    }

    [Bounded(MaxLength = 100, ResizableCapacity = true)]
    public sealed partial class CountingHookSet : IBoundedSet<int>
    {
        public long Heard { get; private set; }

        partial void OnEvicted(int item, EvictionReason reason) => Heard++;
    }
}
