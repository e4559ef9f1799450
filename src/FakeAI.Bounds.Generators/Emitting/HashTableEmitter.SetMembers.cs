using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The IBoundedSet members.
    private static void WriteSetMembers(SourceWriter writer, HashTableSpec spec)
    {
        WriteSetAdd(writer, spec);
        WriteSetTryAdd(writer, spec);
        WriteSetAddCore(writer, spec);
        WriteContains(writer, spec);
        WriteRemoveValue(writer, spec);
        WriteRemoveWhere(writer, spec, "global::System.Predicate<" + spec.Key + ">", "match(entries[index].Key)");
        WriteClear(writer, spec);
        if (spec.Lru)
        {
            WriteTouch(writer, spec);
        }
    }

    private static void WriteSetAdd(SourceWriter writer, HashTableSpec spec)
    {
        string addDoc = spec.Policy switch
        {
            OverflowPolicyValue.DropOldest => "A new value on a full set evicts the oldest-added value.",
            OverflowPolicyValue.EvictLeastRecentlyUsed => "A new value on a full set evicts the least recently used value; adding or finding a value marks it used.",
            OverflowPolicyValue.DropNewest => "A new value on a full set is discarded and counted in <see cref=\"Dropped\"/>.",
            _ => "A new value on a full set throws <see cref=\"global::FakeAI.Bounds.BoundExceededException\"/>.",
        };

        writer.Lines($$"""
            /// <summary>Adds a value unless it is present (a present value keeps its place{{(spec.Lru ? " and is marked used" : "")}}). {{addDoc}}</summary>
            /// <param name="item">The value.</param>
            /// <returns><see langword="true"/> when the value was added.</returns>
            """);
        if (spec.Policy == OverflowPolicyValue.Throw)
        {
            writer.Line("/// <exception cref=\"global::FakeAI.Bounds.BoundExceededException\">The value is new and the set holds <see cref=\"Capacity\"/> values.</exception>");
        }

        writer.Member("public bool Add(" + spec.Key + " item) => BndAdd(item, throwWhenFull: true);");
    }

    private static void WriteSetTryAdd(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <inheritdoc/>
            public bool TryAdd({{spec.Key}} item) => BndAdd(item, throwWhenFull: false);
            """);
    }

    private static void WriteSetAddCore(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <summary>Add and TryAdd: they differ only in whether a full set under the Throw policy throws.</summary>
            private bool BndAdd({{spec.Key}} item, bool throwWhenFull)
            """);
        WriteCheckAndHashKey(writer, spec, "item");
        if (spec.NotifiesOverflow && spec.Weighted)
        {
            writer.Line("bool stored;");
        }

        WriteEvictionLocal(writer, spec);
        writer.WriteLocked(spec.ThreadSafe, locked =>
        {
            locked.Line("int index = BndFind(item, hash);");
            locked.Open("if (index >= 0)");
            WriteMarkUsed(locked, spec);
            locked.Line("return false;");
            locked.Close();
            locked.BlankLine();
            // An evicting set stores every new value, unless it outweighs a weighted set's bound, so only then is the
            // insert's result kept.
            locked.Line(!spec.NotifiesOverflow ? "return BndInsert(item, hash, throwWhenFull);"
                : spec.Weighted ? "stored = BndInsert(item, hash, throwWhenFull, out eviction);"
                : "BndInsert(item, hash, throwWhenFull, out eviction);");
        });
        if (spec.NotifiesOverflow)
        {
            WriteNotifyCall(writer, spec);
            writer.Line(spec.Weighted ? "return stored;" : "return true;");
        }

        writer.Close();
        writer.BlankLine();
    }

    private static void WriteContains(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <summary>Whether a value is present{{(spec.Lru ? " (which marks it used)" : "")}}.</summary>
            /// <param name="item">The value.</param>
            /// <returns><see langword="true"/> when present.</returns>
            public bool Contains({{spec.Key}} item)
            """);
        WriteCheckAndHashKey(writer, spec, "item");
        string markUsed = spec.Lru ? "BndTouch(index);\n" : "";
        string lookUp = $$"""
            int index = BndFind(item, hash);
            if (index < 0)
            {
                return false;
            }

            {{markUsed}}return true;
            """;
        if (spec.ThreadSafe)
        {
            WriteContainsUnlockedFirst(writer, spec, "item", marksUsed: true, lookUp);
        }
        else
        {
            writer.Lines(lookUp);
        }

        writer.Close();
        writer.BlankLine();
    }

    private static void WriteRemoveValue(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open($$"""
            /// <inheritdoc/>
            public bool Remove({{spec.Key}} item)
            """);
        WriteCheckAndHashKey(writer, spec, "item");
        writer.WriteLocked(spec.ThreadSafe, """
            int index = BndFind(item, hash);
            if (index < 0)
            {
                return false;
            }

            BndRemoveEntry(index, hash);
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }
}
