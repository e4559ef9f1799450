namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The table operations every public member is built from: hash, find, insert (applying the overflow policy),
    // remove, move to the newest end, grow and clear. Public members check keys and take the lock; these do neither.
    private static void WriteTableOperations(SourceWriter writer, HashTableSpec spec)
    {
        WriteHash(writer, spec);
        WriteBucket(writer);
        WriteFind(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteFindUnlocked(writer, spec);
        }

        WriteInsert(writer, spec);
        if (spec.Weighted && !spec.IsSet)
        {
            WriteReplaceValue(writer, spec);
        }

        if (spec.SecondChance)
        {
            WriteTakeVictim(writer);
        }

        WriteHashOf(writer, spec);
        WriteRemoveEntry(writer, spec);
        WriteUnlinkBucket(writer);
        WriteUnlinkOrder(writer);
        WriteLinkNewest(writer);
        WriteGrow(writer, spec);
        WriteClearEntries(writer, spec);
        WriteCheckKey(writer, spec);
    }

    private static void WriteHash(SourceWriter writer, HashTableSpec spec)
    {
        string comparerType = ComparerType(spec);
        string defaultComparer = DefaultComparer(spec);

        writer.Member($$"""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndHash({{spec.Key}} key)
            {
                {{comparerType}}? comparer = _bndComparer;
                return comparer is null ? {{defaultComparer}}.GetHashCode(key!) : comparer.GetHashCode(key!);
            }
            """);
    }

    private static void WriteBucket(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Fibonacci hashing: spreads any hash over the power-of-two buckets with a multiply and a shift.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndBucket(int hash) => (int)(((uint)hash * 2654435769u) >> _bndBucketShift);
            """);
    }

    private static void WriteFind(SourceWriter writer, HashTableSpec spec)
    {
        string comparerType = ComparerType(spec);
        string defaultComparer = DefaultComparer(spec);
        string hashCheck = spec.StoresHash ? "entries[index].HashCode == hash && " : "";

        writer.Member($$"""
            /// <summary>The entry holding <paramref name="key"/>, or -1.</summary>
            private int BndFind({{spec.Key}} key, int hash)
            {
                if (_bndCount == 0)
                {
                    return -1;
                }

                BndEntry[] entries = _bndEntries;
                int index = _bndBuckets[BndBucket(hash)] - 1;
                {{comparerType}}? comparer = _bndComparer;
                if (comparer is null)
                {
                    while (index >= 0)
                    {
                        if ({{hashCheck}}{{defaultComparer}}.Equals(entries[index].Key, key))
                        {
                            return index;
                        }

                        index = entries[index].Next;
                    }
                }
                else
                {
                    while (index >= 0)
                    {
                        if ({{hashCheck}}comparer.Equals(entries[index].Key, key))
                        {
                            return index;
                        }

                        index = entries[index].Next;
                    }
                }

                return -1;
            }
            """);
    }

    // Insertion of a key known to be absent, with the overflow policy decided at generation time. An evicting insert
    // reuses the victim's entry in place: no trip through the free list, no clearing of what is overwritten next.
    private static void WriteInsert(SourceWriter writer, HashTableSpec spec)
    {
        string valueParameter = spec.IsSet ? "" : ", " + spec.Value + " value";
        string victim = spec.SecondChance ? "BndTakeVictim()" : "_bndOldest";
        string unlinkWrite = spec.Expires && spec.Lru ? "\nBndUnlinkWrite(index);" : "";
        string evictionParameter = !spec.NotifiesOverflow ? "" : spec.Weighted ? ", out BndEvictions eviction" : ", out BndEviction eviction";
        string captureEviction = !spec.NotifiesOverflow
            ? ""
            : spec.IsSet
                ? "\neviction.Happened = true;\neviction.Key = _bndEntries[index].Key;"
                : "\neviction.Happened = true;\neviction.Key = _bndEntries[index].Key;\neviction.Value = _bndEntries[index].Value;";
        string whenFull = spec.Policy switch
        {
            Model.OverflowPolicyValue.DropOldest or Model.OverflowPolicyValue.EvictLeastRecentlyUsed => $$"""
                index = {{victim}};
                BndUnlinkBucket(index, BndHashOf(index));
                BndUnlinkOrder(index);{{unlinkWrite}}
                _bndEvicted++;{{captureEviction}}
                """,
            Model.OverflowPolicyValue.DropNewest => """
                _bndDropped++;
                return false;
                """,
            _ => """
                _bndDropped++;
                if (throwWhenFull)
                {
                    BndThrowFull();
                }

                return false;
                """,
        };

        writer.Open($$"""
            /// <summary>
            /// Stores a {{(spec.IsSet ? "value" : "key")}} known to be absent as the newest entry; when the table is full the overflow policy
            /// decides: evict to make room, or reject (<see langword="false"/>), or throw when <paramref name="throwWhenFull"/>.
            /// </summary>
            private bool BndInsert({{spec.Key}} key{{valueParameter}}, int hash, bool throwWhenFull{{evictionParameter}})
            """);
        if (spec.NotifiesOverflow)
        {
            writer.Line("eviction = default;");
        }

        if (spec.Weighted)
        {
            // Room is made first, so the entry always takes a free slot.
            WriteWeightedMakeRoom(writer, spec);
            writer.Line("int index;");
        }
        else
        {
            writer.Line("int index;");
            writer.Open("if (_bndCount == _bndCapacity)");
            writer.Lines(whenFull);
            writer.Close();
            writer.Open("else");
        }

        writer.Lines("""
            index = _bndFreeList;
            if (index >= 0)
            {
                _bndFreeList = _bndEntries[index].Next;
            }
            else
            {
                if (_bndUsed == _bndEntries.Length)
                {
                    BndGrow();
                }

                index = _bndUsed++;
            }

            _bndCount++;
            """);
        if (!spec.Weighted)
        {
            writer.Close();
        }

        writer.BlankLine();
        writer.Line("BndEntry[] entries = _bndEntries;");
        writer.Line("entries[index].Key = key;");
        if (!spec.IsSet)
        {
            writer.Line("entries[index].Value = value;");
        }

        if (spec.StoresHash)
        {
            writer.Line("entries[index].HashCode = hash;");
        }

        if (spec.Weighted)
        {
            writer.Line("entries[index].Weight = weight;");
            writer.Line("_bndWeight += weight;");
        }

        if (spec.SecondChance)
        {
            writer.Line("_bndUsedMarks[index] = 0;");
        }

        if (spec.Expires)
        {
            writer.Line("entries[index].WrittenAt = _bndNow;");
            if (spec.Lru)
            {
                writer.Line("BndLinkNewestWrite(index);");
            }
        }

        writer.Lines("""
            int bucket = BndBucket(hash);
            entries[index].Next = _bndBuckets[bucket] - 1;
            _bndBuckets[bucket] = index + 1;
            BndLinkNewest(index);
            _bndTotalAdded++;
            _bndVersion++;
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteHashOf(SourceWriter writer, HashTableSpec spec)
    {
        string summary = spec.StoresHash ? ", as stored" : ", recomputed (a primitive's hash is nearly free)";
        string hashOf = spec.StoresHash ? "_bndEntries[index].HashCode" : "BndHash(_bndEntries[index].Key)";
        writer.Member($$"""
            /// <summary>The hash of the key stored at an entry{{summary}}.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndHashOf(int index) => {{hashOf}};
            """);
    }

    private static void WriteRemoveEntry(SourceWriter writer, HashTableSpec spec)
    {
        string unlinkWrite = spec.Expires && spec.Lru ? "\n    BndUnlinkWrite(index);" : "";
        string subtractWeight = spec.Weighted ? "\n    _bndWeight -= entries[index].Weight;" : "";
        writer.Member($$"""
            /// <summary>Removes an entry from its bucket and from the order, clears it and frees it.</summary>
            private void BndRemoveEntry(int index, int hash)
            {
                BndUnlinkBucket(index, hash);
                BndUnlinkOrder(index);{{unlinkWrite}}
                BndEntry[] entries = _bndEntries;{{subtractWeight}}
                if (BndEntriesHoldReferences)
                {
                    entries[index] = default;
                }

                entries[index].Next = _bndFreeList;
                _bndFreeList = index;
                _bndCount--;
                _bndVersion++;
            }
            """);
    }

    private static void WriteUnlinkBucket(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Takes an entry out of the chain of the bucket its hash selects.</summary>
            private void BndUnlinkBucket(int index, int hash)
            {
                BndEntry[] entries = _bndEntries;
                int bucket = BndBucket(hash);
                int current = _bndBuckets[bucket] - 1;
                int previous = -1;
                while (current != index)
                {
                    if (current < 0)
                    {
                        // The entry is not in the bucket its key hashes to now: the key changed while it was stored.
                        BndThrowKeyHashChanged();
                    }

                    previous = current;
                    current = entries[current].Next;
                }

                if (previous < 0)
                {
                    _bndBuckets[bucket] = entries[index].Next + 1;
                }
                else
                {
                    entries[previous].Next = entries[index].Next;
                }
            }
            """);
    }

    private static void WriteUnlinkOrder(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Takes an entry out of the oldest-to-newest order.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndUnlinkOrder(int index)
            {
                BndEntry[] entries = _bndEntries;
                int older = entries[index].Older;
                int newer = entries[index].Newer;
                if (older >= 0)
                {
                    entries[older].Newer = newer;
                }
                else
                {
                    _bndOldest = newer;
                }

                if (newer >= 0)
                {
                    entries[newer].Older = older;
                }
                else
                {
                    _bndNewest = older;
                }
            }
            """);
    }

    private static void WriteLinkNewest(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Makes an entry the newest.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndLinkNewest(int index)
            {
                BndEntry[] entries = _bndEntries;
                int newest = _bndNewest;
                entries[index].Older = newest;
                entries[index].Newer = -1;
                if (newest >= 0)
                {
                    entries[newest].Newer = index;
                }
                else
                {
                    _bndOldest = index;
                }

                _bndNewest = index;
            }
            """);
    }

    // The buckets are rebuilt from the stored hashes, or by rehashing primitives, whose hash is nearly free.
    private static void WriteGrow(SourceWriter writer, HashTableSpec spec)
    {
        string hashOfEntry = spec.StoresHash ? "entries[index].HashCode" : "BndHash(entries[index].Key)";
        string growMarks = spec.SecondChance
            ? "\n    byte[] marks = new byte[length];\n    global::System.Array.Copy(_bndUsedMarks, marks, _bndUsedMarks.Length);\n    _bndUsedMarks = marks;"
            : "";
        writer.Member($$"""
            /// <summary>Grows the entries (twice the size, at most the capacity) and rebuilds the buckets to match.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndGrow()
            {
                BndEntry[] old = _bndEntries;
                int length = old.Length == 0 ? 4 : old.Length * 2;
                if (length > _bndCapacity || length < 0)
                {
                    length = _bndCapacity;
                }

                BndEntry[] entries = new BndEntry[length];
                global::System.Array.Copy(old, entries, old.Length);
                _bndEntries = entries;{{growMarks}}

                int bucketCount = 4;
                int shift = 30;
                while (bucketCount < length)
                {
                    bucketCount <<= 1;
                    shift--;
                }

                if (bucketCount == _bndBuckets.Length)
                {
                    return;
                }

                _bndBuckets = new int[bucketCount];
                _bndBucketShift = shift;
                for (int index = _bndOldest; index >= 0; index = entries[index].Newer)
                {
                    int bucket = BndBucket({{hashOfEntry}});
                    entries[index].Next = _bndBuckets[bucket] - 1;
                    _bndBuckets[bucket] = index + 1;
                }
            }
            """);
    }

    private static void WriteClearEntries(SourceWriter writer, HashTableSpec spec)
    {
        string clearMarks = spec.SecondChance ? "\n        global::System.Array.Clear(_bndUsedMarks, 0, _bndUsed);" : "";
        string clearWrites = spec.Expires && spec.Lru ? "\n    _bndOldestWrite = -1;\n    _bndNewestWrite = -1;" : "";
        string clearWeight = spec.Weighted ? "\n    _bndWeight = 0;" : "";
        writer.Member($$"""
            /// <summary>Removes every entry; the counters keep their values.</summary>
            private void BndClearEntries()
            {
                if (_bndUsed > 0)
                {
                    global::System.Array.Clear(_bndBuckets, 0, _bndBuckets.Length);
                    global::System.Array.Clear(_bndEntries, 0, _bndUsed);{{clearMarks}}
                }

                _bndUsed = 0;
                _bndFreeList = -1;
                _bndOldest = -1;
                _bndNewest = -1;{{clearWrites}}{{clearWeight}}
                _bndCount = 0;
                _bndVersion++;
            }
            """);
    }

    // A key that can be null is checked at the door of every public member; for any other key the check is empty
    // and inlines to nothing.
    private static void WriteCheckKey(SourceWriter writer, HashTableSpec spec)
    {
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open("private static void BndCheckKey(" + spec.Key + " key)");
        if (spec.KeyCanBeNull)
        {
            writer.Lines($$"""
                if ((object?)key == null)
                {
                    throw new global::System.ArgumentNullException("{{spec.KeyParameter}}");
                }
                """);
        }

        writer.Close();
        writer.BlankLine();
    }
}
