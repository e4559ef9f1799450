namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // Under least-recently-used eviction, a read or a write of an entry moves it to the newest end of the order, so
    // that the entry evicted is the one used longest ago. Other policies keep insertion order and write no such call.
    private static void WriteMarkUsed(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.Lru)
        {
            writer.Line("BndTouch(index);");
        }
    }

    private static void WriteTouch(SourceWriter writer)
    {
        writer.Member("""
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
