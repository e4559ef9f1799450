using System.Text;
using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // Fields, constructors and the IBoundedCollection properties.
    private static void AppendState(StringBuilder body, QueueSpec spec)
    {
        string item = spec.Item;
        string countRead = spec.ThreadSafe ? "global::System.Threading.Volatile.Read(ref _bndCount)" : "_bndCount";
        string totalRead = spec.ThreadSafe ? "global::System.Threading.Volatile.Read(ref _bndTotalAdded)" : "_bndTotalAdded";
        string droppedRead = spec.DropsOldest
            ? "0L"
            : spec.ThreadSafe ? "global::System.Threading.Volatile.Read(ref _bndDropped)" : "_bndDropped";
        string evicted = !spec.DropsOldest
            ? "0L"
            : spec.ThreadSafe ? "BndReadEvicted()" : "_bndTotalAdded - _bndCount - _bndRemoved";

        body.AppendBlock($$"""
            /// <summary>The <c>MaxLength</c> of the <c>[Bounded]</c> declaration.</summary>
            private const int _bndMaxLength = {{spec.MaxLength}};

            /// <summary>The ring; it grows on demand and never beyond <see cref="_bndCapacity"/> slots.</summary>
            private {{item}}[] _bndItems;

            /// <summary>The most items this instance holds.</summary>
            private readonly int _bndCapacity;

            /// <summary>The slot of the oldest item.</summary>
            private int _bndHead;

            /// <summary>The number of items held.</summary>
            private int _bndCount;

            /// <summary>Items ever stored.</summary>
            private long _bndTotalAdded;

            /// <summary>Items removed by dequeue, <c>RemoveWhere</c> or <c>Clear</c> (not by eviction).</summary>
            private long _bndRemoved;

            """);

        if (!spec.DropsOldest)
        {
            body.AppendBlock("""
                /// <summary>Items rejected because the queue was full.</summary>
                private long _bndDropped;

                """);
        }

        if (spec.ThreadSafe)
        {
            body.AppendBlock("""
                /// <summary>How many items ever left the front of the queue; lets concurrent enumerators tell where they are.</summary>
                private long _bndFrontPosition;

                /// <summary>0 when the lock is free, 1 while a thread holds it.</summary>
                private int _bndLockState;

                """);
        }
        else
        {
            body.AppendBlock("""
                /// <summary>Changes on every modification, so that an enumerator can tell the queue changed under it.</summary>
                private int _bndVersion;

                """);
        }

        body.AppendBlock($$"""
            /// <summary>Creates an empty queue that can hold up to <c>MaxLength</c> ({{spec.MaxLength}}) items.</summary>
            public {{spec.TypeName}}()
                : this(_bndMaxLength)
            {
            }

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
                _bndItems = global::System.Array.Empty<{{item}}>();
            }

            /// <inheritdoc/>
            public int Count => {{countRead}};

            /// <inheritdoc/>
            public int Capacity => _bndCapacity;

            /// <inheritdoc/>
            public int MaxLength => _bndMaxLength;

            /// <inheritdoc/>
            public global::FakeAI.Bounds.OverflowPolicy Overflow => {{spec.PolicyExpression}};

            /// <inheritdoc/>
            public long TotalAdded => {{totalRead}};

            /// <inheritdoc/>
            public long Evicted => {{evicted}};

            /// <inheritdoc/>
            public long Dropped => {{droppedRead}};

            /// <inheritdoc/>
            public bool IsFull => {{countRead}} == _bndCapacity;

            /// <summary>Whether vacated slots must be cleared so that they stop referencing their items.</summary>
            private static bool BndSlotsHoldReferences
            {
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                get
                {
            #if NETCOREAPP2_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                    return global::System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<{{item}}>();
            #else
                    return true;
            #endif
                }
            }

            /// <summary>Maps a position counted from the oldest item to its slot, without division.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private static int BndSlot(int head, int offset, int length)
            {
                int slot = head + offset;
                return slot >= length ? slot - length : slot;
            }

            """);

        if (spec.ThreadSafe && spec.DropsOldest)
        {
            body.AppendBlock("""
                private long BndReadEvicted()
                {
                    BndEnterLock();
                    try
                    {
                        return _bndTotalAdded - _bndCount - _bndRemoved;
                    }
                    finally
                    {
                        BndExitLock();
                    }
                }

                """);
        }
    }
}
