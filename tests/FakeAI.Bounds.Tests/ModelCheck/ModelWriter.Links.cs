using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

internal sealed partial class ModelWriter
{
    // BndRemoveEntry: out of its chain and the order, cleared, pushed on the free list, counted.
    private IEnumerable<WriterStep> RemoveEntry(int index, int hash)
    {
        foreach (WriterStep step in UnlinkBucket(index, hash))
        {
            yield return step;
        }

        foreach (WriterStep step in UnlinkOrder(index))
        {
            yield return step;
        }

        int entriesArray = _memory.Entries;
        ModelEntry[] entries = _memory.EntryArrays[entriesArray];
        if (_shape.ClearsFreedEntries)
        {
            // entries[index] = default is no single atomic store: the model clears field by field, in declaration
            // order. In any order a reader loads each field either as it was or as 0, and 0 is a valid index, so the
            // range checks see the same values; the store of the free list's link comes after all of them.
            entries[index].Key = 0;
            yield return WriterStep.Element(Locations.Key, entriesArray, index, 0);
            entries[index].Value = 0;
            yield return WriterStep.Element(Locations.Value, entriesArray, index, 0);
            entries[index].HashCode = 0;
            yield return WriterStep.Element(Locations.HashCode, entriesArray, index, 0);
            entries[index].Next = 0;
            yield return WriterStep.Element(Locations.Next, entriesArray, index, 0);
            entries[index].Older = 0;
            yield return WriterStep.Element(Locations.Older, entriesArray, index, 0);
            entries[index].Newer = 0;
            yield return WriterStep.Element(Locations.Newer, entriesArray, index, 0);
        }

        entries[index].Next = _memory.FreeList;
        yield return WriterStep.Element(Locations.Next, entriesArray, index, _memory.FreeList);
        _memory.FreeList = index;
        yield return WriterStep.Field(Locations.FreeList, index);
        _memory.Count--;
        yield return WriterStep.Field(Locations.Count, _memory.Count);
        _memory.Version++;
        yield return WriterStep.Field(Locations.Version, _memory.Version);
    }

    // BndUnlinkBucket: one store, to the bucket or to the previous entry's link.
    private IEnumerable<WriterStep> UnlinkBucket(int index, int hash)
    {
        int entriesArray = _memory.Entries;
        ModelEntry[] entries = _memory.EntryArrays[entriesArray];
        int bucketsArray = _memory.Buckets;
        int[] buckets = _memory.BucketArrays[bucketsArray];
        int bucket = (int)TableShape.Bucket(hash, _memory.BucketShift);
        int current = buckets[bucket] - 1;
        int previous = -1;
        while (current != index)
        {
            if (current < 0)
            {
                throw new InvalidOperationException("The model writer's entry is not in the chain of its bucket.");
            }

            previous = current;
            current = entries[current].Next;
        }

        if (previous < 0)
        {
            buckets[bucket] = entries[index].Next + 1;
            yield return WriterStep.Element(Locations.Bucket, bucketsArray, bucket, buckets[bucket]);
        }
        else
        {
            entries[previous].Next = entries[index].Next;
            yield return WriterStep.Element(Locations.Next, entriesArray, previous, entries[previous].Next);
        }
    }

    // BndUnlinkOrder: the older neighbour's link (or _bndOldest), then the newer neighbour's (or _bndNewest).
    private IEnumerable<WriterStep> UnlinkOrder(int index)
    {
        int entriesArray = _memory.Entries;
        ModelEntry[] entries = _memory.EntryArrays[entriesArray];
        int older = entries[index].Older;
        int newer = entries[index].Newer;
        if (older >= 0)
        {
            entries[older].Newer = newer;
            yield return WriterStep.Element(Locations.Newer, entriesArray, older, newer);
        }
        else
        {
            _memory.Oldest = newer;
            yield return WriterStep.Field(Locations.Oldest, newer);
        }

        if (newer >= 0)
        {
            entries[newer].Older = older;
            yield return WriterStep.Element(Locations.Older, entriesArray, newer, older);
        }
        else
        {
            _memory.Newest = older;
            yield return WriterStep.Field(Locations.Newest, older);
        }
    }

    // BndLinkNewest: the entry's own links, then the old newest's (or _bndOldest), then _bndNewest.
    private IEnumerable<WriterStep> LinkNewest(int index)
    {
        int entriesArray = _memory.Entries;
        ModelEntry[] entries = _memory.EntryArrays[entriesArray];
        int newest = _memory.Newest;
        entries[index].Older = newest;
        yield return WriterStep.Element(Locations.Older, entriesArray, index, newest);
        entries[index].Newer = -1;
        yield return WriterStep.Element(Locations.Newer, entriesArray, index, -1);
        if (newest >= 0)
        {
            entries[newest].Newer = index;
            yield return WriterStep.Element(Locations.Newer, entriesArray, newest, index);
        }
        else
        {
            _memory.Oldest = index;
            yield return WriterStep.Field(Locations.Oldest, index);
        }

        _memory.Newest = index;
        yield return WriterStep.Field(Locations.Newest, index);
    }
}
