using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The entry type, the fields, the constructors, the counters, and the table operations every public member is
    // built from: find, insert (applying the overflow policy), remove, move to the newest end, grow.
    private static void AppendStorage(StringBuilder body, HashTableSpec spec)
    {
        string key = spec.Key;
        string comparerType = "global::System.Collections.Generic.IEqualityComparer<" + key + ">";
        string defaultComparer = "global::System.Collections.Generic.EqualityComparer<" + key + ">.Default";
        string valueField = spec.IsSet ? "" : $"\n    /// <summary>The value.</summary>\n    public {spec.Value} Value;\n";
        string hashField = spec.StoresHash ? "\n    /// <summary>The key's hash code, kept so that it is computed once.</summary>\n    public int HashCode;\n" : "";
        string what = spec.IsSet ? "values" : "keys";
        string hashCheck = spec.StoresHash ? "entries[index].HashCode == hash && " : "";
        string countRead = spec.ThreadSafe ? "global::System.Threading.Volatile.Read(ref _bndCount)" : "_bndCount";

        body.AppendBlock($$"""
            /// <summary>One stored {{(spec.IsSet ? "value" : "key and its value")}}, chained in its bucket and linked between its older and newer neighbours.</summary>
            /// <remarks>Auto layout lets the runtime order the fields by size: an int key with a long value takes 24 bytes, not 32.</remarks>
            [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Auto)]
            private struct BndEntry
            {
                /// <summary>The {{(spec.IsSet ? "value" : "key")}}.</summary>
                public {{key}} Key;
            {{valueField}}{{hashField}}
                /// <summary>The next entry in the same bucket, or -1; for a free entry, the next free entry.</summary>
                public int Next;

                /// <summary>The entry just before this one in insertion (or recency) order, or -1.</summary>
                public int Older;

                /// <summary>The entry just after this one, or -1.</summary>
                public int Newer;
            }

            /// <summary>The <c>MaxLength</c> of the <c>[Bounded]</c> declaration: the most {{what}} any instance can hold.</summary>
            public const int DeclaredMaxLength = {{spec.MaxLength}};

            private const int _bndMaxLength = DeclaredMaxLength;

            /// <summary>The most {{what}} this instance holds.</summary>
            private readonly int _bndCapacity;

            /// <summary>The comparer given at construction; null for the default comparer, whose calls the JIT can devirtualise.</summary>
            private readonly {{comparerType}}? _bndComparer;

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
            {{(spec.Evicts ? "\nprivate long _bndEvicted;\n" : "\nprivate long _bndDropped;\n")}}
            /// <summary>Changes on every change of content or order, so that an enumerator can tell.</summary>
            private int _bndVersion;

            """);

        if (spec.ThreadSafe)
        {
            body.AppendBlock("""
                /// <summary>0 when the lock is free, else the managed thread id of the thread that holds it.</summary>
                private int _bndLockState;
                """);
        }

        body.AppendBlock($$"""
            /// <summary>Creates an empty {{(spec.IsSet ? "set" : "dictionary")}} that can hold up to <c>MaxLength</c> ({{spec.MaxLength}}) {{what}}, with the default comparer.</summary>
            public {{spec.TypeName}}()
                : this(_bndMaxLength, null)
            {
            }

            /// <summary>Creates an empty {{(spec.IsSet ? "set" : "dictionary")}} that can hold up to <paramref name="capacity"/> {{what}}, with the default comparer.</summary>
            /// <param name="capacity">The most {{what}} this instance holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}).</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1 or greater than {{spec.MaxLength}}.</exception>
            public {{spec.TypeName}}(int capacity)
                : this(capacity, null)
            {
            }

            /// <summary>Creates an empty {{(spec.IsSet ? "set" : "dictionary")}} that can hold up to <c>MaxLength</c> ({{spec.MaxLength}}) {{what}}, comparing {{what}} with <paramref name="comparer"/>.</summary>
            /// <param name="comparer">Compares the {{what}}; <see langword="null"/> for the default comparer.</param>
            public {{spec.TypeName}}({{comparerType}}? comparer)
                : this(_bndMaxLength, comparer)
            {
            }

            /// <summary>Creates an empty {{(spec.IsSet ? "set" : "dictionary")}} that can hold up to <paramref name="capacity"/> {{what}}, comparing {{what}} with <paramref name="comparer"/>.</summary>
            /// <param name="capacity">The most {{what}} this instance holds, from 1 to <c>MaxLength</c> ({{spec.MaxLength}}).</param>
            /// <param name="comparer">Compares the {{what}}; <see langword="null"/> for the default comparer.</param>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1 or greater than {{spec.MaxLength}}.</exception>
            public {{spec.TypeName}}(int capacity, {{comparerType}}? comparer)
            {
                if (capacity < 1 || capacity > _bndMaxLength)
                {
                    BndThrowCapacityOutOfRange(capacity);
                }

                _bndCapacity = capacity;
                _bndComparer = comparer is null || ReferenceEquals(comparer, {{defaultComparer}}) ? null : comparer;
                _bndBuckets = global::System.Array.Empty<int>();
                _bndEntries = global::System.Array.Empty<BndEntry>();
                _bndFreeList = -1;
                _bndOldest = -1;
                _bndNewest = -1;
            }

            /// <summary>The comparer of the {{what}}.</summary>
            public {{comparerType}} Comparer => _bndComparer ?? {{defaultComparer}};

            /// <inheritdoc/>
            public int Count => {{countRead}};

            /// <inheritdoc/>
            public int Capacity => _bndCapacity;

            /// <inheritdoc/>
            public int MaxLength => _bndMaxLength;

            /// <inheritdoc/>
            public global::FakeAI.Bounds.OverflowPolicy Overflow => {{spec.PolicyExpression}};

            /// <inheritdoc/>
            public long TotalAdded => {{(spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndTotalAdded)" : "_bndTotalAdded")}};

            /// <inheritdoc/>
            public long Evicted => {{(!spec.Evicts ? "0L" : spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndEvicted)" : "_bndEvicted")}};

            /// <inheritdoc/>
            public long Dropped => {{(spec.Evicts ? "0L" : spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndDropped)" : "_bndDropped")}};

            /// <inheritdoc/>
            public bool IsFull => {{countRead}} == _bndCapacity;

            /// <summary>Whether freed entries must be cleared so that they stop referencing their {{what}}.</summary>
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

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndHash({{key}} key)
            {
                {{comparerType}}? comparer = _bndComparer;
                return comparer is null ? {{defaultComparer}}.GetHashCode(key!) : comparer.GetHashCode(key!);
            }

            /// <summary>Fibonacci hashing: spreads any hash over the power-of-two buckets with a multiply and a shift.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndBucket(int hash) => (int)(((uint)hash * 2654435769u) >> _bndBucketShift);

            /// <summary>The entry holding <paramref name="key"/>, or -1.</summary>
            private int BndFind({{key}} key, int hash)
            {
                if (_bndCount == 0)
                {
                    return -1;
                }

                BndEntry[] entries = _bndEntries;
                int index = _bndBuckets[BndBucket(hash)] - 1;
                {{comparerType}}? comparer = _bndComparer;
                if (comparer is null)
                {
                    while (index >= 0)
                    {
                        if ({{hashCheck}}{{defaultComparer}}.Equals(entries[index].Key, key))
                        {
                            return index;
                        }

                        index = entries[index].Next;
                    }
                }
                else
                {
                    while (index >= 0)
                    {
                        if ({{hashCheck}}comparer.Equals(entries[index].Key, key))
                        {
                            return index;
                        }

                        index = entries[index].Next;
                    }
                }

                return -1;
            }

            """);

        AppendInsert(body, spec);

        body.AppendBlock($$"""
            /// <summary>Removes an entry from its bucket and from the order, clears it and frees it.</summary>
            private void BndRemoveEntry(int index, int hash)
            {
                BndUnlinkBucket(index, hash);
                BndUnlinkOrder(index);
                BndEntry[] entries = _bndEntries;
                if (BndEntriesHoldReferences)
                {
                    entries[index] = default;
                }

                entries[index].Next = _bndFreeList;
                _bndFreeList = index;
                _bndCount--;
                _bndVersion++;
            }

            /// <summary>Takes an entry out of the chain of the bucket its hash selects.</summary>
            private void BndUnlinkBucket(int index, int hash)
            {
                BndEntry[] entries = _bndEntries;
                int bucket = BndBucket(hash);
                int current = _bndBuckets[bucket] - 1;
                int previous = -1;
                while (current != index)
                {
                    if (current < 0)
                    {
                        // The entry is not in the bucket its key hashes to now: the key changed while it was stored.
                        BndThrowKeyHashChanged();
                    }

                    previous = current;
                    current = entries[current].Next;
                }

                if (previous < 0)
                {
                    _bndBuckets[bucket] = entries[index].Next + 1;
                }
                else
                {
                    entries[previous].Next = entries[index].Next;
                }
            }

            /// <summary>Takes an entry out of the oldest-to-newest order.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndUnlinkOrder(int index)
            {
                BndEntry[] entries = _bndEntries;
                int older = entries[index].Older;
                int newer = entries[index].Newer;
                if (older >= 0)
                {
                    entries[older].Newer = newer;
                }
                else
                {
                    _bndOldest = newer;
                }

                if (newer >= 0)
                {
                    entries[newer].Older = older;
                }
                else
                {
                    _bndNewest = older;
                }
            }

            /// <summary>Makes an entry the newest.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndLinkNewest(int index)
            {
                BndEntry[] entries = _bndEntries;
                int newest = _bndNewest;
                entries[index].Older = newest;
                entries[index].Newer = -1;
                if (newest >= 0)
                {
                    entries[newest].Newer = index;
                }
                else
                {
                    _bndOldest = index;
                }

                _bndNewest = index;
            }

            /// <summary>Grows the entries (twice the size, at most the capacity) and rebuilds the buckets to match.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndGrow()
            {
                BndEntry[] old = _bndEntries;
                int length = old.Length == 0 ? 4 : old.Length * 2;
                if (length > _bndCapacity || length < 0)
                {
                    length = _bndCapacity;
                }

                BndEntry[] entries = new BndEntry[length];
                global::System.Array.Copy(old, entries, old.Length);
                _bndEntries = entries;

                int bucketCount = 4;
                int shift = 30;
                while (bucketCount < length)
                {
                    bucketCount <<= 1;
                    shift--;
                }

                if (bucketCount == _bndBuckets.Length)
                {
                    return;
                }

                _bndBuckets = new int[bucketCount];
                _bndBucketShift = shift;
                for (int index = _bndOldest; index >= 0; index = entries[index].Newer)
                {
                    int bucket = BndBucket({{(spec.StoresHash ? "entries[index].HashCode" : "BndHash(entries[index].Key)")}});
                    entries[index].Next = _bndBuckets[bucket] - 1;
                    _bndBuckets[bucket] = index + 1;
                }
            }

            /// <summary>Removes every entry; the counters keep their values.</summary>
            private void BndClearEntries()
            {
                if (_bndUsed > 0)
                {
                    global::System.Array.Clear(_bndBuckets, 0, _bndBuckets.Length);
                    global::System.Array.Clear(_bndEntries, 0, _bndUsed);
                }

                _bndUsed = 0;
                _bndFreeList = -1;
                _bndOldest = -1;
                _bndNewest = -1;
                _bndCount = 0;
                _bndVersion++;
            }

            """);

        if (spec.KeyCanBeNull)
        {
            body.AppendBlock($$"""
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private static void BndCheckKey({{key}} key)
                {
                    if ((object?)key == null)
                    {
                        throw new global::System.ArgumentNullException("{{spec.KeyParameter}}");
                    }
                }
                """);
        }
        else
        {
            body.AppendBlock($$"""
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private static void BndCheckKey({{key}} key)
                {
                }
                """);
        }
    }

    // RemoveWhere and Clear, the same for a dictionary and a set but for the predicate's type and call.
    private static string RemoveWhereAndClear(HashTableSpec spec, string predicateType, string matchCall)
    {
        return $$"""
            /// <inheritdoc/>
            public int RemoveWhere({{predicateType}} match)
            {
                if (match is null)
                {
                    throw new global::System.ArgumentNullException(nameof(match));
                }

            {{Indent(spec.Guarded($$"""
            int removed = 0;
            int index = _bndOldest;
            while (index >= 0)
            {
                BndEntry[] entries = _bndEntries;
                int next = entries[index].Newer;
                int version = _bndVersion;
                bool matched = {{matchCall}};
                if (version != _bndVersion)
                {
                    // The predicate changed the collection: the saved next entry may be gone or reused.
                    BndThrowModifiedDuringEnumeration();
                }

                if (matched)
                {
                    BndRemoveEntry(index, BndHashOf(index));
                    removed++;
                }

                index = next;
            }

            return removed;
            """))}}
            }

            /// <inheritdoc/>
            public void Clear()
            {
            {{Indent(spec.Guarded("""
            BndClearEntries();
            """))}}
            }
            """;
    }

    // Insertion of a key known to be absent, with the overflow policy decided at generation time. An evicting insert
    // reuses the victim's entry in place: no trip through the free list, no clearing of what is overwritten next.
    private static void AppendInsert(StringBuilder body, HashTableSpec spec)
    {
        string key = spec.Key;
        string valueParameter = spec.IsSet ? "" : $", {spec.Value} value";
        string storeValue = spec.IsSet ? "" : "\nentries[index].Value = value;";
        string storeHash = spec.StoresHash ? "\nentries[index].HashCode = hash;" : "";
        string whenFull = spec.Policy switch
        {
            Model.OverflowPolicyValue.DropOldest or Model.OverflowPolicyValue.EvictLeastRecentlyUsed => """
                index = _bndOldest;
                BndUnlinkBucket(index, BndHashOf(index));
                BndUnlinkOrder(index);
                _bndEvicted++;
                """,
            Model.OverflowPolicyValue.DropNewest => """
                _bndDropped++;
                return false;
                """,
            _ => """
                _bndDropped++;
                if (throwWhenFull)
                {
                    BndThrowFull();
                }

                return false;
                """,
        };

        body.AppendBlock($$"""
            /// <summary>
            /// Stores a {{(spec.IsSet ? "value" : "key")}} known to be absent as the newest entry; when the table is full the overflow policy
            /// decides: evict to make room, or reject (<see langword="false"/>), or throw when <paramref name="throwWhenFull"/>.
            /// </summary>
            private bool BndInsert({{key}} key{{valueParameter}}, int hash, bool throwWhenFull)
            {
                int index;
                if (_bndCount == _bndCapacity)
                {
            {{Indent(Indent(whenFull.TrimEnd('\n')))}}
                }
                else
                {
                    index = _bndFreeList;
                    if (index >= 0)
                    {
                        _bndFreeList = _bndEntries[index].Next;
                    }
                    else
                    {
                        if (_bndUsed == _bndEntries.Length)
                        {
                            BndGrow();
                        }

                        index = _bndUsed++;
                    }

                    _bndCount++;
                }

                BndEntry[] entries = _bndEntries;
            {{Indent($"entries[index].Key = key;{storeValue}{storeHash}")}}
                int bucket = BndBucket(hash);
                entries[index].Next = _bndBuckets[bucket] - 1;
                _bndBuckets[bucket] = index + 1;
                BndLinkNewest(index);
                _bndTotalAdded++;
                _bndVersion++;
                return true;
            }

            /// <summary>The hash of the key stored at an entry{{(spec.StoresHash ? ", as stored" : ", recomputed (a primitive's hash is nearly free)")}}.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndHashOf(int index) => {{(spec.StoresHash ? "_bndEntries[index].HashCode" : "BndHash(_bndEntries[index].Key)")}};
            """);
    }
}
