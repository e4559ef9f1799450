// The [Bounded] declarations with a maximum age that the expiry tests run against: every kind, every policy that
// applies, with and without an eviction hook.
using System.Collections.Generic;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000)]
    public sealed partial class ExpiringQueue : IBoundedQueue<int>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeSeconds = 1, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class ExpiringDropNewestQueue : IBoundedQueue<string>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.Throw, ResizableCapacity = true)]
    public sealed partial class ExpiringResizableThrowQueue : IBoundedQueue<string>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000)]
    public sealed partial class HookedExpiringQueue : IBoundedQueue<string>
    {
        public List<Eviction<string>> Evictions { get; } = new List<Eviction<string>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string item, EvictionReason reason)
        {
            Evictions.Add(new Eviction<string>(item, reason));
            if (item == ThrowFor)
            {
                throw new System.InvalidOperationException("hook failed for " + item);
            }
        }
    }
}

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000)]
    public sealed partial class ExpiringMap : IBoundedDictionary<string, int>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class ExpiringLruMap : IBoundedDictionary<string, int>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ResizableCapacity = true)]
    public sealed partial class ExpiringResizableLruMap : IBoundedDictionary<string, int>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeSeconds = 1, Overflow = OverflowPolicy.DropNewest, ResizableCapacity = true)]
    public sealed partial class ExpiringResizableDropNewestMap : IBoundedDictionary<int, string>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class HookedExpiringLruMap : IBoundedDictionary<string, int>
    {
        public List<Eviction<(string Key, int Value)>> Evictions { get; } = new List<Eviction<(string Key, int Value)>>();

        public string? ThrowFor { get; set; }

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Add(new Eviction<(string Key, int Value)>((key, value), reason));
            if (key == ThrowFor)
            {
                throw new System.InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000)]
    public sealed partial class HookedExpiringMap : IBoundedDictionary<string, int>
    {
        public List<Eviction<(string Key, int Value)>> Evictions { get; } = new List<Eviction<(string Key, int Value)>>();

        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            Evictions.Add(new Eviction<(string Key, int Value)>((key, value), reason));
        }
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.Throw)]
    public sealed partial class ExpiringThrowSet : IBoundedSet<string>
    {
    }

    [Bounded(MaxLength = 4, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class HookedExpiringLruSet : IBoundedSet<int>
    {
        public List<Eviction<int>> Evictions { get; } = new List<Eviction<int>>();

        partial void OnEvicted(int item, EvictionReason reason)
        {
            Evictions.Add(new Eviction<int>(item, reason));
        }
    }
}

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 16, MaxAgeMilliseconds = 1000)]
    public sealed partial class LongExpiringQueue : IBoundedQueue<int>
    {
    }

    [Bounded(MaxLength = 8, MaxAgeMilliseconds = 50)]
    public sealed partial class SystemClockExpiringQueue : IBoundedQueue<int>
    {
    }

    [Bounded(MaxLength = 8, MaxAgeMilliseconds = 50)]
    public sealed partial class SystemClockExpiringMap : IBoundedDictionary<int, int>
    {
    }
}

namespace FakeAI.Bounds.Tests
{
    /// <summary>An LRU map whose hook writes to the map while an expiry sweep runs: it re-adds each expired key renamed.</summary>
    [Bounded(MaxLength = 8, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class ReentrantExpiringLruMap : IBoundedDictionary<string, int>
    {
        partial void OnEvicted(string key, int value, EvictionReason reason)
        {
            if (reason == EvictionReason.Expired && !key.EndsWith("'", System.StringComparison.Ordinal))
            {
                this[key + "'"] = value;
            }
        }
    }

    /// <summary>A queue whose hook adds to the queue while an expiry sweep runs.</summary>
    [Bounded(MaxLength = 8, MaxAgeMilliseconds = 1000)]
    public sealed partial class ReentrantExpiringQueue : IBoundedQueue<int>
    {
        partial void OnEvicted(int item, EvictionReason reason)
        {
            if (reason == EvictionReason.Expired && item < 100)
            {
                Add(item + 100);
            }
        }
    }
}

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 2, MaxAgeMilliseconds = 1000, Overflow = OverflowPolicy.Throw)]
    public sealed partial class ExpiringThrowMap : IBoundedDictionary<string, int>
    {
    }

    [Bounded(MaxLength = 3, MaxAgeMilliseconds = 1000)]
    public sealed partial class ExpiringSet : IBoundedSet<string>
    {
    }
}
