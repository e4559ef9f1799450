using System;
using System.Collections.Generic;
using System.Globalization;

namespace FakeAI.Bounds.Benchmarks;

// The generated maps under test, declared as a consumer would declare them. MaxLength is the benchmarked capacity;
// the benchmarks still pass it to the constructor, as the queue benchmarks do.

/// <summary>Generated single-threaded DropOldest (FIFO) map of <see cref="int"/> to <see cref="long"/>.</summary>
[Bounded(MaxLength = MapData.Capacity)]
internal sealed partial class GeneratedFifoIntMap : IBoundedDictionary<int, long>;

/// <summary>Generated thread-safe DropOldest (FIFO) map of <see cref="int"/> to <see cref="long"/>.</summary>
[Bounded(MaxLength = MapData.Capacity, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentFifoIntMap : IBoundedDictionary<int, long>;

/// <summary>Generated single-threaded least-recently-used map of <see cref="int"/> to <see cref="long"/>.</summary>
[Bounded(MaxLength = MapData.Capacity, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
internal sealed partial class GeneratedLruIntMap : IBoundedDictionary<int, long>;

/// <summary>Generated thread-safe least-recently-used map of <see cref="int"/> to <see cref="long"/>.</summary>
[Bounded(MaxLength = MapData.Capacity, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentLruIntMap : IBoundedDictionary<int, long>;

/// <summary>Generated single-threaded DropOldest (FIFO) map of <see cref="string"/> to <see cref="object"/>.</summary>
[Bounded(MaxLength = MapData.Capacity)]
internal sealed partial class GeneratedFifoStringMap : IBoundedDictionary<string, object>;

/// <summary>Generated thread-safe DropOldest (FIFO) map of <see cref="string"/> to <see cref="object"/>.</summary>
[Bounded(MaxLength = MapData.Capacity, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentFifoStringMap : IBoundedDictionary<string, object>;

/// <summary>Generated single-threaded least-recently-used map of <see cref="string"/> to <see cref="object"/>.</summary>
[Bounded(MaxLength = MapData.Capacity, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
internal sealed partial class GeneratedLruStringMap : IBoundedDictionary<string, object>;

/// <summary>Generated thread-safe least-recently-used map of <see cref="string"/> to <see cref="object"/>.</summary>
[Bounded(MaxLength = MapData.Capacity, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
internal sealed partial class GeneratedConcurrentLruStringMap : IBoundedDictionary<string, object>;

/// <summary>
/// The keys and values every map benchmark uses, built before measuring so that the benchmarks measure the maps and
/// not key construction, formatting or boxing. Fixed seeds: every run and every contender sees the same data.
/// </summary>
internal static class MapData
{
    /// <summary>The capacity of every map: 1,000, the size the targets are stated for.</summary>
    public const int Capacity = 1_000;

    /// <summary>
    /// How many distinct keys the insert benchmarks cycle through. A key comes round again only after
    /// <see cref="InsertKeyCount"/> inserts, by which time a map of <see cref="Capacity"/> keys has evicted it
    /// (FIFO and LRU alike, since nothing else touches the map): every insert is a new key and evicts one.
    /// </summary>
    public const int InsertKeyCount = 2 * Capacity;

    /// <summary>Distinct non-negative <see cref="int"/> keys, spread over the whole range as ids are.</summary>
    public static int[] IntKeys(int count)
    {
        var random = new Random(20_261_127);
        var seen = new HashSet<int>();
        var keys = new int[count];
        for (int i = 0; i < keys.Length; i++)
        {
            int key;
            do
            {
                key = random.Next();
            }
            while (!seen.Add(key));

            keys[i] = key;
        }

        return keys;
    }

    /// <summary>
    /// Distinct <see cref="string"/> keys of one length ("tenant-" and 8 hex digits, 15 characters), as the ids of a
    /// tracker's keys usually are: equal lengths make every key comparison compare characters.
    /// </summary>
    public static string[] StringKeys(int count)
    {
        int[] ints = IntKeys(count);
        var keys = new string[count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = "tenant-" + ints[i].ToString("x8", CultureInfo.InvariantCulture);
        }

        return keys;
    }

    /// <summary>
    /// Copies of <paramref name="keys"/> with the same characters but distinct instances: a lookup key usually comes
    /// from a request, not from the map, so equality cannot stop at a reference comparison.
    /// </summary>
    public static string[] Copies(string[] keys)
    {
        var copies = new string[keys.Length];
        for (int i = 0; i < copies.Length; i++)
        {
            copies[i] = new string(keys[i].AsSpan());
        }

        return copies;
    }

    /// <summary>A shuffled order of the indices 0 … <paramref name="count"/> − 1, each once.</summary>
    public static int[] ShuffledIndices(int count)
    {
        var order = new int[count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        new Random(7).Shuffle(order);
        return order;
    }

    /// <summary>Picks the elements of <paramref name="source"/> at <paramref name="indices"/>.</summary>
    public static T[] Pick<T>(T[] source, int[] indices)
    {
        var picked = new T[indices.Length];
        for (int i = 0; i < picked.Length; i++)
        {
            picked[i] = source[indices[i]];
        }

        return picked;
    }

    /// <summary>Boxes every element once, for the caches whose keys or values are <see cref="object"/>.</summary>
    public static object[] Boxed<T>(T[] source)
        where T : notnull
    {
        var boxed = new object[source.Length];
        for (int i = 0; i < boxed.Length; i++)
        {
            boxed[i] = source[i];
        }

        return boxed;
    }

    /// <summary>Fails the setup loudly if a map does not hold what the benchmark assumes.</summary>
    public static void Check(string what, long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Setup: {what} is {actual}, expected {expected}; the benchmark would measure the wrong thing.");
        }
    }
}

/// <summary>The FIFO map of <see cref="GeneratedFifoIntMap"/> with a maximum age no entry reaches during a run.</summary>
[Bounded(MaxLength = MapData.Capacity, MaxAgeSeconds = 3600)]
internal sealed partial class GeneratedAgedFifoIntMap : IBoundedDictionary<int, long>;

/// <summary>
/// The FIFO map of <see cref="GeneratedFifoIntMap"/> with a maximum weight that binds before its length does: entries
/// weigh 1 to 8 (4.5 on average), so about 444 of them fill the 2,000 of <see cref="WeightedMapData.MaxWeight"/>.
/// </summary>
[Bounded(MaxLength = MapData.Capacity, MaxWeight = WeightedMapData.MaxWeight)]
internal sealed partial class GeneratedWeightedFifoIntMap : IBoundedDictionary<int, long>
{
    private static int Weigh(int key, long value) => WeightedMapData.WeightOf(key);
}

/// <summary>The weights of the weighted-map benchmarks.</summary>
internal static class WeightedMapData
{
    /// <summary>The maximum weight: room for about 444 entries of the average weight.</summary>
    public const long MaxWeight = 2_000;

    /// <summary>A key's weight, 1 to 8.</summary>
    public static int WeightOf(int key) => (key & 7) + 1;
}
