using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    private const string MaybeNullWhenFalse = """
        #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
            [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)]
        #endif
        """;

    // The IBoundedDictionary / IReadOnlyDictionary members. Hashes are computed before the lock is taken (the
    // comparer never changes), so that a thread-safe dictionary holds its lock only for the table work.
    private static void WriteDictionaryMembers(SourceWriter writer, HashTableSpec spec)
    {
        WriteIndexer(writer, spec);
        WriteTryAdd(writer, spec);
        WriteTryGetValue(writer, spec);
        WriteContainsKey(writer, spec);
        WriteGetOrAdd(writer, spec);
        WriteAddOrUpdate(writer, spec);
        WriteRemoveKey(writer, spec);
        WriteRemoveKeyAndValue(writer, spec);
        WriteRemoveWhere(writer, spec, "global::System.Func<" + spec.Key + ", " + spec.Value + ", bool>", "match(entries[index].Key, entries[index].Value)");
        WriteClear(writer, spec);
        WriteTryGet(writer, spec);
        if (spec.Lru)
        {
            WriteTouch(writer, spec);
        }
    }

    private static void WriteIndexer(SourceWriter writer, HashTableSpec spec)
    {
        string setDoc = spec.Policy switch
        {
            OverflowPolicyValue.DropOldest => "a new key on a full dictionary evicts the oldest-inserted key.",
            OverflowPolicyValue.EvictLeastRecentlyUsed => "a new key on a full dictionary evicts the least recently used key; reading or writing a key marks it used.",
            OverflowPolicyValue.DropNewest => "a new key on a full dictionary is discarded and counted in <see cref=\"Dropped\"/>.",
            _ => "a new key on a full dictionary throws <see cref=\"global::FakeAI.Bounds.BoundExceededException\"/>.",
        };

        writer.Open($$"""
            /// <summary>Gets the value of a key{{(spec.Lru ? " (which marks it used)" : "")}}, or sets it: an existing key keeps its place, {{setDoc}}</summary>
            /// <param name="key">The key.</param>
            /// <exception cref="global::System.Collections.Generic.KeyNotFoundException">Get: the key is not present.</exception>
            public {{spec.Value}} this[{{spec.Key}} key]
            """);

        writer.Open("get");
        WriteCheckAndHashKey(writer, spec, "key");
        if (spec.ThreadSafe)
        {
            // The read without the lock, then under it when needed, is BndTryGet's.
            writer.Lines($$"""
                if (!BndTryGet(key, hash, out {{spec.Value}} value))
                {
                    BndThrowKeyNotFound(key);
                }

                return value;
                """);
        }
        else
        {
            WriteGetInline(writer, spec);
        }

        writer.Close();
        writer.BlankLine();

        writer.Open("set");
        WriteIndexerSet(writer, spec);
        writer.Close();

        writer.Close();
        writer.BlankLine();
    }

    // The single-threaded indexer's get: the lookup, inline.
    private static void WriteGetInline(SourceWriter writer, HashTableSpec spec)
    {
        writer.Lines("""
            int index = BndFind(key, hash);
            if (index < 0)
            {
                BndThrowKeyNotFound(key);
            }
            """);
        WriteMarkUsed(writer, spec);
        writer.BlankLine();
        writer.Line("return _bndEntries[index].Value;");
    }

    private static void WriteIndexerSet(SourceWriter writer, HashTableSpec spec)
    {
        WriteCheckAndHashKey(writer, spec, "key");
        WriteEvictionLocal(writer, spec);
        if (spec.Weighted)
        {
            WriteWeightedIndexerSet(writer, spec);
            return;
        }

        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(key, hash);");
            locked.Open("if (index >= 0)");
            locked.Line("_bndEntries[index].Value = value;");
            WriteRestampCall(locked, spec);
            WriteMarkUsed(locked, spec);
            locked.Line("return;");
            locked.Close();
            locked.BlankLine();
            locked.Line("BndInsert(key, value, hash, throwWhenFull: true" + EvictionArgument(spec) + ");");
        });
        WriteNotifyCall(writer, spec);
    }

    // The weighted indexer's set: a new value over an existing key's is weighed and may need room too, so both paths
    // leave their evictions in the one local the hook hears of after the lock.
    private static void WriteWeightedIndexerSet(SourceWriter writer, HashTableSpec spec)
    {
        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(key, hash);");
            locked.Open("if (index >= 0)");
            WriteReplaceValueCall(locked, spec, "value");
            if (!spec.NotifiesOverflow)
            {
                locked.BlankLine();
                locked.Line("return;");
            }

            locked.Close();
            if (spec.NotifiesOverflow)
            {
                locked.Open("else");
                locked.Line("BndInsert(key, value, hash, throwWhenFull: true, out eviction);");
                locked.Close();
            }
            else
            {
                locked.BlankLine();
                locked.Line("BndInsert(key, value, hash, throwWhenFull: true);");
            }
        });
        WriteNotifyCall(writer, spec);
    }

    private static void WriteTryAdd(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <inheritdoc/>
            public bool TryAdd({{spec.Key}} key, {{spec.Value}} value)
            """);
        WriteCheckAndHashKey(writer, spec, "key");
        if (spec.NotifiesOverflow && spec.Weighted)
        {
            // An evicting weighted table still refuses a key whose entry outweighs the bound, so the result is kept.
            writer.Line("bool stored;");
            WriteEvictionLocal(writer, spec);
            writer.WriteLocked(spec.ThreadSafe, """
                if (BndFind(key, hash) >= 0)
                {
                    return false;
                }

                stored = BndInsert(key, value, hash, throwWhenFull: false, out eviction);
                """);
            WriteNotifyCall(writer, spec);
            writer.Line("return stored;");
        }
        else if (spec.NotifiesOverflow)
        {
            // An evicting table always stores a new key, so the insert's result needs no keeping.
            WriteEvictionLocal(writer, spec);
            writer.WriteLocked(spec.ThreadSafe, """
                if (BndFind(key, hash) >= 0)
                {
                    return false;
                }

                BndInsert(key, value, hash, throwWhenFull: false, out eviction);
                """);
            WriteNotifyCall(writer, spec);
            writer.Line("return true;");
        }
        else
        {
            writer.WriteLocked(spec.ThreadSafe, "return BndFind(key, hash) < 0 && BndInsert(key, value, hash, throwWhenFull: false);");
        }

        writer.Close();
        writer.BlankLine();
    }

    private static void WriteTryGetValue(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <inheritdoc/>
            public bool TryGetValue({{spec.Key}} key,
            {{MaybeNullWhenFalse}}
                out {{spec.Value}} value)
            """);
        WriteCheckAndHashKey(writer, spec, "key");
        if (spec.ThreadSafe)
        {
            writer.Line("return BndTryGet(key, hash, out value);");
        }
        else
        {
            WriteLookUpValue(writer, spec);
        }

        writer.Close();
        writer.BlankLine();
    }

    private static void WriteContainsKey(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <summary>Whether a key is present. Unlike a read of its value, this does not mark it used.</summary>
            /// <param name="key">The key.</param>
            /// <returns><see langword="true"/> when present.</returns>
            public bool ContainsKey({{spec.Key}} key)
            """);
        WriteCheckAndHashKey(writer, spec, "key");
        if (spec.ThreadSafe)
        {
            WriteContainsUnlockedFirst(writer, spec, "key", marksUsed: false, "return BndFind(key, hash) >= 0;");
        }
        else
        {
            writer.Line("return BndFind(key, hash) >= 0;");
        }

        writer.Close();
        writer.BlankLine();
    }

    // A factory may take its time, and the age of the value it returns starts when that value is stored: the clock is
    // read again (with the sweep it comes with) after the factory, not left as the call read it before. The thread-safe
    // GetOrAdd needs none of this, its factory running before the lock whose prologue reads the clock.
    private static string ExpireAfterCallback(HashTableSpec spec) => spec.Expires ? "\nBndExpire();" : "";

    private static void WriteGetOrAdd(SourceWriter writer, HashTableSpec spec)
    {
        string key = spec.Key;
        string value = spec.Value;
        writer.Open($$"""
            /// <inheritdoc/>
            public {{value}} GetOrAdd({{key}} key, global::System.Func<{{key}}, {{value}}> valueFactory)
            """);
        WriteExpireFirst(writer, spec);
        writer.Lines($$"""
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
            {{value}} created = valueFactory(key);{{(spec.ThreadSafe ? "" : ExpireAfterCallback(spec))}}
            """);
        WriteEvictionLocal(writer, spec);
        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(key, hash);");
            locked.Open("if (index >= 0)");
            WriteMarkUsed(locked, spec);
            locked.Line("return _bndEntries[index].Value;");
            locked.Close();
            locked.BlankLine();
            locked.Line("BndInsert(key, created, hash, throwWhenFull: true" + EvictionArgument(spec) + ");");
            if (!spec.NotifiesOverflow)
            {
                locked.Line("return created;");
            }
        });
        if (spec.NotifiesOverflow)
        {
            WriteNotifyCall(writer, spec);
            writer.Line("return created;");
        }

        writer.Close();
        writer.BlankLine();
    }

    private static void WriteAddOrUpdate(SourceWriter writer, HashTableSpec spec)
    {
        string key = spec.Key;
        string value = spec.Value;
        writer.Open($$"""
            /// <inheritdoc/>
            public {{value}} AddOrUpdate({{key}} key, {{value}} addValue, global::System.Func<{{key}}, {{value}}, {{value}}> updateValueFactory)
            """);
        WriteExpireFirst(writer, spec);
        writer.Lines("""
            BndCheckKey(key);
            if (updateValueFactory is null)
            {
                throw new global::System.ArgumentNullException(nameof(updateValueFactory));
            }

            int hash = BndHash(key);
            """);

        // The update factory may change the dictionary, so the key is looked up again before the updated value is stored.
        if (spec.Weighted)
        {
            WriteWeightedAddOrUpdate(writer, spec);
            writer.Close();
            writer.BlankLine();
            return;
        }

        if (spec.NotifiesOverflow)
        {
            WriteAddOrUpdateNotifying(writer, spec);
            writer.Close();
            writer.BlankLine();
            return;
        }

        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(key, hash);");
            locked.Open("if (index >= 0)");
            locked.Lines($$"""
                {{value}} updated = updateValueFactory(key, _bndEntries[index].Value);{{ExpireAfterCallback(spec)}}
                index = BndFind(key, hash);
                """);
            locked.Open("if (index >= 0)");
            locked.Line("_bndEntries[index].Value = updated;");
            WriteRestampCall(locked, spec);
            WriteMarkUsed(locked, spec);
            locked.Line("return updated;");
            locked.Close();
            locked.BlankLine();
            locked.Lines("""
                BndInsert(key, updated, hash, throwWhenFull: true);
                return updated;
                """);
            locked.Close();
            locked.BlankLine();
            locked.Lines("""
                BndInsert(key, addValue, hash, throwWhenFull: true);
                return addValue;
                """);
        });
        writer.Close();
        writer.BlankLine();
    }

    // AddOrUpdate of a table with an eviction hook: either insert may evict, so both leave their value in one local and
    // the hook hears of the eviction after the lock is released.
    private static void WriteAddOrUpdateNotifying(SourceWriter writer, HashTableSpec spec)
    {
        writer.Line(spec.Value + " stored;");
        WriteEvictionLocal(writer, spec);
        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(key, hash);");
            locked.Open("if (index >= 0)");
            locked.Lines($$"""
                {{spec.Value}} updated = updateValueFactory(key, _bndEntries[index].Value);{{ExpireAfterCallback(spec)}}
                index = BndFind(key, hash);
                """);
            locked.Open("if (index >= 0)");
            locked.Line("_bndEntries[index].Value = updated;");
            WriteRestampCall(locked, spec);
            WriteMarkUsed(locked, spec);
            locked.Line("return updated;");
            locked.Close();
            locked.BlankLine();
            locked.Lines("""
                BndInsert(key, updated, hash, throwWhenFull: true, out eviction);
                stored = updated;
                """);
            locked.Close();
            locked.Open("else");
            locked.Lines("""
                BndInsert(key, addValue, hash, throwWhenFull: true, out eviction);
                stored = addValue;
                """);
            locked.Close();
        });
        WriteNotifyCall(writer, spec);
        writer.Line("return stored;");
    }

    // A weighted value replaced in place: its age starts again and, under LRU, it is marked used, once it is stored.
    private static void WriteReplaceValueCall(SourceWriter writer, HashTableSpec spec, string value)
    {
        string call = "BndReplaceValue(index, " + value + EvictionArgument(spec) + ")";
        if (!spec.Expires && !spec.Lru)
        {
            writer.Line(call + ";");
            return;
        }

        writer.Open("if (" + call + ")");
        WriteRestampCall(writer, spec);
        WriteMarkUsed(writer, spec);
        writer.Close();
    }

    // AddOrUpdate of a weighted table: the updated value is weighed like an inserted one, and a table that does not evict
    // may refuse it for want of room, keeping (and returning) the value it has. Evictions, by either path, reach the hook
    // after the lock is released.
    private static void WriteWeightedAddOrUpdate(SourceWriter writer, HashTableSpec spec)
    {
        writer.Line(spec.Value + " stored;");
        WriteEvictionLocal(writer, spec);
        string eviction = EvictionArgument(spec);
        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(key, hash);");
            locked.Open("if (index >= 0)");
            locked.Lines($$"""
                {{spec.Value}} updated = updateValueFactory(key, _bndEntries[index].Value);{{ExpireAfterCallback(spec)}}
                index = BndFind(key, hash);
                """);
            locked.Open("if (index >= 0)");
            WriteReplaceValueCall(locked, spec, "updated");
            locked.BlankLine();
            locked.Line("stored = _bndEntries[index].Value;");
            locked.Close();
            locked.Open("else");
            locked.Lines($$"""
                BndInsert(key, updated, hash, throwWhenFull: true{{eviction}});
                stored = updated;
                """);
            locked.Close();
            locked.Close();
            locked.Open("else");
            locked.Lines($$"""
                BndInsert(key, addValue, hash, throwWhenFull: true{{eviction}});
                stored = addValue;
                """);
            locked.Close();
        });
        WriteNotifyCall(writer, spec);
        writer.Line("return stored;");
    }

    private static void WriteRemoveKey(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <inheritdoc/>
            public bool Remove({{spec.Key}} key)
            {
                return Remove(key, out _);
            }
            """);
    }

    private static void WriteRemoveKeyAndValue(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <summary>Removes a key and hands back its value.</summary>
            /// <param name="key">The key.</param>
            /// <param name="value">The removed value, when the key was present.</param>
            /// <returns><see langword="false"/> when the key was not present.</returns>
            public bool Remove({{spec.Key}} key,
            {{MaybeNullWhenFalse}}
                out {{spec.Value}} value)
            """);
        WriteCheckAndHashKey(writer, spec, "key");
        writer.WriteLocked(spec.ThreadSafe, """
            int index = BndFind(key, hash);
            if (index < 0)
            {
                value = default!;
                return false;
            }

            value = _bndEntries[index].Value;
            BndRemoveEntry(index, hash);
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }

    // TryGetValue, the indexer's get and GetOrAdd's first look-up. Thread-safe, it reads without the lock first and
    // takes the lock only when that read was torn or overlapped a writer (see HashTableEmitter.LockFreeReads.cs); the
    // value is read before the sequence check, so that it is covered by it.
    private static void WriteTryGet(SourceWriter writer, HashTableSpec spec)
    {
        if (!spec.ThreadSafe)
        {
            writer.Open($$"""
                /// <summary>Looks a key up{{(spec.Lru ? " and marks it used" : "")}}, under the lock when there is one.</summary>
                private bool BndTryGet({{spec.Key}} key, int hash, out {{spec.Value}} value)
                """);
            WriteLookUpValue(writer, spec);
            writer.Close();
            writer.BlankLine();
            return;
        }

        writer.Open($$"""
            /// <summary>Looks a key up{{(spec.Lru ? " and marks it used" : "")}}: without the lock when no writer gets in the way, else under it.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private bool BndTryGet({{spec.Key}} key, int hash, out {{spec.Value}} value)
            """);
        // Under second chance the entry is marked before the check (see WriteTouchUnlocked).
        string markUsed = spec.Lru ? "\n        BndTouchUnlocked(index);" : "";
        if (spec.Expires)
        {
            // An entry found expired is left to the read under the lock, which removes it first.
            WriteReadClock(writer, spec);
            writer.WriteUnlockedAttempts($$"""
                int sequence = BndBeginRead();
                if ((sequence & 1) == 0)
                {
                    BndEntry[] entries = _bndEntries;
                    int index = BndFindUnlocked(entries, key, hash, sequence);
                    if (index >= 0)
                    {
                        value = entries[index].Value;
                        long writtenAt = entries[index].WrittenAt;{{markUsed}}
                        if (BndReadIsConsistent(sequence))
                        {
                            if (now - writtenAt < _bndMaxAgeTicks)
                            {
                                return true;
                            }

                            break;
                        }
                    }
                    else if (index == -1 && BndReadIsConsistent(sequence))
                    {
                        value = default!;
                        return false;
                    }
                }
                """);
        }
        else
        {
            writer.WriteUnlockedAttempts($$"""
            int sequence = BndBeginRead();
            if ((sequence & 1) == 0)
            {
                BndEntry[] entries = _bndEntries;
                int index = BndFindUnlocked(entries, key, hash, sequence);
                if (index >= 0)
                {
                    value = entries[index].Value;{{markUsed}}
                    if (BndReadIsConsistent(sequence))
                    {
                        return true;
                    }
                }
                else if (index == -1 && BndReadIsConsistent(sequence))
                {
                    value = default!;
                    return false;
                }
            }
            """);
        }

        writer.Line("return BndTryGetLocked(key, hash, out value);");
        writer.Close();
        writer.BlankLine();

        writer.Open($$"""
            /// <summary>Looks a key up{{(spec.Lru ? " and marks it used" : "")}} under the lock.</summary>
            private bool BndTryGetLocked({{spec.Key}} key, int hash, out {{spec.Value}} value)
            """);
        writer.WriteLocked(spec.ThreadSafe, locked => WriteLookUpValue(locked, spec));
        writer.Close();
        writer.BlankLine();
    }

    // The body TryGetValue and BndTryGet share: find the key, mark it used under LRU, hand back its value.
    private static void WriteLookUpValue(SourceWriter writer, HashTableSpec spec)
    {
        writer.Lines("""
            int index = BndFind(key, hash);
            if (index < 0)
            {
                value = default!;
                return false;
            }
            """);
        WriteMarkUsed(writer, spec);
        writer.BlankLine();
        writer.Lines("""
            value = _bndEntries[index].Value;
            return true;
            """);
    }
}
