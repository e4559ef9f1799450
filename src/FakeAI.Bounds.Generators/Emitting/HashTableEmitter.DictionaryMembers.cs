using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The IBoundedDictionary / IReadOnlyDictionary members. Hashes are computed before the lock is taken (the
    // comparer never changes), so that a thread-safe dictionary holds its lock only for the table work.
    private static void AppendDictionaryMembers(StringBuilder body, HashTableSpec spec)
    {
        string key = spec.Key;
        string value = spec.Value;
        string touch = spec.Lru ? "\nBndTouch(index);" : "";
        string setDoc = spec.Policy switch
        {
            Model.OverflowPolicyValue.DropOldest => "a new key on a full dictionary evicts the oldest-inserted key.",
            Model.OverflowPolicyValue.EvictLeastRecentlyUsed => "a new key on a full dictionary evicts the least recently used key; reading or writing a key marks it used.",
            Model.OverflowPolicyValue.DropNewest => "a new key on a full dictionary is discarded and counted in <see cref=\"Dropped\"/>.",
            _ => "a new key on a full dictionary throws <see cref=\"global::FakeAI.Bounds.BoundExceededException\"/>.",
        };
        string maybeNullWhenFalse = """

            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
            #endif
            """;

        body.AppendBlock($$"""
            /// <summary>Gets the value of a key{{(spec.Lru ? " (which marks it used)" : "")}}, or sets it: an existing key keeps its place, {{setDoc}}</summary>
            /// <param name="key">The key.</param>
            /// <exception cref="global::System.Collections.Generic.KeyNotFoundException">Get: the key is not present.</exception>
            public {{value}} this[{{key}} key]
            {
                get
                {
                    BndCheckKey(key);
                    int hash = BndHash(key);
            {{Indent(Indent(spec.Guarded($$"""
            int index = BndFind(key, hash);
            if (index < 0)
            {
                BndThrowKeyNotFound(key);
            }{{touch}}

            return _bndEntries[index].Value;
            """)))}}
                }

                set
                {
                    BndCheckKey(key);
                    int hash = BndHash(key);
            {{Indent(Indent(spec.Guarded($$"""
            int index = BndFind(key, hash);
            if (index >= 0)
            {
                _bndEntries[index].Value = value;{{Indent(touch)}}
                return;
            }

            BndInsert(key, value, hash, throwWhenFull: true);
            """)))}}
                }
            }

            /// <inheritdoc/>
            public bool TryAdd({{key}} key, {{value}} value)
            {
                BndCheckKey(key);
                int hash = BndHash(key);
            {{Indent(spec.Guarded("""
            return BndFind(key, hash) < 0 && BndInsert(key, value, hash, throwWhenFull: false);
            """))}}
            }

            /// <inheritdoc/>
            public bool TryGetValue({{key}} key,{{maybeNullWhenFalse}}
                out {{value}} value)
            {
                BndCheckKey(key);
                int hash = BndHash(key);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(key, hash);
            if (index < 0)
            {
                value = default!;
                return false;
            }{{touch}}

            value = _bndEntries[index].Value;
            return true;
            """))}}
            }

            /// <summary>Whether a key is present. Unlike a read of its value, this does not mark it used.</summary>
            /// <param name="key">The key.</param>
            /// <returns><see langword="true"/> when present.</returns>
            public bool ContainsKey({{key}} key)
            {
                BndCheckKey(key);
                int hash = BndHash(key);
            {{Indent(spec.Guarded("""
            return BndFind(key, hash) >= 0;
            """))}}
            }

            /// <inheritdoc/>
            public {{value}} GetOrAdd({{key}} key, global::System.Func<{{key}}, {{value}}> valueFactory)
            {
                BndCheckKey(key);
                if (valueFactory is null)
                {
                    throw new global::System.ArgumentNullException(nameof(valueFactory));
                }

                int hash = BndHash(key);
                if (BndTryGet(key, hash, out {{value}} existing))
                {
                    return existing;
                }

                // The factory runs outside any lock, so it may take its time or use this dictionary; the key is looked up
                // again afterwards, since the factory (or another thread) may have added it meanwhile.
                {{value}} created = valueFactory(key);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(key, hash);
            if (index >= 0)
            {{{Indent(touch)}}
                return _bndEntries[index].Value;
            }

            BndInsert(key, created, hash, throwWhenFull: true);
            return created;
            """))}}
            }

            /// <inheritdoc/>
            public {{value}} AddOrUpdate({{key}} key, {{value}} addValue, global::System.Func<{{key}}, {{value}}, {{value}}> updateValueFactory)
            {
                BndCheckKey(key);
                if (updateValueFactory is null)
                {
                    throw new global::System.ArgumentNullException(nameof(updateValueFactory));
                }

                int hash = BndHash(key);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(key, hash);
            if (index >= 0)
            {
                {{value}} updated = updateValueFactory(key, _bndEntries[index].Value);
                index = BndFind(key, hash);
                if (index >= 0)
                {
                    _bndEntries[index].Value = updated;{{Indent(Indent(touch))}}
                    return updated;
                }

                BndInsert(key, updated, hash, throwWhenFull: true);
                return updated;
            }

            BndInsert(key, addValue, hash, throwWhenFull: true);
            return addValue;
            """))}}
            }

            /// <inheritdoc/>
            public bool Remove({{key}} key)
            {
                return Remove(key, out _);
            }

            /// <summary>Removes a key and hands back its value.</summary>
            /// <param name="key">The key.</param>
            /// <param name="value">The removed value, when the key was present.</param>
            /// <returns><see langword="false"/> when the key was not present.</returns>
            public bool Remove({{key}} key,{{maybeNullWhenFalse}}
                out {{value}} value)
            {
                BndCheckKey(key);
                int hash = BndHash(key);
            {{Indent(spec.Guarded("""
            int index = BndFind(key, hash);
            if (index < 0)
            {
                value = default!;
                return false;
            }

            value = _bndEntries[index].Value;
            BndRemoveEntry(index, hash);
            return true;
            """))}}
            }

            {{RemoveWhereAndClear(spec, "global::System.Func<" + key + ", " + value + ", bool>", "match(entries[index].Key, entries[index].Value)")}}

            /// <summary>Looks a key up{{(spec.Lru ? " and marks it used" : "")}}, under the lock when there is one.</summary>
            private bool BndTryGet({{key}} key, int hash, out {{value}} value)
            {
            {{Indent(spec.Guarded($$"""
            int index = BndFind(key, hash);
            if (index < 0)
            {
                value = default!;
                return false;
            }{{touch}}

            value = _bndEntries[index].Value;
            return true;
            """))}}
            }
            """);

        if (spec.Lru)
        {
            AppendTouch(body);
        }
    }

    private static void AppendTouch(StringBuilder body)
    {
        body.AppendBlock("""
            /// <summary>Marks an entry as the most recently used one.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndTouch(int index)
            {
                if (index != _bndNewest)
                {
                    BndUnlinkOrder(index);
                    BndLinkNewest(index);
                    _bndVersion++;
                }
            }
            """);
    }
}
