namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // Under least-recently-used eviction, a read or a write of an entry marks it used, so that the entry evicted is one
    // used longest ago. Other policies keep insertion order and write no such call.
    private static void WriteMarkUsed(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.Lru)
        {
            writer.Line("BndTouch(index);");
        }
    }

    // Single-threaded, a use moves the entry to the newest end at once: exact LRU order. Thread-safe, reads take no
    // lock and so cannot relink entries; a use sets the entry's mark instead (see WriteTakeVictim). The mark is written
    // only when clear, so that readers of a hot entry do not keep writing one cache line.
    private static void WriteTouch(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.SecondChance)
        {
            writer.Member("""
                /// <summary>Marks an entry used, under the lock: eviction will pass over it once.</summary>
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private void BndTouch(int index)
                {
                    byte[] marks = _bndUsedMarks;
                    if ((uint)index < (uint)marks.Length && marks[index] == 0)
                    {
                        marks[index] = 1;
                    }
                }
                """);
            WriteTouchUnlocked(writer, spec.Resizable);
            return;
        }

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

    // A read without the lock marks the entry before its sequence check, never after: a grow copies the marks into a
    // new array, so a mark stored after the check could land in the old array and be lost. Stored before, it is either
    // in the array the table still uses when the check passes, or the check fails (the grow is a writer) and the
    // lookup marks again under the lock. The fence keeps the store ahead of the check's load (stores may otherwise wait
    // in a store buffer while later loads go ahead, even on x64). It is needed only while the table can still grow:
    // once the marks have their full length they are never copied again, which is always the case when the table is
    // full and evicting, so the steady state pays no fence. A table with SetCapacity can copy its marks at any time
    // (a capacity change compacts them, a raised one lets them grow again), so there every first mark pays the fence.
    private static void WriteTouchUnlocked(SourceWriter writer, bool resizable)
    {
        if (resizable)
        {
            writer.Member("""
                /// <summary>Marks an entry used from a read without the lock, before that read's sequence check.</summary>
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private void BndTouchUnlocked(int index)
                {
                    byte[] marks = _bndUsedMarks;
                    if ((uint)index < (uint)marks.Length && marks[index] == 0)
                    {
                        marks[index] = 1;
                        global::System.Threading.Interlocked.MemoryBarrier();
                    }
                }
                """);
            return;
        }

        writer.Member("""
            /// <summary>Marks an entry used from a read without the lock, before that read's sequence check.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndTouchUnlocked(int index)
            {
                byte[] marks = _bndUsedMarks;
                if ((uint)index < (uint)marks.Length && marks[index] == 0)
                {
                    marks[index] = 1;
                    if (marks.Length != _bndCapacity)
                    {
                        global::System.Threading.Interlocked.MemoryBarrier();
                    }
                }
            }
            """);
    }

    // Second chance (the CLOCK algorithm over the insertion-ordered list): the victim is the oldest entry not used since
    // it last reached the oldest end; a used entry met on the way loses its mark and moves to the newest end. One
    // pass at most: readers marking entries as fast as it clears them cannot keep it going, and after a pass the oldest
    // entry is evicted whatever its mark. Each move is paid for by the use that set the mark, so an insert costs O(1)
    // amortised.
    private static void WriteTakeVictim(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>The entry to evict under second-chance eviction, called under the lock on a full table; used entries met on the way move to the newest end.</summary>
            private int BndTakeVictim()
            {
                byte[] marks = _bndUsedMarks;
                int index = _bndOldest;
                for (int passes = _bndCount; passes > 0 && marks[index] != 0; passes--)
                {
                    marks[index] = 0;
                    BndUnlinkOrder(index);
                    BndLinkNewest(index);
                    index = _bndOldest;
                }

                return index;
            }
            """);
    }
}
