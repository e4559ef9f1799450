namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // Struct enumerators, oldest-first and newest-first. Single-threaded queues fail fast when modified during
    // enumeration, like the BCL collections; thread-safe queues walk a copy taken under the lock, so that concurrent
    // writers never make an enumerator throw, skip or repeat an item.
    private static void WriteEnumeration(SourceWriter writer, QueueSpec spec)
    {
        var names = new EnumerationNames(spec);
        WriteGetEnumerator(writer, names);
        WriteNewestFirst(writer, names);
        WriteNewestFirstEnumerable(writer, names);
        if (spec.ThreadSafe)
        {
            WriteSnapshotEnumerator(writer, names, name: "Enumerator", summary: "oldest to newest", start: "-1", advance: "++_index < _count", exhausted: "_count");
            WriteSnapshotEnumerator(writer, names, name: "NewestFirstEnumerator", summary: "newest to oldest", start: "_count", advance: "--_index >= 0", exhausted: "-1");
            WriteTakeSnapshot(writer, names);
        }
        else
        {
            WriteChangeStamp(writer, spec.Resizable);
            names = names.WithExpiry(spec.Expires);
            WriteVersionedEnumerator(writer, names, name: "Enumerator", summary: "oldest to newest", start: "0", step: "_offset++;", hasMore: "_offset < queue._bndCount", exhausted: "_offset = int.MaxValue;");
            WriteVersionedEnumerator(writer, names, name: "NewestFirstEnumerator", summary: "newest to oldest", start: "queue._bndCount - 1", step: "_offset--;", hasMore: "_offset >= 0 && _offset < queue._bndCount", exhausted: "_offset = -1;");
        }
    }

    private static void WriteGetEnumerator(SourceWriter writer, EnumerationNames names)
    {
        writer.Member($$"""
            /// <summary>Returns an enumerator over the items, oldest first, that allocates nothing. {{names.Consistency}}</summary>
            /// <returns>The enumerator.</returns>
            public Enumerator GetEnumerator() => new Enumerator(this);

            {{names.EnumeratorOf}} {{names.EnumerableOf}}.GetEnumerator() => GetEnumerator();

            global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            """);
    }

    private static void WriteNewestFirst(SourceWriter writer, EnumerationNames names)
    {
        writer.Member($$"""
            /// <summary>The items from newest to oldest, enumerable without allocation. {{names.Consistency}}</summary>
            public NewestFirstEnumerable NewestFirst => new NewestFirstEnumerable(this);

            {{names.EnumerableOf}} global::FakeAI.Bounds.IBoundedQueue<{{names.Item}}>.NewestFirst => NewestFirst;
            """);
    }

    private static void WriteNewestFirstEnumerable(SourceWriter writer, EnumerationNames names)
    {
        writer.Member($$"""
            /// <summary>The items from newest to oldest, as returned by <see cref="NewestFirst"/>.</summary>
            public readonly struct NewestFirstEnumerable : {{names.EnumerableOf}}
            {
                private readonly {{names.QueueType}} _queue;

                internal NewestFirstEnumerable({{names.QueueType}} queue)
                {
                    _queue = queue;
                }

                /// <summary>Returns an enumerator over the items, newest first, that allocates nothing.</summary>
                /// <returns>The enumerator.</returns>
                public NewestFirstEnumerator GetEnumerator() => new NewestFirstEnumerator(_queue);

                {{names.EnumeratorOf}} {{names.EnumerableOf}}.GetEnumerator() => GetEnumerator();

                global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """);
    }

    // A capacity change moves the front and the count by the same number of items, which the sum would not show: a
    // resizable queue adds how many times its ring was replaced by one.
    private static void WriteChangeStamp(SourceWriter writer, bool resizable)
    {
        writer.Member($$"""
            /// <summary>
            /// Grows with every change (it is <c>TotalAdded</c> plus the items removed{{(resizable ? ", plus the capacity changes that replaced the ring" : "")}}), so that an enumerator can tell
            /// that the queue changed under it without a version field to update on every <c>Add</c>.
            /// </summary>
            private long BndChangeStamp => BndFrontPosition + _bndCount + _bndRemovedFromFront + (2 * _bndRemovedInPlace){{(resizable ? " + _bndResizes" : "")}};
            """);
    }

    private static void WriteVersionedEnumerator(
        SourceWriter writer,
        EnumerationNames names,
        string name,
        string summary,
        string start,
        string step,
        string hasMore,
        string exhausted)
    {
        string item = names.Item;
        string queueType = names.QueueType;
        string expireFirst = names.Expires ? "\n        queue.BndExpire();" : "";
        writer.Member($$"""
            /// <summary>Enumerates the items from {{summary}} without allocating.</summary>
            public struct {{name}} : {{names.EnumeratorOf}}
            {
                private readonly {{queueType}} _queue;
                private readonly long _stamp;
                private int _offset;
                private {{item}} _current;

                internal {{name}}({{queueType}} queue)
                {{{expireFirst}}
                    _queue = queue;
                    _stamp = queue.BndChangeStamp;
                    _offset = {{start}};
                    _current = default!;
                }

                /// <inheritdoc/>
                public {{item}} Current => _current;

                object? global::System.Collections.IEnumerator.Current => _current;

                /// <inheritdoc/>
                public bool MoveNext()
                {
                    {{queueType}} queue = _queue;
                    if (_stamp != queue.BndChangeStamp)
                    {
                        BndThrowModifiedDuringEnumeration();
                    }

                    if ({{hasMore}})
                    {
                        {{item}}[] items = queue._bndItems;
                        _current = items[BndSlot(queue._bndHead, _offset, items.Length)];
                        {{step}}
                        return true;
                    }

                    {{exhausted}}
                    _current = default!;
                    return false;
                }

                /// <inheritdoc/>
                public void Reset()
                {
                    {{queueType}} queue = _queue;
                    if (_stamp != queue.BndChangeStamp)
                    {
                        BndThrowModifiedDuringEnumeration();
                    }

                    _offset = {{start}};
                    _current = default!;
                }

                /// <inheritdoc/>
                public void Dispose()
                {
                }
            }
            """);
    }

    // A thread-safe enumerator copies the items under the lock once and walks the copy: a moment-in-time view that
    // concurrent writers, dequeuers and RemoveWhere cannot tear, for one lock acquisition per enumeration. The copy is
    // a fresh array, as ConcurrentQueue's enumerator makes one: renting it from a shared pool would save the
    // allocation, but a copied struct enumerator would then return one array to the pool twice and corrupt it for the
    // whole process. Walking the live ring by position instead needs no copy, but RemoveWhere moves items between
    // positions, which made such an enumerator skip or repeat items.
    private static void WriteSnapshotEnumerator(
        SourceWriter writer,
        EnumerationNames names,
        string name,
        string summary,
        string start,
        string advance,
        string exhausted)
    {
        string item = names.Item;
        string queueType = names.QueueType;
        writer.Member($$"""
            /// <summary>
            /// Enumerates, from {{summary}}, the items held when enumeration starts, while other threads use the queue.
            /// It walks a copy taken at its first <c>MoveNext</c>: one array of <c>Count</c> items per enumeration.
            /// </summary>
            public struct {{name}} : {{names.EnumeratorOf}}
            {
                private readonly {{queueType}} _queue;
                private {{item}}[]? _snapshot;
                private int _count;
                private int _index;
                private {{item}} _current;

                internal {{name}}({{queueType}} queue)
                {
                    _queue = queue;
                    _snapshot = null;
                    _count = 0;
                    _index = 0;
                    _current = default!;
                }

                /// <inheritdoc/>
                public {{item}} Current => _current;

                object? global::System.Collections.IEnumerator.Current => _current;

                /// <inheritdoc/>
                public bool MoveNext()
                {
                    if (_snapshot is null)
                    {
                        _snapshot = _queue.BndTakeSnapshot(out _count);
                        _index = {{start}};
                    }

                    if ({{advance}})
                    {
                        _current = _snapshot[_index];
                        return true;
                    }

                    _index = {{exhausted}};
                    _current = default!;
                    return false;
                }

                /// <inheritdoc/>
                public void Reset()
                {
                    Dispose();
                    _current = default!;
                }

                /// <inheritdoc/>
                public void Dispose()
                {
                    _snapshot = null;
                    _count = 0;
                }
            }
            """);
    }

    private static void WriteTakeSnapshot(SourceWriter writer, EnumerationNames names)
    {
        string item = names.Item;
        writer.Open($$"""
            /// <summary>Copies the items, oldest first, into a new array: without the lock when no writer gets in the way, else under it.</summary>
            private {{item}}[] BndTakeSnapshot(out int count)
            """);
        writer.Lines($$"""
            {{item}}[]? unlocked = BndTrySnapshotUnlocked();
            if (unlocked != null)
            {
                count = unlocked.Length;
                return unlocked;
            }
            """);
        writer.BlankLine();
        writer.WriteLocked(threadSafe: true, $$"""
            count = _bndCount;
            if (count == 0)
            {
                return global::System.Array.Empty<{{item}}>();
            }

            {{item}}[] snapshot = BndAllocate<{{item}}>(count);
            BndCopyOldestFirst(snapshot, 0);
            return snapshot;
            """);
        writer.Close();
        writer.BlankLine();
    }

    /// <summary>The names the enumeration members spell out, and what they promise about concurrent change.</summary>
    private readonly struct EnumerationNames
    {
        public EnumerationNames(QueueSpec spec)
        {
            Item = spec.Item;
            QueueType = spec.QueueType;
            EnumeratorOf = "global::System.Collections.Generic.IEnumerator<" + spec.Item + ">";
            EnumerableOf = "global::System.Collections.Generic.IEnumerable<" + spec.Item + ">";
            Consistency = spec.ThreadSafe
                ? "It walks a copy of the items held when it starts, so other threads may change the queue meanwhile."
                : "The queue must not change during enumeration: <see cref=\"global::System.InvalidOperationException\"/> is thrown if it does.";
        }

        public string Item { get; }

        public string QueueType { get; }

        /// <summary>Whether an enumerator removes the expired items when it starts, so that it never yields one.</summary>
        public bool Expires { get; private init; }

        public EnumerationNames WithExpiry(bool expires) => this with { Expires = expires };

        public string EnumeratorOf { get; }

        public string EnumerableOf { get; }

        /// <summary>The sentence the enumeration docs end with: how the enumerators behave when the queue changes.</summary>
        public string Consistency { get; }
    }
}
