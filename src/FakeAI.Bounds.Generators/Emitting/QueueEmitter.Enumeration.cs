using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // Struct enumerators, oldest-first and newest-first. Single-threaded queues fail fast when modified during
    // enumeration, like the BCL collections; thread-safe queues enumerate by position, so that concurrent writers
    // never make an enumerator throw or repeat an item.
    private static void AppendEnumeration(StringBuilder body, QueueSpec spec)
    {
        string queueType = spec.QueueType;
        string item = spec.Item;
        string enumeratorOf = "global::System.Collections.Generic.IEnumerator<" + item + ">";
        string enumerableOf = "global::System.Collections.Generic.IEnumerable<" + item + ">";

        string consistency = spec.ThreadSafe
            ? "It walks a copy of the items held when it starts, so other threads may change the queue meanwhile."
            : "The queue must not change during enumeration: <see cref=\"global::System.InvalidOperationException\"/> is thrown if it does.";

        body.AppendBlock($$"""
            /// <summary>Returns an enumerator over the items, oldest first, that allocates nothing. {{consistency}}</summary>
            /// <returns>The enumerator.</returns>
            public Enumerator GetEnumerator() => new Enumerator(this);

            {{enumeratorOf}} {{enumerableOf}}.GetEnumerator() => GetEnumerator();

            global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>The items from newest to oldest, enumerable without allocation. {{consistency}}</summary>
            public NewestFirstEnumerable NewestFirst => new NewestFirstEnumerable(this);

            {{enumerableOf}} global::FakeAI.Bounds.IBoundedQueue<{{item}}>.NewestFirst => NewestFirst;

            /// <summary>The items from newest to oldest, as returned by <see cref="NewestFirst"/>.</summary>
            public readonly struct NewestFirstEnumerable : {{enumerableOf}}
            {
                private readonly {{queueType}} _queue;

                internal NewestFirstEnumerable({{queueType}} queue)
                {
                    _queue = queue;
                }

                /// <summary>Returns an enumerator over the items, newest first, that allocates nothing.</summary>
                /// <returns>The enumerator.</returns>
                public NewestFirstEnumerator GetEnumerator() => new NewestFirstEnumerator(_queue);

                {{enumeratorOf}} {{enumerableOf}}.GetEnumerator() => GetEnumerator();

                global::System.Collections.IEnumerator global::System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }

            """);

        if (spec.ThreadSafe)
        {
            AppendSnapshotEnumerators(body, item, queueType, enumeratorOf);
        }
        else
        {
            AppendVersionedEnumerators(body, item, queueType, enumeratorOf);
        }
    }

    private static void AppendVersionedEnumerators(StringBuilder body, string item, string queueType, string enumeratorOf)
    {
        body.AppendBlock("""
            /// <summary>
            /// Grows with every change (it is <c>TotalAdded</c> plus the items removed), so that an enumerator can tell
            /// that the queue changed under it without a version field to update on every <c>Add</c>.
            /// </summary>
            private long BndChangeStamp => BndFrontPosition + _bndCount + _bndRemovedFromFront + (2 * _bndRemovedInPlace);
            """);

        foreach ((string name, string summary, string start, string step, string hasMore, string exhausted) in new[]
        {
            ("Enumerator", "oldest to newest", "0", "_offset++;", "_offset < queue._bndCount", "_offset = int.MaxValue;"),
            ("NewestFirstEnumerator", "newest to oldest", "queue._bndCount - 1", "_offset--;", "_offset >= 0 && _offset < queue._bndCount", "_offset = -1;"),
        })
        {
            body.AppendBlock($$"""
                /// <summary>Enumerates the items from {{summary}} without allocating.</summary>
                public struct {{name}} : {{enumeratorOf}}
                {
                    private readonly {{queueType}} _queue;
                    private readonly long _stamp;
                    private int _offset;
                    private {{item}} _current;

                    internal {{name}}({{queueType}} queue)
                    {
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
    }

    // A thread-safe enumerator copies the items under the lock once and walks the copy: a moment-in-time view that
    // concurrent writers, dequeuers and RemoveWhere cannot tear, for one lock acquisition per enumeration. The copy is
    // a fresh array, as ConcurrentQueue's enumerator makes one: renting it from a shared pool would save the
    // allocation, but a copied struct enumerator would then return one array to the pool twice and corrupt it for the
    // whole process. Walking the live ring by position instead needs no copy, but RemoveWhere moves items between
    // positions, which made such an enumerator skip or repeat items.
    private static void AppendSnapshotEnumerators(StringBuilder body, string item, string queueType, string enumeratorOf)
    {
        foreach ((string name, string summary, string start, string advance, string exhausted) in new[]
        {
            ("Enumerator", "oldest to newest", "-1", "++_index < _count", "_count"),
            ("NewestFirstEnumerator", "newest to oldest", "_count", "--_index >= 0", "-1"),
        })
        {
            body.AppendBlock($$"""
                /// <summary>
                /// Enumerates, from {{summary}}, the items held when enumeration starts, while other threads use the queue.
                /// It walks a copy taken at its first <c>MoveNext</c>: one array of <c>Count</c> items per enumeration.
                /// </summary>
                public struct {{name}} : {{enumeratorOf}}
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

        body.AppendBlock($$"""
            /// <summary>Copies the items, oldest first, into a new array under the lock.</summary>
            private {{item}}[] BndTakeSnapshot(out int count)
            {
                BndEnterLock();
                try
                {
                    count = _bndCount;
                    if (count == 0)
                    {
                        return global::System.Array.Empty<{{item}}>();
                    }

                    {{item}}[] snapshot = BndAllocate<{{item}}>(count);
                    BndCopyOldestFirst(snapshot, 0);
                    return snapshot;
                }
                finally
                {
                    BndExitLock();
                }
            }
            """);
    }
}
