using System;
using System.Collections.Generic;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The two generated constructors: <c>()</c> gives Capacity == MaxLength, <c>(capacity)</c> accepts 1 … MaxLength and
/// throws <see cref="ArgumentOutOfRangeException"/> (ParamName "capacity", a message that states the MaxLength) otherwise.
/// </summary>
public class ConstructionTests
{
    private static readonly int[] InvalidCapacities = { 0, -1, TestQueueLimits.MaxLength + 1, int.MinValue, int.MaxValue };

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void The_default_constructor_gives_an_empty_queue_of_capacity_MaxLength(OverflowPolicy policy, bool threadSafe)
    {
        foreach (IBoundedCollection queue in new IBoundedCollection[] { QueueFactory.Int(policy, threadSafe), QueueFactory.Payload(policy, threadSafe) })
        {
            Assert.Equal(TestQueueLimits.MaxLength, queue.Capacity);
            Assert.Equal(TestQueueLimits.MaxLength, queue.MaxLength);
            Assert.Equal(policy, queue.Overflow);
            Assert.Equal(0, queue.Count);
            Assert.Equal(0, queue.TotalAdded);
            Assert.Equal(0, queue.Evicted);
            Assert.Equal(0, queue.Dropped);
        }

        IBoundedQueue<int> ints = QueueFactory.Int(policy, threadSafe);
        Assert.False(ints.IsFull);
        QueueAssert.Contents(ints, Array.Empty<int>());
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void The_capacity_constructor_accepts_1_to_MaxLength(OverflowPolicy policy, bool threadSafe)
    {
        foreach (int capacity in new[] { 1, 2, 3, 7, 64, TestQueueLimits.MaxLength - 1, TestQueueLimits.MaxLength })
        {
            IBoundedQueue<int> queue = QueueFactory.Int(policy, threadSafe, capacity);
            Assert.Equal(capacity, queue.Capacity);
            Assert.Equal(TestQueueLimits.MaxLength, queue.MaxLength);

            for (int i = 0; i < capacity + 3; i++)
            {
                queue.TryAdd(i);
            }

            Assert.Equal(capacity, queue.Count);
            Assert.True(queue.IsFull);
            Assert.Equal(TestQueueLimits.MaxLength, QueueFactory.Payload(policy, threadSafe, capacity).MaxLength);
        }
    }

    [Theory]
    [MemberData(nameof(QueueFactory.Flavors), MemberType = typeof(QueueFactory))]
    public void The_capacity_constructor_rejects_a_capacity_outside_1_to_MaxLength(OverflowPolicy policy, bool threadSafe)
    {
        foreach (int capacity in InvalidCapacities)
        {
            AssertCapacityRejected(() => QueueFactory.Int(policy, threadSafe, capacity), capacity, TestQueueLimits.MaxLength);
            AssertCapacityRejected(() => QueueFactory.Payload(policy, threadSafe, capacity), capacity, TestQueueLimits.MaxLength);
        }
    }

    [Fact]
    public void Every_declaration_form_checks_its_capacity_against_its_own_MaxLength()
    {
        var forms = new (Func<int, object> Create, int MaxLength)[]
        {
            (capacity => new Window<int>(capacity), 16),
            (capacity => new Window<string>(capacity), 16),
            (capacity => new SharedWindow<Payload>(capacity), 16),
            (capacity => new Outer.NestedQueue(capacity), 8),
            (capacity => new Outer.Middle.DeeplyNestedQueue(capacity), 4),
            (capacity => new InternalQueue(capacity), 6),
            (capacity => new global::GlobalNamespaceQueue(capacity), 5),
            (capacity => new PairQueue(capacity), 16),
        };

        foreach ((Func<int, object> create, int maxLength) in forms)
        {
            var largest = (IBoundedCollection)create(maxLength);
            Assert.Equal(maxLength, largest.Capacity);
            Assert.Equal(maxLength, largest.MaxLength);
            Assert.Equal(1, ((IBoundedCollection)create(1)).Capacity);

            foreach (int capacity in new[] { 0, -1, maxLength + 1, int.MinValue, int.MaxValue })
            {
                AssertCapacityRejected(() => create(capacity), capacity, maxLength);
            }
        }
    }

    [Fact]
    public void Instances_do_not_share_state()
    {
        var first = new IntDropOldest(capacity: 2);
        var second = new IntDropOldest(capacity: 3);
        var shared = new IntDropOldestThreadSafe(capacity: 2);

        first.Add(1);
        first.Add(2);
        first.Add(3);
        shared.Add(9);

        Assert.Equal(new[] { 2, 3 }, first.ToArray());
        Assert.Empty(second.ToArray());
        Assert.Equal(0, second.TotalAdded);
        Assert.Equal(3, second.Capacity);
        Assert.Equal(new[] { 9 }, shared.ToArray());
        Assert.Equal(1, first.Evicted);
        Assert.Equal(0, shared.Evicted);
    }

    private static void AssertCapacityRejected(Func<object> create, int capacity, int maxLength)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal("capacity", exception.ParamName);
        Assert.Equal(capacity, exception.ActualValue);
        Assert.Contains(maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
        Assert.Contains("MaxLength", exception.Message, StringComparison.Ordinal);
    }
}
