using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Long seeded random sequences of every set operation, compared after each step against <see cref="ReferenceSet{T}"/>.
/// Values are drawn from a small range, so that the sequences mix present values, new values on a full set,
/// removals and re-adds.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class SetReferenceModelTests<T>
    where T : notnull
{
    protected abstract ItemSource<T> NewSource();

    protected abstract IEqualityComparer<T>? Comparer { get; }

    protected abstract IBoundedSet<T> Create(OverflowPolicy policy, bool threadSafe, int capacity);

    /// <summary>The seeds each case runs: one where every key shares a bucket (each step walks long chains), else all.</summary>
    protected virtual IReadOnlyList<int> Seeds => MapModelCases.Seeds;

    [Theory]
    [MemberData(nameof(MapModelCases.Cases), MemberType = typeof(MapModelCases))]
    public void Random_operations_match_the_model(OverflowPolicy policy, bool threadSafe, int capacity)
    {
        foreach (int seed in Seeds)
        {
            Run(Create(policy, threadSafe, capacity), policy, seed, secondChance: threadSafe);
        }
    }

    protected void Run(IBoundedSet<T> set, OverflowPolicy policy, int seed, bool secondChance = false)
    {
        ItemSource<T> source = NewSource();
        var model = new ReferenceSet<T>(set.Capacity, policy, Comparer, secondChance);
        var random = new Random(seed);
        var recent = new Queue<string>();
        int space = (2 * set.Capacity) + 3;
        double addShare = 0.6;
        bool removals = true;
        int phaseLength = MapModelCases.PhaseLength(set.Capacity);
        int stepsFull = 0;
        int stepsEmptyAfterStart = 0;
        int reAdds = 0;
        var everStored = new HashSet<int>();

        Assert.Equal(policy, set.Overflow);
        for (int step = 0; step < MapModelCases.Operations; step++)
        {
            if (step % phaseLength == 0)
            {
                (addShare, removals) = MapModelCases.Phase(step / phaseLength, random);
            }

            string operation = "(none)";
            try
            {
                int id = random.Next(space);
                if (model.Count > 0 && random.Next(3) == 0)
                {
                    id = source.Id(model.Items[random.Next(model.Count)]);
                }

                T item = source.Item(id);
                bool wasPresent = model.Items.Contains(item, Comparer);
                operation = Step(set, model, source, random, item, addShare, removals);
                if (!wasPresent && model.Items.Contains(item, Comparer))
                {
                    reAdds += everStored.Add(id) ? 0 : 1;
                }

                recent.Enqueue(operation);
                if (recent.Count > 8)
                {
                    recent.Dequeue();
                }

                Assert.Equal(model.Count, set.Count);
                Assert.Equal(model.Count == model.Capacity, set.IsFull);
                Assert.Equal(model.TotalAdded, set.TotalAdded);
                Assert.Equal(model.Evicted, set.Evicted);
                Assert.Equal(model.Dropped, set.Dropped);
                MapAssert.Invariant(set, model.Removed);
                QueueAssert.Sequence(model.Items, MapAssert.Listed(set, set.Capacity), "foreach");
                if (random.Next(6) == 0)
                {
                    MapAssert.Contents(set, model.Items.ToList());
                }

                stepsFull += model.Count == model.Capacity ? 1 : 0;
                stepsEmptyAfterStart += model.Count == 0 && model.TotalAdded > 0 ? 1 : 0;
            }
            catch (Exception exception) when (exception is not MapModelCases.ModelMismatchException)
            {
                throw new MapModelCases.ModelMismatchException(
                    $"{set.GetType().Name}, capacity {set.Capacity}, seed {seed}, step {step}, after {operation}. "
                    + $"Recent operations: {string.Join("; ", recent)}. Model: [{string.Join(", ", model.Items)}].",
                    exception);
            }
        }

        Assert.True(stepsFull >= 20, $"Seed {seed}: the set was full after only {stepsFull} steps.");
        Assert.True(stepsEmptyAfterStart >= 3, $"Seed {seed}: the set was emptied after only {stepsEmptyAfterStart} steps.");
        Assert.True(reAdds >= 20, $"Seed {seed}: only {reAdds} values came back after leaving.");
    }

    private static string Step(IBoundedSet<T> set, ReferenceSet<T> model, ItemSource<T> source, Random random, T item, double addShare, bool removals)
    {
        if (random.NextDouble() < addShare)
        {
            bool present = model.Items.Contains(item, model.Comparer);
            bool throws = !present && model.Count == model.Capacity && model.Policy == OverflowPolicy.Throw;
            if (random.Next(2) == 0)
            {
                if (throws)
                {
                    var exception = Assert.Throws<BoundExceededException>(() => set.Add(item));
                    Assert.Equal(set.Capacity, exception.Capacity);
                    model.Add(item);
                    return $"Add({item}) -> BoundExceededException";
                }

                BoundedAddResult? result = model.Add(item);
                Assert.Equal(result is BoundedAddResult.Added or BoundedAddResult.AddedWithEviction, set.Add(item));
                return $"Add({item}) -> {result?.ToString() ?? "present"}";
            }

            BoundedAddResult? tried = model.Add(item);
            Assert.Equal(tried is BoundedAddResult.Added or BoundedAddResult.AddedWithEviction, set.TryAdd(item));
            return $"TryAdd({item}) -> {tried?.ToString() ?? "present"}";
        }

        int choice = random.Next(removals ? 100 : 30);
        if (choice < 30)
        {
            bool expected = model.Contains(item);
            Assert.Equal(expected, set.Contains(item));
            return $"Contains({item}) -> {expected}";
        }

        if (choice < 70)
        {
            bool expected = model.Remove(item);
            Assert.Equal(expected, set.Remove(item));
            return $"Remove({item}) -> {expected}";
        }

        if (choice < 84)
        {
            int modulus = random.Next(2, 9);
            int remainder = random.Next(modulus);
            bool Match(T candidate) => source.Id(candidate) % modulus == remainder;
            int expected = model.RemoveWhere(Match);
            Assert.Equal(expected, set.RemoveWhere(Match));
            return $"RemoveWhere(id % {modulus} == {remainder}) -> {expected}";
        }

        if (choice < 96)
        {
            T[] before = model.Items.ToArray();
            if (before.Length == 0)
            {
                Assert.Equal(0, set.RemoveWhere(_ => throw new InvalidOperationException("An empty set has nothing to judge.")));
                return "RemoveWhere(throwing) on empty";
            }

            int failAt = random.Next(before.Length);

            // Judged in listed order, except under second-chance eviction (see the map's model test).
            bool listedOrder = !MapAssert.MarksUses(set);
            var judged = new List<T>();
            Assert.Throws<FormatException>(() => set.RemoveWhere(candidate =>
            {
                int position = listedOrder ? judged.Count : Array.FindIndex(before, value => EqualityComparer<T>.Default.Equals(value, candidate));
                Assert.True(position >= 0 && !judged.Contains(candidate), $"The predicate was asked about {candidate} twice or about a value the set does not hold.");
                Assert.Equal(before[position], candidate);
                if (judged.Count == failAt)
                {
                    throw new FormatException("The predicate failed on purpose.");
                }

                judged.Add(candidate);
                return source.Id(candidate) % 2 == 0;
            }));

            T[] after = MapAssert.Listed(set, set.Capacity).ToArray();
            T[] matchesGone = before.Where(value => !judged.Contains(value) || source.Id(value) % 2 != 0).ToArray();
            Assert.True(after.SequenceEqual(matchesGone) || after.SequenceEqual(before), $"After a predicate threw at its call {failAt}, the set holds [{string.Join(", ", after)}].");
            model.ReplaceAfterFailedRemoval(after);
            return $"RemoveWhere(id % 2 == 0, throws at index {failAt})";
        }

        model.Clear();
        set.Clear();
        return "Clear";
    }
}

