using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>The cases of the model comparison: every policy, both thread-safety modes, small and growing capacities.</summary>
public static class MapModelCases
{
    /// <summary>Seeds of <see cref="Random"/>; each case runs all of them.</summary>
    public static readonly int[] Seeds = { 7, 2024 };

    /// <summary>Operations per seed.</summary>
    public const int Operations = 1500;

    /// <summary>
    /// (policy, thread-safe, capacity): capacities 1, 2 and 3 stay within the first allocation of four entries; 7 grows
    /// once (4 -> 7, the buckets 4 -> 8); <see cref="TestMapLimits.MaxLength"/> grows 4 -> 8 -> ... -> 64 -> 100 and
    /// rebuilds the buckets each time.
    /// </summary>
    public static TheoryData<OverflowPolicy, bool, int> Cases
    {
        get
        {
            var cases = new TheoryData<OverflowPolicy, bool, int>();
            foreach (object[] flavor in MapFactory.Flavors)
            {
                foreach (int capacity in new[] { 1, 2, 3, 7, TestMapLimits.MaxLength })
                {
                    cases.Add((OverflowPolicy)flavor[0], (bool)flavor[1], capacity);
                }
            }

            return cases;
        }
    }

    /// <summary>
    /// Steps per phase: long enough for a phase of adds to fill the largest table from empty, and a phase of removals
    /// to empty it.
    /// </summary>
    public static int PhaseLength(int capacity) => 60 + (2 * capacity);

    /// <summary>
    /// The phase of a step, as the share of steps that write and whether the other steps may remove: a phase that
    /// fills (writes and reads only), one that churns, and one that drains, in turn, so that the count sweeps the whole
    /// range again and again.
    /// </summary>
    public static (double AddShare, bool Removals) Phase(int phase, Random random) => (phase % 3) switch
    {
        0 => (0.9, false),
        1 => (0.55 + (random.NextDouble() * 0.25), true),
        _ => (0.2, true),
    };

