using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // The indexer, the peeks and the copies: reads that never change the queue.
    private static void AppendReading(StringBuilder body, QueueSpec spec)
    {
        string item = spec.Item;

        body.AppendBlock($$"""
            /// <summary>Gets the item at a position, 0 being the oldest.</summary>
            /// <param name="index">From 0 (the oldest) to <see cref="Count"/> - 1 (the newest).</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
            public {{item}} this[int index]
            {
                get
                {
            {{Indent(Body(spec.Guarded($$"""
            if ((uint)index >= (uint)_bndCount)
            {
                BndThrowIndexOutOfRange(index);
            }

            {{item}}[] items = _bndItems;
            return items[BndSlot(_bndHead, index, items.Length)];
            """)))}}
                }
            }

            /// <inheritdoc/>
            public bool TryPeekOldest(
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
            #endif
                out {{item}} item)
            {
            {{Body(spec.Guarded($$"""
            if (_bndCount == 0)
            {
                item = default!;
                return false;
            }

            item = _bndItems[_bndHead];
            return true;
            """))}}
            }

            /// <inheritdoc/>
            public bool TryPeekNewest(
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
            #endif
                out {{item}} item)
            {
            {{Body(spec.Guarded($$"""
            int count = _bndCount;
            if (count == 0)
            {
                item = default!;
                return false;
            }

            {{item}}[] items = _bndItems;
            item = items[BndSlot(_bndHead, count - 1, items.Length)];
            return true;
            """))}}
            }

            /// <inheritdoc/>
            public {{item}}[] ToArray()
            {
            {{Body(spec.Guarded($$"""
            if (_bndCount == 0)
            {
                return global::System.Array.Empty<{{item}}>();
            }

            {{item}}[] copy = BndAllocate<{{item}}>(_bndCount);
            BndCopyOldestFirst(copy, 0);
            return copy;
            """))}}
            }

            /// <inheritdoc/>
            public void CopyTo({{item}}[] array, int arrayIndex)
            {
                if (array is null)
                {
                    throw new global::System.ArgumentNullException(nameof(array));
                }

                if (arrayIndex < 0 || arrayIndex > array.Length)
                {
                    throw new global::System.ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, "The index must lie within the array.");
                }

            {{Body(spec.Guarded($$"""
            if (array.Length - arrayIndex < _bndCount)
            {
                throw new global::System.ArgumentException("The array has no room for " + _bndCount + " items from index " + arrayIndex + ".", nameof(array));
            }

            BndCopyOldestFirst(array, arrayIndex);
            """))}}
            }

            /// <summary>Copies the items, oldest first, in at most two block copies.</summary>
            private void BndCopyOldestFirst({{item}}[] destination, int destinationIndex)
            {
                {{item}}[] items = _bndItems;
                int head = _bndHead;
                int count = _bndCount;
                int firstPart = global::System.Math.Min(count, items.Length - head);
                global::System.Array.Copy(items, head, destination, destinationIndex, firstPart);
                global::System.Array.Copy(items, 0, destination, destinationIndex + firstPart, count - firstPart);
            }

            """);
    }
}