public sealed class IntSetReferenceModelTests : SetReferenceModelTests<int>
{
    protected override ItemSource<int> NewSource() => new IntItems();

    protected override IEqualityComparer<int>? Comparer => null;

    protected override IBoundedSet<int> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.IntSet(policy, threadSafe, capacity);
}

/// <summary>Every value hashes to 0.</summary>
public sealed class CollidingIntSetReferenceModelTests : SetReferenceModelTests<int>
{
    protected override IReadOnlyList<int> Seeds => [MapModelCases.Seeds[0]];

    protected override ItemSource<int> NewSource() => new IntItems();

    protected override IEqualityComparer<int>? Comparer => CollidingIntComparer.Instance;

    protected override IBoundedSet<int> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
        MapFactory.IntSet(policy, threadSafe, capacity, CollidingIntComparer.Instance);
}

public sealed class StringSetReferenceModelTests : SetReferenceModelTests<string>
{
    protected override ItemSource<string> NewSource() => new StringItems();

    protected override IEqualityComparer<string>? Comparer => null;

    protected override IBoundedSet<string> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.StringSet(policy, threadSafe, capacity);
}

/// <summary>The generic and the nested declarations, against the same model.</summary>
public sealed class DeclarationFormSetReferenceModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public void Random_operations_on_the_generic_thread_safe_SharedRecentSet_match_the_model(int capacity)
    {
        foreach (int seed in MapModelCases.Seeds)
        {
            new Runner().Run(new SharedRecentSet<string>(capacity), OverflowPolicy.DropOldest, seed);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Random_operations_on_the_nested_AffectedUsers_match_the_model(int capacity)
    {
        foreach (int seed in MapModelCases.Seeds)
        {
            new Runner().Run(new MapHolder.Inner.AffectedUsers(capacity), OverflowPolicy.EvictLeastRecentlyUsed, seed, secondChance: true);
        }
    }

    // Not public, so that the test framework does not run the policy-set theory it inherits.
    private sealed class Runner : SetReferenceModelTests<string>
    {
        protected override IEqualityComparer<string>? Comparer => null;

        public new void Run(IBoundedSet<string> set, OverflowPolicy policy, int seed, bool secondChance = false) => base.Run(set, policy, seed, secondChance);

        protected override ItemSource<string> NewSource() => new StringItems();

        protected override IBoundedSet<string> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
            throw new NotSupportedException("The runner only runs the sets it is given.");
    }
}
