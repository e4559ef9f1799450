using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Section 5 of the Python suite (<c>TestDequeBehavior</c>): 4 tests of <c>deque(maxlen)</c>, run against the generated
/// queue type that takes its place. In the heap-measuring collection because of 5.4.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed partial class RingBufferBehaviour(ITestOutputHelper output)
{
    /// <summary>5.1: max 5, 0 … 9 added: holds 5 … 9 in order.</summary>
    [Fact]
    public void MaxlenEnforced()
    {
        var ring = new IntRing(capacity: 5);

        for (int i = 0; i < 10; i++)
        {
            ring.Add(i);
        }

        Assert.Equal(5, ring.Count);
        Assert.Equal([5, 6, 7, 8, 9], ring.ToArray());
        Assert.Equal(5, ring.Evicted);
    }

    /// <summary>5.2: max 3: a, b, c; adding d gives b, c, d.</summary>
    [Fact]
    public void AppendEvictsOldest()
    {
        var ring = new StringRing();
        ring.Add("a");
        ring.Add("b");
        ring.Add("c");
        Assert.Equal(["a", "b", "c"], ring.ToArray());

        ring.Add("d");

        Assert.Equal(["b", "c", "d"], ring.ToArray());
    }

    /// <summary>5.3: max 10, 0 … 19 added: holds 10 … 19; oldest 10, newest 19.</summary>
    [Fact]
    public void FifoOrderingMaintained()
    {
        var ring = new IntRing(capacity: 10);

        for (int i = 0; i < 20; i++)
        {
            ring.Add(i);
        }

        Assert.Equal([10, 11, 12, 13, 14, 15, 16, 17, 18, 19], ring.ToArray());
        Assert.Equal(10, ring[0]);
        Assert.Equal(19, ring[^1]);
        Assert.True(ring.TryPeekOldest(out int oldest));
        Assert.True(ring.TryPeekNewest(out int newest));
        Assert.Equal(10, oldest);
        Assert.Equal(19, newest);
    }

    /// <summary>
    /// 5.4: max 100 after 10,000 adds holds 100 and retains less than a 10,000-item <see cref="List{T}"/>: the ring keeps
    /// 100 slots and lets the evicted items go, where the list keeps every item.
    /// </summary>
    [Fact]
    public void MemoryEfficient()
    {
        long baseline = Heap.RetainedBytes();
        ObjectRing ring = FillRing(10_000);
        long ringBytes = Heap.RetainedBytes() - baseline;
        Assert.Equal(100, ring.Count);
        GC.KeepAlive(ring);

        baseline = Heap.RetainedBytes();
        List<object> list = FillList(10_000);
        long listBytes = Heap.RetainedBytes() - baseline;
        Assert.Equal(10_000, list.Count);
        GC.KeepAlive(list);

        output.WriteLine($"ring {Heap.Kb(ringBytes)}, list {Heap.Kb(listBytes)}");
        Assert.True(ringBytes < listBytes, $"ring {Heap.Kb(ringBytes)}, list {Heap.Kb(listBytes)}");
        Assert.True(ringBytes < 16 * 1024, $"a ring of 100 items retains {Heap.Kb(ringBytes)}");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectRing FillRing(int items)
    {
        var ring = new ObjectRing();
        for (int i = 0; i < items; i++)
        {
            ring.Add(new object());
        }

        return ring;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<object> FillList(int items)
    {
        var list = new List<object>();
        for (int i = 0; i < items; i++)
        {
            list.Add(new object());
        }

        return list;
    }

    /// <summary>Integers, <c>deque(maxlen=N)</c> with N given per instance.</summary>
    [Bounded(MaxLength = 100)]
    internal sealed partial class IntRing : IBoundedQueue<int>;

    /// <summary>Strings, <c>deque(maxlen=3)</c>.</summary>
    [Bounded(MaxLength = 3)]
    internal sealed partial class StringRing : IBoundedQueue<string>;

    /// <summary>Objects, <c>deque(maxlen=100)</c>.</summary>
    [Bounded(MaxLength = 100)]
    internal sealed partial class ObjectRing : IBoundedQueue<object>;
}
