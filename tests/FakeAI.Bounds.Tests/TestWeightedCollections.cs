// The [Bounded] declarations with a maximum weight that the weight tests run against. Every weigher counts a string's
// characters, so that a test states an entry's weight by its length; a value "-" weighs -1, which the collection refuses.
using System.Collections.Concurrent;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    /// <summary>The one weigher every weighted test type uses: the length, and -1 for "-".</summary>
    internal static class TestWeights
    {
        public static int Of(string text) => text == "-" ? -1 : text.Length;
    }

    [Bounded(MaxLength = 100, MaxWeight = 10)]
    public sealed partial class WeightedMap : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class WeightedLruMap : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class WeightedDropNewestMap : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, Overflow = OverflowPolicy.Throw)]
    public sealed partial class WeightedThrowMap : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, ThreadSafe = true)]
    public sealed partial class WeightedMapThreadSafe : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class WeightedLruMapThreadSafe : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10)]
    public sealed partial class WeightedSet : IBoundedSet<string>
    {
        // Declared whole, not partial: a type written for C# 8 can have a weigher too.
        private static int Weigh(string item) => TestWeights.Of(item);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, Overflow = OverflowPolicy.Throw)]
    public sealed partial class WeightedThrowSet : IBoundedSet<string>
    {
        private static partial int Weigh(string item);

        private static partial int Weigh(string item) => TestWeights.Of(item);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10)]
    public sealed partial class HookedWeightedMap : IBoundedDictionary<string, string>
    {
        public ConcurrentQueue<Eviction<(string Key, string Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(string Key, string Value)>>();

        public string? ThrowFor { get; set; }

        private static partial int Weigh(string key, string value) => TestWeights.Of(value);

        partial void OnEvicted(string key, string value, EvictionReason reason)
        {
            Evictions.Enqueue(new Eviction<(string Key, string Value)>((key, value), reason));
            if (key == ThrowFor)
            {
                throw new System.InvalidOperationException("hook failed for " + key);
            }
        }
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class HookedWeightedLruSetThreadSafe : IBoundedSet<string>
    {
        public ConcurrentQueue<Eviction<string>> Evictions { get; } = new ConcurrentQueue<Eviction<string>>();

        private static partial int Weigh(string item) => TestWeights.Of(item);

        partial void OnEvicted(string item, EvictionReason reason) => Evictions.Enqueue(new Eviction<string>(item, reason));
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, ThreadSafe = true)]
    public sealed partial class HookedWeightedMapThreadSafe : IBoundedDictionary<int, string>
    {
        public ConcurrentQueue<Eviction<(int Key, string Value)>> Evictions { get; } = new ConcurrentQueue<Eviction<(int Key, string Value)>>();

        private static partial int Weigh(int key, string value) => TestWeights.Of(value);

        partial void OnEvicted(int key, string value, EvictionReason reason) => Evictions.Enqueue(new Eviction<(int Key, string Value)>((key, value), reason));
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, MaxAgeSeconds = 60)]
    public sealed partial class WeightedExpiringMap : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }

    [Bounded(MaxLength = 100, MaxWeight = 10, ResizableCapacity = true)]
    public sealed partial class WeightedResizableMap : IBoundedDictionary<string, string>
    {
        private static partial int Weigh(string key, string value) => TestWeights.Of(value);
    }
}

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 64, MaxWeight = 40)]
    public sealed partial class CountingHookWeightedMap : IBoundedDictionary<int, string>
    {
        public long Heard { get; private set; }

        private static partial int Weigh(int key, string value) => value.Length;

        partial void OnEvicted(int key, string value, EvictionReason reason) => Heard++;
    }

    [Bounded(MaxLength = 64, MaxWeight = 40, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class CountingHookWeightedLruMapThreadSafe : IBoundedDictionary<int, string>
    {
        private long _heard;

        public long Heard => System.Threading.Interlocked.Read(ref _heard);

        private static partial int Weigh(int key, string value) => value.Length;

        partial void OnEvicted(int key, string value, EvictionReason reason) => System.Threading.Interlocked.Increment(ref _heard);
    }
}
