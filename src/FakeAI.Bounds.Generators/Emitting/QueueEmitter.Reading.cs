namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // The indexer, the peeks and the copies: reads that never change the queue.
    private static void WriteReading(SourceWriter writer, QueueSpec spec)
    {
        WriteIndexer(writer, spec);
        WriteTryPeekOldest(writer, spec);
        WriteTryPeekNewest(writer, spec);
        WriteToArray(writer, spec);
        WriteCopyTo(writer, spec);
        WriteCopyOldestFirst(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteTrySnapshotUnlocked(writer, spec);
        }
    }

    // The reads without the lock of a thread-safe queue; with a maximum age they go ahead only when nothing has expired
    // (the head is live), and otherwise read under the lock, which sweeps first.
    private static void WriteUnlockedReadAttempts(SourceWriter writer, QueueSpec spec, string attempt)
    {
        if (!spec.Expires)
        {
            writer.WriteUnlockedAttempts(attempt);
            return;
        }

        writer.Open("if (BndNothingExpiredUnlocked(BndReadClock()))");
        writer.WriteUnlockedAttempts(attempt);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteIndexer(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Open($$"""
            /// <summary>Gets the item at a position, 0 being the oldest.</summary>
            /// <param name="index">From 0 (the oldest) to <see cref="Count"/> - 1 (the newest).</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
            public {{item}} this[int index]
            """);
        writer.Open("get");
        WriteExpireFirst(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteUnlockedReadAttempts(writer, spec, $$"""
                int sequence = BndBeginRead();
                if ((sequence & 1) == 0)
                {
                    {{item}}[] unlockedItems = _bndItems;
                    int head = _bndHead;
                    if ((uint)index < (uint)_bndCount)
                    {
                        int slot = BndSlot(head, index, unlockedItems.Length);
                        if ((uint)slot < (uint)unlockedItems.Length)
                        {
                            {{item}} found = unlockedItems[slot];
                            if (BndReadIsConsistent(sequence))
                            {
                                return found;
                            }
                        }
                    }
                    else if (BndReadIsConsistent(sequence))
                    {
                        BndThrowIndexOutOfRange(index);
                    }
                }
                """);
        }

        writer.WriteLocked(spec.ThreadSafe, $$"""
            if ((uint)index >= (uint)_bndCount)
            {
                BndThrowIndexOutOfRange(index);
            }

            {{item}}[] items = _bndItems;
            return items[BndSlot(_bndHead, index, items.Length)];
            """);
        writer.Close();
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteTryPeekOldest(SourceWriter writer, QueueSpec spec)
    {
        writer.Open($$"""
            /// <inheritdoc/>
            public bool TryPeekOldest(
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
            #endif
                out {{spec.Item}} item)
            """);
        WriteExpireFirst(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteUnlockedReadAttempts(writer, spec, $$"""
                int sequence = BndBeginRead();
                if ((sequence & 1) == 0)
                {
                    {{spec.Item}}[] items = _bndItems;
                    int head = _bndHead;
                    bool any = _bndCount != 0;
                    item = any && (uint)head < (uint)items.Length ? items[head] : default!;
                    if (BndReadIsConsistent(sequence))
                    {
                        return any;
                    }
                }
                """);
        }

        writer.WriteLocked(spec.ThreadSafe, """
            if (_bndCount == 0)
            {
                item = default!;
                return false;
            }

            item = _bndItems[_bndHead];
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteTryPeekNewest(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Open($$"""
            /// <inheritdoc/>
            public bool TryPeekNewest(
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
            #endif
                out {{item}} item)
            """);
        WriteExpireFirst(writer, spec);
        if (spec.ThreadSafe)
        {
            WriteUnlockedReadAttempts(writer, spec, $$"""
                int sequence = BndBeginRead();
                if ((sequence & 1) == 0)
                {
                    {{item}}[] unlockedItems = _bndItems;
                    int unlockedCount = _bndCount;
                    int slot = BndSlot(_bndHead, unlockedCount - 1, unlockedItems.Length);
                    item = unlockedCount != 0 && (uint)slot < (uint)unlockedItems.Length ? unlockedItems[slot] : default!;
                    if (BndReadIsConsistent(sequence))
                    {
                        return unlockedCount != 0;
                    }
                }
                """);
        }

        writer.WriteLocked(spec.ThreadSafe, $$"""
            int count = _bndCount;
            if (count == 0)
            {
                item = default!;
                return false;
            }

            {{item}}[] items = _bndItems;
            item = items[BndSlot(_bndHead, count - 1, items.Length)];
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteToArray(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Open($$"""
            /// <inheritdoc/>
            public {{item}}[] ToArray()
            """);
        WriteExpireFirst(writer, spec);
        if (spec.ThreadSafe)
        {
            writer.Lines($$"""
                {{item}}[]? unlocked = BndTrySnapshotUnlocked();
                if (unlocked != null)
                {
                    return unlocked;
                }
                """);
        writer.BlankLine();
        }

        writer.WriteLocked(spec.ThreadSafe, $$"""
            if (_bndCount == 0)
            {
                return global::System.Array.Empty<{{item}}>();
            }

            {{item}}[] copy = BndAllocate<{{item}}>(_bndCount);
            BndCopyOldestFirst(copy, 0);
            return copy;
            """);
        writer.Close();
        writer.BlankLine();
    }

    // The arguments are checked before the lock is taken; only the room check needs the count it copies.
    private static void WriteCopyTo(SourceWriter writer, QueueSpec spec)
    {
        writer.Open($$"""
            /// <inheritdoc/>
            public void CopyTo({{spec.Item}}[] array, int arrayIndex)
            """);
        writer.Lines("""
            if (array is null)
            {
                throw new global::System.ArgumentNullException(nameof(array));
            }

            if (arrayIndex < 0 || arrayIndex > array.Length)
            {
                throw new global::System.ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, "The index must lie within the array.");
            }
            """);
        writer.BlankLine();
        WriteExpireFirst(writer, spec);
        writer.WriteLocked(spec.ThreadSafe, """
            if (array.Length - arrayIndex < _bndCount)
            {
                throw new global::System.ArgumentException("The array has no room for " + _bndCount + " items from index " + arrayIndex + ".", nameof(array));
            }

            BndCopyOldestFirst(array, arrayIndex);
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteCopyOldestFirst(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Member($$"""
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

    // ToArray's and the enumerators' copy without the lock (see LockEmitter): the head, count and array are read once,
    // range-checked, copied and then confirmed by the sequence; a writer getting in the way costs a wasted copy and
    // another attempt, and after a few the copy is taken under the lock. The runtime copies references whole, so even a wasted copy holds no torn reference.
    private static void WriteTrySnapshotUnlocked(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;

        // With a maximum age, a copy without the lock is taken only when nothing has expired.
        string liveCheck = !spec.Expires ? "" : """

                if (!BndNothingExpiredUnlocked(BndReadClock()))
                {
                    return null;
                }

            """;
        writer.Member($$"""
            /// <summary>The items, oldest first, copied without the lock (a few attempts); <see langword="null"/> when writers kept getting in the way.</summary>
            private {{item}}[]? BndTrySnapshotUnlocked()
            {{{liveCheck}}
                for (int attempt = 0; attempt < BndUnlockedReadAttempts; attempt++)
                {
                    int sequence = BndBeginRead();
                    if ((sequence & 1) == 0)
                    {
                        {{item}}[] items = _bndItems;
                        int head = _bndHead;
                        int count = _bndCount;
                        if (count == 0)
                        {
                            if (BndReadIsConsistent(sequence))
                            {
                                return global::System.Array.Empty<{{item}}>();
                            }
                        }
                        else if ((uint)head < (uint)items.Length && (uint)count <= (uint)items.Length)
                        {
                            {{item}}[] snapshot = BndAllocate<{{item}}>(count);
                            int firstPart = global::System.Math.Min(count, items.Length - head);
                            global::System.Array.Copy(items, head, snapshot, 0, firstPart);
                            global::System.Array.Copy(items, 0, snapshot, firstPart, count - firstPart);
                            if (BndReadIsConsistent(sequence))
                            {
                                return snapshot;
                            }
                        }
                    }

                    BndBackOff(attempt);
                }

                return null;
            }
            """);
    }
}
