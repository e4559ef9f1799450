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
            ? "It takes the items present when it starts, skips those removed meanwhile, and never throws because the queue changed."
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
            AppendPositionEnumerators(body, item, queueType, enumeratorOf);
        }
        else
        {
            AppendVersionedEnumerators(body, item, queueType, enumeratorOf);
        }
    }

    private static void AppendVersionedEnumerators(StringBuilder body, string item, string queueType, string enumeratorOf)
    {
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
                    private readonly int _version;
                    private int _offset;
                    private {{item}} _current;

                    internal {{name}}({{queueType}} queue)
                    {
                        _queue = queue;
                        _version = queue._bndVersion;
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
                        if (_version != queue._bndVersion)
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
                        if (_version != queue._bndVersion)
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

    private static void AppendPositionEnumerators(StringBuilder body, string item, string queueType, string enumeratorOf)
    {
        foreach ((string name, string summary, string read) in new[]
        {
            ("Enumerator", "oldest to newest", "BndTryReadForward"),
            ("NewestFirstEnumerator", "newest to oldest", "BndTryReadBackward"),
        })
        {
            body.AppendBlock($$"""
                /// <summary>Enumerates the items from {{summary}} without allocating, while other threads use the queue.</summary>
                public struct {{name}} : {{enumeratorOf}}
                {
                    private readonly {{queueType}} _queue;
                    private long _position;
                    private long _end;
                    private bool _started;
                    private {{item}} _current;

                    internal {{name}}({{queueType}} queue)
                    {
                        _queue = queue;
                        _position = 0;
                        _end = 0;
                        _started = false;
                        _current = default!;
                    }

                    /// <inheritdoc/>
                    public {{item}} Current => _current;

                    object? global::System.Collections.IEnumerator.Current => _current;

                    /// <inheritdoc/>
                    public bool MoveNext()
                    {
                        if (!_started)
                        {
                            _queue.BndSnapshotPositions(out long front, out _end);
                            _position = {{(name == "Enumerator" ? "front" : "_end - 1")}};
                            _started = true;
                        }

                        if (_queue.{{read}}(ref _position, _end, out _current))
                        {
                            return true;
                        }

                        _current = default!;
                        return false;
                    }

                    /// <inheritdoc/>
                    public void Reset()
                    {
                        _started = false;
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
            /// <summary>The position of the oldest item and the position after the newest, read together.</summary>
            private void BndSnapshotPositions(out long front, out long end)
            {
                BndEnterLock();
                try
                {
                    front = _bndFrontPosition;
                    end = front + _bndCount;
                }
                finally
                {
                    BndExitLock();
                }
            }

            /// <summary>Reads the item at <paramref name="position"/> or, if it has left, the oldest item after it.</summary>
            private bool BndTryReadForward(ref long position, long end, out {{item}} item)
            {
                BndEnterLock();
                try
                {
                    long front = _bndFrontPosition;
                    if (position < front)
                    {
                        position = front;
                    }

                    if (position >= end || position - front >= _bndCount)
                    {
                        item = default!;
                        return false;
                    }

                    {{item}}[] items = _bndItems;
                    item = items[BndSlot(_bndHead, (int)(position - front), items.Length)];
                    position++;
                    return true;
                }
                finally
                {
                    BndExitLock();
                }
            }

            /// <summary>Reads the item at <paramref name="position"/>, walking towards the oldest; stops at items that have left.</summary>
            private bool BndTryReadBackward(ref long position, long end, out {{item}} item)
            {
                BndEnterLock();
                try
                {
                    long front = _bndFrontPosition;
                    long last = front + _bndCount - 1;
                    if (position > last)
                    {
                        position = last;
                    }

                    if (position < front || position >= end)
                    {
                        item = default!;
                        return false;
                    }

                    {{item}}[] items = _bndItems;
                    item = items[BndSlot(_bndHead, (int)(position - front), items.Length)];
                    position--;
                    return true;
                }
                finally
                {
                    BndExitLock();
                }
            }

            """);
    }
}