    /// <summary>Says where in a random run the collection and the model parted.</summary>
    public sealed class ModelMismatchException : Exception
    {
        public ModelMismatchException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}

/// <summary>
/// Long seeded random sequences of every dictionary operation, compared after each step against
/// <see cref="ReferenceMap{TKey, TValue}"/> through every read the map offers. Keys are drawn from a small range, so
/// that the sequences mix updates, new keys on a full map, removals and re-adds (which reuse freed entries).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class MapReferenceModelTests<TKey, TValue>
    where TKey : notnull
{
    protected abstract MapItems<TKey, TValue> NewItems();

    /// <summary>The comparer the maps under test are created with, and the model too; null for the default.</summary>
    protected abstract IEqualityComparer<TKey>? Comparer { get; }

    /// <summary>Another spelling of a key that the comparer takes for the same key (the key itself when there is none).</summary>
    protected virtual TKey Respell(TKey key, Random random) => key;

    protected abstract IBoundedDictionary<TKey, TValue> Create(OverflowPolicy policy, bool threadSafe, int capacity);

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

    protected void Run(IBoundedDictionary<TKey, TValue> map, OverflowPolicy policy, int seed, bool secondChance = false)
    {
        MapItems<TKey, TValue> items = NewItems();
        var model = new ReferenceMap<TKey, TValue>(map.Capacity, policy, Comparer, secondChance);
        var random = new Random(seed);
        var recent = new Queue<string>();
        int keySpace = (2 * map.Capacity) + 3;
        int nextValue = 1;
        double addShare = 0.6;
        bool removals = true;
        int phaseLength = MapModelCases.PhaseLength(map.Capacity);
        int stepsFull = 0;
        int stepsEmptyAfterStart = 0;
        int reAdds = 0;
        int maxCount = 0;
        var everStored = new HashSet<int>();

        Assert.Equal(policy, map.Overflow);
        for (int step = 0; step < MapModelCases.Operations; step++)
        {
            if (step % phaseLength == 0)
            {
                (addShare, removals) = MapModelCases.Phase(step / phaseLength, random);
            }

            string operation = "(none)";
            try
            {
                int keyId = random.Next(keySpace);
                if (model.Count > 0 && random.Next(3) == 0)
                {
                    keyId = items.KeyId(model.KeyAt(random.Next(model.Count)));
                }

                TKey key = Respell(items.Key(keyId), random);
                bool wasPresent = model.Contains(key);
                operation = random.NextDouble() < addShare
                    ? Write(map, model, items, random, key, ref nextValue)
                    : ReadOrRemove(map, model, items, random, key, removals);
                if (!wasPresent && model.Contains(key))
                {
                    // A key stored again after it left: it takes an entry from the free list.
                    reAdds += everStored.Add(keyId) ? 0 : 1;
                }

                recent.Enqueue(operation);
                if (recent.Count > 8)
                {
                    recent.Dequeue();
                }

                Compare(map, model, items, random, keySpace);
                stepsFull += model.IsFull ? 1 : 0;
                maxCount = Math.Max(maxCount, model.Count);
                stepsEmptyAfterStart += model.Count == 0 && model.TotalAdded > 0 ? 1 : 0;
            }
            catch (Exception exception) when (exception is not MapModelCases.ModelMismatchException)
            {
                throw new MapModelCases.ModelMismatchException(
                    $"{map.GetType().Name}, capacity {map.Capacity}, seed {seed}, step {step}, after {operation}. "
                    + $"Recent operations: {string.Join("; ", recent)}. Model: [{string.Join(", ", model.Entries)}].",
                    exception);
            }
        }

        // The run must have reached both ends and brought keys back, or it would not have tested the policy, the
        // empty table or the free list.
        Assert.True(stepsFull >= 20, $"Seed {seed}: the map was full after only {stepsFull} steps (it held at most {maxCount} keys).");
        Assert.True(stepsEmptyAfterStart >= 3, $"Seed {seed}: the map was emptied after only {stepsEmptyAfterStart} steps.");
        Assert.True(reAdds >= 20, $"Seed {seed}: only {reAdds} keys came back after leaving.");
    }

    private static string Write(IBoundedDictionary<TKey, TValue> map, ReferenceMap<TKey, TValue> model, MapItems<TKey, TValue> items, Random random, TKey key, ref int nextValue)
    {
        int valueId = nextValue++;
        TValue value = items.Value(valueId);
        bool present = model.Contains(key);
        bool throws = !present && model.IsFull && model.Policy == OverflowPolicy.Throw;
        switch (random.Next(8))
        {
            case 0:
            case 1:
            case 2:
                if (throws)
                {
                    AssertThrowsFull(map, () => map[key] = value);
                    model.Insert(key, value);
                }
                else
                {
                    map[key] = value;
                    Apply(model, key, value, present);
                }

                return $"this[{key}] = {value} ({(present ? "update" : "new")})";
            case 3:
            case 4:
                bool expected = !present && model.Insert(key, value) != BoundedAddResult.Rejected;
                Assert.Equal(expected, map.TryAdd(key, value));
                return $"TryAdd({key}, {value}) -> {expected}";
            case 5:
            {
                int calls = 0;
                TValue Factory(TKey argument)
                {
                    calls++;
                    Assert.Equal(key, argument);
                    return value;
                }

                if (throws)
                {
                    AssertThrowsFull(map, () => map.GetOrAdd(key, Factory));
                    model.Insert(key, value);
                }
                else if (present)
                {
                    Assert.True(model.TryRead(key, out TValue current));
                    Assert.Equal(current, map.GetOrAdd(key, Factory));
                }
                else
                {
                    model.Insert(key, value);
                    Assert.Equal(value, map.GetOrAdd(key, Factory));
                }

                Assert.Equal(present ? 0 : 1, calls);
                return $"GetOrAdd({key}, {value}) ({(present ? "present" : "absent")})";
            }

            default:
            {
                int calls = 0;
                TValue updated = items.Value(nextValue++);
                TValue Update(TKey argument, TValue current)
                {
                    calls++;
                    Assert.Equal(key, argument);
                    return updated;
                }

                if (throws)
                {
                    AssertThrowsFull(map, () => map.AddOrUpdate(key, value, Update));
                    model.Insert(key, value);
                }
                else if (present)
                {
                    Assert.Equal(updated, map.AddOrUpdate(key, value, Update));
                    model.Update(key, updated);
                }
                else
                {
                    Assert.Equal(value, map.AddOrUpdate(key, value, Update));
                    model.Insert(key, value);
                }

                Assert.Equal(present ? 1 : 0, calls);
                return $"AddOrUpdate({key}, {value}, -> {updated}) ({(present ? "present" : "absent")})";
            }
        }
    }

    private static void Apply(ReferenceMap<TKey, TValue> model, TKey key, TValue value, bool present)
    {
        if (present)
        {
            model.Update(key, value);
        }
        else
        {
            model.Insert(key, value);
        }
    }

    private static void AssertThrowsFull(IBoundedDictionary<TKey, TValue> map, Action action)
    {
        var exception = Assert.Throws<BoundExceededException>(action);
        Assert.Equal(map.Capacity, exception.Capacity);
        Assert.Equal(map.MaxLength, exception.MaxLength);
    }

    private static string ReadOrRemove(IBoundedDictionary<TKey, TValue> map, ReferenceMap<TKey, TValue> model, MapItems<TKey, TValue> items, Random random, TKey key, bool removals)
    {
        int choice = random.Next(removals ? 100 : 36);
        if (choice < 18)
        {
            bool expected = model.TryRead(key, out TValue value);
            Assert.Equal(expected, map.TryGetValue(key, out TValue? actual));
            Assert.Equal(expected ? value : default, actual);
            return $"TryGetValue({key}) -> {expected}";
        }

        if (choice < 28)
        {
            if (model.TryRead(key, out TValue value))
            {
                Assert.Equal(value, map[key]);
                return $"this[{key}]";
            }

            Assert.Throws<KeyNotFoundException>(() => map[key]);
            return $"this[{key}] -> KeyNotFoundException";
        }

        if (choice < 36)
        {
            Assert.Equal(model.Contains(key), map.ContainsKey(key));
            return $"ContainsKey({key})";
        }

        if (choice < 70)
        {
            bool expected = model.Remove(key, out TValue value);
            if (map is ITestMap<TKey, TValue> withValue && random.Next(2) == 0)
            {
                Assert.Equal(expected, withValue.Remove(key, out TValue? removed));
                Assert.Equal(expected ? value : default, removed);
                return $"Remove({key}, out value) -> {expected}";
            }

            Assert.Equal(expected, map.Remove(key));
            return $"Remove({key}) -> {expected}";
        }

        if (choice < 84)
        {
            int modulus = random.Next(2, 9);
            int remainder = random.Next(modulus);
            bool byValue = random.Next(2) == 0;
            bool Match(TKey candidate, TValue value) => (byValue ? items.ValueId(value) : items.KeyId(candidate)) % modulus == remainder;
            int expected = model.RemoveWhere(Match);
            Assert.Equal(expected, map.RemoveWhere(Match));
            return $"RemoveWhere({(byValue ? "value" : "key")} % {modulus} == {remainder}) -> {expected}";
        }

        if (choice < 96)
        {
            return FailingRemoveWhere(map, model, items, random);
        }

        model.Clear();
        map.Clear();
        return "Clear";
    }

    // A predicate that throws while judging a random entry: that entry and every one after it must stay; the earlier
    // matches are either removed or all kept.
    private static string FailingRemoveWhere(IBoundedDictionary<TKey, TValue> map, ReferenceMap<TKey, TValue> model, MapItems<TKey, TValue> items, Random random)
    {
        List<KeyValuePair<TKey, TValue>> before = model.Entries;
        if (before.Count == 0)
        {
            Assert.Equal(0, map.RemoveWhere((_, _) => throw new InvalidOperationException("An empty map has nothing to judge.")));
            return "RemoveWhere(throwing) on empty";
        }

        int failAt = random.Next(before.Count);
        int modulus = random.Next(2, 4);

        // The predicate sees the entries in the order they are listed, except under second-chance eviction, whose
        // listing puts used entries last while the removal walks the order they were added or last moved in.
        bool listedOrder = !MapAssert.MarksUses(map);
        var judgedKeys = new List<TKey>();
        Assert.Throws<FormatException>(() => map.RemoveWhere((key, value) =>
        {
            int position = listedOrder ? judgedKeys.Count : before.FindIndex(pair => EqualityComparer<TKey>.Default.Equals(pair.Key, key));
            Assert.True(position >= 0 && !judgedKeys.Contains(key), $"The predicate was asked about {key} twice or about a key the map does not hold.");
            Assert.Equal(before[position].Key, key);
            Assert.Equal(before[position].Value, value);
            if (judgedKeys.Count == failAt)
            {
                throw new FormatException("The predicate failed on purpose.");
            }

            judgedKeys.Add(key);
            return items.KeyId(key) % modulus == 0;
        }));

        List<KeyValuePair<TKey, TValue>> after = MapAssert.Listed(map, map.Capacity);
        var matchesGone = before.Where(pair => !judgedKeys.Contains(pair.Key) || items.KeyId(pair.Key) % modulus != 0).ToList();
        Assert.True(
            SamePairs(after, matchesGone) || SamePairs(after, before),
            $"After a predicate threw at its call {failAt}, the map holds [{string.Join(", ", after)}]; "
            + $"expected [{string.Join(", ", matchesGone)}] or everything kept.");
        model.ReplaceAfterFailedRemoval(after);
        return $"RemoveWhere(key % {modulus} == 0, throws at index {failAt}) -> {before.Count - after.Count}";
    }

    private static bool SamePairs(List<KeyValuePair<TKey, TValue>> first, List<KeyValuePair<TKey, TValue>> second) =>
        first.Count == second.Count
        && first.Zip(second).All(pair =>
            EqualityComparer<TKey>.Default.Equals(pair.First.Key, pair.Second.Key)
            && EqualityComparer<TValue>.Default.Equals(pair.First.Value, pair.Second.Value));

    private static void Compare(IBoundedDictionary<TKey, TValue> map, ReferenceMap<TKey, TValue> model, MapItems<TKey, TValue> items, Random random, int keySpace)
    {
        Assert.Equal(model.Capacity, map.Capacity);
        Assert.Equal(model.Count, map.Count);
        Assert.Equal(model.IsFull, map.IsFull);
        Assert.Equal(model.TotalAdded, map.TotalAdded);
        Assert.Equal(model.Evicted, map.Evicted);
        Assert.Equal(model.Dropped, map.Dropped);
        MapAssert.Invariant(map, model.Removed);

        List<KeyValuePair<TKey, TValue>> expected = model.Entries;
        MapAssert.Pairs(expected, MapAssert.Listed(map, map.Capacity), "foreach");
        if (random.Next(6) == 0)
        {
            // Every view and every lookup, one step in six (MapAssert.Contents reads in an order that keeps LRU order).
            MapAssert.Contents(map, expected);
            for (int id = 0; id < keySpace; id++)
            {
                TKey key = items.Key(id);
                Assert.Equal(model.Contains(key), map.ContainsKey(key));
            }
        }
    }
}

public sealed class IntLongMapReferenceModelTests : MapReferenceModelTests<int, long>
{
    protected override MapItems<int, long> NewItems() => new IntLongItems();

