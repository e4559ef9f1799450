namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // RemoveWhere, the same for a dictionary and a set but for the predicate's type and call.
    private static void WriteRemoveWhere(SourceWriter writer, HashTableSpec spec, string predicateType, string matchCall)
    {
        writer.Open($$"""
            /// <inheritdoc/>
            public int RemoveWhere({{predicateType}} match)
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
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteClear(SourceWriter writer, HashTableSpec spec)
    {
        writer.Open("""
            /// <inheritdoc/>
            public void Clear()
            """);
        writer.WriteLocked(spec.ThreadSafe, "BndClearEntries();");
        writer.Close();
        writer.BlankLine();
    }
}
