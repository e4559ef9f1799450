namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // TryDequeue, RemoveWhere and Clear: every way an item leaves other than eviction. Each clears the vacated
    // slots so that the queue stops referencing what it no longer holds.
    private static void WriteRemoving(SourceWriter writer, QueueSpec spec)
    {
        WriteTryDequeue(writer, spec);
        WriteRemoveWhere(writer, spec);
        WriteClear(writer, spec);
    }

    private static void WriteTryDequeue(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Open($$"""
            /// <inheritdoc/>
            public bool TryDequeue(
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
            #endif
                out {{item}} item)
            """);
        WriteExpireFirst(writer, spec);
        writer.WriteLocked(spec.ThreadSafe, $$"""
            int count = _bndCount;
            if (count == 0)
            {
                item = default!;
                return false;
            }

            {{item}}[] items = _bndItems;
            int head = _bndHead;
            item = items[head];
            if (BndSlotsHoldReferences)
            {
                items[head] = default!;
            }

            BndAdvanceHead(head, items.Length);
            _bndCount = count - 1;
            _bndRemovedFromFront++;
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }

    // The predicate runs under the lock of a thread-safe queue, so that the compaction sees no concurrent change.
    private static void WriteRemoveWhere(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;

        // A kept item's stamp moves with it, so that the stamps stay in age order.
        string moveCandidateStamp = spec.Expires ? "\n            _bndStamps[BndSlot(head, kept, items.Length)] = _bndStamps[BndSlot(head, read, items.Length)];" : "";
        string moveRestStamp = spec.Expires ? "\n        _bndStamps[BndSlot(head, kept, items.Length)] = _bndStamps[BndSlot(head, read, items.Length)];" : "";
        writer.Open($$"""
            /// <inheritdoc/>
            public int RemoveWhere(global::System.Predicate<{{item}}> match)
            """);
        writer.Lines("""
            if (match is null)
            {
                throw new global::System.ArgumentNullException(nameof(match));
            }
            """);
        writer.BlankLine();
        WriteExpireFirst(writer, spec);
        writer.WriteLocked(spec.ThreadSafe, $$"""
            {{item}}[] items = _bndItems;
            int head = _bndHead;
            int count = _bndCount;
            int kept = 0;
            int read = 0;
            try
            {
                for (; read < count; read++)
                {
                    {{item}} candidate = items[BndSlot(head, read, items.Length)];
                    if (!match(candidate))
                    {
                        if (kept != read)
                        {
                            items[BndSlot(head, kept, items.Length)] = candidate;{{moveCandidateStamp}}
                        }

                        kept++;
                    }
                }
            }
            finally
            {
                // When the predicate throws, the items it has not judged yet are kept, so nothing is lost or doubled.
                for (; read < count; read++)
                {
                    if (kept != read)
                    {
                        items[BndSlot(head, kept, items.Length)] = items[BndSlot(head, read, items.Length)];{{moveRestStamp}}
                    }

                    kept++;
                }

                if (BndSlotsHoldReferences)
                {
                    for (int vacated = kept; vacated < count; vacated++)
                    {
                        items[BndSlot(head, vacated, items.Length)] = default!;
                    }
                }

                _bndCount = kept;
                _bndRemovedInPlace += count - kept;
            }

            return count - kept;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteClear(SourceWriter writer, QueueSpec spec)
    {
        writer.Open("""
            /// <inheritdoc/>
            public void Clear()
            """);
        writer.WriteLocked(spec.ThreadSafe, $$"""
            int count = _bndCount;
            if (BndSlotsHoldReferences && count > 0)
            {
                {{spec.Item}}[] items = _bndItems;
                int head = _bndHead;
                int firstPart = global::System.Math.Min(count, items.Length - head);
                global::System.Array.Clear(items, head, firstPart);
                global::System.Array.Clear(items, 0, count - firstPart);
            }

            // Everything held leaves from the front; the head restarts at slot 0 with the front position kept.
            _bndHeadBase += _bndHead + count;
            _bndHead = 0;
            _bndCount = 0;
            _bndRemovedFromFront += count;
            """);
        writer.Close();
        writer.BlankLine();
    }
}
