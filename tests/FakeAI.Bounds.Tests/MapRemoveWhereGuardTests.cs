using System;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// A single-threaded map's RemoveWhere walks its entries while the predicate runs. A predicate that changes the map
/// would leave the walk on an entry that is gone or reused; it must get a clear exception instead of an index error
/// or an entry judged twice.
/// </summary>
public class MapRemoveWhereGuardTests
{
    [Fact]
    public void A_map_predicate_that_adds_to_its_map_throws_InvalidOperationException()
    {
        var map = new IntMapDropOldest(capacity: 4);
        for (int key = 0; key < 4; key++)
        {
            map[key] = key;
        }

        int next = 100;
        Assert.Throws<InvalidOperationException>(() => map.RemoveWhere((key, _) =>
        {
            map[next++] = 0;
            return key == 1;
        }));

        Assert.True(map.Count <= map.Capacity);
    }

    [Fact]
    public void A_set_predicate_that_removes_from_its_set_throws_InvalidOperationException()
    {
        var set = new IntSetDropOldest(capacity: 4);
        for (int value = 0; value < 4; value++)
        {
            set.Add(value);
        }

        Assert.Throws<InvalidOperationException>(() => set.RemoveWhere(value =>
        {
            set.Remove(value + 1);
            return false;
        }));
    }

    [Fact]
    public void A_predicate_that_only_reads_its_map_removes_what_it_matches()
    {
        var map = new IntMapDropOldest(capacity: 4);
        for (int key = 0; key < 4; key++)
        {
            map[key] = key * 10;
        }

        Assert.Equal(2, map.RemoveWhere((key, value) => map.ContainsKey(key) && value >= 20));
        Assert.Equal([0, 1], map.Keys);
    }
}