    protected override IEqualityComparer<int>? Comparer => null;

    protected override IBoundedDictionary<int, long> Create(OverflowPolicy policy, bool threadSafe, int capacity) => MapFactory.Int(policy, threadSafe, capacity);
}

/// <summary>Every key hashes to 0: every lookup, removal and rebuild walks one long chain.</summary>
public sealed class CollidingIntMapReferenceModelTests : MapReferenceModelTests<int, long>
{
    protected override IReadOnlyList<int> Seeds => [MapModelCases.Seeds[0]];

    protected override MapItems<int, long> NewItems() => new IntLongItems();

    protected override IEqualityComparer<int>? Comparer => CollidingIntComparer.Instance;

    protected override IBoundedDictionary<int, long> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
        MapFactory.Int(policy, threadSafe, capacity, CollidingIntComparer.Instance);
}

/// <summary>Case-insensitive string keys, written in random case: an update keeps the key as first stored.</summary>
public sealed class IgnoreCaseStringMapReferenceModelTests : MapReferenceModelTests<string, Payload>
{
    protected override MapItems<string, Payload> NewItems() => new StringPayloadItems();

    protected override IEqualityComparer<string>? Comparer => StringComparer.OrdinalIgnoreCase;

    protected override string Respell(string key, Random random) => random.Next(2) == 0 ? key : key.ToUpperInvariant();

