using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

internal sealed partial class ModelWriter
{
    // BndInsert: a free entry (the free list, else the next unused one, growing first when none is left) or, on a
    // full table, the victim of second-chance eviction; then the entry's fields, its mark, its bucket, its place in
    // the order, and the counters, in the generated order.
    private IEnumerable<WriterStep> Insert(int key, int value, int hash)
    {
        int index;
        if (_memory.Count == _shape.Capacity)
        {
            EvictionRecord record = RecordEviction();
            Evictions.Add(record);
            bool first = true;
            foreach (WriterStep step in Evict(record))
            {
                yield return first ? step with { BeginsEviction = record } : step;
                first = false;
            }

            index = record.Victim;
        }
        else
        {
            index = _memory.FreeList;
            if (index >= 0)
            {
                _memory.FreeList = _memory.CurrentEntries[index].Next;
                yield return WriterStep.Field(Locations.FreeList, _memory.FreeList);
            }
            else
            {
                if (_memory.Used == _memory.CurrentEntries.Length)
                {
                    foreach (WriterStep step in Grow())
                    {
                        yield return step;
                    }
                }

                index = _memory.Used;
                _memory.Used = index + 1;
                yield return WriterStep.Field(Locations.Used, index + 1);
            }

            _memory.Count++;
            yield return WriterStep.Field(Locations.Count, _memory.Count);
        }

        int entriesArray = _memory.Entries;
        ModelEntry[] entries = _memory.EntryArrays[entriesArray];
        entries[index].Key = key;
        yield return WriterStep.Element(Locations.Key, entriesArray, index, key);
        entries[index].Value = value;
        yield return WriterStep.Element(Locations.Value, entriesArray, index, value);
        entries[index].HashCode = hash;
        yield return WriterStep.Element(Locations.HashCode, entriesArray, index, hash);
        int marksArray = _memory.Marks;
        _memory.MarkArrays[marksArray][index] = 0;
        yield return MarkStore(marksArray, index, 0);

        int bucketsArray = _memory.Buckets;
        int[] buckets = _memory.BucketArrays[bucketsArray];
        int bucket = (int)TableShape.Bucket(hash, _memory.BucketShift);
        entries[index].Next = buckets[bucket] - 1;
        yield return WriterStep.Element(Locations.Next, entriesArray, index, entries[index].Next);
        buckets[bucket] = index + 1;
        yield return WriterStep.Element(Locations.Bucket, bucketsArray, bucket, index + 1);
        foreach (WriterStep step in LinkNewest(index))
        {
            yield return step;
        }

        _memory.TotalAdded++;
        yield return WriterStep.Field(Locations.TotalAdded, _memory.TotalAdded);
        _memory.Version++;
        yield return WriterStep.Field(Locations.Version, _memory.Version);
    }

    // The eviction branch of BndInsert: BndTakeVictim, then BndUnlinkBucket, BndUnlinkOrder and _bndEvicted++.
    private IEnumerable<WriterStep> Evict(EvictionRecord record)
    {
        foreach (WriterStep step in TakeVictim(record))
        {
            yield return step;
        }

        int index = record.Victim;
        foreach (WriterStep step in UnlinkBucket(index, _memory.CurrentEntries[index].HashCode))
        {
            yield return step;
        }

        foreach (WriterStep step in UnlinkOrder(index))
        {
            yield return step;
        }

        _memory.Evicted++;
        yield return WriterStep.Field(Locations.Evicted, _memory.Evicted);
    }

