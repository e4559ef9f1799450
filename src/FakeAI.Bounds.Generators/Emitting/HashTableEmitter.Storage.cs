namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The entry type, the fields, the constructors and the counters; then the table operations every public member is
    // built from (see HashTableEmitter.TableOperations.cs).
    private static void WriteStorage(SourceWriter writer, HashTableSpec spec)
    {
        WriteEntry(writer, spec);
        if (spec.KeepsEvictedForHook)
        {
            WriteEvictedStruct(writer, spec);
        }

        if (spec.NotifiesOverflow)
        {
            if (spec.Weighted)
            {
                WriteEvictionsStruct(writer);
            }
            else
            {
                WriteEviction(writer, spec);
            }
        }

        WriteFields(writer, spec);
        WriteDefaultConstructor(writer, spec);
        WriteCapacityConstructor(writer, spec);
        WriteComparerConstructor(writer, spec);
        WriteCapacityAndComparerConstructor(writer, spec);
        WriteComparer(writer, spec);
        WriteCollectionProperties(writer, spec);
        WriteEntriesHoldReferences(writer, spec);
        WriteTableOperations(writer, spec);
    }

    private static string ComparerType(HashTableSpec spec) => "global::System.Collections.Generic.IEqualityComparer<" + spec.Key + ">";

    private static string DefaultComparer(HashTableSpec spec) => "global::System.Collections.Generic.EqualityComparer<" + spec.Key + ">.Default";

    /// <summary>What the table holds, in the plural: values of a set, keys of a dictionary.</summary>
    private static string Entries(HashTableSpec spec) => spec.IsSet ? "values" : "keys";

    private static string CollectionNoun(HashTableSpec spec) => spec.IsSet ? "set" : "dictionary";

    private static void WriteEntry(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <summary>One stored {{(spec.IsSet ? "value" : "key and its value")}}, chained in its bucket and linked between its older and newer neighbours.</summary>
            /// <remarks>Auto layout lets the runtime order the fields by size: an int key with a long value takes 24 bytes, not 32.</remarks>
            [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Auto)]
            private struct BndEntry
            """);
        writer.Member($$"""
            /// <summary>The {{(spec.IsSet ? "value" : "key")}}.</summary>
            public {{spec.Key}} Key;
            """);
        if (!spec.IsSet)
        {
            writer.Member($$"""
                /// <summary>The value.</summary>
                public {{spec.Value}} Value;
                """);
        }

        if (spec.StoresHash)
        {
            writer.Member("""
                /// <summary>The key's hash code, kept so that it is computed once.</summary>
                public int HashCode;
                """);
        }

        if (spec.Weighted)
        {
            writer.Member("""
                /// <summary>What <c>Weigh</c> returned when the entry was stored, subtracted from the total when it leaves.</summary>
                public int Weight;
                """);
        }

        if (spec.Expires)
        {
            writer.Member("""
                /// <summary>The clock when the entry was last written: inserted, or given a new value.</summary>
                public long WrittenAt;
                """);
            if (spec.Lru)
            {
                writer.Member("""
                    /// <summary>The entry written just before this one, or -1: the write order, which reads do not change.</summary>
                    public int OlderWrite;

                    /// <summary>The entry written just after this one, or -1.</summary>
                    public int NewerWrite;
                    """);
            }
        }

        writer.Lines("""
            /// <summary>The next entry in the same bucket, or -1; for a free entry, the next free entry.</summary>
            public int Next;

            /// <summary>The entry just before this one in insertion (or recency) order, or -1.</summary>
            public int Older;

            /// <summary>The entry just after this one, or -1.</summary>
            public int Newer;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteFields(SourceWriter writer, HashTableSpec spec)
    {
        string what = Entries(spec);
        writer.Member($$"""
            /// <summary>The <c>MaxLength</c> of the <c>[Bounded]</c> declaration: the most {{what}} any instance can hold.</summary>
            public const int DeclaredMaxLength = {{spec.MaxLength}};

            private const int _bndMaxLength = DeclaredMaxLength;

            /// <summary>The most {{what}} this instance holds{{(spec.Resizable ? "; SetCapacity changes it" : "")}}.</summary>
            private {{(spec.Resizable ? "" : "readonly ")}}int _bndCapacity;

            /// <summary>The comparer given at construction; null for the default comparer, whose calls the JIT can devirtualise.</summary>
            private readonly {{ComparerType(spec)}}? _bndComparer;

            /// <summary>Per bucket, the index + 1 of its first entry (0: empty). A power of two long.</summary>
            private int[] _bndBuckets;

            /// <summary>32 minus the log2 of the bucket count: the shift of Fibonacci hashing.</summary>
            private int _bndBucketShift;

            /// <summary>The entries; grows on demand and never beyond the capacity.</summary>
            private BndEntry[] _bndEntries;

            /// <summary>Entries below this index have been used at least once.</summary>
            private int _bndUsed;

            /// <summary>The first entry of the free list, or -1.</summary>
            private int _bndFreeList;

            /// <summary>The oldest (least recently used) entry, or -1.</summary>
            private int _bndOldest;

            /// <summary>The newest (most recently used) entry, or -1.</summary>
            private int _bndNewest;

            private int _bndCount;

            private long _bndTotalAdded;
            """);

        if (spec.SecondChance)
        {
            writer.Member("""
                /// <summary>
                /// Per entry, 1 when it was used since it last reached the oldest end: eviction then moves it to the newest end
                /// instead. A byte array beside the entries, not a field in them, so that a reader marking an entry never writes
                /// a field a writer relinks, and the entries keep their size.
                /// </summary>
                private byte[] _bndUsedMarks;
                """);
        }

        // A table that evicts never drops, and one that drops never evicts: only one counter is kept, unless a lowered
        // capacity can evict from a table that drops.
        if (spec.CountsEvictions && spec.CountsDrops)
        {
            writer.Member("""
                private long _bndEvicted;

                private long _bndDropped;
                """);
        }
        else
        {
            writer.Member(spec.Evicts ? "private long _bndEvicted;" : "private long _bndDropped;");
        }

        if (spec.Expires)
        {
            ExpiryEmitter.WriteDeclaredMaxAge(writer, spec.MaxAgeMilliseconds);
            ExpiryEmitter.WriteFields(writer);
            if (spec.Lru)
            {
                writer.Member("""
                    /// <summary>The entry written longest ago, or -1: the first to expire, wherever reads have moved it in recency order.</summary>
                    private int _bndOldestWrite = -1;

                    /// <summary>The entry written last, or -1.</summary>
                    private int _bndNewestWrite = -1;
                    """);
            }
        }

        if (spec.Weighted)
        {
            WriteWeightFields(writer, spec);
        }

        if (spec.KeepsEvictedForHook)
        {
            WriteEvictedBufferFields(writer, spec);
        }

        writer.Member("""
            /// <summary>Changes on every change of content or order, so that an enumerator can tell.</summary>
            private int _bndVersion;
            """);

        if (spec.ThreadSafe)
        {
            LockEmitter.WriteLockFields(writer);
        }
    }

    private static void WriteDefaultConstructor(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <summary>Creates an empty {{CollectionNoun(spec)}} that can hold up to <c>MaxLength</c> ({{spec.MaxLength}}) {{Entries(spec)}}, with the default comparer.</summary>
            public {{spec.TypeName}}()
                : this(_bndMaxLength, null)
            {
            }
            """);
    }

    private static void WriteCapacityConstructor(SourceWriter writer, HashTableSpec spec)
    {
        string what = Entries(spec);
        writer.Member($$"""
            /// <summary>Creates an empty {{CollectionNoun(spec)}} that can hold up to <paramref name="capacity"/> {{what}}, with the default comparer.</summary>
            /// <param name="capacity">The most {{what}} this instance holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}).</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1 or greater than {{spec.MaxLength}}.</exception>
            public {{spec.TypeName}}(int capacity)
                : this(capacity, null)
            {
            }
            """);
    }

    private static void WriteComparerConstructor(SourceWriter writer, HashTableSpec spec)
    {
        string what = Entries(spec);
        writer.Member($$"""
            /// <summary>Creates an empty {{CollectionNoun(spec)}} that can hold up to <c>MaxLength</c> ({{spec.MaxLength}}) {{what}}, comparing {{what}} with <paramref name="comparer"/>.</summary>
            /// <param name="comparer">Compares the {{what}}; <see langword="null"/> for the default comparer.</param>
            public {{spec.TypeName}}({{ComparerType(spec)}}? comparer)
                : this(_bndMaxLength, comparer)
            {
            }
            """);
    }

    // The constructor the others chain to. The default comparer is stored as null, so that lookups can call it
    // directly and let the JIT devirtualise the calls.
    private static void WriteCapacityAndComparerConstructor(SourceWriter writer, HashTableSpec spec)
    {
        string what = Entries(spec);
        writer.Member($$"""
            /// <summary>Creates an empty {{CollectionNoun(spec)}} that can hold up to <paramref name="capacity"/> {{what}}, comparing {{what}} with <paramref name="comparer"/>.</summary>
            /// <param name="capacity">The most {{what}} this instance holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}).</param>
            /// <param name="comparer">Compares the {{what}}; <see langword="null"/> for the default comparer.</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1 or greater than {{spec.MaxLength}}.</exception>
            public {{spec.TypeName}}(int capacity, {{ComparerType(spec)}}? comparer)
            {
                if (capacity < 1 || capacity > _bndMaxLength)
                {
                    BndThrowCapacityOutOfRange(capacity);
                }

                _bndCapacity = capacity;
                _bndComparer = comparer is null || ReferenceEquals(comparer, {{DefaultComparer(spec)}}) ? null : comparer;
                _bndBuckets = global::System.Array.Empty<int>();
                _bndEntries = global::System.Array.Empty<BndEntry>();{{(spec.SecondChance ? "\n    _bndUsedMarks = global::System.Array.Empty<byte>();" : "")}}
                _bndFreeList = -1;
                _bndOldest = -1;
                _bndNewest = -1;
            }
            """);
    }

    private static void WriteComparer(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <summary>The comparer of the {{Entries(spec)}}.</summary>
            public {{ComparerType(spec)}} Comparer => _bndComparer ?? {{DefaultComparer(spec)}};
            """);
    }

    // The IBoundedCollection properties, one line each; a thread-safe table reads its fields without tearing.
    private static void WriteCollectionProperties(SourceWriter writer, HashTableSpec spec)
    {
        string countRead = spec.ThreadSafe ? "global::System.Threading.Volatile.Read(ref _bndCount)" : "_bndCount";
        string countProperty = !spec.Expires
            ? "/// <inheritdoc/>\npublic int Count => " + countRead + ";"
            : spec.ThreadSafe ? "/// <summary>The number of live entries: when the oldest write has reached <see cref=\"MaxAge\"/>, the expired entries are removed first.</summary>\npublic int Count => BndLiveCount();"
            : ExpiryEmitter.CountProperty;
        string isFullProperty = spec.Expires
            ? "public bool IsFull => Count == _bndCapacity;"
            : "public bool IsFull => " + countRead + " == _bndCapacity;";
        string totalAdded = spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndTotalAdded)" : "_bndTotalAdded";
        string evicted = !spec.CountsEvictions ? "0L" : spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndEvicted)" : "_bndEvicted";
        string dropped = !spec.CountsDrops ? "0L" : spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndDropped)" : "_bndDropped";

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
            public long Dropped => {{dropped}};

            /// <inheritdoc/>
            {{isFullProperty}}
            """);
    }

    private static void WriteEntriesHoldReferences(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <summary>Whether freed entries must be cleared so that they stop referencing their {{Entries(spec)}}.</summary>
            private static bool BndEntriesHoldReferences
            {
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                get
                {
            #if NETCOREAPP2_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                    return global::System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<BndEntry>();
            #else
                    return true;
            #endif
                }
            }
            """);
    }
}
