using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Creates the generated policy maps and sets by (policy, thread safety) through each of their four constructors, so
/// that one test body runs against all eight generated forms of a key type.
/// </summary>
public static class MapFactory
{
    /// <summary>Every overflow policy a map or set accepts.</summary>
    public static IReadOnlyList<OverflowPolicy> Policies { get; } =
        [OverflowPolicy.DropOldest, OverflowPolicy.DropNewest, OverflowPolicy.Throw, OverflowPolicy.EvictLeastRecentlyUsed];

    /// <summary>Every overflow policy, each single-threaded and thread-safe.</summary>
    public static TheoryData<OverflowPolicy, bool> Flavors
    {
        get
        {
            var flavors = new TheoryData<OverflowPolicy, bool>();
            foreach (bool threadSafe in new[] { false, true })
            {
                foreach (OverflowPolicy policy in Policies)
                {
                    flavors.Add(policy, threadSafe);
                }
            }

            return flavors;
        }
    }

    /// <summary>The single-threaded and the thread-safe form, for tests about one policy.</summary>
    public static TheoryData<bool> ThreadSafety { get; } = new() { false, true };

    /// <summary>The policies, for tests about the thread-safe forms only.</summary>
    public static TheoryData<OverflowPolicy> PolicyData
    {
        get
        {
            var data = new TheoryData<OverflowPolicy>();
            foreach (OverflowPolicy policy in Policies)
            {
                data.Add(policy);
            }

            return data;
        }
    }

    /// <summary>Whether a full collection of this policy makes room for a new key by evicting one.</summary>
    public static bool Evicts(OverflowPolicy policy) => policy is OverflowPolicy.DropOldest or OverflowPolicy.EvictLeastRecentlyUsed;

    // ---- int -> long ---------------------------------------------------------------------------------------------

    /// <summary>The default constructor (capacity MaxLength, default comparer).</summary>
    public static ITestMap<int, long> Int(OverflowPolicy policy, bool threadSafe) => IntConstructors(policy, threadSafe).Default();

    /// <summary>The (capacity) constructor, or the (capacity, comparer) one when a comparer is given.</summary>
    public static ITestMap<int, long> Int(OverflowPolicy policy, bool threadSafe, int capacity, IEqualityComparer<int>? comparer = null)
    {
        Constructors<ITestMap<int, long>, int> constructors = IntConstructors(policy, threadSafe);
        return comparer is null ? constructors.WithCapacity(capacity) : constructors.WithCapacityAndComparer(capacity, comparer);
    }

