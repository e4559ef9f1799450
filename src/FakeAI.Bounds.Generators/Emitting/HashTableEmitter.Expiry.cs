namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The maximum age of a dictionary or set: each entry keeps the clock of its last write (an insert, or a value set on
    // an existing key), and each public call reads the clock once (BndExpire) and removes the expired entries before it
    // does its own work, so that no member ever sees one.
    //
    // The expired entries are always a run at the oldest end of the write order, so the check is one comparison with
    // the oldest write's stamp and a sweep stops at the first live entry. Without LRU the entries' order is the write
    // order (a write also moves the entry to the newest end). Under LRU the order is recency, which a read changes
    // without writing, so the entries also form a second list in write order (OlderWrite/NewerWrite) that only writes
    // and removals change.
    private static void WriteExpiry(SourceWriter writer, HashTableSpec spec)
    {
        ExpiryEmitter.WriteProperties(writer, spec.ThreadSafe);
        ExpiryEmitter.WriteConstructors(writer, spec.TypeName, CollectionNoun(spec), Entries(spec), spec.MaxLength, ComparerType(spec));
        WriteExpire(writer, spec);
        WriteRemoveExpired(writer, spec);
        WriteRestamp(writer, spec);
        if (spec.Lru)
        {
            WriteWriteOrder(writer);
        }

        WriteRemoveExpiredPublic(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteLiveCount(writer, spec);
        }
    }

    // The thread-safe Count: without the lock when the oldest write is live (so nothing has expired).
    private static void WriteLiveCount(SourceWriter writer, HashTableSpec spec)
    {
        ThreadSafeExpiryEmitter.WriteLiveCount(writer, "entries", $$"""
            int sequence = BndBeginRead();
            if ((sequence & 1) == 0)
            {
                BndEntry[] entries = _bndEntries;
                int oldest = {{OldestWrite(spec)}};
                int count = _bndCount;
                bool expired = (uint)oldest < (uint)entries.Length && now - entries[oldest].WrittenAt >= _bndMaxAgeTicks;
                if (BndReadIsConsistent(sequence))
                {
                    if (!expired)
                    {
                        return count;
                    }

                    break;
                }
            }
            """);
    }

    /// <summary>The clock a thread-safe read without the lock ages entries by, read once per call.</summary>
    private static void WriteReadClock(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.ThreadSafe && spec.Expires)
        {
            writer.Line("long now = BndReadClock();");
        }
    }

    /// <summary>The first statement of every public member that reads or changes the entries, when they can expire.</summary>
    private static void WriteExpireFirst(SourceWriter writer, HashTableSpec spec)
    {
        // The thread-safe form sweeps as the first thing under its lock instead (SourceWriter.LockPrologue), and its
        // reads without the lock check each entry's age.
        if (spec.Expires && !spec.ThreadSafe)
        {
            writer.Line("BndExpire();");
        }
    }

    /// <summary>After a value is written over an existing key's: the entry's age starts again.</summary>
    private static void WriteRestampCall(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.Expires)
        {
            writer.Line("BndRestamp(index);");
        }
    }

    /// <summary>The entry written longest ago: the oldest in the order without LRU, the head of the write order under it.</summary>
    private static string OldestWrite(HashTableSpec spec) => spec.Lru ? "_bndOldestWrite" : "_bndOldest";

    private static void WriteExpire(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <summary>Reads the clock for this call and removes the entries that have reached the maximum age, oldest write first.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndExpire()
            {
                long now = BndReadClock();
                _bndNow = now;
                int oldest = {{OldestWrite(spec)}};
                if (oldest >= 0 && now - _bndEntries[oldest].WrittenAt >= _bndMaxAgeTicks)
                {
                    BndRemoveExpired(now);
                }
            }
            """);
    }

    // The oldest write is read afresh on every round, because the hook may use the table.
    private static void WriteRemoveExpired(SourceWriter writer, HashTableSpec spec)
    {
        // The thread-safe form sweeps under its lock and keeps the expired entries for the hook, which hears of them once
        // the lock is released (see WriteExpiredAfterLock).
        bool hook = spec.Hook is not null && !spec.ThreadSafe;
        writer.Open("""
            /// <summary>Removes the entries that have reached the maximum age at <paramref name="now"/>, oldest write first, and returns how many.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private int BndRemoveExpired(long now)
            """);
        writer.Line("int removed = 0;");
        if (hook)
        {
            writer.Line("global::System.Exception? failure = null;");
        }

        writer.Line("int index;");
        writer.Open("while ((index = " + OldestWrite(spec) + ") >= 0 && now - _bndEntries[index].WrittenAt >= _bndMaxAgeTicks)");
        if (hook)
        {
            writer.Line(spec.Key + " key = _bndEntries[index].Key;");
            if (!spec.IsSet)
            {
                writer.Line(spec.Value + " value = _bndEntries[index].Value;");
            }
        }

        if (spec.NotifiesExpiredAfterLock)
        {
            writer.Line("BndAppendEvicted(ref _bndExpiredPending, ref _bndExpiredPendingCount, index, " + ExpiryEmitter.Expired + ");");
        }

        writer.Lines("""
            BndRemoveEntry(index, BndHashOf(index));
            _bndExpired++;
            removed++;
            """);
        if (hook)
        {
            string call = spec.IsSet ? "OnEvicted(key, " + ExpiryEmitter.Expired + ");" : "OnEvicted(key, value, " + ExpiryEmitter.Expired + ");";

            // Every expired entry is reported even when the hook throws for one; the first exception follows.
            writer.Lines($$"""
                try
                {
                    {{call}}
                }
                catch (global::System.Exception exception)
                {
                    failure ??= exception;
                }
                """);
        }

        writer.Close();
        writer.BlankLine();
        if (hook)
        {
            writer.Lines("""
                if (failure != null)
                {
                    global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
                """);
            writer.BlankLine();
        }

        writer.Line("return removed;");
        writer.Close();
        writer.BlankLine();
    }

    // A rewritten entry becomes the newest write: without LRU the order is the write order, so it moves to the newest
    // end of it; under LRU the write already made it the most recently used, and it moves in the write order.
    private static void WriteRestamp(SourceWriter writer, HashTableSpec spec)
    {
        string move = spec.Lru
            ? """

                if (_bndNewestWrite != index)
                {
                    BndUnlinkWrite(index);
                    BndLinkNewestWrite(index);
                }
            """
            : """

                if (_bndNewest != index)
                {
                    BndUnlinkOrder(index);
                    BndLinkNewest(index);
                    _bndVersion++;
                }
            """;
        writer.Member($$"""
            /// <summary>Starts an entry's age again after a value was written over its old one.</summary>
            private void BndRestamp(int index)
            {
                _bndEntries[index].WrittenAt = _bndNow;{{move}}
            }
            """);
    }

    // Under LRU the recency order and the write order differ, so the entries carry a second list, in write order, that
    // only writes and removals change: the expired entries are a run at its oldest end, wherever reads moved them.
    private static void WriteWriteOrder(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Takes an entry out of the write order.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndUnlinkWrite(int index)
            {
                BndEntry[] entries = _bndEntries;
                int older = entries[index].OlderWrite;
                int newer = entries[index].NewerWrite;
                if (older >= 0)
                {
                    entries[older].NewerWrite = newer;
                }
                else
                {
                    _bndOldestWrite = newer;
                }

                if (newer >= 0)
                {
                    entries[newer].OlderWrite = older;
                }
                else
                {
                    _bndNewestWrite = older;
                }
            }

            /// <summary>Makes an entry the newest write.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndLinkNewestWrite(int index)
            {
                BndEntry[] entries = _bndEntries;
                int newest = _bndNewestWrite;
                entries[index].OlderWrite = newest;
                entries[index].NewerWrite = -1;
                if (newest >= 0)
                {
                    entries[newest].NewerWrite = index;
                }
                else
                {
                    _bndOldestWrite = index;
                }

                _bndNewestWrite = index;
            }
            """);
    }

    private static void WriteRemoveExpiredPublic(SourceWriter writer, HashTableSpec spec)
    {
        ExpiryEmitter.WriteRemoveExpired(writer, spec.ThreadSafe, spec.IsSet ? "value" : "key", order: "", "entries", CollectionNoun(spec));
    }
}
