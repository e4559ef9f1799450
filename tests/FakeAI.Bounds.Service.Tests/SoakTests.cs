using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// The same rounds of HTTP traffic against the bounded service and against the copy wired to the unbounded trackers.
/// After the first round has filled every bound, the bounded service holds the same entries and the same heap round
/// after round; the unbounded copy gains entries and heap with every round. Heap levels are compared between the two
/// runs and with wide margins, never against timings or exact byte counts, so that a busy machine does not decide.
/// </summary>
[Collection(ServiceTestCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int VisitsPerRound = 1_000;
    private const int Rounds = 4;

    [Fact]
    public async Task The_bounded_service_levels_off_at_its_bounds_while_the_unbounded_copy_keeps_growing()
    {
        SoakRun bounded = await RunAsync<Program>();
        SoakRun unbounded = await RunAsync<UnboundedProgram>();
        output.WriteLine("entries held   bounded: " + string.Join(", ", bounded.Entries) + "; unbounded: " + string.Join(", ", unbounded.Entries));
        output.WriteLine("heap above baseline (KB)   bounded: " + string.Join(", ", bounded.HeapKb) + "; unbounded: " + string.Join(", ", unbounded.HeapKb));

        // Every bound the traffic reaches is full after the first round, and evicting.
        BoundsSnapshot first = bounded.Snapshots[0];
        foreach ((string tracker, string member) in SoakSettings.FilledMembers)
        {
            MemberBounds row = first.Member(tracker, member);
            Assert.True(row.Count == row.Capacity && row.Evicted > 0, $"{tracker}.{member} after one round: {row}");
        }

        MemberBounds activeBatches = first.Member("BatchMetricsTracker", "_activeBatches");
        Assert.True(activeBatches.Evicted > 0, "abandoned batches should have been evicted: " + activeBatches);

        // No member of the bounded trackers ever holds more than its capacity, and the full ones stay exactly full.
        foreach (BoundsSnapshot snapshot in bounded.Snapshots)
        {
            Assert.All(snapshot.Members, pair => Assert.True(pair.Member.Count <= pair.Member.Capacity, $"{pair.Tracker}.{pair.Member}"));
            foreach ((string tracker, string member) in SoakSettings.FilledMembers)
            {
                Assert.Equal(first.Member(tracker, member).Count, snapshot.Member(tracker, member).Count);
            }
        }

        // Entries: after round 1 the bounded total stays put (give or take the active batches of the last few visits);
        // the unbounded one grows by at least five entries per visit and round (a usage record per call, a cost key, a
        // model, an error pattern, an abandoned batch).
        long boundedGrowth = bounded.Entries[^1] - bounded.Entries[1];
        long unboundedGrowth = unbounded.Entries[^1] - unbounded.Entries[1];
        Assert.True(Math.Abs(boundedGrowth) <= 10, $"bounded entries moved by {boundedGrowth} after the bounds were full");
        Assert.True(unboundedGrowth >= 5L * VisitsPerRound * (Rounds - 2), $"unbounded entries grew by only {unboundedGrowth}");
        Assert.True(unbounded.Entries[^1] > 5 * bounded.Entries[^1], "the unbounded copy should hold many times the bounded entries");

        // Heap after a full GC: the unbounded copy's heap climbs by megabytes over the last rounds; the bounded service's
        // moves by a fraction of that (noise: pools, JIT, the test's own objects).
        long boundedHeapGrowth = bounded.Heap[^1] - bounded.Heap[1];
        long unboundedHeapGrowth = unbounded.Heap[^1] - unbounded.Heap[1];
        Assert.True(unboundedHeapGrowth > 2_500_000, $"the unbounded heap grew by only {unboundedHeapGrowth} bytes");
        Assert.True(boundedHeapGrowth < unboundedHeapGrowth / 4, $"bounded heap grew by {boundedHeapGrowth} bytes, unbounded by {unboundedHeapGrowth}");
        Assert.True(unbounded.Heap[^1] > 2 * bounded.Heap[^1], $"heap above baseline at the end: bounded {bounded.Heap[^1]}, unbounded {unbounded.Heap[^1]}");
    }

    private static async Task<SoakRun> RunAsync<TEntryPoint>()
        where TEntryPoint : class
    {
        await using var factory = new ServiceFactory<TEntryPoint>(SoakSettings.Values);
        factory.StartServer();
        var client = new ServiceClient(factory.CreateClient());
        var traffic = new SoakTraffic(client, VisitsPerRound);

        // One visit before the baseline, so that what every first request creates (JIT, pools, caches) is in it.
        await new SoakTraffic(client, 1).RunRoundAsync(VisitsPerRound * Rounds);
        long baseline = ManagedHeap.AfterFullCollection();
        var snapshots = new List<BoundsSnapshot>();
        var heap = new List<long>();
        for (int round = 0; round < Rounds; round++)
        {
            await traffic.RunRoundAsync(round);
            snapshots.Add(await client.BoundsAsync());
            heap.Add(ManagedHeap.AfterFullCollection() - baseline);
        }

        return new SoakRun(snapshots, heap);
    }

    private sealed record SoakRun(List<BoundsSnapshot> Snapshots, List<long> Heap)
    {
        // The event queue's depth is how far the bus's worker is behind at that moment, not state the tracker keeps.
        public long[] Entries => [.. Snapshots.Select(snapshot => snapshot.Members.Where(pair => pair.Member.Name != "_queue").Sum(pair => (long)pair.Member.Count))];

        public long[] HeapKb => [.. Heap.Select(bytes => bytes / 1024)];
    }
}
