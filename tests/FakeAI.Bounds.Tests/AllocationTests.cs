using System;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The hot paths allocate nothing once the ring has grown: adds that evict, adds into room, dequeue/add cycles,
/// rejections, and enumeration in both directions through the struct enumerators. Each measurement runs its action
/// once to warm up (JIT, ring growth, tiering) and then counts the bytes the current thread allocates during a second
/// run, which must be exactly zero.
/// </summary>
public class AllocationTests
{
    private const int Operations = 100_000;

    private static readonly Payload[] Payloads = CreatePayloads();

    private static Payload[] CreatePayloads()
    {
        var payloads = new Payload[256];
        for (int i = 0; i < payloads.Length; i++)
        {
            payloads[i] = new Payload(i);
        }

        return payloads;
    }

    private static long AllocatedBy(Action action)
    {
        action();
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void The_measurement_sees_an_allocation_when_there_is_one()
    {
        // Enumerating through the interface boxes the struct enumerator: proof that a zero above is not an accident.
        var queue = new IntDropOldest(capacity: 4);
        queue.Add(1);
        long sum = 0;
        long allocated = AllocatedBy(() =>
        {
            foreach (int item in (System.Collections.Generic.IEnumerable<int>)queue)
            {
                sum += item;
            }
        });
        Assert.True(allocated > 0);
        Assert.Equal(3, sum);
    }

    // ---- adds on a full queue: every one evicts ---------------------------------------------------------------

    [Fact]
    public void Add_that_evicts_allocates_nothing_int()
    {
        var queue = new IntDropOldest();
        Assert.Equal(0, AllocatedBy(() => AddInts(queue, Operations)));
        Assert.True(queue.IsFull);
        Assert.Equal(3L * Operations - queue.Capacity, queue.Evicted);
    }

    [Fact]
    public void Add_that_evicts_allocates_nothing_int_thread_safe()
    {
        var queue = new IntDropOldestThreadSafe();
        Assert.Equal(0, AllocatedBy(() => AddInts(queue, Operations)));
        Assert.Equal(3L * Operations - queue.Capacity, queue.Evicted);
    }

    [Fact]
    public void Add_that_evicts_allocates_nothing_reference()
    {
        var queue = new PayloadDropOldest();
        Assert.Equal(0, AllocatedBy(() => AddPayloads(queue, Operations)));
        Assert.Equal(3L * Operations - queue.Capacity, queue.Evicted);
    }

    [Fact]
    public void Add_that_evicts_allocates_nothing_reference_thread_safe()
    {
        var queue = new PayloadDropOldestThreadSafe();
        Assert.Equal(0, AllocatedBy(() => AddPayloads(queue, Operations)));
        Assert.Equal(3L * Operations - queue.Capacity, queue.Evicted);
    }

    [Fact]
    public void TryAdd_with_evicted_on_a_full_queue_allocates_nothing()
    {
        var ints = new IntDropOldestThreadSafe();
        var payloads = new PayloadDropOldest();
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                ints.TryAdd(i, out _);
                payloads.TryAdd(Payloads[i & 255], out _);
            }
        }));
        Assert.True(ints.Evicted > 0 && payloads.Evicted > 0);
    }

    // ---- rejections ---------------------------------------------------------------------------------------------

    [Fact]
    public void Rejected_adds_allocate_nothing()
    {
        var dropNewest = new IntDropNewest(capacity: 8);
        var dropNewestShared = new PayloadDropNewestThreadSafe(capacity: 8);
        var hardCap = new PayloadThrow(capacity: 8);
        var hardCapShared = new IntThrowThreadSafe(capacity: 8);
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations / 4; i++)
            {
                dropNewest.Add(i);
                dropNewestShared.TryAdd(Payloads[i & 255]);
                hardCap.TryAdd(Payloads[i & 255], out _);
                hardCapShared.TryAdd(i);
            }
        }));
        Assert.True(dropNewest.Dropped > 0 && dropNewestShared.Dropped > 0 && hardCap.Dropped > 0 && hardCapShared.Dropped > 0);
    }

    // ---- adds into room, after the ring has grown to its capacity ----------------------------------------------

    [Fact]
    public void Add_into_room_after_growth_allocates_nothing()
    {
        var ints = new IntDropOldest();
        var intsShared = new IntDropOldestThreadSafe();
        var payloads = new PayloadThrow();
        var payloadsShared = new PayloadDropNewestThreadSafe();
        long added = 0;

        // Fill to the capacity (the ring has grown to 100 slots), empty, and again: never full when adding.
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < Operations / (TestQueueLimits.MaxLength - 1); round++)
            {
                for (int i = 0; i < TestQueueLimits.MaxLength - 1; i++)
                {
                    ints.Add(i);
                    intsShared.Add(i);
                    payloads.Add(Payloads[i]);
                    payloadsShared.Add(Payloads[i]);
                    added++;
                }

                ints.Clear();
                intsShared.Clear();
                payloads.Clear();
                payloadsShared.Clear();
            }
        }));
        Assert.True(added >= 3 * Operations * 9 / 10);
        Assert.Equal(0, ints.Evicted + intsShared.Evicted + payloads.Dropped + payloadsShared.Dropped);
    }

    [Fact]
    public void TryDequeue_and_TryAdd_cycles_allocate_nothing()
    {
        var ints = new IntDropOldest(capacity: 7);
        var intsShared = new IntThrowThreadSafe(capacity: 7);
        var payloads = new PayloadDropNewest(capacity: 7);
        var payloadsShared = new PayloadDropOldestThreadSafe(capacity: 7);
        long sum = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                ints.TryAdd(i);
                intsShared.TryAdd(i);
                payloads.TryAdd(Payloads[i & 255]);
                payloadsShared.TryAdd(Payloads[i & 255]);
                if ((i & 1) == 0)
                {
                    ints.TryDequeue(out int a);
                    intsShared.TryDequeue(out int b);
                    payloads.TryDequeue(out Payload? c);
                    payloadsShared.TryDequeue(out Payload? d);
                    sum += a + b + (c?.Id ?? 0) + (d?.Id ?? 0);
                }
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void Reads_allocate_nothing()
    {
        var queue = new PayloadDropOldestThreadSafe();
        var ints = new IntDropNewest();
        AddPayloads(queue, TestQueueLimits.MaxLength);
        AddInts(ints, TestQueueLimits.MaxLength / 3);
        var destination = new Payload[TestQueueLimits.MaxLength];
        long sum = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int i = 0; i < Operations / 10; i++)
            {
                sum += queue[i % queue.Count].Id + ints[i % ints.Count];
                queue.TryPeekOldest(out Payload? oldest);
                queue.TryPeekNewest(out Payload? newest);
                ints.TryPeekNewest(out int last);
                sum += oldest!.Id + newest!.Id + last + queue.Count + ints.Count + queue.TotalAdded + queue.Evicted;
                queue.CopyTo(destination, 0);
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void RemoveWhere_with_a_cached_predicate_allocates_nothing()
    {
        var queue = new PayloadDropOldest(capacity: 64);
        var shared = new IntDropOldestThreadSafe(capacity: 64);
        long removed = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < 1000; round++)
            {
                for (int i = 0; i < 64; i++)
                {
                    queue.Add(Payloads[i]);
                    shared.Add(i);
                }

                removed += queue.RemoveWhere(static item => (item.Id & 1) == 0);
                removed += shared.RemoveWhere(static item => (item & 1) == 0);
            }
        }));
        Assert.True(removed > 0);
    }

    // ---- enumeration through the struct enumerators ------------------------------------------------------------

    [Fact]
    public void Foreach_allocates_nothing()
    {
        var ints = new IntDropOldest();
        var payloads = new PayloadDropNewest();
        AddInts(ints, 250);
        AddPayloads(payloads, 99);
        long sum = 0;

        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < Operations / 100; round++)
            {
                foreach (int item in ints)
                {
                    sum += item;
                }

                foreach (Payload item in payloads)
                {
                    sum += item.Id;
                }
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void Foreach_over_NewestFirst_allocates_nothing()
    {
        var ints = new IntDropOldest();
        var payloads = new PayloadThrow();
        AddInts(ints, 250);
        AddPayloads(payloads, 99);
        long sum = 0;

        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < Operations / 100; round++)
            {
                foreach (int item in ints.NewestFirst)
                {
                    sum += item;
                }

                foreach (Payload item in payloads.NewestFirst)
                {
                    sum += item.Id;
                }
            }
        }));
        Assert.True(sum > 0);
    }

    [Fact]
    public void Foreach_over_a_generic_queue_allocates_nothing()
    {
        var window = new Window<Payload>();
        for (int i = 0; i < 40; i++)
        {
            window.Add(Payloads[i]);
        }

        long sum = 0;
        Assert.Equal(0, AllocatedBy(() =>
        {
            for (int round = 0; round < Operations / 16; round++)
            {
                foreach (Payload item in window)
                {
                    sum += item.Id;
                }

                foreach (Payload item in window.NewestFirst)
                {
                    sum += item.Id;
                }

                window.Add(Payloads[round & 255]);
            }
        }));
        Assert.True(sum > 0);
    }

    // A thread-safe queue enumerates a copy taken under its lock (a torn-free view while other threads write), so
    // each enumeration allocates exactly one array of the items held, and nothing else.
    [Fact]
    public void A_thread_safe_foreach_allocates_one_copy_of_the_items_and_nothing_more()
    {
        var ints = new IntDropOldestThreadSafe();
        var payloads = new PayloadThrowThreadSafe();
        var shared = new SharedWindow<int>();
        AddInts(ints, 250);
        AddPayloads(payloads, 99);
        for (int i = 0; i < 40; i++)
        {
            shared.TryAdd(i);
        }

        long sum = 0;
        long ForEachOnce()
        {
            return AllocatedBy(() =>
            {
                foreach (int item in ints)
                {
                    sum += item;
                }
            });
        }

        Assert.Equal(ArrayBytes(ints.Count, sizeof(int)), ForEachOnce());
        Assert.Equal(ArrayBytes(ints.Count, sizeof(int)), AllocatedBy(() =>
        {
            foreach (int item in ints.NewestFirst)
            {
                sum += item;
            }
        }));
        Assert.Equal(ArrayBytes(payloads.Count, IntPtr.Size), AllocatedBy(() =>
        {
            foreach (Payload item in payloads)
            {
                sum += item.Id;
            }
        }));
        Assert.Equal(ArrayBytes(shared.Count, sizeof(int)), AllocatedBy(() =>
        {
            foreach (int item in shared.NewestFirst)
            {
                sum += item;
            }
        }));
        Assert.True(sum > 0);
    }

    // An array on 64-bit .NET: a 16-byte header and an 8-byte length, then the elements, rounded up to 8 bytes.
    private static long ArrayBytes(int length, int elementSize)
    {
        return (16 + 8 + ((long)length * elementSize) + 7) & ~7L;
    }

    private static void AddInts(IBoundedQueue<int> queue, int count)
    {
        for (int i = 0; i < count; i++)
        {
            queue.Add(i);
        }
    }

    private static void AddPayloads(IBoundedQueue<Payload> queue, int count)
    {
        for (int i = 0; i < count; i++)
        {
            queue.TryAdd(Payloads[i & 255]);
        }
    }
}
