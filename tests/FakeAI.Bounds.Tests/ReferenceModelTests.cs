using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>The cases of the model comparison: every policy, both thread-safety modes, small and growing capacities.</summary>
public static class ReferenceModelCases
{
    /// <summary>Seeds of <see cref="Random"/>; each case runs all of them.</summary>
    public static readonly int[] Seeds = { 1, 42, 2024 };

    /// <summary>Operations per seed.</summary>
    public const int Operations = 2500;

    /// <summary>
    /// (policy, thread-safe, capacity): capacities 1, 2, 3 and 7 stay within the ring's first allocation or one growth;
    /// <see cref="TestQueueLimits.MaxLength"/> grows the ring 4 -> 8 -> ... -> 64 -> 100 (clamped to the capacity).
    /// </summary>
    public static TheoryData<OverflowPolicy, bool, int> Cases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, bool, int>();
            foreach (object[] flavor in QueueFactory.Flavors)
            {
                foreach (int capacity in new[] { 1, 2, 3, 7, TestQueueLimits.MaxLength })
                {
                    cases.Add((OverflowPolicy)flavor[0], (bool)flavor[1], capacity);
                }
            }

            return cases;
        }
    }
}

/// <summary>
/// Long seeded random sequences of every operation, compared after each step against <see cref="ReferenceQueue{T}"/>
/// through every read the queue offers.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class ReferenceModelTests<T>
{
    protected abstract ItemSource<T> NewSource();

    protected abstract IBoundedQueue<T> Create(OverflowPolicy policy, bool threadSafe, int capacity);

    [Theory]
    [MemberData(nameof(ReferenceModelCases.Cases), MemberType = typeof(ReferenceModelCases))]
    public void Random_operations_match_the_model(OverflowPolicy policy, bool threadSafe, int capacity)
    {
        foreach (int seed in ReferenceModelCases.Seeds)
        {
            Run(() => Create(policy, threadSafe, capacity), policy, seed);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void Random_operations_on_the_generic_Window_match_the_model(int capacity)
    {
        foreach (int seed in ReferenceModelCases.Seeds)
        {
            Run(() => new Window<T>(capacity), OverflowPolicy.DropOldest, seed);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void Random_operations_on_the_generic_thread_safe_SharedWindow_match_the_model(int capacity)
    {
        foreach (int seed in ReferenceModelCases.Seeds)
        {
            Run(() => new SharedWindow<T>(capacity), OverflowPolicy.DropNewest, seed);
        }
    }

    private void Run(Func<IBoundedQueue<T>> create, OverflowPolicy policy, int seed)
    {
        IBoundedQueue<T> queue = create();
        ItemSource<T> source = NewSource();
        var model = new ReferenceQueue<T>(queue.Capacity, policy);
        var random = new Random(seed);
        var recent = new Queue<string>();
        int nextId = 1;
        double addShare = 0.6;
        int stepsFull = 0;
        int stepsEmptyAfterStart = 0;

        Assert.Equal(policy, queue.Overflow);
        for (int step = 0; step < ReferenceModelCases.Operations; step++)
        {
            // Phases that mostly add, then mostly remove, so that the count sweeps the whole range again and again
            // and the ring grows while its oldest item sits anywhere.
            if (step % 97 == 0)
            {
                addShare = new[] { 0.97, 0.9, 0.6, 0.35 }[random.Next(4)];
            }

            string operation = "(none)";
            try
            {
                operation = Step(queue, model, source, random, addShare, ref nextId);
                recent.Enqueue(operation);
                if (recent.Count > 8)
                {
                    recent.Dequeue();
                }

                Compare(queue, model, random);
                stepsFull += model.Count == model.Capacity ? 1 : 0;
                stepsEmptyAfterStart += model.Count == 0 && model.TotalAdded > 0 ? 1 : 0;
            }
            catch (Exception exception) when (exception is not ModelMismatchException)
            {
                throw new ModelMismatchException(
                    $"{queue.GetType().Name}, capacity {queue.Capacity}, seed {seed}, step {step}, after {operation}. "
                    + $"Recent operations: {string.Join("; ", recent)}. Model: [{string.Join(", ", model.Items.Select(source.Id))}].",
                    exception);
            }
        }

        // The run must have reached both ends, or it would not have tested the overflow policy or the empty ring.
        Assert.True(stepsFull >= 20, $"Seed {seed}: the queue was full after only {stepsFull} steps.");
        Assert.True(stepsEmptyAfterStart >= 5, $"Seed {seed}: the queue was emptied after only {stepsEmptyAfterStart} steps.");
        Assert.True(model.TotalAdded + model.Dropped > ReferenceModelCases.Operations / 3);
    }

    private static string Step(IBoundedQueue<T> queue, ReferenceQueue<T> model, ItemSource<T> source, Random random, double addShare, ref int nextId)
    {
        if (random.NextDouble() < addShare)
        {
            int id = nextId++;
            T item = source.Item(id);
            BoundedAddResult expected = model.Offer(item, out T expectedEvicted);
            switch (random.Next(3))
            {
                case 0:
                    if (expected == BoundedAddResult.Rejected && model.Policy == OverflowPolicy.Throw)
                    {
                        var exception = Assert.Throws<BoundExceededException>(() => queue.Add(item));
                        Assert.Equal(queue.Capacity, exception.Capacity);
                        Assert.Equal(queue.MaxLength, exception.MaxLength);
                    }
                    else
                    {
                        queue.Add(item);
                    }

                    return $"Add({id}) -> {expected}";
                case 1:
                    Assert.Equal(expected != BoundedAddResult.Rejected, queue.TryAdd(item));
                    return $"TryAdd({id}) -> {expected}";
                default:
                    Assert.Equal(expected, queue.TryAdd(item, out T? evicted));
                    Assert.Equal(expectedEvicted, evicted);
                    return $"TryAdd({id}, out evicted) -> {expected}";
            }
        }

        int choice = random.Next(100);
        if (choice < 70)
        {
            bool expected = model.TryDequeue(out T expectedItem);
            Assert.Equal(expected, queue.TryDequeue(out T? item));
            Assert.Equal(expectedItem, item);
            return expected ? $"TryDequeue -> {source.Id(item!)}" : "TryDequeue -> empty";
        }

        if (choice < 82)
        {
            int modulus = random.Next(2, 6);
            int remainder = random.Next(modulus);
            bool Match(T candidate) => source.Id(candidate) % modulus == remainder;
            int expected = model.RemoveWhere(Match);
            Assert.Equal(expected, queue.RemoveWhere(Match));
            return $"RemoveWhere(id % {modulus} == {remainder}) -> {expected}";
        }

        if (choice < 92)
        {
            return FailingRemoveWhere(queue, model, source, random);
        }

        if (choice < 94)
        {
            model.Clear();
            queue.Clear();
            return "Clear";
        }

        // Reads only: Compare below looks at every read after every step anyway.
        return "Read";
    }

    // A predicate that throws while judging a random item: the item being judged and every item after it must stay;
    // the earlier matches are either removed or all kept.
    private static string FailingRemoveWhere(IBoundedQueue<T> queue, ReferenceQueue<T> model, ItemSource<T> source, Random random)
    {
        T[] before = model.Items.ToArray();
        if (before.Length == 0)
        {
            Assert.Equal(0, queue.RemoveWhere(_ => throw new InvalidOperationException("An empty queue has nothing to judge.")));
            return "RemoveWhere(throwing) on empty";
        }

        int failAt = random.Next(before.Length);
        int modulus = random.Next(2, 4);
        int judged = 0;
        Assert.Throws<FormatException>(() => queue.RemoveWhere(candidate =>
        {
            Assert.Equal(before[judged], candidate);
            if (judged == failAt)
            {
                throw new FormatException("The predicate failed on purpose.");
            }

            judged++;
            return source.Id(candidate) % modulus == 0;
        }));

        T[] after = queue.ToArray();
        T[] matchesGone = before.Where((item, index) => index >= failAt || source.Id(item) % modulus != 0).ToArray();
        Assert.True(
            after.SequenceEqual(matchesGone) || after.SequenceEqual(before),
            $"After a predicate threw at index {failAt}, the queue holds [{string.Join(", ", after.Select(source.Id))}]; "
            + $"expected [{string.Join(", ", matchesGone.Select(source.Id))}] or everything kept.");
        model.ReplaceAfterFailedRemoval(after);
        return $"RemoveWhere(id % {modulus} == 0, throws at index {failAt}) -> {before.Length - after.Length}";
    }

    private static void Compare(IBoundedQueue<T> queue, ReferenceQueue<T> model, Random random)
    {
        Assert.Equal(model.Capacity, queue.Capacity);
        Assert.Equal(model.TotalAdded, queue.TotalAdded);
        Assert.Equal(model.Evicted, queue.Evicted);
        Assert.Equal(model.Dropped, queue.Dropped);
        QueueAssert.Contents(queue, model.Items);
        QueueAssert.Invariant(queue, model.Removed);

        int count = model.Count;
        if (random.Next(10) == 0)
        {
            // Exceptions are slow: a position outside the items is tried on one step in ten.
            int index = random.Next(2) == 0 ? -1 - random.Next(3) : count + random.Next(3);
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => queue[index]);
            Assert.Equal("index", exception.ParamName);
        }

        int offset = random.Next(3);
        var array = new T[count + offset + random.Next(2)];
        queue.CopyTo(array, offset);
        Assert.Equal(model.Items, array.Skip(offset).Take(count));
    }

    /// <summary>Says where in a random run the queue and the model parted.</summary>
    public sealed class ModelMismatchException : Exception
    {
        public ModelMismatchException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}

public sealed class IntReferenceModelTests : ReferenceModelTests<int>
{
    protected override ItemSource<int> NewSource() => new IntItems();

    protected override IBoundedQueue<int> Create(OverflowPolicy policy, bool threadSafe, int capacity) => QueueFactory.Int(policy, threadSafe, capacity);
}

public sealed class PayloadReferenceModelTests : ReferenceModelTests<Payload>
{
    protected override ItemSource<Payload> NewSource() => new PayloadItems();

    protected override IBoundedQueue<Payload> Create(OverflowPolicy policy, bool threadSafe, int capacity) => QueueFactory.Payload(policy, threadSafe, capacity);
}
