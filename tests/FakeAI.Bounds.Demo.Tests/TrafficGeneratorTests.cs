using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>
/// The traffic depends on its seed alone, which is what lets both versions receive identical traffic without storing
/// it, and lets the README's numbers be reproduced.
/// </summary>
public class TrafficGeneratorTests
{
    [Fact]
    public void The_same_seed_replays_the_same_operations()
    {
        var first = new TrafficGenerator(7);
        var second = new TrafficGenerator(7);

        Assert.Equal(Enumerable.Range(0, 20_000).Select(_ => first.Next()), Enumerable.Range(0, 20_000).Select(_ => second.Next()));
    }

    [Fact]
    public void Another_seed_gives_other_traffic()
    {
        var first = new TrafficGenerator(7);
        var second = new TrafficGenerator(8);

        Assert.NotEqual(Enumerable.Range(0, 100).Select(_ => first.Next()), Enumerable.Range(0, 100).Select(_ => second.Next()));
    }

    [Fact]
    public void The_traffic_mixes_every_kind_of_operation()
    {
        var traffic = new TrafficGenerator(42);

        var kinds = Enumerable.Range(0, 50_000).Select(_ => traffic.Next().GetType()).Distinct().ToHashSet();

        Assert.Equal(15, kinds.Count);
    }
}
