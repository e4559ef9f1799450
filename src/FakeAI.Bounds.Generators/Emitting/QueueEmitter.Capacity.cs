namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // SetCapacity, for a queue declared with ResizableCapacity = true. The full-queue add overwrites the slot of the
    // oldest item, which is the slot after the newest only while the ring is exactly as long as the capacity; so a ring
    // longer than a lowered capacity is replaced by one that holds the newest items that fit, and the memory of the
    // longer one goes back. A raised capacity needs no work: the ring grows on demand up to it, as it always does.
    private static void WriteCapacityChange(SourceWriter writer, QueueSpec spec)
    {
        WriteSetCapacity(writer, spec);
        WriteResize(writer, spec);
        if (spec.Hook is not null)
        {
            WriteNotifyCapacityReduced(writer, spec);
        }
    }

    private static void WriteSetCapacity(SourceWriter writer, QueueSpec spec)
    {
        string hookDoc = spec.Hook is null
            ? ""
            : " Each evicted item is then passed to <c>OnEvicted</c>, oldest first" + (spec.ThreadSafe ? ", after the lock is released" : "")
                + "; if it throws, the remaining items are still passed, and the first exception is rethrown afterwards.";
        writer.Open($$"""
            /// <summary>
            /// Changes how many items this queue holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}). Below <see cref="Count"/>, the oldest
            /// items are evicted until the newest <paramref name="capacity"/> remain, and counted in <see cref="Evicted"/>.{{hookDoc}}
            /// Raised, the queue grows on demand up to the new capacity.
            /// </summary>
            /// <param name="capacity">The most items this instance holds from now on, from 1 to {{spec.MaxLength}}.</param>
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
            // The evicted items stay in the replaced ring: they are handed to the hook from there, without a copy.
            writer.Lines($$"""
                {{spec.Item}}[] replaced = _bndItems;
                int oldestEvicted = _bndHead;
                int evicted = BndResize(capacity);
                BndNotifyCapacityReduced(replaced, oldestEvicted, evicted);
                """);
        }
        else
        {
            // The evicted items stay in the replaced ring, which nothing else uses once the lock is released: they are
            // handed to the hook from there, without a copy.
            if (spec.NotifiesExpiredAfterLock)
            {
                // Read in the lock's finally when the hook throws for a swept item (see LockEmitter), so assigned up front.
                writer.Lines($$"""
                    {{spec.Item}}[] replaced = _bndItems;
                    int oldestEvicted = 0;
                    int evicted = 0;
                    """);
                writer.LockReleaseFailure = "BndNotifyCapacityReduced(replaced, oldestEvicted, evicted);";
            }
            else
            {
                writer.Lines($$"""
                    {{spec.Item}}[] replaced;
                    int oldestEvicted;
                    int evicted;
                    """);
            }

            writer.WriteLocked(spec.ThreadSafe, """
                replaced = _bndItems;
                oldestEvicted = _bndHead;
                evicted = BndResize(capacity);
                """);
            writer.BlankLine();
            writer.Line("BndNotifyCapacityReduced(replaced, oldestEvicted, evicted);");
        }

        writer.Close();
        writer.BlankLine();
    }

    private static void WriteResize(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        string resizes = spec.ThreadSafe ? "" : "\n        _bndResizes++;";
        string resizeStamps = !spec.Expires ? "" : """

                    long[] stamps = _bndStamps;
                    long[] resizedStamps = new long[capacity];
                    global::System.Array.Copy(stamps, keptHead, resizedStamps, 0, firstPart);
                    global::System.Array.Copy(stamps, 0, resizedStamps, firstPart, kept - firstPart);
                    _bndStamps = resizedStamps;
            """;
        writer.Member($$"""
            /// <summary>
            /// Sets the capacity, evicting the oldest items that no longer fit, and replaces a ring longer than the capacity
            /// with one exactly as long. Returns how many items were evicted: they stay, oldest first from the old head, in
            /// the ring that was replaced.
            /// </summary>
            private int BndResize(int capacity)
            {
                {{item}}[] items = _bndItems;
                int count = _bndCount;
                int evicted = count > capacity ? count - capacity : 0;
                _bndCapacity = capacity;
                if (items.Length > capacity)
                {
                    int kept = count - evicted;
                    int keptHead = BndSlot(_bndHead, evicted, items.Length);
                    int firstPart = global::System.Math.Min(kept, items.Length - keptHead);
                    {{item}}[] resized = BndAllocate<{{item}}>(capacity);
                    global::System.Array.Copy(items, keptHead, resized, 0, firstPart);
                    global::System.Array.Copy(items, 0, resized, firstPart, kept - firstPart);
                    _bndItems = resized;{{resizeStamps}}

                    // The evicted items left from the front: the front position moves on by them, which counts them as evicted.
                    _bndHeadBase += _bndHead + evicted;
                    _bndHead = 0;
                    _bndCount = kept;{{resizes}}
                }

                return evicted;
            }
            """);
    }

    // Every evicted item is passed on even when the hook throws for one, so that no eviction goes unreported; the first
    // exception is rethrown with its own stack trace once all have been.
    private static void WriteNotifyCapacityReduced(SourceWriter writer, QueueSpec spec)
    {
        writer.Member($$"""
            /// <summary>Passes the items a lowered capacity evicted to the hook, oldest first; <paramref name="items"/> is the replaced ring.</summary>
            private void BndNotifyCapacityReduced({{spec.Item}}[] items, int oldest, int count)
            {
                global::System.Exception? failure = null;
                for (int offset = 0; offset < count; offset++)
                {
                    try
                    {
                        OnEvicted(items[BndSlot(oldest, offset, items.Length)], {{EvictionHookEmitter.CapacityReduced}});
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
