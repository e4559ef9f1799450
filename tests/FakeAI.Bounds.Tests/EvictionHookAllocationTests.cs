using System;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// An eviction hook adds no allocation to the adds that evict: the evicted entry leaves the lock in locals, not in a
/// list or a closure. Measured as in <see cref="AllocationTests"/>: a warm-up, then a run that must allocate nothing.
/// </summary>
public class EvictionHookAllocationTests
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
    public void Queue_adds_that_evict_and_tell_the_hook_allocate_nothing()
    {
        var plain = new CountingHookQueue(capacity: 16);
        var safe = new CountingHookQueueThreadSafe(capacity: 16);

        long allocated = AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                Payload payload = Payloads[i & 255];
                plain.Add(payload);
                safe.TryAdd(payload);
                safe.TryAdd(payload, out _);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal((3 * Operations) - 16, plain.Heard);
        Assert.Equal((6 * Operations) - 16, safe.Heard);
    }

    [Fact]
    public void Map_and_set_adds_that_evict_and_tell_the_hook_allocate_nothing()
    {
        var map = new CountingHookLruMapThreadSafe(capacity: 16);
        var set = new CountingHookSet(capacity: 16);
        int next = 0;

        long allocated = AllocatedBy(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                next++;
                map[next] = Payloads[next & 255];
                map.TryAdd(-next, Payloads[0]);
                set.Add(next);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal((6 * Operations) - 16, map.Heard);
        Assert.Equal((3 * Operations) - 16, set.Heard);
    }
}
