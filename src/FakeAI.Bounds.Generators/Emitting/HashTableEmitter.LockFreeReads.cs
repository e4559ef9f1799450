namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // Reads of a thread-safe table without its lock (see LockEmitter for the sequence lock that makes them safe). A
    // lookup walks the table while a writer may be changing it, so everything it reads may be stale or half written
    // until the sequence check says otherwise: every index it follows is range-checked against the array it came from,
    // a chain longer than the table means a writer relinked it meanwhile, and such a read ends early as torn. What it
    // returns stands only once BndReadIsConsistent says no writer ran; the member then answers from it, and otherwise
    // tries again, and after a few attempts asks under the lock, which waits for the writers. So readers never wait for each other, and wait for a
    // writer only when they overlap one.
    private static void WriteFindUnlocked(SourceWriter writer, HashTableSpec spec)
    {
        string comparerType = ComparerType(spec);
        string defaultComparer = DefaultComparer(spec);
        string hashCheck = spec.StoresHash ? "entries[index].HashCode == hash && " : "";

        // A freed entry is cleared, so a key being freed can be read as null: a custom comparer need not accept that.
        string customCheck = spec.KeyCanBeNull ? hashCheck + "(object?)entries[index].Key != null && " : hashCheck;

        writer.Member("""
            /// <summary>What a lookup without the lock returns when what it read cannot have been one state of the table.</summary>
            private const int BndTornRead = -2;
            """);

        // Inlined into its two or three callers unless it catches (a method with a try block is not inlined).
        string inlining = spec.KeyEqualsSurvivesTornReads
            ? "\n[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]"
            : "";
        writer.Open($$"""
            /// <summary>
            /// <see cref="BndFind"/> without the lock, over the entries the caller read: the entry holding <paramref name="key"/>,
            /// -1 when absent, or <see cref="BndTornRead"/>. Either answer stands only if <see cref="BndReadIsConsistent"/>
            /// then says no writer ran since <paramref name="sequence"/>.
            /// </summary>{{inlining}}
            private int BndFindUnlocked(BndEntry[] entries, {{spec.Key}} key, int hash, int sequence)
            """);

        // Equals of a user struct (or of an unknown type argument) can throw on a key read half old, half new. Such an
        // exception is the torn read's, not the caller's, exactly when the read turns out inconsistent: the filter
        // lets every other exception through untouched.
        if (!spec.KeyEqualsSurvivesTornReads)
        {
            writer.Open("try");
        }

        writer.Lines($$"""
            if (_bndCount == 0)
            {
                return -1;
            }

            int[] buckets = _bndBuckets;
            uint bucket = ((uint)hash * 2654435769u) >> _bndBucketShift;
            if (bucket >= (uint)buckets.Length)
            {
                // The buckets and their shift were read on either side of a grow.
                return BndTornRead;
            }

            int index = buckets[bucket] - 1;
            int links = entries.Length;
            {{comparerType}}? comparer = _bndComparer;
            if (comparer is null)
            {
                while (index >= 0)
                {
                    if ((uint)index >= (uint)entries.Length || --links < 0)
                    {
                        return BndTornRead;
                    }

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
                    if ((uint)index >= (uint)entries.Length || --links < 0)
                    {
                        return BndTornRead;
                    }

                    if ({{customCheck}}comparer.Equals(entries[index].Key, key))
                    {
                        return index;
                    }

                    index = entries[index].Next;
                }
            }

            return index == -1 ? -1 : BndTornRead;
            """);

        if (!spec.KeyEqualsSurvivesTornReads)
        {
            writer.Close();
            writer.Open("catch (global::System.Exception) when (!BndReadIsConsistent(sequence))");
            writer.Line("return BndTornRead;");
            writer.Close();
        }

        writer.Close();
        writer.BlankLine();
    }

    // A member that only asks whether an entry is present (ContainsKey; a set's Contains): without the lock first (a few
    // attempts, see LockEmitter), then under it. Under second-chance eviction a found value is marked used,
    // before the sequence check (see WriteTouchUnlocked).
    private static void WriteContainsUnlockedFirst(SourceWriter writer, HashTableSpec spec, string parameter, bool marksUsed, string lockedStatements)
    {
        string markUsed = marksUsed && spec.SecondChance
            ? "\n    if (index >= 0)\n    {\n        BndTouchUnlocked(index);\n    }\n"
            : "";
        if (spec.Expires)
        {
            // A value found expired is left to the look-up under the lock, which removes it first.
            WriteReadClock(writer, spec);
            writer.WriteUnlockedAttempts($$"""
                int sequence = BndBeginRead();
                if ((sequence & 1) == 0)
                {
                    BndEntry[] entries = _bndEntries;
                    int index = BndFindUnlocked(entries, {{parameter}}, hash, sequence);{{markUsed}}
                    long writtenAt = index >= 0 ? entries[index].WrittenAt : 0L;
                    if (index != BndTornRead && BndReadIsConsistent(sequence))
                    {
                        if (index < 0 || now - writtenAt < _bndMaxAgeTicks)
                        {
                            return index >= 0;
                        }

                        break;
                    }
                }
                """);
            writer.WriteLocked(spec.ThreadSafe, lockedStatements);
            return;
        }

        writer.WriteUnlockedAttempts($$"""
            int sequence = BndBeginRead();
            if ((sequence & 1) == 0)
            {
                int index = BndFindUnlocked(_bndEntries, {{parameter}}, hash, sequence);{{markUsed}}
                if (index != BndTornRead && BndReadIsConsistent(sequence))
                {
                    return index >= 0;
                }
            }
            """);
        writer.WriteLocked(spec.ThreadSafe, lockedStatements);
    }
}
