using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Benchmarks;

/// <summary>
/// The scenario and the data of the concurrent map benchmarks (<see cref="ConcurrentFifoRead"/>,
/// <see cref="ConcurrentLruRead"/>, <see cref="ConcurrentLruMix"/>): the one stated by the product's issue, a
/// thread-safe map of capacity 1,024 holding 1,000 <see cref="int"/> keys, read by several threads at once. Built
/// before measuring, with fixed seeds, so that every run and every contender sees the same keys in the same order.
/// </summary>
internal static class ConcurrentMapData
{
    /// <summary>The capacity of every map, set and cache: 1,024.</summary>
    public const int Capacity = 1_024;

    /// <summary>The keys the read benchmarks store and look up: fewer than <see cref="Capacity"/>, so reads never race an eviction.</summary>
    public const int ReadKeyCount = 1_000;

    /// <summary>
    /// How many times each thread walks all <see cref="ReadKeyCount"/> keys per invocation. The threads start a few
    /// microseconds apart at best (more when a helper was descheduled while it waited at the gate), which one walk
    /// (1,000 reads, 3–50 µs) would turn into a large share of the invocation run by one thread alone; with 50 walks
    /// even the fastest contender's invocation lasts about 150 µs.
    /// </summary>
    public const int ReadPasses = 50;

    /// <summary>Reads per thread per invocation: the OperationsPerInvoke of the read benchmarks.</summary>
    public const int ReadsPerThread = ReadPasses * ReadKeyCount;

    /// <summary>The values stored for the read keys are 0 … 999; one walk over all of them reads this sum.</summary>
    public const long ReadSumPerPass = (long)ReadKeyCount * (ReadKeyCount - 1) / 2;

    /// <summary>
    /// The keys the read/write mix cycles through: twice the capacity, so that about half of the writes are new keys
    /// and evict, and about half of the reads miss.
    /// </summary>
    public const int MixKeyCount = 2 * Capacity;

    /// <summary>
    /// Operations per thread per invocation of the mix, and the length of its operation sequence: about 1 ms per
    /// invocation at the mix's 25–30 ns per operation, long for the same reason as <see cref="ReadPasses"/>.
    /// </summary>
    public const int MixOpsPerThread = 40_000;

    /// <summary>The share of writes in the mix, in percent.</summary>
    public const int MixWritePercent = 10;

    /// <summary>
    /// Per-thread result slots are this many <see cref="long"/>s apart (128 bytes, two cache lines), so that two
    /// threads writing their results never share a cache line.
    /// </summary>
    public const int ResultStride = 16;

    /// <summary>
    /// The thread counts: 1 (the cost of the thread-safety alone), 2, and the machine's processor count when it is
    /// more. More threads than cores would measure the scheduler, not the map.
    /// </summary>
    public static IEnumerable<int> ThreadCounts()
    {
        yield return 1;
        yield return 2;
        if (Environment.ProcessorCount > 2)
        {
            yield return Environment.ProcessorCount;
        }
    }

    /// <summary>The read keys: <see cref="ReadKeyCount"/> distinct keys; key <c>i</c> is stored with value <c>i</c>.</summary>
    public static int[] ReadKeys() => MapData.IntKeys(ReadKeyCount);

    /// <summary>
    /// The order each thread reads the keys in: the keys shuffled once (as the single-threaded lookups are), then
    /// rotated by <c>thread × count / threads</c> so that at any moment the threads read different keys. Reading the
    /// same key at the same moment would make the LRU contenders fight over one entry's recency, which real readers
    /// of 1,000 keys rarely do. Each thread gets its own array, so the walks share no cache lines.
    /// </summary>
    public static int[][] PerThreadWalks(int[] keys, int threads)
    {
        int[] shuffled = MapData.Pick(keys, MapData.ShuffledIndices(keys.Length));
        return Rotations(shuffled, threads);
    }

    /// <summary>
    /// The read/write mix: <see cref="MixOpsPerThread"/> operations, each on a key drawn uniformly from
    /// <paramref name="mixKeys"/>, <see cref="MixWritePercent"/> % of them writes. A write is stored as the
    /// complement of its key (<c>~key</c>, negative because the keys are not), so that one array load tells the
    /// operation and the key and the measured loop has a single, data-driven branch.
    /// </summary>
    public static int[] MixOps(int[] mixKeys)
    {
        var random = new Random(1_024);
        var ops = new int[MixOpsPerThread];
        for (int i = 0; i < ops.Length; i++)
        {
            int key = mixKeys[random.Next(mixKeys.Length)];
            ops[i] = random.Next(100) < MixWritePercent ? ~key : key;
        }

        return ops;
    }

    /// <summary>The mix's operation sequence rotated per thread, as <see cref="PerThreadWalks"/> does for the reads.</summary>
    public static int[][] PerThreadMixes(int[] ops, int threads) => Rotations(ops, threads);

    private static int[][] Rotations(int[] source, int threads)
    {
        var rotations = new int[threads][];
        for (int thread = 0; thread < threads; thread++)
        {
            int offset = thread * source.Length / threads;
            var rotated = new int[source.Length];
            for (int i = 0; i < rotated.Length; i++)
            {
                rotated[i] = source[(offset + i) % source.Length];
            }

            rotations[thread] = rotated;
        }

        return rotations;
    }
}
