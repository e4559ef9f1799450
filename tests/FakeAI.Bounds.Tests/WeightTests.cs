using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Dictionaries and sets declared with MaxWeight: each entry is weighed once when it is stored, the total never passes
/// the bound, an entry that does not fit makes room in policy order (or is refused by the policies that do not evict),
/// an entry heavier than the whole bound is refused in the documented way, and every way out subtracts its weight.
/// The test weigher weighs a string by its length.
/// </summary>
public class WeightTests
{
    private static string Of(int weight) => new('w', weight);

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    [Fact]
    public void A_new_entry_that_does_not_fit_evicts_the_oldest_until_it_does()
    {
        var map = new WeightedMap();
        map["a"] = Of(3);
        map["b"] = Of(3);
        map["c"] = Of(3);
        Assert.Equal(9, map.Weight);

        map["d"] = Of(6);

        Assert.Equal([Pair("c", Of(3)), Pair("d", Of(6))], map.ToArray());
        Assert.Equal(9, map.Weight);
        Assert.Equal(2, map.Evicted);
        Assert.Equal(4, map.TotalAdded);
        Assert.Equal(10, map.MaxWeight);
    }

    [Fact]
    public void The_count_bound_still_applies_to_light_entries()
    {
        var map = new WeightedMap(capacity: 2);
        map["a"] = "";
        map["b"] = "";
        map["c"] = "";

        Assert.Equal(["b", "c"], map.Keys.ToArray());
        Assert.Equal(1, map.Evicted);
        Assert.Equal(0, map.Weight);
    }

