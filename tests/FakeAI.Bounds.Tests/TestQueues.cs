// The [Bounded] declarations the behaviour tests run against. The generator referenced as an analyzer writes their
// bodies at build time, so every test here exercises the generated code as a consumer compiles it.
//
// The twelve policy queues share MaxLength 100: not a power of two, so that the lazily growing ring goes
// 4 -> 8 -> 16 -> 32 -> 64 -> 100 and its last step is clamped to the capacity. Smaller capacities come from the
// (capacity) constructor.
using System.Collections.Generic;
using FakeAI.Bounds;

namespace FakeAI.Bounds.Tests
{
    /// <summary>A reference-type item whose identity matters: the queue must hand back the very same instance.</summary>
    public sealed class Payload
    {
        public Payload(int id)
        {
            Id = id;
        }

        public int Id { get; }

        public override string ToString() => "Payload(" + Id + ")";
    }

    /// <summary>The MaxLength shared by the twelve policy queues below.</summary>
    public static class TestQueueLimits
    {
        public const int MaxLength = 100;
    }

    // ---- int (a value type without references) --------------------------------------------------------------

    [Bounded(MaxLength = TestQueueLimits.MaxLength)]
    public sealed partial class IntDropOldest : IBoundedQueue<int>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class IntDropNewest : IBoundedQueue<int>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.Throw)]
    public sealed partial class IntThrow : IBoundedQueue<int>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, ThreadSafe = true)]
    public sealed partial class IntDropOldestThreadSafe : IBoundedQueue<int>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class IntDropNewestThreadSafe : IBoundedQueue<int>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class IntThrowThreadSafe : IBoundedQueue<int>;

    // ---- Payload (a reference type) ---------------------------------------------------------------------------

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.DropOldest)]
    public sealed partial class PayloadDropOldest : IBoundedQueue<Payload>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class PayloadDropNewest : IBoundedQueue<Payload>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.Throw)]
    public sealed partial class PayloadThrow : IBoundedQueue<Payload>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, ThreadSafe = true)]
    public sealed partial class PayloadDropOldestThreadSafe : IBoundedQueue<Payload>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class PayloadDropNewestThreadSafe : IBoundedQueue<Payload>;

    [Bounded(MaxLength = TestQueueLimits.MaxLength, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class PayloadThrowThreadSafe : IBoundedQueue<Payload>;

    // ---- a value type that contains a reference: its vacated slots must be cleared too ------------------------

    [Bounded(MaxLength = 16)]
    public sealed partial class PairQueue : IBoundedQueue<KeyValuePair<int, object>>;

    // ---- declaration forms -------------------------------------------------------------------------------------

    /// <summary>A generic queue: the item type is the type parameter.</summary>
    [Bounded(MaxLength = 16)]
    public sealed partial class Window<T> : IBoundedQueue<T>;

    /// <summary>A generic, thread-safe queue that rejects when full.</summary>
    [Bounded(MaxLength = 16, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
    public sealed partial class SharedWindow<T> : IBoundedQueue<T>;

    /// <summary>A partial class that contains a bounded queue.</summary>
    public partial class Outer
    {
        [Bounded(MaxLength = 8, Overflow = OverflowPolicy.Throw)]
        public sealed partial class NestedQueue : IBoundedQueue<string>;

        public partial class Middle
        {
            [Bounded(MaxLength = 4, ThreadSafe = true)]
            internal sealed partial class DeeplyNestedQueue : IBoundedQueue<int>;
        }
    }

    /// <summary>An internal queue of nullable strings.</summary>
    [Bounded(MaxLength = 6, Overflow = OverflowPolicy.DropNewest)]
    internal sealed partial class InternalQueue : IBoundedQueue<string?>;
}

/// <summary>A queue declared in the global namespace.</summary>
[Bounded(MaxLength = 5)]
public sealed partial class GlobalNamespaceQueue : IBoundedQueue<long>;
