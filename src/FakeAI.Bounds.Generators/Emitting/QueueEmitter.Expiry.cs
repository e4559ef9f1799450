namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // The maximum age of a queue. Items are written at the newest end only, so they are in age order: the expired ones
    // are always a run at the head, and a sweep removes them from the front until the head is live. Each public call
    // reads the clock once (BndExpire) and compares it with the head's stamp; only a call that finds the head expired
    // runs the sweep. Stamps live in a ring of longs beside the items, slot for slot, so that the item type is untouched.
    private static void WriteExpiry(SourceWriter writer, QueueSpec spec)
    {
        ExpiryEmitter.WriteProperties(writer);
        ExpiryEmitter.WriteConstructors(writer, spec.TypeName, "queue", "items", spec.MaxLength, comparerType: null);
        WriteExpire(writer);
        WriteRemoveExpired(writer, spec);
        WriteRemoveExpiredPublic(writer);
    }

    /// <summary>The first statement of every public member that reads or changes the items, when they can expire.</summary>
    private static void WriteExpireFirst(SourceWriter writer, QueueSpec spec)
    {
        if (spec.Expires)
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
        bool hook = spec.Hook is not null;
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

    private static void WriteRemoveExpiredPublic(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>
            /// Removes now every item that has reached <see cref="MaxAge"/>, oldest first, and counts them in <see cref="Expired"/>.
            /// Adds and reads do this on their own; call it to let go of expired items in a queue nobody touches.
            /// </summary>
            /// <returns>How many items were removed.</returns>
            public int RemoveExpired()
            {
                long now = BndReadClock();
                _bndNow = now;
                return _bndCount == 0 ? 0 : BndRemoveExpired(now);
            }
            """);
    }
}