    [Fact]
    public void An_entry_heavier_than_the_bound_is_refused_by_TryAdd_and_throws_from_the_indexer_leaving_the_map_unchanged()
    {
        var map = new WeightedMap();
        map["a"] = Of(4);

        Assert.False(map.TryAdd("big", Of(11)));
        var thrown = Assert.Throws<BoundExceededException>(() => map["big"] = Of(11));
        Assert.Throws<BoundExceededException>(() => map.GetOrAdd("big", _ => Of(11)));
        Assert.Throws<BoundExceededException>(() => map.AddOrUpdate("a", Of(1), (_, _) => Of(11)));

        Assert.Equal(11, thrown.EntryWeight);
        Assert.Equal(4, thrown.Weight);
        Assert.Equal(10, thrown.MaxWeight);
        Assert.Contains("weight 11", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("MaxWeight 10", thrown.Message, StringComparison.Ordinal);
        Assert.Equal([Pair("a", Of(4))], map.ToArray());
        Assert.Equal(4, map.Weight);
        Assert.Equal(0, map.Evicted);
        Assert.Equal(4, map.Dropped);
    }

    [Fact]
    public void An_entry_that_weighs_exactly_the_bound_evicts_everything_else()
    {
        var map = new WeightedMap();
        map["a"] = Of(2);
        map["b"] = Of(2);

        Assert.True(map.TryAdd("c", Of(10)));

        Assert.Equal([Pair("c", Of(10))], map.ToArray());
        Assert.Equal(10, map.Weight);
    }

    [Fact]
    public void A_negative_weight_throws_and_stores_nothing()
    {
        var map = new WeightedMap();
        map["a"] = Of(2);

        var thrown = Assert.Throws<InvalidOperationException>(() => map["b"] = "-");
        Assert.Throws<InvalidOperationException>(() => map["a"] = "-");

        Assert.Contains("-1", thrown.Message, StringComparison.Ordinal);
        Assert.Equal([Pair("a", Of(2))], map.ToArray());
        Assert.Equal(2, map.Weight);
    }

    [Fact]
    public void A_lighter_value_over_an_existing_key_lowers_the_weight_in_place()
    {
        var map = new WeightedMap();
        map["a"] = Of(5);
        map["b"] = Of(5);

        map["a"] = Of(1);

        Assert.Equal([Pair("a", Of(1)), Pair("b", Of(5))], map.ToArray());
        Assert.Equal(6, map.Weight);
        Assert.Equal(0, map.Evicted);
    }

    [Fact]
    public void A_heavier_value_that_does_not_fit_evicts_other_entries_and_becomes_the_newest()
    {
        var map = new WeightedMap();
        map["a"] = Of(3);
        map["b"] = Of(3);
        map["c"] = Of(3);

        map["a"] = Of(7);

        Assert.Equal([Pair("c", Of(3)), Pair("a", Of(7))], map.ToArray());
        Assert.Equal(10, map.Weight);
        Assert.Equal(1, map.Evicted);
    }

    [Fact]
    public void AddOrUpdate_weighs_the_updated_value()
    {
        var map = new WeightedMap();
        map["a"] = Of(2);
        map["b"] = Of(2);

        Assert.Equal(Of(9), map.AddOrUpdate("a", Of(1), (_, old) => old + Of(7)));
        Assert.Equal(Of(1), map.AddOrUpdate("c", Of(1), (_, old) => old));

        Assert.Equal([Pair("a", Of(9)), Pair("c", Of(1))], map.ToArray());
        Assert.Equal(10, map.Weight);
    }

    [Fact]
    public void Every_way_out_subtracts_what_the_entry_weighed()
    {
        var map = new WeightedMap();
        map["a"] = Of(1);
        map["b"] = Of(2);
        map["c"] = Of(3);
        map["d"] = Of(4);

        Assert.True(map.Remove("b"));
        Assert.Equal(8, map.Weight);
        Assert.Equal(1, map.RemoveWhere((_, value) => value.Length == 3));
        Assert.Equal(5, map.Weight);
        map.Clear();
        Assert.Equal(0, map.Weight);

        map["e"] = Of(10);
        Assert.Equal(10, map.Weight);
    }

    [Fact]
    public void Under_LRU_the_least_recently_used_entry_makes_room_first()
    {
        var map = new WeightedLruMap();
        map["a"] = Of(4);
        map["b"] = Of(4);
        Assert.True(map.TryGetValue("a", out _));

        map["c"] = Of(4);

        Assert.Equal(["a", "c"], map.Keys.ToArray());
        Assert.Equal(8, map.Weight);
    }

    [Fact]
    public void DropNewest_refuses_an_entry_or_a_value_that_does_not_fit()
    {
        var map = new WeightedDropNewestMap();
        map["a"] = Of(6);

        map["b"] = Of(5);
        Assert.False(map.TryAdd("c", Of(5)));
        map["a"] = Of(11 - 1);
        map["d"] = Of(4);
        map["d"] = Of(5);

        Assert.Equal([Pair("a", Of(10))], map.ToArray().Take(1));
        Assert.Equal(10, map.Weight);
        Assert.False(map.ContainsKey("b"));
        Assert.False(map.ContainsKey("d"));
        Assert.Equal(4, map.Dropped);
        Assert.Equal(0, map.Evicted);
    }

    [Fact]
    public void Throw_throws_for_an_entry_or_a_value_that_does_not_fit_and_changes_nothing()
    {
        var map = new WeightedThrowMap();
        map["a"] = Of(6);
        map["b"] = Of(2);

        var thrown = Assert.Throws<BoundExceededException>(() => map["c"] = Of(3));
        Assert.Throws<BoundExceededException>(() => map["b"] = Of(5));
        Assert.False(map.TryAdd("c", Of(3)));

        Assert.Contains("holds weight 8 of MaxWeight 10", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(3, thrown.EntryWeight);
        Assert.Equal([Pair("a", Of(6)), Pair("b", Of(2))], map.ToArray());
        Assert.Equal(8, map.Weight);
        Assert.Equal(3, map.Dropped);
    }

    [Fact]
    public void A_set_weighs_its_values()
    {
        var set = new WeightedSet();
        Assert.True(set.Add(Of(4)));
        Assert.True(set.Add("xxxx"));
        Assert.False(set.Add("xxxx"));

        Assert.True(set.Add("yyyyy"));

        Assert.Equal(["xxxx", "yyyyy"], set.ToArray());
        Assert.Equal(9, set.Weight);
        Assert.Throws<BoundExceededException>(() => set.Add(Of(11)));
        Assert.False(set.TryAdd(Of(11)));
        Assert.True(set.Remove("xxxx"));
        Assert.Equal(5, set.Weight);
    }

    [Fact]
    public void A_Throw_set_throws_for_a_value_that_does_not_fit()
    {
        var set = new WeightedThrowSet();
        set.Add(Of(8));

        Assert.Throws<BoundExceededException>(() => set.Add("abc"));
        Assert.False(set.TryAdd("abc"));

        Assert.Equal([Of(8)], set.ToArray());
    }

    [Fact]
    public void The_hook_hears_every_entry_one_insert_evicted_in_order_with_its_reason()
    {
        var map = new HookedWeightedMap(capacity: 3);
        map["a"] = Of(2);
        map["b"] = Of(2);
        map["c"] = Of(2);
        map["d"] = Of(1);
        Assert.Equal([new((Key: "a", Value: Of(2)), EvictionReason.Overflow)], map.Evictions);

        map["e"] = Of(8);

        Assert.Equal(
            [
                new((Key: "a", Value: Of(2)), EvictionReason.Overflow),
                new((Key: "b", Value: Of(2)), EvictionReason.Overflow),
                new((Key: "c", Value: Of(2)), EvictionReason.Weight),
            ],
            map.Evictions);
        Assert.Equal([Pair("d", Of(1)), Pair("e", Of(8))], map.ToArray());
        Assert.Equal(3, map.Evicted);
    }

    [Fact]
    public void A_throwing_hook_still_hears_every_eviction_and_the_entry_is_stored()
    {
        var map = new HookedWeightedMap { ThrowFor = "a" };
        map["a"] = Of(3);
        map["b"] = Of(3);
        map["c"] = Of(3);

        var thrown = Assert.Throws<InvalidOperationException>(() => map["d"] = Of(9));

        Assert.Equal("hook failed for a", thrown.Message);
        Assert.Equal(["a", "b", "c"], map.Evictions.Select(e => e.Entry.Key));
        Assert.Equal([Pair("d", Of(9))], map.ToArray());
        Assert.Equal(9, map.Weight);

        map.ThrowFor = null;
        map["e"] = Of(1);
        Assert.Equal(10, map.Weight);
    }

    [Fact]
    public void A_replaced_value_that_needs_room_tells_the_hook_of_what_it_evicted()
    {
        var map = new HookedWeightedMap();
        map["a"] = Of(3);
        map["b"] = Of(3);

        map["b"] = Of(9);

        Assert.Equal([new((Key: "a", Value: Of(3)), EvictionReason.Weight)], map.Evictions);
        Assert.Equal([Pair("b", Of(9))], map.ToArray());
    }

    [Fact]
    public void An_expired_entry_takes_its_weight_with_it()
    {
        var clock = new FakeTimeProvider();
        var map = new WeightedExpiringMap(clock);
        map["a"] = Of(6);
        clock.Advance(TimeSpan.FromSeconds(30));
        map["b"] = Of(3);
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(["b"], map.Keys.ToArray());
        Assert.Equal(3, map.Weight);
        map["c"] = Of(7);
        Assert.Equal(10, map.Weight);
        Assert.Equal(0, map.Evicted);
        Assert.Equal(1, map.Expired);
    }

    [Fact]
    public void A_lowered_capacity_takes_the_evicted_weight_with_it()
    {
        var map = new WeightedResizableMap();
        map["a"] = Of(1);
        map["b"] = Of(2);
        map["c"] = Of(3);

        map.SetCapacity(1);

        Assert.Equal([Pair("c", Of(3))], map.ToArray());
        Assert.Equal(3, map.Weight);
        map.SetCapacity(10);
        map["d"] = Of(7);
        Assert.Equal(10, map.Weight);
    }

    [Fact]
    public void A_weighted_collection_reports_its_weights_through_IWeightedCollection_and_BoundSnapshot()
    {
        var map = new WeightedMap();
        map["a"] = Of(7);

        IWeightedCollection weighted = map;
        BoundSnapshot snapshot = BoundSnapshot.Of("Responses", map);

        Assert.Equal(7, weighted.Weight);
        Assert.Equal(10, weighted.MaxWeight);
        Assert.Equal(7, snapshot.Weight);
        Assert.Equal(10, snapshot.MaxWeight);
        Assert.EndsWith(", weight 7/10", snapshot.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, BoundSnapshot.Of("Plain", new LargeLruMap()).MaxWeight);
    }
}
