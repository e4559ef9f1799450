using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// A thread-safe map runs a RemoveWhere predicate and an AddOrUpdate update factory under its lock. A callback that
/// uses the map again must get an exception that says so, not spin forever on the lock its own thread holds. A
/// GetOrAdd factory runs outside the lock, so it may use the map.
/// </summary>
public class MapReentrancyTests
{
    /// <summary>Members of the map that take its lock. (Count, Capacity and the counters read single fields without it.)</summary>
    public enum Use
    {
        IndexerGet,
        IndexerSet,
        TryGetValue,
        ContainsKey,
        TryAdd,
        GetOrAdd,
        AddOrUpdate,
        Remove,
        RemoveWhere,
        Clear,
        Foreach,
        Keys,
    }

    public static TheoryData<OverflowPolicy, Use> Cases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, Use>();
            foreach (OverflowPolicy policy in MapFactory.Policies)
            {
                foreach (Use use in Enum.GetValues<Use>())
                {
                    cases.Add(policy, use);
                }
            }

            return cases;
        }
    }

    private static long Reenter(ITestMap<int, long> map, Use use, int key)
    {
        switch (use)
        {
            case Use.IndexerGet:
                return map[key];
            case Use.IndexerSet:
                map[key + 100] = 1;
                return 0;
            case Use.TryGetValue:
                return map.TryGetValue(key, out long value) ? value : 0;
            case Use.ContainsKey:
                return map.ContainsKey(key) ? 1 : 0;
            case Use.TryAdd:
                return map.TryAdd(key + 100, 1) ? 1 : 0;
            case Use.GetOrAdd:
                return map.GetOrAdd(key, k => k);
            case Use.AddOrUpdate:
                return map.AddOrUpdate(key + 100, 1, (_, current) => current);
            case Use.Remove:
                return map.Remove(key + 100) ? 1 : 0;
            case Use.RemoveWhere:
                return map.RemoveWhere((_, _) => false);
            case Use.Clear:
                map.Clear();
                return 0;
            case Use.Foreach:
                return map.Sum(pair => pair.Value);
            default:
                return map.Keys.Sum();
        }
    }

    private static ITestMap<int, long> TenKeys(OverflowPolicy policy)
    {
        ITestMap<int, long> map = MapFactory.Int(policy, threadSafe: true);
        for (int key = 0; key < 10; key++)
        {
            map[key] = key * 10;
        }

        return map;
    }

    /// <summary>Runs an action on another thread, failing instead of hanging the run if it never returns.</summary>
    private static async Task<Exception?> Attempt(Action action, string what)
    {
        Task<Exception?> attempt = Task.Run<Exception?>(() => Record.Exception(action));
        Task finished = await Task.WhenAny(attempt, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == attempt, what + " did not return: the callback's use of the map deadlocked");
        return await attempt;
    }

    private static void AssertUntouchedAndUsable(ITestMap<int, long> map)
    {
        // The lock was released and nothing was lost: the map still works from any thread.
        Assert.Equal(Enumerable.Range(0, 10), map.Keys.OrderBy(key => key));
        Assert.All(Enumerable.Range(0, 10), key => Assert.Equal(key * 10L, map[key]));
        Assert.Equal(10, map.TotalAdded);
        map[50] = 5;
        Assert.True(map.Remove(50));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_RemoveWhere_predicate_that_uses_its_thread_safe_map_throws_instead_of_hanging(OverflowPolicy policy, Use use)
    {
        ITestMap<int, long> map = TenKeys(policy);

        Exception? exception = await Attempt(() => map.RemoveWhere((key, _) => Reenter(map, use, key) == long.MinValue), "RemoveWhere");

        Assert.Contains("callback", Assert.IsType<InvalidOperationException>(exception).Message, StringComparison.Ordinal);
        AssertUntouchedAndUsable(map);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_AddOrUpdate_update_factory_that_uses_its_thread_safe_map_throws_instead_of_hanging(OverflowPolicy policy, Use use)
    {
        ITestMap<int, long> map = TenKeys(policy);

        Exception? exception = await Attempt(() => map.AddOrUpdate(3, -1, (key, current) => current + Reenter(map, use, key)), "AddOrUpdate");

        Assert.Contains("callback", Assert.IsType<InvalidOperationException>(exception).Message, StringComparison.Ordinal);
        AssertUntouchedAndUsable(map);
    }

    [Theory]
    [MemberData(nameof(MapFactory.PolicyData), MemberType = typeof(MapFactory))]
    public async Task A_RemoveWhere_predicate_that_uses_its_thread_safe_set_throws_instead_of_hanging(OverflowPolicy policy)
    {
        var uses = new List<Action<ITestSet<int>, int>>
        {
            (set, value) => set.Contains(value),
            (set, value) => set.Add(value + 100),
            (set, value) => set.TryAdd(value + 100),
            (set, value) => set.Remove(value),
            (set, _) => set.Clear(),
            (set, _) => set.RemoveWhere(_ => false),
            (set, _) => set.Sum(),
        };

        foreach (Action<ITestSet<int>, int> use in uses)
        {
            ITestSet<int> set = MapFactory.IntSet(policy, threadSafe: true, 20);
            for (int value = 0; value < 10; value++)
            {
                set.Add(value);
            }

            Exception? exception = await Attempt(
                () => set.RemoveWhere(value =>
                {
                    use(set, value);
                    return true;
                }),
                "RemoveWhere");

            Assert.Contains("callback", Assert.IsType<InvalidOperationException>(exception).Message, StringComparison.Ordinal);
            Assert.Equal(Enumerable.Range(0, 10), set.Order());
            Assert.True(set.Add(50));
        }
    }

    [Theory]
    [MemberData(nameof(MapFactory.PolicyData), MemberType = typeof(MapFactory))]
    public async Task A_GetOrAdd_factory_may_use_its_thread_safe_map(OverflowPolicy policy)
    {
        ITestMap<int, long> map = TenKeys(policy);
        Assert.True(map.Remove(9));
        int calls = 0;

        long result = 0;
        Exception? exception = await Attempt(
            () => result = map.GetOrAdd(42, key =>
            {
                calls++;
                Assert.False(map.ContainsKey(key));
                Assert.True(map.TryGetValue(1, out long one));
                long sum = map.Sum(pair => pair.Value) + map.Keys.Sum() + one;
                map[100] = 7;
                Assert.True(map.Remove(100));
                Assert.Equal(0, map.RemoveWhere((_, _) => false));
                return sum;
            }),
            "GetOrAdd");

        Assert.Null(exception);
        Assert.Equal(1, calls);
        long expected = Enumerable.Range(0, 9).Sum(key => key * 10L) + Enumerable.Range(0, 9).Sum() + 10;
        Assert.Equal(expected, result);
        Assert.Equal(expected, map[42]);
        Assert.Equal(10, map.Count);
    }
}
