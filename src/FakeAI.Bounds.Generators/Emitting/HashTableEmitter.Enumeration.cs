namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // Enumeration from the oldest entry to the newest (insertion order; recency order under least-recently-used
    // eviction), with struct enumerators. As for the queue: single-threaded tables fail fast when changed during
    // enumeration; thread-safe ones walk a copy taken under the lock. A dictionary also gets struct Keys and Values.
    private static void WriteEnumeration(SourceWriter writer, HashTableSpec spec)
    {
        var names = new EnumerationNames(spec);
        WriteGetEnumerator(writer, names);
        if (spec.ThreadSafe)
        {
            WriteSnapshotEnumerator(writer, names);
            WriteTakeSnapshot(writer, names);
        }
        else
        {
            WriteVersionedEnumerator(writer, names, spec.Expires ? "\n        owner.BndExpire();" : "");
        }

        WriteAllocate(writer);
        if (!spec.IsSet)
        {
            WritePartCollection(writer, spec, name: "KeyCollection", type: spec.Key, part: "Key", property: "Keys");
            WritePartCollection(writer, spec, name: "ValueCollection", type: spec.Value, part: "Value", property: "Values");
        }
    }

    private static void WriteGetEnumerator(SourceWriter writer, EnumerationNames names)
    {
        writer.Member($$"""
            /// <summary>Returns an enumerator over the entries, {{names.Order}}, that allocates nothing. {{names.Consistency}}</summary>
            /// <returns>The enumerator.</returns>
            public Enumerator GetEnumerator() => new Enumerator(this);

            {{names.EnumeratorOf}} {{names.EnumerableOf}}.GetEnumerator() => GetEnumerator();

            global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            """);
    }

    private static void WriteSnapshotEnumerator(SourceWriter writer, EnumerationNames names)
    {
        writer.Member($$"""
            /// <summary>Enumerates, {{names.Order}}, the entries held when enumeration starts, while other threads use the collection.</summary>
            public struct Enumerator : {{names.EnumeratorOf}}
            {
                private readonly {{names.Self}} _owner;
                private {{names.Element}}[]? _snapshot;
                private int _index;
                private {{names.Element}} _current;

                internal Enumerator({{names.Self}} owner)
                {
                    _owner = owner;
                    _snapshot = null;
                    _index = -1;
                    _current = default!;
                }

                /// <inheritdoc/>
                public {{names.Element}} Current => _current;

                object? global::System.Collections.IEnumerator.Current => _current;

                /// <inheritdoc/>
                public bool MoveNext()
                {
                    if (_snapshot is null)
                    {
                        _snapshot = _owner.BndTakeSnapshot();
                        _index = -1;
                    }

                    if (_index + 1 < _snapshot.Length)
                    {
                        _index++;
                        _current = _snapshot[_index];
                        return true;
                    }

                    _index = _snapshot.Length;
                    _current = default!;
                    return false;
                }

                /// <inheritdoc/>
                public void Reset()
                {
                    _snapshot = null;
                    _current = default!;
                }

                /// <inheritdoc/>
                public void Dispose()
                {
                    _snapshot = null;
                }
            }
            """);
    }

    // The copy that a thread-safe enumerator walks, taken under the lock in one pass over the order.
    private static void WriteTakeSnapshot(SourceWriter writer, EnumerationNames names)
    {
        writer.Open($$"""
            /// <summary>Copies the entries, {{names.Order}}, into a new array under the lock.</summary>
            private {{names.Element}}[] BndTakeSnapshot()
            """);
        writer.WriteLocked(threadSafe: true, $$"""
            if (_bndCount == 0)
            {
                return global::System.Array.Empty<{{names.Element}}>();
            }

            {{names.Element}}[] snapshot = BndAllocate<{{names.Element}}>(_bndCount);
            BndEntry[] entries = _bndEntries;
            {{(names.SecondChance ? SecondChanceSnapshotLoop(names) : InsertionOrderSnapshotLoop(names))}}

            return snapshot;
            """);
        writer.Close();
        writer.BlankLine();
    }

    private static string InsertionOrderSnapshotLoop(EnumerationNames names) => $$"""
        int written = 0;
        for (int index = _bndOldest; index >= 0; index = entries[index].Newer)
        {
            snapshot[written++] = {{names.Project}};
        }
        """;

    // The order eviction would take if nothing were used again: the unmarked entries oldest first, then the marked ones
    // oldest first (eviction moves each marked entry to the newest end as it meets it). Readers may set marks during the
    // copy, so each mark is read once: unmarked entries fill the copy from the front, marked ones from the back, and the
    // back part is reversed into order.
    private static string SecondChanceSnapshotLoop(EnumerationNames names) => $$"""
        byte[] marks = _bndUsedMarks;
        int front = 0;
        int back = snapshot.Length;
        for (int index = _bndOldest; index >= 0; index = entries[index].Newer)
        {
            if (marks[index] == 0)
            {
                snapshot[front++] = {{names.Project}};
            }
            else
            {
                snapshot[--back] = {{names.Project}};
            }
        }

        global::System.Array.Reverse(snapshot, back, snapshot.Length - back);
        """;

    private static void WriteVersionedEnumerator(SourceWriter writer, EnumerationNames names, string expireFirst)
    {
        writer.Member($$"""
            /// <summary>Enumerates the entries, {{names.Order}}, without allocating.</summary>
            public struct Enumerator : {{names.EnumeratorOf}}
            {
                private readonly {{names.Self}} _owner;
                private readonly int _version;
                private int _next;
                private {{names.Element}} _current;

                internal Enumerator({{names.Self}} owner)
                {{{expireFirst}}
                    _owner = owner;
                    _version = owner._bndVersion;
                    _next = owner._bndOldest;
                    _current = default!;
                }

                /// <inheritdoc/>
                public {{names.Element}} Current => _current;

                object? global::System.Collections.IEnumerator.Current => _current;

                /// <inheritdoc/>
                public bool MoveNext()
                {
                    {{names.Self}} owner = _owner;
                    if (_version != owner._bndVersion)
                    {
                        BndThrowModifiedDuringEnumeration();
                    }

                    int index = _next;
                    if (index < 0)
                    {
                        _current = default!;
                        return false;
                    }

                    BndEntry[] entries = owner._bndEntries;
                    _current = {{names.Project}};
                    _next = entries[index].Newer;
                    return true;
                }

                /// <inheritdoc/>
                public void Reset()
                {
                    if (_version != _owner._bndVersion)
                    {
                        BndThrowModifiedDuringEnumeration();
                    }

                    _next = _owner._bndOldest;
                    _current = default!;
                }

                /// <inheritdoc/>
                public void Dispose()
                {
                }
            }
            """);
    }

    private static void WriteAllocate(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>Allocates an array of any element type (a generic method: <c>new T[n]</c> spelled out for an array type would not parse).</summary>
            private static TBndElement[] BndAllocate<TBndElement>(int length) => new TBndElement[length];
            """);
    }

    // Keys and Values of a dictionary: struct views whose enumerators follow the dictionary's own.
    private static void WritePartCollection(SourceWriter writer, HashTableSpec spec, string name, string type, string part, string property)
    {
        string self = spec.SelfType;
        string enumeratorOf = "global::System.Collections.Generic.IEnumerator<" + type + ">";
        string enumerableOf = "global::System.Collections.Generic.IEnumerable<" + type + ">";
        writer.Member($$"""
            /// <summary>The {{property.ToLowerInvariant()}}, in the order of the entries, enumerable without allocating (see <see cref="GetEnumerator"/>).</summary>
            public {{name}} {{property}} => new {{name}}(this);

            {{enumerableOf}} global::System.Collections.Generic.IReadOnlyDictionary<{{spec.Key}}, {{spec.Value}}>.{{property}} => {{property}};

            /// <summary>The {{property.ToLowerInvariant()}} of the dictionary, as returned by <see cref="{{property}}"/>.</summary>
            public readonly struct {{name}} : global::System.Collections.Generic.IReadOnlyCollection<{{type}}>
            {
                private readonly {{self}} _owner;

                internal {{name}}({{self}} owner)
                {
                    _owner = owner;
                }

                /// <inheritdoc/>
                public int Count => _owner.Count;

                /// <summary>Returns an enumerator over the {{property.ToLowerInvariant()}}.</summary>
                /// <returns>The enumerator.</returns>
                public Enumerator GetEnumerator() => new Enumerator(_owner.GetEnumerator());

                {{enumeratorOf}} {{enumerableOf}}.GetEnumerator() => GetEnumerator();

                global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

                /// <summary>Enumerates the {{property.ToLowerInvariant()}}; it follows the dictionary's own enumerator.</summary>
                public struct Enumerator : {{enumeratorOf}}
                {
                    private {{self}}.Enumerator _entries;

                    internal Enumerator({{self}}.Enumerator entries)
                    {
                        _entries = entries;
                    }

                    /// <inheritdoc/>
                    public {{type}} Current => _entries.Current.{{part}};

                    object? global::System.Collections.IEnumerator.Current => Current;

                    /// <inheritdoc/>
                    public bool MoveNext() => _entries.MoveNext();

                    /// <inheritdoc/>
                    public void Reset() => _entries.Reset();

                    /// <inheritdoc/>
                    public void Dispose() => _entries.Dispose();
                }
            }
            """);
    }

    /// <summary>The names the enumeration members spell out, and what they promise about order and concurrent change.</summary>
    private readonly struct EnumerationNames
    {
        public EnumerationNames(HashTableSpec spec)
        {
            Element = spec.Element;
            Self = spec.SelfType;
            EnumeratorOf = "global::System.Collections.Generic.IEnumerator<" + spec.Element + ">";
            EnumerableOf = "global::System.Collections.Generic.IEnumerable<" + spec.Element + ">";
            Project = spec.IsSet ? "entries[index].Key" : "new " + spec.Pair + "(entries[index].Key, entries[index].Value)";
            Order = spec.SecondChance
                ? "in the order they would be evicted (least recently used first, as far as the marks of use tell)"
                : spec.Lru ? "least recently used first" : "oldest first";
            SecondChance = spec.SecondChance;
            Consistency = spec.ThreadSafe
                ? "It walks a copy of the entries taken when it starts, so other threads may change the collection meanwhile."
                : "The collection must not change during enumeration: <see cref=\"global::System.InvalidOperationException\"/> is thrown if it does.";
        }

        /// <summary>What enumeration yields: the value of a set, the key/value pair of a dictionary.</summary>
        public string Element { get; }

        /// <summary>The collection type as referenced from its own members.</summary>
        public string Self { get; }

        public string EnumeratorOf { get; }

        public string EnumerableOf { get; }

        /// <summary>The expression that turns the entry at <c>index</c> of <c>entries</c> into an element.</summary>
        public string Project { get; }

        public string Order { get; }

        /// <summary>Whether the order is second-chance eviction's (see HashTableEmitter.Recency.cs).</summary>
        public bool SecondChance { get; }

        /// <summary>The sentence the enumeration docs end with: how the enumerators behave when the collection changes.</summary>
        public string Consistency { get; }
    }
}
