// The thread-safe [Bounded] dictionaries and sets with a maximum age that the thread-safe expiry tests run against.
using System.Collections.Concurrent;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, ThreadSafe = true)]
    public sealed partial class ExpiringMapThreadSafe : IBoundedDictionary<string, int>;

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class ExpiringLruMapThreadSafe : IBoundedDictionary<string, int>;

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, ThreadSafe = true, Overflow = OverflowPolicy.Throw)]
    public sealed partial class ExpiringThrowSetThreadSafe : IBoundedSet<string>;

    [Bounded(MaxLength = 4096, MaxAgeMilliseconds = 1000, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class LargeExpiringLruMapThreadSafe : IBoundedDictionary<long, long>;

    /// <summary>A hook that reads the map it belongs to, which works only outside the map's lock.</summary>
    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, ThreadSafe = true)]
    public sealed partial class HookedExpiringMapThreadSafe : IBoundedDictionary<string, int>
    {
        public ConcurrentQueue<Eviction<(string Key, int Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, int Value)>>();

        public ConcurrentQueue<int> CountsSeenInHook { get; } = new ConcurrentQueue<int>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(string Key, int Value)>((key, value), reason));
            CountsSeenInHook.Enqueue(Count);
            if (key == ThrowFor)
            {
                throw new System.InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 64, MaxAgeMilliseconds = 1000, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class CountingHookExpiringSetThreadSafe : IBoundedSet<int>
    {
        private long _heard;

        public long Heard => System.Threading.Interlocked.Read(ref _heard);

        partial void OnEvicted(int item, EvictionReason reason) => System.Threading.Interlocked.Increment(ref _heard);
    }
}

namespace FakeAI.Bounds.Tests
{
    /// <summary>Ages of a second or more on the system clock: aged by the coarse millisecond tick count.</summary>
    [Bounded(MaxLength = 8, MaxAgeSeconds = 1)]
    public sealed partial class SystemClockSecondMap : IBoundedDictionary<int, int>;

    [Bounded(MaxLength = 8, MaxAgeSeconds = 1, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class SystemClockSecondMapThreadSafe : IBoundedDictionary<int, int>;
}

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, ThreadSafe = true)]
    public sealed partial class ExpiringQueueThreadSafe : IBoundedQueue<int>;

    [Bounded(MaxLength = 4096, MaxAgeMilliseconds = 1000, ThreadSafe = true)]
    public sealed partial class LargeExpiringQueueThreadSafe : IBoundedQueue<long>;

    /// <summary>A hook that reads the queue it belongs to, which works only outside the queue's lock.</summary>
    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, ThreadSafe = true)]
    public sealed partial class HookedExpiringQueueThreadSafe : IBoundedQueue<string>
    {
        public ConcurrentQueue<Eviction<string>> Evictions { get; } = new ConcurrentQueue<Eviction<string>>();

        public ConcurrentQueue<int> CountsSeenInHook { get; } = new ConcurrentQueue<int>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string item, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<string>(item, reason));
            CountsSeenInHook.Enqueue(Count);
            if (item == ThrowFor)
            {
                throw new System.InvalidOperationException("hook failed for " + item);
            }
        }
    }

    [Bounded(MaxLength = 64, MaxAgeMilliseconds = 1000, ThreadSafe = true, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class CountingHookExpiringQueueThreadSafe : IBoundedQueue<int>
    {
        private long _heard;

        public long Heard => System.Threading.Interlocked.Read(ref _heard);

        partial void OnEvicted(int item, EvictionReason reason) => System.Threading.Interlocked.Increment(ref _heard);
    }
}

namespace FakeAI.Bounds.Tests
{
    /// <summary>A resizable thread-safe queue with an age whose hook records and can be told to throw for one item.</summary>
    [Bounded(MaxLength = 8, MaxAgeMilliseconds = 1000, ThreadSafe = true, ResizableCapacity = true)]
    public sealed partial class HookedResizableExpiringQueueThreadSafe : IBoundedQueue<string>
    {
        public ConcurrentQueue<Eviction<string>> Evictions { get; } = new ConcurrentQueue<Eviction<string>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string item, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<string>(item, reason));
            if (item == ThrowFor)
            {
                throw new System.InvalidOperationException("hook failed for " + item);
            }
        }
    }
}
