using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The guarantee a thread-safe least-recently-used map or set gives in place of exact LRU order (its reads take no lock,
/// so they mark entries instead of moving them), as the README states it: an eviction takes the oldest entry unmarked
/// when it began; a use marks; an eviction passing over a marked entry clears the mark and moves it to the newest end;
/// so a used entry is never taken while an unmarked one exists, and a mark protects for one pass only.
/// </summary>
public class SecondChanceEvictionTests
{
    public static TheoryData<int> Capacities => new() { 1, 2, 3, 8, 50 };

    public enum Use
    {
        TryGetValue,
        IndexerGet,
        GetOrAdd,
        IndexerSet,
        AddOrUpdate,
    }

    [Theory]
    [MemberData(nameof(Capacities))]
    public void An_entry_read_when_no_other_is_survives_the_next_capacity_minus_one_evictions_and_no_more_unless_read_again(int capacity)
    {
        foreach (int position in Positions(capacity))
        {
            ITestMap<int, long> map = Filled(capacity);
            Assert.True(map.TryGetValue(position, out long value));
            Assert.Equal(position, value);

            AddFresh(map, 1_000, capacity - 1);

            // Every other original key, never used, went first; the one read is still there, with the new keys.
            Assert.True(map.ContainsKey(position), $"Key {position} of {capacity}, read, was evicted within {capacity - 1} evictions.");
            Assert.Equal(new[] { position }.Concat(Enumerable.Range(1_000, capacity - 1)).OrderBy(key => key), map.Keys.OrderBy(key => key));

            // Marks protect once: without another use it goes within the next capacity evictions.
            AddFresh(map, 2_000, capacity);
            Assert.False(map.ContainsKey(position), $"Key {position} of {capacity} survived {2 * capacity - 1} evictions after one read.");
            Assert.Equal(2 * capacity - 1, map.Evicted);
        }
    }

    [Theory]
    [InlineData(Use.TryGetValue)]
    [InlineData(Use.IndexerGet)]
    [InlineData(Use.GetOrAdd)]
    [InlineData(Use.IndexerSet)]
    [InlineData(Use.AddOrUpdate)]
    public void Every_use_of_a_present_key_protects_it_and_ContainsKey_does_not(Use use)
    {
        const int Capacity = 4;
        ITestMap<int, long> map = Filled(Capacity);
        switch (use)
        {
            case Use.TryGetValue:
                Assert.True(map.TryGetValue(0, out _));
                break;
            case Use.IndexerGet:
                Assert.Equal(0, map[0]);
                break;
            case Use.GetOrAdd:
                Assert.Equal(0, map.GetOrAdd(0, _ => throw new InvalidOperationException("The key is present.")));
                break;
            case Use.IndexerSet:
                map[0] = 7;
                break;
            default:
                Assert.Equal(7, map.AddOrUpdate(0, -1, (_, _) => 7));
                break;
        }

        Assert.True(map.ContainsKey(1));
        AddFresh(map, 1_000, 1);

        // Key 0, the oldest, was used: key 1 goes instead, although ContainsKey looked at it.
        Assert.True(map.ContainsKey(0));
        Assert.False(map.ContainsKey(1));
    }

    [Fact]
    public void In_a_set_Contains_and_adding_a_present_value_protect_it()
    {
        var set = new IntSetLruThreadSafe(3);
        set.Add(0);
        set.Add(1);
        set.Add(2);
        Assert.True(set.Contains(0));
        Assert.False(set.Add(1));

        Assert.True(set.Add(3));
        Assert.Equal(new[] { 0, 1, 3 }, set.OrderBy(value => value));
        Assert.True(set.Add(4));
        Assert.Equal(new[] { 1, 3, 4 }, set.OrderBy(value => value));
    }

    [Theory]
    [MemberData(nameof(Capacities))]
    public void A_read_on_another_thread_that_finished_before_the_evictions_began_protects_the_entry(int capacity)
    {
        foreach (int position in Positions(capacity))
        {
            ITestMap<int, long> map = Filled(capacity);

            // Joining the thread orders its read before the adds, as any hand-over between threads does.
            bool found = false;
            var reader = new Thread(() => found = map.TryGetValue(position, out _));
            reader.Start();
            reader.Join();
            Assert.True(found);
            AddFresh(map, 1_000, capacity - 1);

            Assert.True(map.ContainsKey(position), $"Key {position} of {capacity}, read on another thread, was evicted within {capacity - 1} evictions.");
        }
    }

    [Theory]
    [MemberData(nameof(Capacities))]
    public void Entries_never_used_are_evicted_oldest_first(int capacity)
    {
        ITestMap<int, long> map = Filled(capacity);
        for (int key = 0; key < capacity; key++)
        {
            AddFresh(map, 1_000 + key, 1);
            Assert.False(map.ContainsKey(key));
            Assert.Equal(Enumerable.Range(key + 1, capacity - key - 1).Concat(Enumerable.Range(1_000, key + 1)), map.Keys);
        }
    }

    [Fact]
    public void Used_entries_are_passed_over_in_the_order_they_were_added_not_the_order_they_were_used()
    {
        ITestMap<int, long> map = Filled(3);
        Assert.True(map.TryGetValue(1, out _));
        Assert.True(map.TryGetValue(0, out _));

        // The unmarked key goes first, whatever its age; the pass moved 0 then 1 behind it, clearing their marks.
        AddFresh(map, 1_000, 1);
        Assert.False(map.ContainsKey(2));
        Assert.Equal(new[] { 0, 1, 1_000 }, map.Keys);

        // Passed over once, they age like any entry: 0 goes next although it was read after 1 (exact LRU would take 1).
        AddFresh(map, 2_000, 1);
        Assert.False(map.ContainsKey(0));
        Assert.Equal(new[] { 1, 1_000, 2_000 }, map.Keys);
    }

    [Fact]
    public void A_used_entry_is_never_taken_while_an_unmarked_one_exists_however_old_the_unmarked_one_is()
    {
        const int Capacity = 6;
        ITestMap<int, long> map = Filled(Capacity);
        for (int key = 0; key < Capacity - 1; key++)
        {
            Assert.True(map.TryGetValue(key, out _));
        }

        // Only the newest key, 5, was not used: it goes, and every used key survives.
        AddFresh(map, 1_000, 1);
        Assert.False(map.ContainsKey(Capacity - 1));
        Assert.Equal(Enumerable.Range(0, Capacity - 1).Append(1_000), map.Keys);
    }

    [Fact]
    public void When_every_entry_was_used_one_pass_clears_the_marks_and_the_oldest_goes()
    {
        const int Capacity = 5;
        ITestMap<int, long> map = Filled(Capacity);
        for (int key = 0; key < Capacity; key++)
        {
            Assert.True(map.TryGetValue(key, out _));
        }

        AddFresh(map, 1_000, 1);

        Assert.False(map.ContainsKey(0));
        Assert.Equal(new[] { 1, 2, 3, 4, 1_000 }, map.Keys);
    }

    private static ITestMap<int, long> Filled(int capacity)
    {
        ITestMap<int, long> map = MapFactory.Int(OverflowPolicy.EvictLeastRecentlyUsed, threadSafe: true, capacity);
        for (int key = 0; key < capacity; key++)
        {
            map[key] = key;
        }

        return map;
    }

    private static void AddFresh(ITestMap<int, long> map, int first, int count)
    {
        for (int key = first; key < first + count; key++)
        {
            map[key] = key;
        }
    }

    private static int[] Positions(int capacity) =>
        capacity <= 8 ? Enumerable.Range(0, capacity).ToArray() : new[] { 0, 1, capacity / 2, capacity - 1 };
}
