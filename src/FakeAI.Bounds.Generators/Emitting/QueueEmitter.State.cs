namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // Fields, constructors, the IBoundedCollection properties and the ring arithmetic the other members share.
    //
    // The counters are kept off the Add path. Every item ever stored has either left from the front (evicted, dequeued
    // or cleared), been removed in place by RemoveWhere, or is still held; so TotalAdded and Evicted are derived from
    // the front position (how many items left from the front), which only needs updating when the head wraps around.
    // A full-queue Add then stores the item and the head, exactly like a hand-written ring.
    private static void WriteState(SourceWriter writer, QueueSpec spec)
    {
        WriteFields(writer, spec);
        WriteDefaultConstructor(writer, spec);
        WriteCapacityConstructor(writer, spec);
        WriteCollectionProperties(writer, spec);
        WriteFrontPosition(writer);
        WriteSlotsHoldReferences(writer, spec);
        WriteSlot(writer);
        WriteAllocate(writer);
        WriteAdvanceHead(writer);
        if (spec.ThreadSafe)
        {
            WriteCounterEnum(writer);
            WriteReadCounter(writer);
        }
    }

    private static void WriteFields(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Member($$"""
            /// <summary>The <c>MaxLength</c> of the <c>[Bounded]</c> declaration: the most items any instance can hold.</summary>
            public const int DeclaredMaxLength = {{spec.MaxLength}};

            /// <summary>The <c>MaxLength</c> of the <c>[Bounded]</c> declaration.</summary>
            private const int _bndMaxLength = DeclaredMaxLength;

            /// <summary>The ring; it grows on demand and never beyond <see cref="_bndCapacity"/> slots.</summary>
            private {{item}}[] _bndItems = global::System.Array.Empty<{{item}}>();

            /// <summary>
            /// The most items this instance holds{{(spec.Resizable ? "; SetCapacity changes it" : "")}}. The initializer also serves a user constructor that does not chain to a
            /// generated one: the queue then holds up to MaxLength items instead of being unusable.
            /// </summary>
            private {{(spec.Resizable ? "" : "readonly ")}}int _bndCapacity = _bndMaxLength;

            /// <summary>The slot of the oldest item.</summary>
            private int _bndHead;

            /// <summary>The number of items held.</summary>
            private int _bndCount;

            /// <summary>How many items had left from the front when the head was last at slot 0; see <see cref="BndFrontPosition"/>.</summary>
            private long _bndHeadBase;

            /// <summary>Items taken from the front by <c>TryDequeue</c> or <c>Clear</c>{{(spec.Expires ? ", or expired" : "")}}; the rest of the front traffic is eviction.</summary>
            private long _bndRemovedFromFront;

            /// <summary>Items removed by <c>RemoveWhere</c>.</summary>
            private long _bndRemovedInPlace;
            """);

        if (!spec.DropsOldest)
        {
            writer.Member("""
                /// <summary>Items rejected because the queue was full.</summary>
                private long _bndDropped;
                """);
        }

        if (spec.Expires)
        {
            ExpiryEmitter.WriteDeclaredMaxAge(writer, spec.MaxAgeMilliseconds);
            writer.Member("""
                /// <summary>Per slot of the ring, the clock when its item was written: the ring's twin, as long and indexed alike.</summary>
                private long[] _bndStamps = global::System.Array.Empty<long>();
                """);
            ExpiryEmitter.WriteFields(writer);
        }

        if (spec.Resizable && !spec.ThreadSafe)
        {
            writer.Member("""
                /// <summary>How many times SetCapacity replaced the ring; part of the change stamp the enumerators check.</summary>
                private int _bndResizes;
                """);
        }

        if (spec.ThreadSafe)
        {
            LockEmitter.WriteLockFields(writer);
        }
    }

    private static void WriteDefaultConstructor(SourceWriter writer, QueueSpec spec)
    {
        writer.Member($$"""
            /// <summary>Creates an empty queue that can hold up to <c>MaxLength</c> ({{spec.MaxLength}}) items.</summary>
            public {{spec.TypeName}}()
                : this(_bndMaxLength)
            {
            }
            """);
    }

    private static void WriteCapacityConstructor(SourceWriter writer, QueueSpec spec)
    {
        writer.Member($$"""
            /// <summary>Creates an empty queue that can hold up to <paramref name="capacity"/> items.</summary>
            /// <param name="capacity">The most items this instance holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}).</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1 or greater than {{spec.MaxLength}}.</exception>
            public {{spec.TypeName}}(int capacity)
            {
                if (capacity < 1 || capacity > _bndMaxLength)
                {
                    BndThrowCapacityOutOfRange(capacity);
                }

                _bndCapacity = capacity;
            }
            """);
    }

    // The IBoundedCollection properties, one line each. A thread-safe queue reads the count with a volatile read and
    // the derived counters under its lock, so that they agree.
    private static void WriteCollectionProperties(SourceWriter writer, QueueSpec spec)
    {
        string countRead = spec.ThreadSafe ? "global::System.Threading.Volatile.Read(ref _bndCount)" : "_bndCount";
        string countProperty = !spec.Expires
            ? "/// <inheritdoc/>\npublic int Count => " + countRead + ";"
            : spec.ThreadSafe ? "/// <summary>The number of live items: when the oldest has reached <see cref=\"MaxAge\"/>, the expired items are removed first.</summary>\npublic int Count => BndLiveCount();"
            : ExpiryEmitter.CountProperty;
        string isFullProperty = spec.Expires
            ? "public bool IsFull => Count == _bndCapacity;"
            : "public bool IsFull => " + countRead + " == _bndCapacity;";
        string droppedRead = spec.DropsOldest
            ? "0L"
            : spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndDropped)" : "_bndDropped";
        string totalAdded = spec.ThreadSafe ? "BndReadCounter(BndCounter.TotalAdded)" : "BndFrontPosition + _bndCount + _bndRemovedInPlace";
        string evicted = !spec.EvictsFromFront
            ? "0L"
            : spec.ThreadSafe ? "BndReadCounter(BndCounter.Evicted)" : "BndFrontPosition - _bndRemovedFromFront";

        writer.Member($$"""
            {{countProperty}}

            /// <inheritdoc/>
            public int Capacity => _bndCapacity;

            /// <inheritdoc/>
            public int MaxLength => _bndMaxLength;

            /// <inheritdoc/>
            public global::FakeAI.Bounds.OverflowPolicy Overflow => {{spec.PolicyExpression}};

            /// <inheritdoc/>
            public long TotalAdded => {{totalAdded}};

            /// <inheritdoc/>
            public long Evicted => {{evicted}};

            /// <inheritdoc/>
            public long Dropped => {{droppedRead}};

            /// <inheritdoc/>
            {{isFullProperty}}
            """);
    }

    private static void WriteFrontPosition(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>How many items ever left from the front: evicted, dequeued or cleared.</summary>
            private long BndFrontPosition => _bndHeadBase + _bndHead;
            """);
    }

    private static void WriteSlotsHoldReferences(SourceWriter writer, QueueSpec spec)
    {
        writer.Member($$"""
            /// <summary>Whether vacated slots must be cleared so that they stop referencing their items.</summary>
            private static bool BndSlotsHoldReferences
            {
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                get
                {
            #if NETCOREAPP2_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                    return global::System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<{{spec.Item}}>();
            #else
                    return true;
            #endif
                }
            }
            """);
    }

    private static void WriteSlot(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Maps a position counted from the oldest item to its slot, without division.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private static int BndSlot(int head, int offset, int length)
            {
                int slot = head + offset;
                return slot >= length ? slot - length : slot;
            }
            """);
    }

    private static void WriteAllocate(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>
            /// Allocates an array of the item type. A generic method, because <c>new T[n]</c> written out for an item type
            /// that is itself an array (<c>byte[]</c>) would read as <c>new byte[][n]</c>, which is not C#.
            /// </summary>
            private static TBndElement[] BndAllocate<TBndElement>(int length) => new TBndElement[length];
            """);
    }

    private static void WriteAdvanceHead(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Moves the head one slot on after the oldest item left; only a wrap touches the front position.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndAdvanceHead(int head, int length)
            {
                head++;
                if (head == length)
                {
                    head = 0;
                    _bndHeadBase += length;
                }

                _bndHead = head;
            }
            """);
    }

    private static void WriteCounterEnum(SourceWriter writer)
    {
        writer.Member("""
            private enum BndCounter
            {
                TotalAdded,
                Evicted,
            }
            """);
    }

    private static void WriteReadCounter(SourceWriter writer)
    {
        writer.Open("""
            /// <summary>Reads a counter derived from several fields, from one consistent state: without the lock when no writer gets in the way, else under it.</summary>
            private long BndReadCounter(BndCounter counter)
            """);
        writer.WriteUnlockedAttempts("""
            int sequence = BndBeginRead();
            if ((sequence & 1) == 0)
            {
                long unlockedFront = BndFrontPosition;
                long unlocked = counter == BndCounter.TotalAdded
                    ? unlockedFront + _bndCount + _bndRemovedInPlace
                    : unlockedFront - _bndRemovedFromFront;
                if (BndReadIsConsistent(sequence))
                {
                    return unlocked;
                }
            }
            """);
        writer.WriteLocked(threadSafe: true, """
            long front = BndFrontPosition;
            return counter == BndCounter.TotalAdded
                ? front + _bndCount + _bndRemovedInPlace
                : front - _bndRemovedFromFront;
            """);
        writer.Close();
        writer.BlankLine();
    }
}
