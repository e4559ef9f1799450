using System;
using System.Collections.Generic;
using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Reads a quiescent model table (no writer holds the lock) as an <see cref="AbstractTable"/>, checking every
/// structural invariant on the way: the order links both ways, each live entry in exactly the chain its hash selects,
/// the free list, the counts, and the arrays' lengths. The invariants are what lets the writer model be trusted.
/// </summary>
internal static class TableDecoder
{
    public static AbstractTable Decode(SharedMemory memory, TableShape shape)
    {
        Require(memory.LockOwner == 0 && (memory.Sequence & 1) == 0, "the lock is held");
        ModelEntry[] entries = memory.CurrentEntries;
        byte[] marks = memory.CurrentMarks;
        int[] buckets = memory.CurrentBuckets;
        Require(marks.Length == entries.Length, "the marks and the entries differ in length");
        Require(memory.Used <= entries.Length && memory.Count <= shape.Capacity, "used or count out of range");
        if (entries.Length > 0)
        {
            int expectedBuckets = shape.MinBuckets;
            while (expectedBuckets < entries.Length)
            {
                expectedBuckets <<= 1;
            }

            Require(buckets.Length == expectedBuckets, "the bucket count does not fit the entries");
            Require(memory.BucketShift == 32 - System.Numerics.BitOperations.Log2((uint)buckets.Length), "the shift does not fit the buckets");
        }

        var live = new HashSet<int>();
        var keys = new HashSet<int>();
        var order = new List<AbstractEntry>();
        int previous = -1;
        for (int index = memory.Oldest; index >= 0; index = entries[index].Newer)
        {
            Require(index < memory.Used && live.Add(index), "the order revisits an entry or reaches an unused one");
            ModelEntry entry = entries[index];
            Require(entry.Older == previous, "an entry's older link does not match");
            Require(entry.Key >= 1 && entry.Key <= shape.KeyCount && keys.Add(entry.Key), "a live entry holds no key, or a key twice");
            Require(entry.HashCode == shape.HashOf(entry.Key), "a live entry's hash is not its key's");
            order.Add(new AbstractEntry(entry.Key, entry.Value, marks[index] != 0));
            previous = index;
        }

        Require(memory.Newest == previous, "the newest entry is not the end of the order");
        Require(order.Count == memory.Count, "the count does not match the order");

        int chained = 0;
        for (int bucket = 0; bucket < buckets.Length; bucket++)
        {
            var seen = new HashSet<int>();
            for (int index = buckets[bucket] - 1; index >= 0; index = entries[index].Next)
            {
                Require(live.Contains(index) && seen.Add(index), "a chain holds a free entry or loops");
                Require(TableShape.Bucket(entries[index].HashCode, memory.BucketShift) == (uint)bucket, "an entry is in the wrong chain");
                chained++;
            }
        }

        Require(chained == memory.Count, "the chains do not hold every live entry once");

        int free = 0;
        var freed = new HashSet<int>();
        for (int index = memory.FreeList; index >= 0; index = entries[index].Next)
        {
            Require(index < memory.Used && !live.Contains(index) && freed.Add(index), "the free list holds a live entry or loops");
            Require(!shape.ClearsFreedEntries || entries[index].Key == 0, "a freed entry was not cleared");
            free++;
        }

        Require(memory.Count + free == memory.Used, "live and free entries do not add up to the used ones");
        return new AbstractTable(order);
    }

    private static void Require(bool condition, string invariant)
    {
        if (!condition)
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "Broken table invariant: {0}.", invariant));
        }
    }
}
