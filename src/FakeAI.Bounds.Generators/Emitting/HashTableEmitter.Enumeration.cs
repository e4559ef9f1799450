using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    // Enumeration from the oldest entry to the newest (insertion order; recency order under least-recently-used
    // eviction), with struct enumerators. As for the queue: single-threaded tables fail fast when changed during
    // enumeration; thread-safe ones walk a copy taken under the lock. A dictionary also gets struct Keys and Values.
    private static void AppendEnumeration(StringBuilder body, HashTableSpec spec)
    {
        string element = spec.Element;
        string self = spec.SelfType;
        string enumeratorOf = "global::System.Collections.Generic.IEnumerator<" + element + ">";
        string enumerableOf = "global::System.Collections.Generic.IEnumerable<" + element + ">";
        string project = spec.IsSet ? "entries[index].Key" : $"new {spec.Pair}(entries[index].Key, entries[index].Value)";
        string order = spec.Lru ? "least recently used first" : "oldest first";
        string consistency = spec.ThreadSafe
            ? "It walks a copy of the entries taken when it starts, so other threads may change the collection meanwhile."
            : "The collection must not change during enumeration: <see cref=\"global::System.InvalidOperationException\"/> is thrown if it does.";

        body.AppendBlock($$"""
            /// <summary>Returns an enumerator over the entries, {{order}}, that allocates nothing. {{consistency}}</summary>
            /// <returns>The enumerator.</returns>
            public Enumerator GetEnumerator() => new Enumerator(this);

            {{enumeratorOf}} {{enumerableOf}}.GetEnumerator() => GetEnumerator();

            global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            """);

        if (spec.ThreadSafe)
        {
            body.AppendBlock($$"""
                /// <summary>Enumerates, {{order}}, the entries held when enumeration starts, while other threads use the collection.</summary>
                public struct Enumerator : {{enumeratorOf}}
                {
                    private readonly {{self}} _owner;
                    private {{element}}[]? _snapshot;
                    private int _index;
                    private {{element}} _current;

                    internal Enumerator({{self}} owner)
                    {
                        _owner = owner;
                        _snapshot = null;
                        _index = -1;
                        _current = default!;
                    }

                    /// <inheritdoc/>
                    public {{element}} Current => _current;

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

                /// <summary>Copies the entries, {{order}}, into a new array under the lock.</summary>
                private {{element}}[] BndTakeSnapshot()
                {
                    BndEnterLock();
                    try
                    {
                        if (_bndCount == 0)
                        {
                            return global::System.Array.Empty<{{element}}>();
                        }

                        {{element}}[] snapshot = BndAllocate<{{element}}>(_bndCount);
                        BndEntry[] entries = _bndEntries;
                        int written = 0;
                        for (int index = _bndOldest; index >= 0; index = entries[index].Newer)
                        {
                            snapshot[written++] = {{project}};
                        }

                        return snapshot;
                    }
                    finally
                    {
                        BndExitLock();
                    }
                }
                """);
        }
        else
        {
            body.AppendBlock($$"""
                /// <summary>Enumerates the entries, {{order}}, without allocating.</summary>
                public struct Enumerator : {{enumeratorOf}}
                {
                    private readonly {{self}} _owner;
                    private readonly int _version;
                    private int _next;
                    private {{element}} _current;

                    internal Enumerator({{self}} owner)
                    {
                        _owner = owner;
                        _version = owner._bndVersion;
                        _next = owner._bndOldest;
                        _current = default!;
                    }

                    /// <inheritdoc/>
                    public {{element}} Current => _current;

                    object? global::System.Collections.IEnumerator.Current => _current;

                    /// <inheritdoc/>
                    public bool MoveNext()
                    {
                        {{self}} owner = _owner;
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
                        _current = {{project}};
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

        body.AppendBlock($$"""
            /// <summary>Allocates an array of any element type (a generic method: <c>new T[n]</c> spelled out for an array type would not parse).</summary>
            private static TBndElement[] BndAllocate<TBndElement>(int length) => new TBndElement[length];
            """);

        if (!spec.IsSet)
        {
            AppendKeysAndValues(body, spec);
        }
    }

    private static void AppendKeysAndValues(StringBuilder body, HashTableSpec spec)
    {
        string self = spec.SelfType;
        foreach ((string name, string type, string part, string property) in new[]
        {
            ("KeyCollection", spec.Key, "Key", "Keys"),
            ("ValueCollection", spec.Value, "Value", "Values"),
        })
        {
            string enumeratorOf = "global::System.Collections.Generic.IEnumerator<" + type + ">";
            string enumerableOf = "global::System.Collections.Generic.IEnumerable<" + type + ">";
            body.AppendBlock($$"""
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
    }

    // Throws live in their own methods so that the hot paths stay small enough to inline.
    private static void AppendThrowHelpers(StringBuilder body, HashTableSpec spec)
    {
        string noInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";
        body.AppendBlock($$"""
            {{noInlining}}
            private static void BndThrowCapacityOutOfRange(int capacity)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "capacity",
                    capacity,
                    "The capacity of '{{spec.TypeName}}' must be between 1 and its MaxLength {{spec.MaxLength}}.");
            }
            """);

        body.AppendBlock($$"""
            {{noInlining}}
            private static void BndThrowKeyHashChanged()
            {
                throw new global::System.InvalidOperationException(
                    "A {{(spec.IsSet ? "value" : "key")}} of '{{spec.TypeName}}' changed its hash code while it was stored; {{(spec.IsSet ? "values" : "keys")}} must not change in ways that affect Equals and GetHashCode.");
            }
            """);

        {
            body.AppendBlock($$"""
                {{noInlining}}
                private static void BndThrowModifiedDuringEnumeration()
                {
                    throw new global::System.InvalidOperationException("The collection was modified during enumeration.");
                }
                """);
        }

        if (!spec.IsSet)
        {
            body.AppendBlock($$"""
                {{noInlining}}
                private static void BndThrowKeyNotFound({{spec.Key}} key)
                {
                    throw new global::System.Collections.Generic.KeyNotFoundException("The key '" + key + "' is not in '{{spec.TypeName}}'.");
                }
                """);
        }

        if (spec.Policy == Model.OverflowPolicyValue.Throw)
        {
            body.AppendBlock($$"""
                {{noInlining}}
                private void BndThrowFull()
                {
                    throw new global::FakeAI.Bounds.BoundExceededException("{{spec.TypeName}}", _bndCapacity, _bndMaxLength);
                }
                """);
        }
    }
}