    public static Constructors<ITestMap<int, long>, int> IntConstructors(OverflowPolicy policy, bool threadSafe) => (policy, threadSafe) switch
    {
        (OverflowPolicy.DropOldest, false) => new(() => new IntMapDropOldest(), c => new IntMapDropOldest(c), k => new IntMapDropOldest(k), (c, k) => new IntMapDropOldest(c, k)),
        (OverflowPolicy.DropNewest, false) => new(() => new IntMapDropNewest(), c => new IntMapDropNewest(c), k => new IntMapDropNewest(k), (c, k) => new IntMapDropNewest(c, k)),
        (OverflowPolicy.Throw, false) => new(() => new IntMapThrow(), c => new IntMapThrow(c), k => new IntMapThrow(k), (c, k) => new IntMapThrow(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, false) => new(() => new IntMapLru(), c => new IntMapLru(c), k => new IntMapLru(k), (c, k) => new IntMapLru(c, k)),
        (OverflowPolicy.DropOldest, true) => new(() => new IntMapDropOldestThreadSafe(), c => new IntMapDropOldestThreadSafe(c), k => new IntMapDropOldestThreadSafe(k), (c, k) => new IntMapDropOldestThreadSafe(c, k)),
        (OverflowPolicy.DropNewest, true) => new(() => new IntMapDropNewestThreadSafe(), c => new IntMapDropNewestThreadSafe(c), k => new IntMapDropNewestThreadSafe(k), (c, k) => new IntMapDropNewestThreadSafe(c, k)),
        (OverflowPolicy.Throw, true) => new(() => new IntMapThrowThreadSafe(), c => new IntMapThrowThreadSafe(c), k => new IntMapThrowThreadSafe(k), (c, k) => new IntMapThrowThreadSafe(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, true) => new(() => new IntMapLruThreadSafe(), c => new IntMapLruThreadSafe(c), k => new IntMapLruThreadSafe(k), (c, k) => new IntMapLruThreadSafe(c, k)),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No such map."),
    };

    // ---- string -> Payload ---------------------------------------------------------------------------------------

    public static ITestMap<string, Payload> String(OverflowPolicy policy, bool threadSafe) => StringConstructors(policy, threadSafe).Default();

    public static ITestMap<string, Payload> String(OverflowPolicy policy, bool threadSafe, int capacity, IEqualityComparer<string>? comparer = null)
    {
        Constructors<ITestMap<string, Payload>, string> constructors = StringConstructors(policy, threadSafe);
        return comparer is null ? constructors.WithCapacity(capacity) : constructors.WithCapacityAndComparer(capacity, comparer);
    }

    public static Constructors<ITestMap<string, Payload>, string> StringConstructors(OverflowPolicy policy, bool threadSafe) => (policy, threadSafe) switch
    {
        (OverflowPolicy.DropOldest, false) => new(() => new StringMapDropOldest(), c => new StringMapDropOldest(c), k => new StringMapDropOldest(k), (c, k) => new StringMapDropOldest(c, k)),
        (OverflowPolicy.DropNewest, false) => new(() => new StringMapDropNewest(), c => new StringMapDropNewest(c), k => new StringMapDropNewest(k), (c, k) => new StringMapDropNewest(c, k)),
        (OverflowPolicy.Throw, false) => new(() => new StringMapThrow(), c => new StringMapThrow(c), k => new StringMapThrow(k), (c, k) => new StringMapThrow(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, false) => new(() => new StringMapLru(), c => new StringMapLru(c), k => new StringMapLru(k), (c, k) => new StringMapLru(c, k)),
        (OverflowPolicy.DropOldest, true) => new(() => new StringMapDropOldestThreadSafe(), c => new StringMapDropOldestThreadSafe(c), k => new StringMapDropOldestThreadSafe(k), (c, k) => new StringMapDropOldestThreadSafe(c, k)),
        (OverflowPolicy.DropNewest, true) => new(() => new StringMapDropNewestThreadSafe(), c => new StringMapDropNewestThreadSafe(c), k => new StringMapDropNewestThreadSafe(k), (c, k) => new StringMapDropNewestThreadSafe(c, k)),
        (OverflowPolicy.Throw, true) => new(() => new StringMapThrowThreadSafe(), c => new StringMapThrowThreadSafe(c), k => new StringMapThrowThreadSafe(k), (c, k) => new StringMapThrowThreadSafe(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, true) => new(() => new StringMapLruThreadSafe(), c => new StringMapLruThreadSafe(c), k => new StringMapLruThreadSafe(k), (c, k) => new StringMapLruThreadSafe(c, k)),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No such map."),
    };

    // ---- sets ----------------------------------------------------------------------------------------------------

    public static ITestSet<int> IntSet(OverflowPolicy policy, bool threadSafe, int capacity, IEqualityComparer<int>? comparer = null)
    {
        Constructors<ITestSet<int>, int> constructors = IntSetConstructors(policy, threadSafe);
        return comparer is null ? constructors.WithCapacity(capacity) : constructors.WithCapacityAndComparer(capacity, comparer);
    }

    public static Constructors<ITestSet<int>, int> IntSetConstructors(OverflowPolicy policy, bool threadSafe) => (policy, threadSafe) switch
    {
        (OverflowPolicy.DropOldest, false) => new(() => new IntSetDropOldest(), c => new IntSetDropOldest(c), k => new IntSetDropOldest(k), (c, k) => new IntSetDropOldest(c, k)),
        (OverflowPolicy.DropNewest, false) => new(() => new IntSetDropNewest(), c => new IntSetDropNewest(c), k => new IntSetDropNewest(k), (c, k) => new IntSetDropNewest(c, k)),
        (OverflowPolicy.Throw, false) => new(() => new IntSetThrow(), c => new IntSetThrow(c), k => new IntSetThrow(k), (c, k) => new IntSetThrow(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, false) => new(() => new IntSetLru(), c => new IntSetLru(c), k => new IntSetLru(k), (c, k) => new IntSetLru(c, k)),
        (OverflowPolicy.DropOldest, true) => new(() => new IntSetDropOldestThreadSafe(), c => new IntSetDropOldestThreadSafe(c), k => new IntSetDropOldestThreadSafe(k), (c, k) => new IntSetDropOldestThreadSafe(c, k)),
        (OverflowPolicy.DropNewest, true) => new(() => new IntSetDropNewestThreadSafe(), c => new IntSetDropNewestThreadSafe(c), k => new IntSetDropNewestThreadSafe(k), (c, k) => new IntSetDropNewestThreadSafe(c, k)),
        (OverflowPolicy.Throw, true) => new(() => new IntSetThrowThreadSafe(), c => new IntSetThrowThreadSafe(c), k => new IntSetThrowThreadSafe(k), (c, k) => new IntSetThrowThreadSafe(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, true) => new(() => new IntSetLruThreadSafe(), c => new IntSetLruThreadSafe(c), k => new IntSetLruThreadSafe(k), (c, k) => new IntSetLruThreadSafe(c, k)),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No such set."),
    };

    public static ITestSet<string> StringSet(OverflowPolicy policy, bool threadSafe, int capacity, IEqualityComparer<string>? comparer = null)
    {
        Constructors<ITestSet<string>, string> constructors = StringSetConstructors(policy, threadSafe);
        return comparer is null ? constructors.WithCapacity(capacity) : constructors.WithCapacityAndComparer(capacity, comparer);
    }

    public static Constructors<ITestSet<string>, string> StringSetConstructors(OverflowPolicy policy, bool threadSafe) => (policy, threadSafe) switch
    {
        (OverflowPolicy.DropOldest, false) => new(() => new StringSetDropOldest(), c => new StringSetDropOldest(c), k => new StringSetDropOldest(k), (c, k) => new StringSetDropOldest(c, k)),
        (OverflowPolicy.DropNewest, false) => new(() => new StringSetDropNewest(), c => new StringSetDropNewest(c), k => new StringSetDropNewest(k), (c, k) => new StringSetDropNewest(c, k)),
        (OverflowPolicy.Throw, false) => new(() => new StringSetThrow(), c => new StringSetThrow(c), k => new StringSetThrow(k), (c, k) => new StringSetThrow(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, false) => new(() => new StringSetLru(), c => new StringSetLru(c), k => new StringSetLru(k), (c, k) => new StringSetLru(c, k)),
        (OverflowPolicy.DropOldest, true) => new(() => new StringSetDropOldestThreadSafe(), c => new StringSetDropOldestThreadSafe(c), k => new StringSetDropOldestThreadSafe(k), (c, k) => new StringSetDropOldestThreadSafe(c, k)),
        (OverflowPolicy.DropNewest, true) => new(() => new StringSetDropNewestThreadSafe(), c => new StringSetDropNewestThreadSafe(c), k => new StringSetDropNewestThreadSafe(k), (c, k) => new StringSetDropNewestThreadSafe(c, k)),
        (OverflowPolicy.Throw, true) => new(() => new StringSetThrowThreadSafe(), c => new StringSetThrowThreadSafe(c), k => new StringSetThrowThreadSafe(k), (c, k) => new StringSetThrowThreadSafe(c, k)),
        (OverflowPolicy.EvictLeastRecentlyUsed, true) => new(() => new StringSetLruThreadSafe(), c => new StringSetLruThreadSafe(c), k => new StringSetLruThreadSafe(k), (c, k) => new StringSetLruThreadSafe(c, k)),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "No such set."),
    };
}

/// <summary>The four constructors every generated map and set has.</summary>
/// <typeparam name="TCollection">The collection type.</typeparam>
/// <typeparam name="TKey">The type its comparer compares.</typeparam>
public sealed record Constructors<TCollection, TKey>(
    Func<TCollection> Default,
    Func<int, TCollection> WithCapacity,
    Func<IEqualityComparer<TKey>?, TCollection> WithComparer,
    Func<int, IEqualityComparer<TKey>?, TCollection> WithCapacityAndComparer);

/// <summary>
/// Makes the keys and values of a map test by numbers that identify them. Reference values are made once per number,
/// so that a test can compare by identity: the map must hand back the very instance it was given.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class MapItems<TKey, TValue>
{
    public abstract TKey Key(int id);

    public abstract int KeyId(TKey key);

    public abstract TValue Value(int id);

    public abstract int ValueId(TValue value);
}

/// <summary>int keys are their ids; long values lie outside the int range, so that a truncation would show.</summary>
public sealed class IntLongItems : MapItems<int, long>
{
    private const long ValueBase = 1L << 40;

    public override int Key(int id) => id;

    public override int KeyId(int key) => key;

    public override long Value(int id) => ValueBase + id;

    public override int ValueId(long value) => checked((int)(value - ValueBase));
}

/// <summary>
/// string keys "k{id}", made anew on each call (so that the map must compare them by value), and Payload values made
/// once per id (so that the map must hand back the very instance).
/// </summary>
public sealed class StringPayloadItems : MapItems<string, Payload>
{
    private readonly PayloadItems _payloads = new();

    public override string Key(int id) => "k" + id.ToString(CultureInfo.InvariantCulture);

    public override int KeyId(string key) => int.Parse(key.AsSpan(1), CultureInfo.InvariantCulture);

    public override Payload Value(int id) => _payloads.Item(id);

    public override int ValueId(Payload value) => value.Id;
}

/// <summary>string set values "v{id}", made anew on each call.</summary>
public sealed class StringItems : ItemSource<string>
{
    public override string Item(int id) => "v" + id.ToString(CultureInfo.InvariantCulture);

    public override int Id(string item) => int.Parse(item.AsSpan(1), CultureInfo.InvariantCulture);
}

/// <summary>Gives every key the same hash code, so that all of them share one bucket chain.</summary>
public sealed class CollidingIntComparer : IEqualityComparer<int>
{
    public static CollidingIntComparer Instance { get; } = new();

    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => 0;
}

/// <summary>Case-insensitive like <see cref="StringComparer.OrdinalIgnoreCase"/>, but with one hash code for every key.</summary>
public sealed class CollidingIgnoreCaseComparer : IEqualityComparer<string>
{
    public static CollidingIgnoreCaseComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => StringComparer.OrdinalIgnoreCase.Equals(x, y);

    public int GetHashCode(string obj) => 0;
}
