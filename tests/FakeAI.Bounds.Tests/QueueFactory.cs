using System;
using System.Collections.Generic;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Creates the generated policy queues by (policy, thread safety), so that one test body runs against all six
/// generated forms of an item type.
/// </summary>
public static class QueueFactory
{
    /// <summary>Every overflow policy a queue accepts, each single-threaded and thread-safe.</summary>
    public static TheoryData<OverflowPolicy, bool> Flavors { get; } = new()
    {
        { OverflowPolicy.DropOldest, false },
        { OverflowPolicy.DropNewest, false },
        { OverflowPolicy.Throw, false },
        { OverflowPolicy.DropOldest, true },
        { OverflowPolicy.DropNewest, true },
        { OverflowPolicy.Throw, true },
    };

    /// <summary>The single-threaded and the thread-safe form of each policy, for tests about one of them.</summary>
    public static TheoryData<bool> ThreadSafety { get; } = new() { false, true };

    public static IBoundedQueue<int> Int(OverflowPolicy policy, bool threadSafe) => Int(policy, threadSafe, TestQueueLimits.MaxLength);

    public static IBoundedQueue<int> Int(OverflowPolicy policy, bool threadSafe, int capacity) => (policy, threadSafe) switch
    {
        (OverflowPolicy.DropOldest, false) => new IntDropOldest(capacity),
        (OverflowPolicy.DropNewest, false) => new IntDropNewest(capacity),
        (OverflowPolicy.Throw, false) => new IntThrow(capacity),
        (OverflowPolicy.DropOldest, true) => new IntDropOldestThreadSafe(capacity),
        (OverflowPolicy.DropNewest, true) => new IntDropNewestThreadSafe(capacity),
        (OverflowPolicy.Throw, true) => new IntThrowThreadSafe(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "A queue has no such policy."),
    };

    public static IBoundedQueue<Payload> Payload(OverflowPolicy policy, bool threadSafe) => Payload(policy, threadSafe, TestQueueLimits.MaxLength);

    public static IBoundedQueue<Payload> Payload(OverflowPolicy policy, bool threadSafe, int capacity) => (policy, threadSafe) switch
    {
        (OverflowPolicy.DropOldest, false) => new PayloadDropOldest(capacity),
        (OverflowPolicy.DropNewest, false) => new PayloadDropNewest(capacity),
        (OverflowPolicy.Throw, false) => new PayloadThrow(capacity),
        (OverflowPolicy.DropOldest, true) => new PayloadDropOldestThreadSafe(capacity),
        (OverflowPolicy.DropNewest, true) => new PayloadDropNewestThreadSafe(capacity),
        (OverflowPolicy.Throw, true) => new PayloadThrowThreadSafe(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "A queue has no such policy."),
    };

    /// <summary>Every policy queue of both item types created with its default constructor, as the collection interface.</summary>
    public static IEnumerable<IBoundedCollection> AllDefault()
    {
        foreach (object[] row in Flavors)
        {
            var policy = (OverflowPolicy)row[0];
            var threadSafe = (bool)row[1];
            yield return Int(policy, threadSafe);
            yield return Payload(policy, threadSafe);
        }
    }
}

/// <summary>
/// Makes the items of a test, by a number that identifies them. Reference items are made once per number, so that a
/// test can compare by identity: the queue must hand back the very instance it was given.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class ItemSource<T>
{
    public abstract T Item(int id);

    public abstract int Id(T item);

    public T[] Items(int firstId, int count)
    {
        var items = new T[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = Item(firstId + i);
        }

        return items;
    }
}

public sealed class IntItems : ItemSource<int>
{
    public override int Item(int id) => id;

    public override int Id(int item) => item;
}

public sealed class PayloadItems : ItemSource<Payload>
{
    private readonly Dictionary<int, Payload> _made = new();

    public override Payload Item(int id)
    {
        if (!_made.TryGetValue(id, out Payload? payload))
        {
            payload = new Payload(id);
            _made.Add(id, payload);
        }

        return payload;
    }

    public override int Id(Payload item) => item.Id;
}