    // BndTakeVictim: from the oldest end, a marked entry loses its mark and moves to the newest end, at most _bndCount
    // times; the first unmarked oldest entry, or the oldest after a full pass, is the victim.
    private IEnumerable<WriterStep> TakeVictim(EvictionRecord record)
    {
        int marksArray = _memory.Marks;
        byte[] marks = _memory.MarkArrays[marksArray];
        int index = _memory.Oldest;
        int passes = _memory.Count;
        while ((passes > 0 || _flaw == WriterFlaw.TakeVictimWithoutPassBound) && _flaw != WriterFlaw.TakeVictimIgnoresMarks)
        {
            byte mark = LoadMark(marksArray, index);
            yield return MarkLoad(marksArray, index, mark);
            if (mark == 0)
            {
                break;
            }

            marks[index] = 0;
            yield return MarkStore(marksArray, index, 0) with { PassesOver = true };
            record.PassedOver.Add(index);
            foreach (WriterStep step in UnlinkOrder(index))
            {
                yield return step;
            }

            foreach (WriterStep step in LinkNewest(index))
            {
                yield return step;
            }

            index = _memory.Oldest;
            passes--;
        }

        record.Victim = index;
    }

    /// <summary>The live entries, their keys and marks, just before an eviction's first step.</summary>
    private EvictionRecord RecordEviction()
    {
        ModelEntry[] entries = _memory.CurrentEntries;
        byte[] marks = _memory.CurrentMarks;
        var order = new List<int>();
        for (int index = _memory.Oldest; index >= 0 && order.Count <= _shape.Capacity; index = entries[index].Newer)
        {
            order.Add(index);
        }

        int[] keys = order.ConvertAll(index => entries[index].Key).ToArray();
        bool[] marked = order.ConvertAll(index => marks[index] != 0).ToArray();
        return new EvictionRecord(_memory.Marks, order.ToArray(), keys, marked);
    }

    // BndGrow. The new arrays are private until the store that publishes them, so filling them is no shared step,
    // except the loads of the old marks by Array.Copy: a reader may still be storing into the old marks array. The
    // model copies them one at a time, in ascending order.
    private IEnumerable<WriterStep> Grow()
    {
        ModelEntry[] old = _memory.CurrentEntries;
        int length = old.Length == 0 ? _shape.FirstLength : old.Length * 2;
        if (length > _shape.Capacity || length < 0)
        {
            length = _shape.Capacity;
        }

        var entries = new ModelEntry[length];
        Array.Copy(old, entries, old.Length);
        _memory.EntryArrays.Add(entries);
        _memory.Entries = _memory.EntryArrays.Count - 1;
        yield return WriterStep.Field(Locations.EntriesArray, _memory.Entries);

        var marks = new byte[length];
        int oldMarksArray = _memory.Marks;
        int oldMarksLength = _memory.MarkArrays[oldMarksArray].Length;
        for (int index = 0; index < oldMarksLength; index++)
        {
            marks[index] = LoadMark(oldMarksArray, index);
            yield return MarkLoad(oldMarksArray, index, marks[index]);
        }

        _memory.MarkArrays.Add(marks);
        _memory.Marks = _memory.MarkArrays.Count - 1;
        yield return WriterStep.Field(Locations.MarksArray, _memory.Marks);

        int bucketCount = _shape.MinBuckets;
        int shift = 32 - System.Numerics.BitOperations.Log2((uint)_shape.MinBuckets);
        while (bucketCount < length)
        {
            bucketCount <<= 1;
            shift--;
        }

        if (bucketCount == _memory.CurrentBuckets.Length)
        {
            yield break;
        }

        _memory.BucketArrays.Add(new int[bucketCount]);
        _memory.Buckets = _memory.BucketArrays.Count - 1;
        yield return WriterStep.Field(Locations.BucketsArray, _memory.Buckets);
        _memory.BucketShift = shift;
        yield return WriterStep.Field(Locations.BucketShift, shift);

        int bucketsArray = _memory.Buckets;
        int[] buckets = _memory.BucketArrays[bucketsArray];
        int entriesArray = _memory.Entries;
        for (int index = _memory.Oldest; index >= 0; index = entries[index].Newer)
        {
            int bucket = (int)TableShape.Bucket(entries[index].HashCode, _memory.BucketShift);
            entries[index].Next = buckets[bucket] - 1;
            yield return WriterStep.Element(Locations.Next, entriesArray, index, entries[index].Next);
            buckets[bucket] = index + 1;
            yield return WriterStep.Element(Locations.Bucket, bucketsArray, bucket, index + 1);
        }
    }
}
