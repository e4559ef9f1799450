namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // A table with an eviction hook hands the entry an insert evicted out of the lock in a struct local: no allocation,
    // and nothing shared that another writer could overwrite before the hook runs.
    private static void WriteEviction(SourceWriter writer, HashTableSpec spec)
    {
        string value = spec.IsSet ? "" : $$"""


            /// <summary>The evicted value.</summary>
            public {{spec.Value}} Value;
            """;
        writer.Member($$"""
            /// <summary>The entry an insert evicted, held by the caller until the change is complete and the hook can hear of it.</summary>
            [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Auto)]
            private struct BndEviction
            {
                /// <summary>Whether an entry was evicted; the other fields are set only then.</summary>
                public bool Happened;

                /// <summary>The evicted {{(spec.IsSet ? "value" : "key")}}.</summary>
                public {{spec.Key}} Key;{{value}}
            }
            """);
    }

    private static void WriteNotifyEvicted(SourceWriter writer, HashTableSpec spec)
    {
        string arguments = spec.IsSet ? "eviction.Key" : "eviction.Key, eviction.Value";
        writer.Member($$"""
            /// <summary>Tells the hook of the entry an insert evicted, if any; called once the change is complete{{(spec.ThreadSafe ? " and the lock released" : "")}}.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndNotifyEvicted(in BndEviction eviction)
            {
                if (eviction.Happened)
                {
                    OnEvicted({{arguments}}, {{EvictionHookEmitter.Overflow}});
                }
            }
            """);
    }

    // The members that insert declare the eviction local before the lock and tell the hook after it.
    private static void WriteEvictionLocal(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.NotifiesOverflow && spec.NotifiesExpiredAfterLock && spec.Weighted)
        {
            // One call can both sweep and evict only by weight (a sweep that removes anything leaves room for one more
            // entry), and then the evictions must be reported even when the hook throws for a swept entry as the lock is
            // released: the lock's finally reads the local (see LockEmitter), so it is assigned up front.
            writer.Line("BndEvictions eviction = default;");
            writer.LockReleaseFailure = "BndNotifyEvicted(eviction);";
        }
        else if (spec.NotifiesOverflow)
        {
            writer.Line(spec.Weighted ? "BndEvictions eviction;" : "BndEviction eviction;");
        }
    }

    private static string EvictionArgument(HashTableSpec spec) => spec.NotifiesOverflow ? ", out eviction" : "";

    private static void WriteNotifyCall(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.NotifiesOverflow)
        {
            writer.BlankLine();
            writer.Line("BndNotifyEvicted(eviction);");
        }
    }
}
