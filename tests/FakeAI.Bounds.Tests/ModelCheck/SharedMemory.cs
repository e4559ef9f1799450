using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Everything of one table that a writer and a lock-free reader share: the generated class's fields, and every array
/// it has ever allocated. A field that refers to an array holds the array's number in one of the heap lists, so that
/// a reader still holding an array a grow replaced keeps reading that old array, as a real reader would.
/// </summary>
internal sealed class SharedMemory
{
    private SharedMemory(List<ModelEntry[]> entryArrays, List<int[]> bucketArrays, List<byte[]> markArrays)
    {
        EntryArrays = entryArrays;
        BucketArrays = bucketArrays;
        MarkArrays = markArrays;
    }

    // The fields of the generated class, named as there without the prefix.
    public int Sequence;
    public int LockOwner;
    public int Count;
    public int Used;
    public int FreeList;
    public int Oldest;
    public int Newest;
    public int BucketShift;
    public int Version;
    public int TotalAdded;
    public int Evicted;

    /// <summary><c>_bndEntries</c>: a number in <see cref="EntryArrays"/>.</summary>
    public int Entries;

    /// <summary><c>_bndBuckets</c>: a number in <see cref="BucketArrays"/>.</summary>
    public int Buckets;

    /// <summary><c>_bndUsedMarks</c>: a number in <see cref="MarkArrays"/>.</summary>
    public int Marks;

    /// <summary>The heap of entry arrays; number 0 is <c>Array.Empty</c>, which a new table starts with.</summary>
    public List<ModelEntry[]> EntryArrays { get; }

    public List<int[]> BucketArrays { get; }

    public List<byte[]> MarkArrays { get; }

    public ModelEntry[] CurrentEntries => EntryArrays[Entries];

    public int[] CurrentBuckets => BucketArrays[Buckets];

    public byte[] CurrentMarks => MarkArrays[Marks];

    /// <summary>A table as its constructor leaves it: empty arrays, no free entry, no order.</summary>
    public static SharedMemory NewTable()
    {
        var memory = new SharedMemory(
            new List<ModelEntry[]> { Array.Empty<ModelEntry>() },
            new List<int[]> { Array.Empty<int>() },
            new List<byte[]> { Array.Empty<byte>() });
        memory.FreeList = -1;
        memory.Oldest = -1;
        memory.Newest = -1;
        return memory;
    }

    /// <summary>A deep copy: the arrays too, since the writer goes on storing into them.</summary>
    public SharedMemory Clone()
    {
        var copy = new SharedMemory(CopyAll(EntryArrays), CopyAll(BucketArrays), CopyAll(MarkArrays))
        {
            Sequence = Sequence,
            LockOwner = LockOwner,
            Count = Count,
            Used = Used,
            FreeList = FreeList,
            Oldest = Oldest,
            Newest = Newest,
            BucketShift = BucketShift,
            Version = Version,
            TotalAdded = TotalAdded,
            Evicted = Evicted,
            Entries = Entries,
            Buckets = Buckets,
            Marks = Marks,
        };
        return copy;
    }

    private static List<T[]> CopyAll<T>(List<T[]> arrays)
    {
        var copies = new List<T[]>(arrays.Count);
        foreach (T[] array in arrays)
        {
            copies.Add((T[])array.Clone());
        }

        return copies;
    }
}
