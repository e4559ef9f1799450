namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // The maximum age of a queue. Items are written at the newest end only, so they are in age order: the expired ones
    // are always a run at the head, and a sweep removes them from the front until the head is live. Each public call
    // reads the clock once (BndExpire) and compares it with the head's stamp; only a call that finds the head expired
    // runs the sweep. Stamps live in a ring of longs beside the items, slot for slot, so that the item type is untouched.
    //
    // The thread-safe form sweeps as the first thing under its lock (SourceWriter.LockPrologue), and its reads without the
    // lock go ahead only when the head is live: items are in write order, so then every item is.
    private static void WriteExpiry(SourceWriter writer, QueueSpec spec)
    {
        ExpiryEmitter.WriteProperties(writer, spec.ThreadSafe);
        ExpiryEmitter.WriteConstructors(writer, spec.TypeName, "queue", "items", spec.MaxLength, comparerType: null);
        WriteExpire(writer);
        WriteRemoveExpired(writer, spec);
        WriteRemoveExpiredPublic(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteNothingExpiredUnlocked(writer);
            WriteLiveCount(writer);
        }

        if (spec.NotifiesExpiredAfterLock)
        {
            WriteExpiredForHook(writer, spec);
        }
    }

    /// <summary>The first statement of every public member that reads or changes the items, when they can expire.</summary>
    private static void WriteExpireFirst(SourceWriter writer, QueueSpec spec)
    {
        if (spec.Expires && !spec.ThreadSafe)
        {
            writer.Line("BndExpire();");
            writer.BlankLine();
        }
    }

    private static void WriteExpire(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Reads the clock for this call and removes the items that have reached the maximum age, oldest first.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndExpire()
            {
                long now = BndReadClock();
                _bndNow = now;
                if (_bndCount != 0 && now - _bndStamps[_bndHead] >= _bndMaxAgeTicks)
                {
                    BndRemoveExpired(now);
                }
            }
            """);
    }

    // An expired item leaves from the front like a dequeued one, so the front position and the removed-from-front count
    // both move on by it: Evicted, derived from their difference, does not count it. Fields are read again on every
    // round, because the hook may use the queue.
    private static void WriteRemoveExpired(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;

        // The thread-safe form keeps the expired items for the hook, which hears of them once the lock is released.
        bool hook = spec.Hook is not null && !spec.ThreadSafe;
        writer.Open("""
            /// <summary>Removes the items that have reached the maximum age at <paramref name="now"/>, oldest first, and returns how many.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private int BndRemoveExpired(long now)
            """);
        writer.Line("int removed = 0;");
        if (hook)
        {
            writer.Line("global::System.Exception? failure = null;");
        }

        writer.Open("while (_bndCount != 0 && now - _bndStamps[_bndHead] >= _bndMaxAgeTicks)");
        writer.Lines($$"""
            {{item}}[] items = _bndItems;
            int head = _bndHead;
            """);
        if (hook)
        {
            writer.Line(item + " expired = items[head];");
        }
        else if (spec.NotifiesExpiredAfterLock)
        {
            writer.Line("BndKeepExpired(items[head]);");
        }

        writer.Lines("""
            if (BndSlotsHoldReferences)
            {
                items[head] = default!;
            }

            BndAdvanceHead(head, items.Length);
            _bndCount--;
            _bndRemovedFromFront++;
            _bndExpired++;
            removed++;
            """);
        if (hook)
        {
            // Every expired item is reported even when the hook throws for one; the first exception follows.
            writer.Lines($$"""
                try
                {
                    OnEvicted(expired, {{ExpiryEmitter.Expired}});
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

    private static void WriteRemoveExpiredPublic(SourceWriter writer, QueueSpec spec)
    {
        ExpiryEmitter.WriteRemoveExpired(writer, spec.ThreadSafe, "item", order: ", oldest first,", "items", "queue");
    }

    // Whether a read without the lock may answer: the head, checked in one consistent read, has not reached the age.
    private static void WriteNothingExpiredUnlocked(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>
            /// Whether no item has reached the maximum age at <paramref name="now"/>, read without the lock: the head is live, so
            /// every item is. <see langword="false"/> also when a writer got in the way; the caller then reads under the lock.
            /// </summary>
            private bool BndNothingExpiredUnlocked(long now)
            {
                int sequence = BndBeginRead();
                if ((sequence & 1) != 0)
                {
                    return false;
                }

                long[] stamps = _bndStamps;
                int head = _bndHead;
                bool live = _bndCount == 0 || ((uint)head < (uint)stamps.Length && now - stamps[head] < _bndMaxAgeTicks);
                return live && BndReadIsConsistent(sequence);
            }
            """);
    }

    // The thread-safe Count: without the lock when the head is live (so nothing has expired).
    private static void WriteLiveCount(SourceWriter writer)
    {
        ThreadSafeExpiryEmitter.WriteLiveCount(writer, "items", """
            int sequence = BndBeginRead();
            if ((sequence & 1) == 0)
            {
                long[] stamps = _bndStamps;
                int head = _bndHead;
                int count = _bndCount;
                bool expired = count != 0 && (uint)head < (uint)stamps.Length && now - stamps[head] >= _bndMaxAgeTicks;
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

    // The items a thread-safe sweep expired, kept for the hook until the lock holder releases the lock, in an array taken
    // from a spare slot and given back after the notification, so that steady-state sweeps allocate nothing.
    private static void WriteExpiredForHook(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        ThreadSafeExpiryEmitter.WritePendingState(writer, item + "[]", "items");
        writer.Member($$"""
            /// <summary>A buffer of expired items kept for the next sweep, so that steady-state sweeps allocate nothing.</summary>
            private {{item}}[]? _bndSpareExpired;

            /// <summary>Keeps an item the sweep is removing for the hook; under the lock.</summary>
            private void BndKeepExpired({{item}} item)
            {
                {{item}}[]? pending = _bndExpiredPending;
                int count = _bndExpiredPendingCount;
                if (pending is null)
                {
                    pending = global::System.Threading.Interlocked.Exchange(ref _bndSpareExpired, null) ?? BndAllocate<{{item}}>(4);
                    _bndExpiredPending = pending;
                }
                else if (count == pending.Length)
                {
                    {{item}}[] grown = BndAllocate<{{item}}>(count * 2);
                    global::System.Array.Copy(pending, grown, count);
                    pending = grown;
                    _bndExpiredPending = pending;
                }

                pending[count] = item;
                _bndExpiredPendingCount = count + 1;
            }

            /// <summary>
            /// Tells the hook of the items a sweep expired, oldest first, after the lock is released; every item is passed on
            /// even when the hook throws for one, and the first exception is rethrown once all have been, unless the section
            /// that swept is throwing its own, which is then the first. Out of <c>BndExitLock</c>, which then has no handler
            /// and stays inlinable.
            /// </summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndNotifyExpired({{item}}[] items, int count, bool sectionFailed)
            {
                global::System.Exception? failure = null;
                for (int i = 0; i < count; i++)
                {
                    try
                    {
                        OnEvicted(items[i], {{ExpiryEmitter.Expired}});
                    }
                    catch (global::System.Exception exception)
                    {
                        failure ??= exception;
                    }
                }

                if (BndSlotsHoldReferences)
                {
                    global::System.Array.Clear(items, 0, count);
                }

                global::System.Threading.Volatile.Write(ref _bndSpareExpired, items);
                if (failure != null && !sectionFailed)
                {
                    global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
            """);
    }
}
