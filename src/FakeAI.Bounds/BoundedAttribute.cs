using System;

namespace FakeAI.Bounds;

/// <summary>
/// Asks the FakeAI.Bounds generator to implement a bounded collection on a partial class that implements
/// exactly one of <see cref="IBoundedQueue{T}"/>, <see cref="IBoundedDictionary{TKey, TValue}"/> or <see cref="IBoundedSet{T}"/>.
/// </summary>
/// <example>
/// <code>
/// [Bounded(MaxLength = 500)]
/// public sealed partial class RecentErrors : IBoundedQueue&lt;ErrorRecord&gt;;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class BoundedAttribute : Attribute
{
    /// <summary>The smallest value <see cref="MaxLength"/> accepts.</summary>
    public const int MinMaxLength = 1;

    /// <summary>The largest value <see cref="MaxLength"/> accepts (2^30 entries).</summary>
    public const int MaxMaxLength = 1 << 30;

    /// <summary>
    /// The most entries an instance can ever hold, between <see cref="MinMaxLength"/> and <see cref="MaxMaxLength"/>.
    /// Required. An instance may be created with a smaller capacity (and, with <see cref="ResizableCapacity"/>, given
    /// another one later), never a larger one.
    /// </summary>
    public int MaxLength { get; set; }

    /// <summary>What happens to a new entry when the collection is full. Default: <see cref="OverflowPolicy.DropOldest"/>.</summary>
    public OverflowPolicy Overflow { get; set; } = OverflowPolicy.DropOldest;

    /// <summary>
    /// Whether the generated collection may be used by several threads at once. Default: <see langword="false"/>,
    /// the fastest form for a collection owned by one thread or guarded by its owner.
    /// </summary>
    public bool ThreadSafe { get; set; }

    /// <summary>
    /// Whether the generated collection gets <c>SetCapacity(int capacity)</c>, which changes an instance's capacity at run
    /// time, between 1 and <see cref="MaxLength"/>. Lowering it below the number of entries held evicts the surplus in
    /// policy order (oldest first, or least recently used first), counted in <see cref="IBoundedCollection.Evicted"/> and
    /// reported to an <c>OnEvicted</c> hook with <see cref="EvictionReason.CapacityReduced"/>. Default:
    /// <see langword="false"/>, which keeps the capacity fixed at construction.
    /// </summary>
    public bool ResizableCapacity { get; set; }

    /// <summary>
    /// The maximum age of an entry in milliseconds: an entry written (added, or a dictionary value set) this long ago or
    /// longer is expired, is never returned again, and is removed on the collection's next add or read, counted in the
    /// generated <c>Expired</c> counter and reported to an <c>OnEvicted</c> hook with <see cref="EvictionReason.Expired"/>.
    /// Time comes from the <see cref="System.TimeProvider"/> given to the constructor, <see cref="System.TimeProvider.System"/>
    /// by default (read as a millisecond tick count, for a cheap read, when the age is a second or more; the age then
    /// counts 16 ms more, so that no entry expires early). The single-threaded and thread-safe forms both keep it; the
    /// thread-safe form's reads without the lock check the age of what they find. Default: 0, no maximum age. Set at most
    /// one of <see cref="MaxAgeMilliseconds"/> and <see cref="MaxAgeSeconds"/>.
    /// </summary>
    public int MaxAgeMilliseconds { get; set; }

    /// <summary>The maximum age of an entry in seconds; see <see cref="MaxAgeMilliseconds"/>. Default: 0, no maximum age.</summary>
    public int MaxAgeSeconds { get; set; }

    /// <summary>
    /// The most total weight the collection holds, in the unit of the type's weigher: a static method the type declares,
    /// <c>static partial int Weigh(T item)</c> (a dictionary: <c>static partial int Weigh(TKey key, TValue value)</c>),
    /// which returns an entry's weight, 0 or more. Each entry is weighed once, when it is stored (a dictionary also when
    /// its value is replaced); the total is kept in <see cref="IWeightedCollection.Weight"/>. An entry that does not fit
    /// makes room in policy order (oldest, or least recently used, first; reported to an <c>OnEvicted</c> hook with
    /// <see cref="EvictionReason.Weight"/>) under <see cref="OverflowPolicy.DropOldest"/> and
    /// <see cref="OverflowPolicy.EvictLeastRecentlyUsed"/>, and is refused like an entry of a full collection under the
    /// other policies. An entry heavier than the whole bound is never stored: <c>TryAdd</c> returns
    /// <see langword="false"/>, and the adding members that cannot return false throw <see cref="BoundExceededException"/>.
    /// <see cref="MaxLength"/> still bounds the number of entries. Default: 0, entries are not weighed. Supported by
    /// dictionaries and sets.
    /// </summary>
    public long MaxWeight { get; set; }
}
