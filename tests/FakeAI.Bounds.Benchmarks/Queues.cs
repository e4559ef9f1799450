namespace FakeAI.Bounds.Benchmarks;

/// <summary>
/// The reference-type item of the benchmarks: small and sealed, as tracker records usually are. Instances are
/// allocated before measuring, so that the benchmarks measure the queues and not the allocator.
/// </summary>
internal sealed class Item
{
    public Item(long value)
    {
        Value = value;
    }

    public long Value { get; }

    /// <summary>Allocates <paramref name="count"/> distinct items.</summary>
    public static Item[] CreatePool(int count)
    {
        var pool = new Item[count];
        for (int i = 0; i < pool.Length; i++)
        {
            pool[i] = new Item(i);
        }

        return pool;
    }
}

// The generated queues under test. MaxLength is the larger benchmarked capacity; each benchmark passes its
// [Params] capacity to the constructor, which is how a service sizes one type for several uses.

/// <summary>Generated single-threaded DropOldest queue of <see cref="long"/>.</summary>
[Bounded(MaxLength = 1024)]
internal sealed partial class GeneratedLongQueue : IBoundedQueue<long>;

/// <summary>Generated single-threaded DropOldest queue of a reference type.</summary>
[Bounded(MaxLength = 1024)]
internal sealed partial class GeneratedItemQueue : IBoundedQueue<Item>;

/// <summary>Generated thread-safe DropOldest queue of <see cref="long"/>.</summary>
[Bounded(MaxLength = 1024, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentLongQueue : IBoundedQueue<long>;

/// <summary>Generated thread-safe DropOldest queue of a reference type (used by the retained-bytes mode).</summary>
[Bounded(MaxLength = 1024, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentItemQueue : IBoundedQueue<Item>;
