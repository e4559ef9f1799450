namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // SetCapacity, for a dictionary or set declared with ResizableCapacity = true. A lowered capacity evicts in policy
    // order (the oldest entry, the least recently used one, or under second chance the victim an insert would take),
    // then moves the entries that remain into arrays as long as the new capacity, so that the memory of the longer ones
    // goes back and the entries stay no longer than the capacity, as the marks' fence in the thread-safe LRU form and
    // the sizing of every grow assume. A raised capacity needs no work: the entries grow on demand up to it.
    private static void WriteCapacityChange(SourceWriter writer, HashTableSpec spec)
    {
        WriteSetCapacity(writer, spec);
        WriteResize(writer, spec);
        WriteCompact(writer, spec);
        if (spec.Hook is not null)
        {
            WriteNotifyCapacityReduced(writer, spec);
        }
    }

    private static void WriteSetCapacity(SourceWriter writer, HashTableSpec spec)
    {
        string what = Entries(spec);
        string order = spec.Policy switch
        {
            Model.OverflowPolicyValue.EvictLeastRecentlyUsed when spec.SecondChance => "least recently used first (as an insert chooses under second chance)",
            Model.OverflowPolicyValue.EvictLeastRecentlyUsed => "least recently used first",
            _ => "oldest first",
        };
        string hookDoc = spec.Hook is null
            ? ""
            : " Each evicted entry is then passed to <c>OnEvicted</c>, in eviction order" + (spec.ThreadSafe ? ", after the lock is released" : "")
                + "; if it throws, the remaining entries are still passed, and the first exception is rethrown afterwards.";
        writer.Open($$"""
            /// <summary>
            /// Changes how many {{what}} this {{CollectionNoun(spec)}} holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}). Below <see cref="Count"/>,
            /// entries are evicted {{order}} until <paramref name="capacity"/> remain, and counted in <see cref="Evicted"/>.{{hookDoc}}
            /// Raised, the {{CollectionNoun(spec)}} grows on demand up to the new capacity.
            /// </summary>
            /// <param name="capacity">The most {{what}} this instance holds from now on, from 1 to {{spec.MaxLength}}.</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1 or greater than {{spec.MaxLength}}.</exception>
            public void SetCapacity(int capacity)
            """);
        writer.Lines("""
            if (capacity < 1 || capacity > _bndMaxLength)
            {
                BndThrowCapacityOutOfRange(capacity);
            }
            """);
        writer.BlankLine();
        WriteExpireFirst(writer, spec);
        if (spec.Hook is null)
        {
            writer.WriteLocked(spec.ThreadSafe, "BndResize(capacity);");
        }
        else if (!spec.ThreadSafe)
        {
            // The evicted entries stay in the replaced entries array: they are handed to the hook from there, without a copy.
            writer.Lines("""
                BndEntry[] replaced = _bndEntries;
                int firstEvicted = BndResize(capacity);
                BndNotifyCapacityReduced(replaced, firstEvicted);
                """);
        }
        else
        {
            // The evicted entries stay in the replaced entries array, which nothing else uses once the lock is released:
            // they are handed to the hook from there, without a copy.
            if (spec.NotifiesExpiredAfterLock)
            {
                // Read in the lock's finally when the hook throws for a swept entry (see LockEmitter), so assigned up front.
                writer.Lines("""
                    BndEntry[] replaced = _bndEntries;
                    int firstEvicted = -1;
                    """);
                writer.LockReleaseFailure = "BndNotifyCapacityReduced(replaced, firstEvicted);";
            }
            else
            {
                writer.Lines("""
                    BndEntry[] replaced;
                    int firstEvicted;
                    """);
            }

            writer.WriteLocked(spec.ThreadSafe, """
                replaced = _bndEntries;
                firstEvicted = BndResize(capacity);
                """);
            writer.BlankLine();
            writer.Line("BndNotifyCapacityReduced(replaced, firstEvicted);");
        }

        writer.Close();
        writer.BlankLine();
    }

    // The evicted entries are taken out of the order only: their buckets are rebuilt from scratch by the compaction that
    // always follows an eviction (more entries than the capacity means more slots than the capacity).
    private static void WriteResize(SourceWriter writer, HashTableSpec spec)
    {
        string victim = spec.SecondChance ? "BndTakeVictim()" : "_bndOldest";
        string unlinkWrite = spec.Expires && spec.Lru ? "\n        BndUnlinkWrite(index);" : "";
        string subtractWeight = spec.Weighted ? "\n        _bndWeight -= entries[index].Weight;" : "";
        writer.Member($$"""
            /// <summary>
            /// Sets the capacity, evicts entries in policy order until the rest fit, and moves them into arrays as long as the
            /// capacity when theirs are longer. Returns the first evicted entry, or -1: the evicted entries stay, chained
            /// through <c>Newer</c> in eviction order, in the entries array that was replaced.
            /// </summary>
            private int BndResize(int capacity)
            {
                _bndCapacity = capacity;
                BndEntry[] entries = _bndEntries;
                if (entries.Length <= capacity)
                {
                    // No more entries than slots, so none to evict; the entries grow on demand up to the capacity.
                    return -1;
                }

                int first = -1;
                int last = -1;
                while (_bndCount > capacity)
                {
                    int index = {{victim}};
                    BndUnlinkOrder(index);{{unlinkWrite}}
                    entries[index].Newer = -1;
                    if (last < 0)
                    {
                        first = index;
                    }
                    else
                    {
                        entries[last].Newer = index;
                    }

                    last = index;{{subtractWeight}}
                    _bndCount--;
                    _bndEvicted++;
                }

                BndCompact(capacity);
                return first;
            }
            """);
    }

    // Entries keep their order and move to the front of the new array, so the free list is empty afterwards. The old
    // arrays are not written: lock-free readers may still be reading them (their sequence check then fails), and the
    // evicted entries are read from them after the lock is released.
    private static void WriteCompact(SourceWriter writer, HashTableSpec spec)
    {
        string hashOfEntry = spec.StoresHash ? "entries[index].HashCode" : "BndHash(entries[index].Key)";
        string newMarks = spec.SecondChance ? "\n    byte[] oldMarks = _bndUsedMarks;\n    byte[] marks = new byte[length];" : "";
        string copyMark = spec.SecondChance ? "\n        marks[count] = oldMarks[index];" : "";
        string publishMarks = spec.SecondChance ? "\n    _bndUsedMarks = marks;" : "";

        // The write order of an expiring LRU table is relinked through the entries' new places, which the copy records.
        bool relinksWrites = spec.Expires && spec.Lru;
        string newPlaces = relinksWrites ? "\n    int[] newPlace = new int[old.Length];" : "";
        string recordPlace = relinksWrites ? "\n        newPlace[index] = count;" : "";
        string relinkWrites = !relinksWrites ? "" : """

                int newerWrite = -1;
                for (int index = _bndNewestWrite; index >= 0; index = old[index].OlderWrite)
                {
                    int place = newPlace[index];
                    entries[place].NewerWrite = newerWrite;
                    entries[place].OlderWrite = -1;
                    if (newerWrite >= 0)
                    {
                        entries[newerWrite].OlderWrite = place;
                    }
                    else
                    {
                        _bndNewestWrite = place;
                    }

                    newerWrite = place;
                }

                _bndOldestWrite = newerWrite;
            """;
        writer.Member($$"""
            /// <summary>Moves the entries, oldest first, into new arrays of <paramref name="length"/> entries and rebuilds the buckets for them.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndCompact(int length)
            {
                BndEntry[] old = _bndEntries;
                BndEntry[] entries = new BndEntry[length];{{newMarks}}{{newPlaces}}
                int count = 0;
                for (int index = _bndOldest; index >= 0; index = old[index].Newer)
                {
                    entries[count] = old[index];{{copyMark}}{{recordPlace}}
                    entries[count].Older = count - 1;
                    entries[count].Newer = count + 1;
                    count++;
                }

                if (count > 0)
                {
                    entries[count - 1].Newer = -1;
                }
                {{relinkWrites}}

                int bucketCount = 4;
                int shift = 30;
                while (bucketCount < length)
                {
                    bucketCount <<= 1;
                    shift--;
                }

                int[] buckets = new int[bucketCount];
                for (int index = 0; index < count; index++)
                {
                    int bucket = (int)(((uint){{hashOfEntry}} * 2654435769u) >> shift);
                    entries[index].Next = buckets[bucket] - 1;
                    buckets[bucket] = index + 1;
                }

                _bndEntries = entries;{{publishMarks}}
                _bndBuckets = buckets;
                _bndBucketShift = shift;
                _bndUsed = count;
                _bndFreeList = -1;
                _bndOldest = count > 0 ? 0 : -1;
                _bndNewest = count - 1;
                _bndVersion++;
            }
            """);
    }

    // Every evicted entry is passed on even when the hook throws for one, so that no eviction goes unreported; the first
    // exception is rethrown with its own stack trace once all have been.
    private static void WriteNotifyCapacityReduced(SourceWriter writer, HashTableSpec spec)
    {
        string arguments = spec.IsSet ? "entries[index].Key" : "entries[index].Key, entries[index].Value";
        writer.Member($$"""
            /// <summary>Passes the entries a lowered capacity evicted to the hook, in eviction order; <paramref name="entries"/> is the replaced array.</summary>
            private void BndNotifyCapacityReduced(BndEntry[] entries, int first)
            {
                global::System.Exception? failure = null;
                for (int index = first; index >= 0; index = entries[index].Newer)
                {
                    try
                    {
                        OnEvicted({{arguments}}, {{EvictionHookEmitter.CapacityReduced}});
                    }
                    catch (global::System.Exception exception)
                    {
                        failure ??= exception;
                    }
                }

                if (failure != null)
                {
                    global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
            """);
    }
}
