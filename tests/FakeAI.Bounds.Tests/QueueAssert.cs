using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>Assertions that look at a queue through every read it offers, so that no view can disagree with another.</summary>
public static class QueueAssert
{
    /// <summary>
    /// Asserts that the queue holds exactly <paramref name="expected"/>, oldest first, as seen by <c>Count</c>,
    /// <c>IsFull</c>, <c>ToArray</c>, <c>CopyTo</c>, the indexer, both peeks, both enumeration orders and the
    /// non-generic enumerator.
    /// </summary>
    public static void Contents<T>(IBoundedQueue<T> queue, IReadOnlyList<T> expected)
    {
        Assert.Equal(expected.Count, queue.Count);
        Assert.Equal(expected.Count == queue.Capacity, queue.IsFull);
        Assert.True(queue.Count <= queue.Capacity, $"Count {queue.Count} is above Capacity {queue.Capacity}.");

        Sequence(expected, queue.ToArray(), "ToArray");

        var copy = new T[expected.Count];
        queue.CopyTo(copy, 0);
        Sequence(expected, copy, "CopyTo");

        var indexed = new T[expected.Count];
        for (int index = 0; index < expected.Count; index++)
        {
            indexed[index] = queue[index];
        }

        Sequence(expected, indexed, "the indexer");

        var oldestFirst = new List<T>();
        foreach (T item in queue)
        {
            oldestFirst.Add(item);
        }

        Sequence(expected, oldestFirst, "foreach");
        Sequence(expected.Reverse().ToList(), queue.NewestFirst.ToList(), "NewestFirst");

        var nonGeneric = new List<object?>();
        foreach (object? item in (IEnumerable)queue)
        {
            nonGeneric.Add(item);
        }

        Sequence(expected.Cast<object?>().ToList(), nonGeneric, "the non-generic enumerator");

        bool hasOldest = queue.TryPeekOldest(out T? oldest);
        bool hasNewest = queue.TryPeekNewest(out T? newest);
        Assert.Equal(expected.Count > 0, hasOldest);
        Assert.Equal(expected.Count > 0, hasNewest);
        if (expected.Count > 0)
        {
            Assert.Equal(expected[0], oldest);
            Assert.Equal(expected[expected.Count - 1], newest);
        }
        else
        {
            Assert.Equal(default, oldest);
            Assert.Equal(default, newest);
        }
    }

    /// <summary>Asserts that two sequences are equal item by item; fast when they are, as detailed as xunit when not.</summary>
    public static void Sequence<T>(IReadOnlyList<T> expected, IReadOnlyList<T> actual, string view)
    {
        bool equal = expected.Count == actual.Count;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; equal && i < expected.Count; i++)
        {
            equal = comparer.Equals(expected[i], actual[i]);
        }

        if (!equal)
        {
            Assert.Fail(
                $"{view} disagrees. Expected [{string.Join(", ", expected)}] ({expected.Count} items), "
                + $"actual [{string.Join(", ", actual)}] ({actual.Count} items).");
        }
    }

    /// <summary>
    /// Asserts the accounting invariant: every item ever stored is still held, was evicted, or was removed
    /// (dequeued, removed by <c>RemoveWhere</c> or cleared); and a policy never uses the other policies' counter.
    /// </summary>
    /// <param name="queue">The queue.</param>
    /// <param name="removed">How many items the test removed by dequeue, RemoveWhere and Clear.</param>
    public static void Invariant(IBoundedCollection queue, long removed)
    {
        Assert.True(queue.Count >= 0 && queue.Count <= queue.Capacity, $"Count {queue.Count} is outside 0 … Capacity {queue.Capacity}.");
        Assert.Equal(queue.TotalAdded, queue.Count + queue.Evicted + removed);
        if (queue.Overflow == OverflowPolicy.DropOldest)
        {
            Assert.Equal(0, queue.Dropped);
        }
        else
        {
            Assert.Equal(0, queue.Evicted);
        }
    }
}
