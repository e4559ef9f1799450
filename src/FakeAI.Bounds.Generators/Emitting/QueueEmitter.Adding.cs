using System.Text;
using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // Add, both TryAdd overloads and the two ways an item enters the ring: appended, or written over the oldest.
    private static void AppendAdding(StringBuilder body, QueueSpec spec)
    {
        string item = spec.Item;
        const string Result = "global::FakeAI.Bounds.BoundedAddResult";

        string addWhenFull = spec.Policy switch
        {
            OverflowPolicyValue.DropOldest => "BndOverwriteOldest(item);\nreturn;",
            OverflowPolicyValue.DropNewest => "_bndDropped++;\nreturn;",
            _ => "_bndDropped++;\nBndThrowFull();",
        };

        string tryAddWhenFull = spec.DropsOldest
            ? "BndOverwriteOldest(item);\nreturn true;"
            : "_bndDropped++;\nreturn false;";

        string tryAddEvictingWhenFull = spec.DropsOldest
            ? $"evicted = _bndItems[_bndHead];\nBndOverwriteOldest(item);\nreturn {Result}.AddedWithEviction;"
            : $"_bndDropped++;\nevicted = default!;\nreturn {Result}.Rejected;";

        string addDoc = spec.Policy switch
        {
            OverflowPolicyValue.DropOldest => "When the queue is full the oldest item is evicted to make room.",
            OverflowPolicyValue.DropNewest => "When the queue is full <paramref name=\"item\"/> is discarded and counted in <see cref=\"Dropped\"/>.",
            _ => "When the queue is full a <see cref=\"global::FakeAI.Bounds.BoundExceededException\"/> is thrown and the queue is left unchanged.",
        };

        string throwDoc = spec.Policy == OverflowPolicyValue.Throw
            ? $"\n/// <exception cref=\"global::FakeAI.Bounds.BoundExceededException\">The queue holds <see cref=\"Capacity\"/> items.</exception>"
            : "";

        body.AppendBlock($$"""
            /// <summary>Appends an item as the newest. {{addDoc}}</summary>
            /// <param name="item">The item to append.</param>{{throwDoc}}
            public void Add({{item}} item)
            {
            {{Body(spec.Guarded($$"""
            if (_bndCount == _bndCapacity)
            {
            {{Indent(addWhenFull)}}
            }

            BndAppend(item);
            """))}}
            }

            /// <inheritdoc/>
            public bool TryAdd({{item}} item)
            {
            {{Body(spec.Guarded($$"""
            if (_bndCount == _bndCapacity)
            {
            {{Indent(tryAddWhenFull)}}
            }

            BndAppend(item);
            return true;
            """))}}
            }

            /// <inheritdoc/>
            public {{Result}} TryAdd(
                {{item}} item,
            #if NETCOREAPP3_0_OR_GREATER || NETSTANDARD2_1_OR_GREATER
                [global::System.Diagnostics.CodeAnalysis.MaybeNull]
            #endif
                out {{item}} evicted)
            {
            {{Body(spec.Guarded($$"""
            if (_bndCount == _bndCapacity)
            {
            {{Indent(tryAddEvictingWhenFull)}}
            }

            BndAppend(item);
            evicted = default!;
            return {{Result}}.Added;
            """))}}
            }

            /// <summary>Stores an item after the newest; the caller has checked that the queue is not full.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndAppend({{item}} item)
            {
                {{item}}[] items = _bndItems;
                int count = _bndCount;
                if (count == items.Length)
                {
                    items = BndGrow();
                }

                items[BndSlot(_bndHead, count, items.Length)] = item;
                _bndCount = count + 1;
            }

            /// <summary>Replaces the growing ring with a larger one (twice the size, at most the capacity), oldest item first.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private {{item}}[] BndGrow()
            {
                {{item}}[] old = _bndItems;
                int length = old.Length == 0 ? 4 : old.Length * 2;
                if (length > _bndCapacity || length < 0)
                {
                    length = _bndCapacity;
                }

                {{item}}[] grown = BndAllocate<{{item}}>(length);
                BndCopyOldestFirst(grown, 0);
                _bndItems = grown;
                _bndHeadBase += _bndHead;
                _bndHead = 0;
                return grown;
            }
            """);

        if (spec.DropsOldest)
        {
            body.AppendBlock($$"""
                /// <summary>Writes an item over the oldest one of a full queue, which makes it the newest.</summary>
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private void BndOverwriteOldest({{item}} item)
                {
                    {{item}}[] items = _bndItems;
                    int head = _bndHead;
                    items[head] = item;
                    BndAdvanceHead(head, items.Length);
                }
                """);
        }
    }
}
