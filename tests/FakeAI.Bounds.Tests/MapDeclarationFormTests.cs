using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The generic and nested declarations of maps and sets, used the way the trackers use them: a least-recently-used
/// cache, a hard cap on active streams, error patterns aged out after an hour, the users an error touched.
/// </summary>
public class MapDeclarationFormTests
{
    [Fact]
    public void A_generic_LRU_cache_evicts_the_least_recently_used_key_with_any_key_and_value_types()
    {
        var cache = new LruCache<string, int[]>(capacity: 3, StringComparer.OrdinalIgnoreCase);
        Assert.Same(StringComparer.OrdinalIgnoreCase, cache.Comparer);
        int[] a = [1];
        int[] b = [2];
        cache["a"] = a;
        cache["b"] = b;
        cache["c"] = [3];

        Assert.Same(a, cache["A"]);
        cache["d"] = [4];

        Assert.Equal(new[] { "c", "a", "d" }, cache.Keys);
        Assert.False(cache.ContainsKey("b"));
        Assert.Equal(1, cache.Evicted);
        Assert.True(cache.Remove("A", out int[]? removed));
        Assert.Same(a, removed);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => cache[null!]).ParamName);
        Assert.Throws<KeyNotFoundException>(() => cache["b"]);

        var numbers = new LruCache<int, long>();
        Assert.Equal(16, numbers.Capacity);
        for (int key = 0; key < 20; key++)
        {
            numbers.GetOrAdd(key, k => k * 2L);
            Assert.Equal(0L, numbers[0]);
        }

        Assert.Equal(new[] { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 0 }, numbers.Keys);
        Assert.Equal(4, numbers.Evicted);
    }

    [Fact]
    public void A_generic_thread_safe_lookup_rejects_new_keys_when_full()
    {
        var lookup = new SharedLookup<Guid, string>(capacity: 2);
        Guid first = Guid.NewGuid();
        Guid second = Guid.NewGuid();
        lookup[first] = "first";
        Assert.True(lookup.TryAdd(second, "second"));

        Assert.False(lookup.TryAdd(Guid.NewGuid(), "third"));
        Assert.Equal("fourth", lookup.GetOrAdd(Guid.NewGuid(), _ => "fourth"));
        lookup[first] = "updated";

        Assert.Equal(new[] { first, second }, lookup.Keys);
        Assert.Equal(new[] { "updated", "second" }, lookup.Values);
        Assert.Equal(2, lookup.Dropped);
        Assert.Equal(OverflowPolicy.DropNewest, lookup.Overflow);
        Assert.True(lookup.Remove(second, out string? removed));
        Assert.Equal("second", removed);
    }

    [Fact]
    public void A_nested_map_is_a_hard_cap_on_active_streams()
    {
        var streams = new MapHolder.ActiveStreams();
        for (int i = 0; i < 8; i++)
        {
            streams["stream-" + i] = i;
        }

        var exception = Assert.Throws<BoundExceededException>(() => streams["stream-8"] = 8);
        Assert.Equal(8, exception.MaxLength);
        Assert.Equal(8, exception.Capacity);
        Assert.Contains("ActiveStreams", exception.Message, StringComparison.Ordinal);
        Assert.False(streams.TryAdd("stream-8", 8));
        Assert.Equal(2, streams.Dropped);

        // A finished stream makes room for the next one.
        Assert.True(streams.Remove("stream-3"));
        streams["stream-8"] = 8;
        Assert.Equal(8, streams.Count);
        Assert.Equal(9, streams.TotalAdded);

        var small = new MapHolder.ActiveStreams(capacity: 2);
        small["a"] = 1;
        small["b"] = 2;
        exception = Assert.Throws<BoundExceededException>(() => small.AddOrUpdate("c", 3, (_, v) => v));
        Assert.Equal(2, exception.Capacity);
        Assert.Equal(8, exception.MaxLength);
        Assert.Contains("capacity 2 of MaxLength 8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_patterns_are_aged_out_with_RemoveWhere()
    {
        // Pattern id -> ticks when it was last seen; a cleanup removes the patterns not seen for an hour.
        var lastSeen = new IntMapLru(capacity: 50);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int pattern = 0; pattern < 30; pattern++)
        {
            lastSeen[pattern] = start.AddMinutes(pattern * 4).Ticks;
        }

        // Patterns 0 … 4 are seen again late.
        for (int pattern = 0; pattern < 5; pattern++)
        {
            lastSeen.AddOrUpdate(pattern, 0, (_, _) => start.AddMinutes(150).Ticks);
        }

        long cutoff = start.AddMinutes(160).AddHours(-1).Ticks;
        int removed = lastSeen.RemoveWhere((_, ticks) => ticks < cutoff);

        // Seen at 4 × pattern minutes: 5 … 24 are older than 100 minutes; 25 … 29 and the refreshed 0 … 4 stay.
        Assert.Equal(20, removed);
        Assert.Equal(new[] { 25, 26, 27, 28, 29, 0, 1, 2, 3, 4 }, lastSeen.Keys);
        Assert.Equal(30, lastSeen.TotalAdded);
        Assert.Equal(0, lastSeen.Evicted);
    }

    [Fact]
    public void A_nested_thread_safe_LRU_set_keeps_the_users_seen_most_recently()
    {
        var users = new MapHolder.Inner.AffectedUsers();
        Assert.Equal(4, users.Capacity);
        foreach (string user in new[] { "ann", "bob", "cy", "dee" })
        {
            Assert.True(users.Add(user));
        }

        Assert.False(users.Add("ann"));
        Assert.True(users.Contains("bob"));
        Assert.True(users.Add("eve"));

        Assert.Equal(new[] { "dee", "ann", "bob", "eve" }, users);
        Assert.False(users.Contains("cy"));
        Assert.Equal(1, users.Evicted);
        Assert.Equal("item", Assert.Throws<ArgumentNullException>(() => users.Add(null!)).ParamName);
    }

    [Fact]
    public void A_generic_thread_safe_set_evicts_the_oldest_value()
    {
        var recent = new SharedRecentSet<(int Id, string Name)>(capacity: 2, comparer: null);
        Assert.True(recent.Add((1, "a")));
        Assert.True(recent.Add((2, "b")));
        Assert.True(recent.Contains((1, "a")));
        Assert.True(recent.Add((3, "c")));
        Assert.Equal(new[] { (2, "b"), (3, "c") }, recent);
        Assert.Equal(EqualityComparer<(int, string)>.Default, recent.Comparer);
        Assert.Equal(16, SharedRecentSet<int>.DeclaredMaxLength);
        Assert.Equal(1, recent.RemoveWhere(item => item.Id == 2));
        Assert.Single(recent);
        Assert.Equal(3, recent.Sum(item => item.Id));
    }

    [Fact]
    public void A_map_with_a_large_MaxLength_allocates_its_table_on_demand()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var map = new LargeLruMap();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The object itself, not a table of a million entries (12+ MB).
        Assert.True(allocated < 1024, $"An empty map of MaxLength 1,000,000 allocated {allocated} bytes.");
        Assert.Equal(1_000_000, map.Capacity);

        for (int key = 0; key < 20_000; key++)
        {
            map[key] = -key;
        }

        Assert.Equal(20_000, map.Count);
        Assert.Equal(Enumerable.Range(0, 20_000), map.Keys);
        Assert.All(Enumerable.Range(0, 20_000), key => Assert.True(map.TryGetValue(key, out int value) && value == -key));
        Assert.Equal(0, map.Evicted);
    }

    [Fact]
    public void A_null_nullable_key_is_rejected_and_other_values_are_keys()
    {
        var map = new NullableKeyMap();
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => map[null] = "null").ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => map.TryGetValue(null, out _)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => map.Remove(null)).ParamName);

        map[0] = "zero";
        map[-1] = "minus one";
        Assert.Equal("zero", map[0]);
        Assert.True(map.ContainsKey(-1));
        Assert.Equal(new int?[] { 0, -1 }, map.Keys);
    }
}
