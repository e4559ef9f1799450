using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The IBoundedSet members.
    private static void AppendSetMembers(StringBuilder body, HashTableSpec spec)
    {
        string item = spec.Key;
        string touch = spec.Lru ? "\n    BndTouch(index);" : "";
        string addDoc = spec.Policy switch
        {
            Model.OverflowPolicyValue.DropOldest => "A new value on a full set evicts the oldest-added value.",
            Model.OverflowPolicyValue.EvictLeastRecentlyUsed => "A new value on a full set evicts the least recently used value; adding or finding a value marks it used.",
            Model.OverflowPolicyValue.DropNewest => "A new value on a full set is discarded and counted in <see cref=\"Dropped\"/>.",
            _ => "A new value on a full set throws <see cref=\"global::FakeAI.Bounds.BoundExceededException\"/>.",
        };
        string throwDoc = spec.Policy == Model.OverflowPolicyValue.Throw
            ? "\n/// <exception cref=\"global::FakeAI.Bounds.BoundExceededException\">The value is new and the set holds <see cref=\"Capacity\"/> values.</exception>"
            : "";

        body.AppendBlock($$"""
            /// <summary>Adds a value unless it is present (a present value keeps its place{{(spec.Lru ? " and is marked used" : "")}}). {{addDoc}}</summary>
            /// <param name="item">The value.</param>
            /// <returns><see langword="true"/> when the value was added.</returns>{{throwDoc}}
            public bool Add({{item}} item)
            {
                BndCheckKey(item);
                int hash = BndHash(item);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(item, hash);
            if (index >= 0)
            {{{touch}}
                return false;
            }

            return BndInsert(item, hash, throwWhenFull: true);
            """))}}
            }

            /// <inheritdoc/>
            public bool TryAdd({{item}} item)
            {
                BndCheckKey(item);
                int hash = BndHash(item);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(item, hash);
            if (index >= 0)
            {{{touch}}
                return false;
            }

            return BndInsert(item, hash, throwWhenFull: false);
            """))}}
            }

            /// <summary>Whether a value is present{{(spec.Lru ? " (which marks it used)" : "")}}.</summary>
            /// <param name="item">The value.</param>
            /// <returns><see langword="true"/> when present.</returns>
            public bool Contains({{item}} item)
            {
                BndCheckKey(item);
                int hash = BndHash(item);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(item, hash);
            if (index < 0)
            {
                return false;
            }{{touch.Replace("\n    ", "\n")}}

            return true;
            """))}}
            }

            /// <inheritdoc/>
            public bool Remove({{item}} item)
            {
                BndCheckKey(item);
                int hash = BndHash(item);
            {{Indent(spec.Guarded("""
            int index = BndFind(item, hash);
            if (index < 0)
            {
                return false;
            }

            BndRemoveEntry(index, hash);
            return true;
            """))}}
            }

            /// <inheritdoc/>
            public int RemoveWhere(global::System.Predicate<{{item}}> match)
            {
                if (match is null)
                {
                    throw new global::System.ArgumentNullException(nameof(match));
                }

            {{Indent(spec.Guarded("""
            int removed = 0;
            int index = _bndOldest;
            while (index >= 0)
            {
                BndEntry[] entries = _bndEntries;
                int next = entries[index].Newer;
                int version = _bndVersion;
                bool matched = match(entries[index].Key);
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
            """);

        if (spec.Lru)
        {
            AppendTouch(body);
        }
    }
}
