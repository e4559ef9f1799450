using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    private const string AddResult = "global::FakeAI.Bounds.BoundedAddResult";

    // Add, both TryAdd overloads and the two ways an item enters the ring: appended, or written over the oldest.
    private static void WriteAdding(SourceWriter writer, QueueSpec spec)
    {
        WriteAdd(writer, spec);
        WriteTryAdd(writer, spec);
        WriteTryAddEvicting(writer, spec);
        WriteAppend(writer, spec);
        WriteGrow(writer, spec);
        if (spec.DropsOldest)
        {
            WriteOverwriteOldest(writer, spec);
        }
    }

    private static void WriteAdd(SourceWriter writer, QueueSpec spec)
    {
        string addDoc = spec.Policy switch
        {
            OverflowPolicyValue.DropOldest when spec.NotifiesOverflow => "When the queue is full the oldest item is evicted to make room, then passed to <c>OnEvicted</c>.",
            OverflowPolicyValue.DropOldest => "When the queue is full the oldest item is evicted to make room.",
            OverflowPolicyValue.DropNewest => "When the queue is full <paramref name=\"item\"/> is discarded and counted in <see cref=\"Dropped\"/>.",
            _ => "When the queue is full a <see cref=\"global::FakeAI.Bounds.BoundExceededException\"/> is thrown and the queue is left unchanged.",
        };

        string whenFull = spec.Policy switch
        {
            OverflowPolicyValue.DropOldest => """
                BndOverwriteOldest(item);
                return;
                """,
            OverflowPolicyValue.DropNewest => """
                _bndDropped++;
                return;
                """,
            _ => """
                _bndDropped++;
                BndThrowFull();
                """,
        };

        writer.Line("/// <summary>Appends an item as the newest. " + addDoc + "</summary>");
        writer.Line("/// <param name=\"item\">The item to append.</param>");
        if (spec.Policy == OverflowPolicyValue.Throw)
        {
            writer.Line("/// <exception cref=\"global::FakeAI.Bounds.BoundExceededException\">The queue holds <see cref=\"Capacity\"/> items.</exception>");
        }

        writer.Open("public void Add(" + spec.Item + " item)");
        // With a hook, an add with room must return before the eviction that follows the lock.
        WriteAddBody(writer, spec, whenFull, "BndAppend(item);", declareEvicted: true, appendWithHook: """
            BndAppend(item);
            return;
            """, afterNotify: "");
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteTryAdd(SourceWriter writer, QueueSpec spec)
    {
        string whenFull = spec.DropsOldest
            ? """
                BndOverwriteOldest(item);
                return true;
                """
            : """
                _bndDropped++;
                return false;
                """;

        writer.Open($$"""
            /// <inheritdoc/>
            public bool TryAdd({{spec.Item}} item)
            """);
        const string Append = """
            BndAppend(item);
            return true;
            """;
        WriteAddBody(writer, spec, whenFull, Append, declareEvicted: true, appendWithHook: Append, afterNotify: "return true;");
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteTryAddEvicting(SourceWriter writer, QueueSpec spec)
    {
        string whenFull = spec.DropsOldest
            ? $$"""
                evicted = _bndItems[_bndHead];
                BndOverwriteOldest(item);
                return {{AddResult}}.AddedWithEviction;
                """
            : $$"""
                _bndDropped++;
                evicted = default!;
                return {{AddResult}}.Rejected;
                """;

        writer.Open($$"""
            /// <inheritdoc/>
            public {{AddResult}} TryAdd(
                {{spec.Item}} item,
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNull]
            #endif
                out {{spec.Item}} evicted)
            """);
        string append = $$"""
            BndAppend(item);
            evicted = default!;
            return {{AddResult}}.Added;
            """;
        WriteAddBody(writer, spec, whenFull, append, declareEvicted: false, appendWithHook: append, afterNotify: "return " + AddResult + ".AddedWithEviction;");
        writer.Close();
        writer.BlankLine();
    }

    // The body of an adding member: the expired items go first; then, with an eviction hook, the evicting append and
    // the notification after the lock, else the policy's full check and the append.
    private static void WriteAddBody(SourceWriter writer, QueueSpec spec, string whenFull, string append, bool declareEvicted, string appendWithHook, string afterNotify)
    {
        WriteExpireFirst(writer, spec);
        if (spec.NotifiesOverflow)
        {
            WriteEvictThenNotify(writer, spec, declareEvicted, appendWithHook, afterNotify);
        }
        else
        {
            writer.WriteLocked(spec.ThreadSafe, locked => WriteFullCheckThenAppend(locked, whenFull, append));
        }
    }

    // The shape every adding member shares: what the policy does when the queue is full, else what appending does.
    private static void WriteFullCheckThenAppend(SourceWriter writer, string whenFull, string append)
    {
        writer.Open("if (_bndCount == _bndCapacity)");
        writer.Lines(whenFull);
        writer.Close();
        writer.BlankLine();
        writer.Lines(append);
    }

    // The adding members of a queue with an eviction hook: the oldest item is taken and overwritten under the lock, and
    // the hook hears of it once the lock is released, so that it runs after the queue is consistent and may use it.
    // An add with room returns inside the lock, as it evicts nothing.
    private static void WriteEvictThenNotify(SourceWriter writer, QueueSpec spec, bool declareEvicted, string append, string afterNotify)
    {
        if (declareEvicted)
        {
            writer.Line(spec.Item + " evicted;");
        }

        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Open("if (_bndCount != _bndCapacity)");
            locked.Lines(append);
            locked.Close();
            locked.BlankLine();
            locked.Lines("""
                evicted = _bndItems[_bndHead];
                BndOverwriteOldest(item);
                """);
        });
        writer.BlankLine();
        writer.Line("OnEvicted(evicted, " + EvictionHookEmitter.Overflow + ");");
        writer.Lines(afterNotify);
    }

    private static void WriteAppend(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        string stamp = spec.Expires ? "\n    _bndStamps[slot] = _bndNow;" : "";
        string store = spec.Expires
            ? "int slot = BndSlot(_bndHead, count, items.Length);\n    items[slot] = item;" + stamp
            : "items[BndSlot(_bndHead, count, items.Length)] = item;";
        writer.Member($$"""
            /// <summary>Stores an item after the newest; the caller has checked that the queue is not full.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndAppend({{item}} item)
            {
                {{item}}[] items = _bndItems;
                int count = _bndCount;
                if (count == items.Length)
                {
                    items = BndGrow();
                }

                {{store}}
                _bndCount = count + 1;
            }
            """);
    }

    private static void WriteGrow(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        string growStamps = !spec.Expires ? "" : """

                long[] stamps = _bndStamps;
                long[] grownStamps = new long[length];
                int stampsFirstPart = global::System.Math.Min(_bndCount, stamps.Length - _bndHead);
                global::System.Array.Copy(stamps, _bndHead, grownStamps, 0, stampsFirstPart);
                global::System.Array.Copy(stamps, 0, grownStamps, stampsFirstPart, _bndCount - stampsFirstPart);
                _bndStamps = grownStamps;
            """;
        writer.Member($$"""
            /// <summary>Replaces the growing ring with a larger one (twice the size, at most the capacity), oldest item first.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private {{item}}[] BndGrow()
            {
                {{item}}[] old = _bndItems;
                int length = old.Length == 0 ? 4 : old.Length * 2;
                if (length > _bndCapacity || length < 0)
                {
                    length = _bndCapacity;
                }

                {{item}}[] grown = BndAllocate<{{item}}>(length);
                BndCopyOldestFirst(grown, 0);{{growStamps}}
                _bndItems = grown;
                _bndHeadBase += _bndHead;
                _bndHead = 0;
                return grown;
            }
            """);
    }

    private static void WriteOverwriteOldest(SourceWriter writer, QueueSpec spec)
    {
        string item = spec.Item;
        writer.Member($$"""
            /// <summary>Writes an item over the oldest one of a full queue, which makes it the newest.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndOverwriteOldest({{item}} item)
            {
                {{item}}[] items = _bndItems;
                int head = _bndHead;
                items[head] = item;{{(spec.Expires ? "\n    _bndStamps[head] = _bndNow;" : "")}}
                BndAdvanceHead(head, items.Length);
            }
            """);
    }
}
