// The [Bounded] dictionaries and sets the behaviour tests run against. The generator referenced as an analyzer writes
// their bodies at build time, so every test here exercises the generated hash tables as a consumer compiles them.
//
// The policy maps and sets share MaxLength 100: not a power of two, so that the entries grow on demand
// 4 -> 8 -> 16 -> 32 -> 64 -> 100 (the last step clamped to the capacity) and the buckets are rebuilt at every step
// (4 -> 8 -> ... -> 128). Smaller capacities come from the (capacity) constructors.
//
// Each policy type also lists ITestMap / ITestSet: test-only interfaces that expose, through one reference, the
// members the generator adds beyond the bounded interface (Remove with the removed value, Comparer). They are not
// bounded interfaces, so the generator still sees exactly one.
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    /// <summary>A bounded dictionary together with the generated members its interface does not declare.</summary>
    public interface ITestMap<TKey, TValue> : IBoundedDictionary<TKey, TValue>
    {
        /// <summary>The comparer of the keys (the default one when none was given).</summary>
        IEqualityComparer<TKey> Comparer { get; }

        /// <summary>The generated overload of Remove that hands back the removed value.</summary>
        bool Remove(TKey key, [MaybeNullWhen(false)] out TValue value);
    }

    /// <summary>A bounded set together with the generated members its interface does not declare.</summary>
    public interface ITestSet<T> : IBoundedSet<T>
    {
        /// <summary>The comparer of the values (the default one when none was given).</summary>
        IEqualityComparer<T> Comparer { get; }
    }

    /// <summary>The MaxLength shared by the policy maps and sets below.</summary>
    public static class TestMapLimits
    {
        public const int MaxLength = 100;
    }

    // ---- int -> long (value types without references) -----------------------------------------------------------

    [Bounded(MaxLength = TestMapLimits.MaxLength)]
    public sealed partial class IntMapDropOldest : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class IntMapDropNewest : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw)]
    public sealed partial class IntMapThrow : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class IntMapLru : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, ThreadSafe = true)]
    public sealed partial class IntMapDropOldestThreadSafe : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class IntMapDropNewestThreadSafe : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class IntMapThrowThreadSafe : IBoundedDictionary<int, long>, ITestMap<int, long>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    public sealed partial class IntMapLruThreadSafe : IBoundedDictionary<int, long>, ITestMap<int, long>;

    // ---- string -> Payload (reference types) ----------------------------------------------------------------------

    [Bounded(MaxLength = TestMapLimits.MaxLength)]
    public sealed partial class StringMapDropOldest : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class StringMapDropNewest : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw)]
    public sealed partial class StringMapThrow : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class StringMapLru : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, ThreadSafe = true)]
    public sealed partial class StringMapDropOldestThreadSafe : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class StringMapDropNewestThreadSafe : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class StringMapThrowThreadSafe : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    public sealed partial class StringMapLruThreadSafe : IBoundedDictionary<string, Payload>, ITestMap<string, Payload>;

    // ---- sets of int ------------------------------------------------------------------------------------------------

    [Bounded(MaxLength = TestMapLimits.MaxLength)]
    public sealed partial class IntSetDropOldest : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class IntSetDropNewest : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw)]
    public sealed partial class IntSetThrow : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class IntSetLru : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, ThreadSafe = true)]
    public sealed partial class IntSetDropOldestThreadSafe : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class IntSetDropNewestThreadSafe : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class IntSetThrowThreadSafe : IBoundedSet<int>, ITestSet<int>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    public sealed partial class IntSetLruThreadSafe : IBoundedSet<int>, ITestSet<int>;

    // ---- sets of string ---------------------------------------------------------------------------------------------

    [Bounded(MaxLength = TestMapLimits.MaxLength)]
    public sealed partial class StringSetDropOldest : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class StringSetDropNewest : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw)]
    public sealed partial class StringSetThrow : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class StringSetLru : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, ThreadSafe = true)]
    public sealed partial class StringSetDropOldestThreadSafe : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class StringSetDropNewestThreadSafe : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class StringSetThrowThreadSafe : IBoundedSet<string>, ITestSet<string>;

    [Bounded(MaxLength = TestMapLimits.MaxLength, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    public sealed partial class StringSetLruThreadSafe : IBoundedSet<string>, ITestSet<string>;

    // ---- declaration forms ------------------------------------------------------------------------------------------

    /// <summary>A generic least-recently-used cache: key and value types are type parameters.</summary>
    [Bounded(MaxLength = 16, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class LruCache<TKey, TValue> : IBoundedDictionary<TKey, TValue>
        where TKey : notnull;

    /// <summary>A generic, thread-safe map that rejects new keys when full.</summary>
    [Bounded(MaxLength = 16, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class SharedLookup<TKey, TValue> : IBoundedDictionary<TKey, TValue>
        where TKey : notnull;

    /// <summary>A generic, thread-safe set that evicts the oldest value.</summary>
    [Bounded(MaxLength = 16, ThreadSafe = true)]
    public sealed partial class SharedRecentSet<T> : IBoundedSet<T>;

    /// <summary>A map whose MaxLength is far above what a test fills: its table must grow on demand, not up front.</summary>
    [Bounded(MaxLength = 1_000_000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class LargeLruMap : IBoundedDictionary<int, int>;

    /// <summary>A map whose keys are a nullable value type: null is rejected like a null reference.</summary>
    [Bounded(MaxLength = 8)]
    public sealed partial class NullableKeyMap : IBoundedDictionary<int?, string>;

    /// <summary>Partial classes that contain bounded maps and sets.</summary>
    public partial class MapHolder
    {
        /// <summary>A hard cap on active streams, keyed by id.</summary>
        [Bounded(MaxLength = 8, Overflow = OverflowPolicy.Throw)]
        public sealed partial class ActiveStreams : IBoundedDictionary<string, int>;

        public partial class Inner
        {
            /// <summary>The users an error touched, the least recently seen evicted first.</summary>
            [Bounded(MaxLength = 4, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
            internal sealed partial class AffectedUsers : IBoundedSet<string>;
        }
    }
}