    protected override IBoundedDictionary<string, Payload> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
        MapFactory.String(policy, threadSafe, capacity, StringComparer.OrdinalIgnoreCase);
}

/// <summary>String keys with one hash code and a case-insensitive comparison.</summary>
public sealed class CollidingStringMapReferenceModelTests : MapReferenceModelTests<string, Payload>
{
    protected override IReadOnlyList<int> Seeds => [MapModelCases.Seeds[0]];

    protected override MapItems<string, Payload> NewItems() => new StringPayloadItems();

    protected override IEqualityComparer<string>? Comparer => CollidingIgnoreCaseComparer.Instance;

    protected override string Respell(string key, Random random) => random.Next(3) == 0 ? key.ToUpperInvariant() : key;

    protected override IBoundedDictionary<string, Payload> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
        MapFactory.String(policy, threadSafe, capacity, CollidingIgnoreCaseComparer.Instance);
}

/// <summary>The generic and the nested declarations, against the same model.</summary>
public sealed class DeclarationFormMapReferenceModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    public void Random_operations_on_the_generic_LruCache_match_the_model(int capacity)
    {
        foreach (int seed in MapModelCases.Seeds)
        {
            new Runner<string, Payload>(new StringPayloadItems()).Run(new LruCache<string, Payload>(capacity), OverflowPolicy.EvictLeastRecentlyUsed, seed);
            new Runner<int, long>(new IntLongItems()).Run(new LruCache<int, long>(capacity), OverflowPolicy.EvictLeastRecentlyUsed, seed);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void Random_operations_on_the_generic_thread_safe_SharedLookup_match_the_model(int capacity)
    {
        foreach (int seed in MapModelCases.Seeds)
        {
            new Runner<string, Payload>(new StringPayloadItems()).Run(new SharedLookup<string, Payload>(capacity), OverflowPolicy.DropNewest, seed);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Random_operations_on_the_nested_ActiveStreams_match_the_model(int capacity)
    {
        foreach (int seed in MapModelCases.Seeds)
        {
            new Runner<string, int>(new StringIntItems()).Run(new MapHolder.ActiveStreams(capacity), OverflowPolicy.Throw, seed);
        }
    }

    private sealed class StringIntItems : MapItems<string, int>
    {
        private readonly StringPayloadItems _keys = new();

        public override string Key(int id) => _keys.Key(id);

        public override int KeyId(string key) => _keys.KeyId(key);

        public override int Value(int id) => -id;

        public override int ValueId(int value) => -value;
    }

    // Not public, so that the test framework does not run the policy-map theory it inherits.
    private sealed class Runner<TKey, TValue> : MapReferenceModelTests<TKey, TValue>
        where TKey : notnull
    {
        private readonly MapItems<TKey, TValue> _items;

        public Runner(MapItems<TKey, TValue> items)
        {
            _items = items;
        }

        protected override IEqualityComparer<TKey>? Comparer => null;

        public new void Run(IBoundedDictionary<TKey, TValue> map, OverflowPolicy policy, int seed, bool secondChance = false) => base.Run(map, policy, seed, secondChance);

        protected override MapItems<TKey, TValue> NewItems() => _items;

        protected override IBoundedDictionary<TKey, TValue> Create(OverflowPolicy policy, bool threadSafe, int capacity) =>
            throw new NotSupportedException("The runner only runs the maps it is given.");
    }
}
