namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // Entries removed by the bounds that the hook must hear of after the change is complete, several at a time: the
    // evictions of one weighted insert, and the expiries of one thread-safe sweep, which runs under the lock while the
    // hook must run outside it. They are copied, in removal order with their reason, into an array of structs that is
    // taken from a spare slot on the instance and given back once the hook has heard of them, so that steady-state
    // removals allocate nothing; a writer that finds the slot empty (another one holds the buffer) makes its own.
    private static void WriteEvictedStruct(SourceWriter writer, HashTableSpec spec)
    {
        string value = spec.IsSet ? "" : $$"""


            /// <summary>The evicted value.</summary>
            public {{spec.Value}} Value;
            """;
        writer.Member($$"""
            /// <summary>One entry the bounds removed and why, kept until the hook hears of it.</summary>
            [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Auto)]
            private struct BndEvicted
            {
                /// <summary>The removed {{(spec.IsSet ? "value" : "key")}}.</summary>
                public {{spec.Key}} Key;{{value}}

                /// <summary>Why it was removed.</summary>
                public global::FakeAI.Bounds.EvictionReason Reason;
            }
            """);
    }

    /// <summary>The fields of the buffer, written with the others.</summary>
    private static void WriteEvictedBufferFields(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member("""
            /// <summary>
            /// A buffer of removed entries kept for the next change that removes several, so that steady-state removals
            /// allocate nothing: a change takes it, the notification after the change gives it back.
            /// </summary>
            private BndEvicted[]? _bndSpareEvictions;
            """);
        if (spec.NotifiesExpiredAfterLock)
        {
            ThreadSafeExpiryEmitter.WritePendingState(writer, "BndEvicted[]", "entries");
        }
    }

    private static void WriteEvictedBuffer(SourceWriter writer, HashTableSpec spec)
    {
        WriteAppendEvicted(writer, spec);
        WriteNotifyEvictedEntries(writer, spec);
        if (spec.NotifiesExpiredAfterLock)
        {
            writer.Member("""
                /// <summary>
                /// Tells the hook of the entries a section's sweep expired, once the lock is released; when the section is throwing,
                /// its exception is the first, and the hook's is not rethrown. Out of <c>BndExitLock</c>, which then has no handler
                /// and stays inlinable.
                /// </summary>
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
                private void BndNotifyExpired(BndEvicted[] expired, int count, bool sectionFailed)
                {
                    try
                    {
                        BndNotifyEvictedEntries(expired, count);
                    }
                    catch (global::System.Exception) when (sectionFailed)
                    {
                        // The section's own exception, already on its way, is the first.
                    }
                }
                """);
        }
    }

    // Taken atomically in the thread-safe form, where another writer may be giving its own buffer back outside the lock.
    private static void WriteAppendEvicted(SourceWriter writer, HashTableSpec spec)
    {
        string take = spec.ThreadSafe
            ? "global::System.Threading.Interlocked.Exchange(ref _bndSpareEvictions, null)"
            : "_bndSpareEvictions";
        string clearSpare = spec.ThreadSafe ? "" : "\n        _bndSpareEvictions = null;";
        string value = spec.IsSet ? "" : "\n    buffer[count].Value = _bndEntries[index].Value;";
        writer.Member($$"""
            /// <summary>Copies the entry about to be removed into <paramref name="buffer"/>, which it takes from the spare slot or makes, and doubles when full.</summary>
            private void BndAppendEvicted(ref BndEvicted[]? buffer, ref int count, int index, global::FakeAI.Bounds.EvictionReason reason)
            {
                if (buffer is null)
                {
                    buffer = {{take}} ?? new BndEvicted[4];{{clearSpare}}
                }
                else if (count == buffer.Length)
                {
                    BndEvicted[] grown = new BndEvicted[count * 2];
                    global::System.Array.Copy(buffer, grown, count);
                    buffer = grown;
                }

                buffer[count].Key = _bndEntries[index].Key;{{value}}
                buffer[count].Reason = reason;
                count++;
            }
            """);
    }

    // Every entry is passed on even when the hook throws for one, so that no removal goes unreported; the first exception
    // is rethrown with its own stack trace once all have been, and the buffer goes back to the spare slot.
    private static void WriteNotifyEvictedEntries(SourceWriter writer, HashTableSpec spec)
    {
        string arguments = spec.IsSet ? "entries[i].Key" : "entries[i].Key, entries[i].Value";
        string giveBack = spec.ThreadSafe
            ? "global::System.Threading.Volatile.Write(ref _bndSpareEvictions, entries);"
            : "_bndSpareEvictions = entries;";
        writer.Member($$"""
            /// <summary>Tells the hook of <paramref name="count"/> removed entries, in removal order, then keeps the buffer for the next change.</summary>
            private void BndNotifyEvictedEntries(BndEvicted[] entries, int count)
            {
                global::System.Exception? failure = null;
                for (int i = 0; i < count; i++)
                {
                    try
                    {
                        OnEvicted({{arguments}}, entries[i].Reason);
                    }
                    catch (global::System.Exception exception)
                    {
                        failure ??= exception;
                    }
                }

            #if NETCOREAPP2_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                if (global::System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<BndEvicted>())
            #endif
                {
                    global::System.Array.Clear(entries, 0, count);
                }

                {{giveBack}}
                if (failure != null)
                {
                    global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
            """);
    }
}
