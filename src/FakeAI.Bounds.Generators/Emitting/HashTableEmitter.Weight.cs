namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // The maximum total weight of a dictionary or set. Each entry is weighed once, when it is stored (a dictionary's entry
    // also when its value is replaced), by the type's own static Weigh; the weight is kept in the entry, so that a removal
    // subtracts exactly what was added, and the total in a long. An insert that does not fit evicts in policy order until
    // it does (or, under the policies that do not evict, is refused like an insert into a full table). An entry heavier
    // than the whole bound is refused before anything changes. A table without a maximum weight gets none of this.
    private const string WeightReason = "global::FakeAI.Bounds.EvictionReason.Weight";

    private static void WriteWeight(SourceWriter writer, HashTableSpec spec)
    {
        WriteWeightProperties(writer, spec);
        WriteWeigh(writer, spec);
        if (spec.NotifiesOverflow)
        {
            WriteNotifyEvictions(writer, spec);
        }
    }

    /// <summary>The fields of a weighted table, written with the others.</summary>
    private static void WriteWeightFields(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <summary>The <c>MaxWeight</c> of the <c>[Bounded]</c> declaration: the most total weight an instance holds.</summary>
            public const long DeclaredMaxWeight = {{spec.MaxWeight}};

            /// <summary>The total weight of the entries held: the sum of their <c>Weight</c> fields.</summary>
            private long _bndWeight;
            """);
    }

    /// <summary>The entries one insert evicted, held by the caller until the change is complete and the hook can hear of them.</summary>
    private static void WriteEvictionsStruct(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>The entries one change evicted, in eviction order; <c>Entries</c> is null when it evicted none.</summary>
            private struct BndEvictions
            {
                public BndEvicted[]? Entries;

                public int Count;
            }
            """);
    }

    private static void WriteWeightProperties(SourceWriter writer, HashTableSpec spec)
    {
        string weightRead = spec.ThreadSafe ? "global::System.Threading.Interlocked.Read(ref _bndWeight)" : "_bndWeight";
        writer.Member($$"""
            /// <summary>The total weight of the {{Entries(spec)}} held, as <c>Weigh</c> measured each when it was stored.</summary>
            public long Weight => {{weightRead}};

            /// <summary>The most total weight this {{CollectionNoun(spec)}} holds: the <c>MaxWeight</c> of the <c>[Bounded]</c> declaration.</summary>
            public long MaxWeight => DeclaredMaxWeight;
            """);
    }

    // The weigher is the user's; a negative weight would let the total drift below what the entries weigh, so it is
    // refused before anything changes.
    private static void WriteWeigh(SourceWriter writer, HashTableSpec spec)
    {
        if (spec.Weigher is { WritesDeclaration: true } weigher)
        {
            writer.Member($$"""
                /// <summary>The weight of an entry, 0 or more, in the unit of <c>MaxWeight</c>; called once each time an entry is stored.</summary>
                {{weigher.Modifiers}}partial int Weigh({{weigher.Parameters}});
                """);
        }

        string parameters = spec.IsSet ? spec.Key + " item" : spec.Key + " key, " + spec.Value + " value";
        string arguments = spec.IsSet ? "item" : "key, value";
        writer.Member($$"""
            /// <summary>Weighs an entry with the type's <c>Weigh</c>, refusing a negative weight.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private static int BndWeigh({{parameters}})
            {
                int weight = Weigh({{arguments}});
                if (weight < 0)
                {
                    BndThrowNegativeWeight(weight);
                }

                return weight;
            }
            """);
    }

    /// <summary>
    /// The loop that makes room by evicting in policy order while <paramref name="stillFull"/> holds, each eviction told
    /// to the hook with <paramref name="reason"/>.
    /// </summary>
    private static void WriteEvictUntil(SourceWriter writer, HashTableSpec spec, string stillFull, string reason)
    {
        string victim = spec.SecondChance ? "BndTakeVictim()" : "_bndOldest";
        writer.Open("while (" + stillFull + ")");
        writer.Line("int victim = " + victim + ";");
        if (spec.NotifiesOverflow)
        {
            writer.Line("BndAppendEvicted(ref eviction.Entries, ref eviction.Count, victim, " + reason + ");");
        }

        writer.Lines("""
            BndRemoveEntry(victim, BndHashOf(victim));
            _bndEvicted++;
            """);
        writer.Close();
    }

    // An insert into a weighted table: the weight first (the weigher may throw, and nothing has changed yet), then room
    // by the policy, then the entry takes a free slot as any insert into a table with room does.
    private static void WriteWeightedMakeRoom(SourceWriter writer, HashTableSpec spec)
    {
        string weigh = spec.IsSet ? "int weight = BndWeigh(key);" : "int weight = BndWeigh(key, value);";
        writer.Lines(weigh + """

            if (weight > DeclaredMaxWeight)
            {
                _bndDropped++;
                if (throwWhenFull)
                {
                    BndThrowHeavierThanMaxWeight(weight);
                }

                return false;
            }
            """);
        writer.BlankLine();
        const string NoRoom = "_bndCount == _bndCapacity || weight > DeclaredMaxWeight - _bndWeight";
        switch (spec.Policy)
        {
            case Model.OverflowPolicyValue.DropOldest:
            case Model.OverflowPolicyValue.EvictLeastRecentlyUsed:
                // A full table's victim makes room for the count, any other for the weight.
                WriteEvictUntil(writer, spec, NoRoom, "_bndCount == _bndCapacity ? " + EvictionHookEmitter.Overflow + " : " + WeightReason);
                break;
            case Model.OverflowPolicyValue.DropNewest:
                writer.Lines($$"""
                    if ({{NoRoom}})
                    {
                        _bndDropped++;
                        return false;
                    }
                    """);
                break;
            default:
                writer.Lines("""
                    if (_bndCount == _bndCapacity)
                    {
                        _bndDropped++;
                        if (throwWhenFull)
                        {
                            BndThrowFull();
                        }

                        return false;
                    }

                    if (weight > DeclaredMaxWeight - _bndWeight)
                    {
                        _bndDropped++;
                        if (throwWhenFull)
                        {
                            BndThrowNoRoomForWeight(weight);
                        }

                        return false;
                    }
                    """);
                break;
        }

        writer.BlankLine();
    }

    // A new value over an existing key's. When the new weight does not fit beside the other entries, an evicting table
    // evicts among the others: the entry leaves the eviction order while they go and comes back as the newest, the
    // place a write gives it under LRU (and, with a maximum age, under insertion order). The tables that do not evict
    // refuse the new value and keep the old one.
    private static void WriteReplaceValue(SourceWriter writer, HashTableSpec spec)
    {
        string evictionParameter = spec.NotifiesOverflow ? ", out BndEvictions eviction" : "";
        writer.Open($$"""
            /// <summary>
            /// Writes a new value over the one at an existing entry, weighing it; returns <see langword="false"/> when the policy
            /// refused it for want of room, the old value kept.
            /// </summary>
            private bool BndReplaceValue(int index, {{spec.Value}} value{{evictionParameter}})
            """);
        if (spec.NotifiesOverflow)
        {
            writer.Line("eviction = default;");
        }

        writer.Lines("""
            int weight = BndWeigh(_bndEntries[index].Key, value);
            if (weight > DeclaredMaxWeight)
            {
                _bndDropped++;
                BndThrowHeavierThanMaxWeight(weight);
            }
            """);
        writer.BlankLine();
        writer.Open("if (weight > DeclaredMaxWeight - (_bndWeight - _bndEntries[index].Weight))");
        if (spec.Evicts)
        {
            writer.Line("BndUnlinkOrder(index);");
            WriteEvictUntil(writer, spec, "weight > DeclaredMaxWeight - (_bndWeight - _bndEntries[index].Weight)", WeightReason);
            writer.Lines("""
                BndLinkNewest(index);
                _bndVersion++;
                """);
        }
        else
        {
            writer.Line("_bndDropped++;");
            if (spec.Policy == Model.OverflowPolicyValue.Throw)
            {
                writer.Line("BndThrowNoRoomForWeight(weight);");
            }

            writer.Line("return false;");
        }

        writer.Close();
        writer.BlankLine();
        writer.Lines("""
            BndEntry[] entries = _bndEntries;
            _bndWeight += weight - entries[index].Weight;
            entries[index].Value = value;
            entries[index].Weight = weight;
            return true;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteNotifyEvictions(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            /// <summary>Tells the hook of the entries a change evicted, in eviction order; called once the change is complete{{(spec.ThreadSafe ? " and the lock released" : "")}}.</summary>
            private void BndNotifyEvicted(in BndEvictions evictions)
            {
                if (evictions.Entries != null)
                {
                    BndNotifyEvictedEntries(evictions.Entries, evictions.Count);
                }
            }
            """);
    }

    private static void WriteWeightThrowHelpers(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowNegativeWeight(int weight)
            {
                throw new global::System.InvalidOperationException(
                    "Weigh returned " + weight + " for an entry of '{{spec.TypeName}}'; a weight is 0 or more. Nothing was stored.");
            }

            {{NoInlining}}
            private void BndThrowHeavierThanMaxWeight(int weight)
            {
                throw new global::FakeAI.Bounds.BoundExceededException("{{spec.TypeName}}", weight, _bndWeight, DeclaredMaxWeight, heavierThanBound: true);
            }
            """);
        if (spec.Policy == Model.OverflowPolicyValue.Throw)
        {
            writer.Member($$"""
                {{NoInlining}}
                private void BndThrowNoRoomForWeight(int weight)
                {
                    throw new global::FakeAI.Bounds.BoundExceededException("{{spec.TypeName}}", weight, _bndWeight, DeclaredMaxWeight, heavierThanBound: false);
                }
                """);
        }
    }
}
