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
            public bool Add({{item}} item) => BndAdd(item, throwWhenFull: true);

            /// <inheritdoc/>
            public bool TryAdd({{item}} item) => BndAdd(item, throwWhenFull: false);

            /// <summary>Add and TryAdd: they differ only in whether a full set under the Throw policy throws.</summary>
            private bool BndAdd({{item}} item, bool throwWhenFull)
            {
                BndCheckKey(item);
                int hash = BndHash(item);
            {{Indent(spec.Guarded($$"""
            int index = BndFind(item, hash);
            if (index >= 0)
            {{{touch}}
                return false;
            }

            return BndInsert(item, hash, throwWhenFull);
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

            {{RemoveWhereAndClear(spec, "global::System.Predicate<" + item + ">", "match(entries[index].Key)")}}
            """);

        if (spec.Lru)
        {
            AppendTouch(body);
        }
    }
}
