using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Real threads on the thread-safe maps and sets of every policy: three writers, a remover (RemoveWhere and Remove), a
/// reader of single keys and a reader that enumerates, all at once. Only invariants are asserted, never timings: what
/// each thread saw must be consistent with some order of the operations, and the counters must account for every key.
/// </summary>
/// <remarks>
/// Each write of a new key uses a fresh key, never used before, so that its outcome is known (stored, or rejected by
/// the policy). A few pinned keys, added before the threads start and never removed by the remover, are updated
/// instead: under DropNewest and Throw they can never leave, so their writes are always updates. Every value carries
/// its key in its upper half, so that a value read under a wrong key, or torn, shows.
/// </remarks>
public class MapConcurrencyStressTests
{
    private const int Writers = 3;
    private const int OperationsPerWriter = 24_000;
    private const int Capacity = 32;
    private const int Pinned = 4;
    private const int SequenceBits = 20;

    /// <summary>How many operations a writer may run ahead of the other threads before their first rounds.</summary>
    private const int Slack = 64;

    /// <summary>
    /// How many operations each writer runs before the remover starts: together they offer three times the capacity in
    /// new keys. At most <see cref="Slack"/>, so that the writers' pacing lets them get there on their own.
    /// </summary>
    private const int FillOperations = 48;

    /// <summary>The operation at which a writer waits, if it must, until the remover has removed something.</summary>
    private const int RemovalGate = OperationsPerWriter / 2;

    /// <summary>How long a stuck test may wait for its threads before it reports a deadlock (not a timing assertion).</summary>
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a thread may wait for another's hand-over before it reports it never came (not a timing assertion).
    /// Shorter than <see cref="DeadlockGuard"/>, so that the failure names the hand-over.
    /// </summary>
    private static readonly TimeSpan HandOverGuard = TimeSpan.FromMinutes(1);

    private static int Fresh(int writer, int sequence) => ((writer + 1) << SequenceBits) | sequence;

    private static bool IsPinned(int key) => key >= 0 && key < Pinned;

    private static int WriterOf(int key) => (key >> SequenceBits) - 1;

    private static int SequenceOf(int key) => key & ((1 << SequenceBits) - 1);

    private static long ValueFor(int key, int stamp) => ((long)key << 32) | (uint)stamp;

    private static int KeyOf(long value) => (int)(value >> 32);

    /// <summary>How many of a writer's operations offer a new key (the others update pinned keys).</summary>
    private static int NewKeyOperations => Enumerable.Range(1, OperationsPerWriter).Count(sequence => sequence % 6 < 4);

    public static TheoryData<OverflowPolicy> Policies => MapFactory.PolicyData;

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_thread_safe_map_under_writers_a_remover_and_readers_accounts_for_every_key(OverflowPolicy policy)
    {
        ITestMap<int, long> map = MapFactory.Int(policy, threadSafe: true, Capacity);
        bool evicts = MapFactory.Evicts(policy);
        for (int key = 0; key < Pinned; key++)
        {
            map[key] = ValueFor(key, 0);
        }

        var lastFresh = new int[Writers];
        long[] thrown = new long[Writers];
        long[] refused = new long[Writers];
        long removed = 0;
        var removedKeys = new HashSet<int>();

        void Write(int writer, int sequence)
        {
            int fresh = Fresh(writer, sequence);
            int pinned = sequence % Pinned;
            try
            {
                switch (sequence % 6)
                {
                    case 0:
                        map[fresh] = ValueFor(fresh, sequence);
                        break;
                    case 1:
                        if (!map.TryAdd(fresh, ValueFor(fresh, sequence)))
                        {
                            Check(!evicts, "TryAdd of a fresh key returned false, but the policy evicts.");
                            refused[writer]++;
                        }

                        break;
                    case 2:
                        int calls = 0;
                        long got = map.GetOrAdd(fresh, key =>
                        {
                            calls++;
                            return ValueFor(key, sequence);
                        });
                        Check(calls == 1 && got == ValueFor(fresh, sequence), "GetOrAdd of a fresh key did not add the factory's value once.");
                        break;
                    case 3:
                        long added = map.AddOrUpdate(fresh, ValueFor(fresh, sequence), (_, _) => throw new InvalidOperationException("AddOrUpdate updated a fresh key."));
                        Check(added == ValueFor(fresh, sequence), "AddOrUpdate of a fresh key returned another value.");
                        break;
                    case 4:
                        map[pinned] = ValueFor(pinned, sequence);
                        break;
                    default:
                        long updated = map.AddOrUpdate(pinned, ValueFor(pinned, sequence), (key, current) =>
                        {
                            Check(KeyOf(current) == key, $"AddOrUpdate handed key {key} the value of key {KeyOf(current)}.");
                            return ValueFor(key, sequence);
                        });
                        Check(updated == ValueFor(pinned, sequence), "AddOrUpdate of a pinned key returned another value.");
                        break;
                }
            }
            catch (BoundExceededException exception) when (policy == OverflowPolicy.Throw && sequence % 6 < 4)
            {
                Check(exception.Capacity == Capacity && exception.MaxLength == TestMapLimits.MaxLength, "The exception carries the wrong bound.");
                thrown[writer]++;
            }

            Volatile.Write(ref lastFresh[writer], fresh);
            int previous = Fresh(writer, Math.Max(1, sequence - 3));
            if (map.TryGetValue(previous, out long value))
            {
                Check(KeyOf(value) == previous, $"TryGetValue({previous:x}) returned the value of {KeyOf(value):x}.");
            }
        }

        bool Remove(int round)
        {
            switch (round % 3)
            {
                case 0:
                    int matched = map.RemoveWhere((key, value) =>
                    {
                        Check(KeyOf(value) == key, $"RemoveWhere saw key {key:x} with the value of {KeyOf(value):x}.");
                        bool match = !IsPinned(key) && SequenceOf(key) % 4 == round % 4;
                        if (match)
                        {
                            Check(removedKeys.Add(key), $"RemoveWhere was offered key {key:x}, which it had removed already.");
                        }

                        return match;
                    });
                    removed += matched;
                    return matched > 0;
                case 1:
                    int target = Volatile.Read(ref lastFresh[round % Writers]);
                    if (target != 0 && map.Remove(target))
                    {
                        Check(removedKeys.Add(target), $"Remove took key {target:x} out twice.");
                        removed++;
                        return true;
                    }

                    return false;
                default:
                    int other = Volatile.Read(ref lastFresh[(round + 1) % Writers]);
                    if (other != 0 && map.Remove(other, out long value))
                    {
                        Check(KeyOf(value) == other, $"Remove({other:x}) handed back the value of {KeyOf(value):x}.");
                        Check(removedKeys.Add(other), $"Remove took key {other:x} out twice.");
                        removed++;
                        return true;
                    }

                    return false;
            }
        }

        void Read(int round)
        {
            int count = map.Count;
            Check(count >= 0 && count <= Capacity, $"Count {count} is outside 0 … Capacity.");
            int pinned = round % Pinned;
            bool found = map.TryGetValue(pinned, out long value);
            Check(found || evicts, $"Pinned key {pinned} is missing, but the policy never evicts.");
            Check(!found || KeyOf(value) == pinned, $"Pinned key {pinned} holds the value of key {KeyOf(value)}.");
            int recent = Volatile.Read(ref lastFresh[round % Writers]);
            if (recent != 0 && map.ContainsKey(recent) && map.TryGetValue(recent, out long recentValue))
            {
                Check(KeyOf(recentValue) == recent, $"Key {recent:x} holds the value of key {KeyOf(recentValue):x}.");
            }
        }

        void Enumerate(int round)
        {
            var seen = new List<int>();
            switch (round % 3)
            {
                case 0:
                    foreach (KeyValuePair<int, long> pair in map)
                    {
                        Check(KeyOf(pair.Value) == pair.Key, $"foreach yielded key {pair.Key:x} with the value of {KeyOf(pair.Value):x}.");
                        seen.Add(pair.Key);
                    }

                    break;
                case 1:
                    seen.AddRange(map.Keys);
                    break;
                default:
                    seen.AddRange(map.Values.Select(KeyOf));
                    break;
            }

            CheckView(seen, policy, "an enumeration");
        }

        RunThreads(Write, Remove, Read, Enumerate);

        long attempts = ((long)Writers * NewKeyOperations) + Pinned;
        long totalThrown = thrown.Sum();
        long totalRefused = refused.Sum();
        var held = map.ToList();
        CheckView(held.Select(pair => pair.Key).ToList(), policy, "the final contents");
        Assert.All(held, pair => Assert.Equal(pair.Key, KeyOf(pair.Value)));
        Assert.DoesNotContain(held, pair => removedKeys.Contains(pair.Key));
        Assert.Equal(removedKeys.Count, removed);
        Assert.True(removed > 0, "The remover never removed a key.");
        Assert.Equal(map.TotalAdded, map.Count + map.Evicted + removed);

        if (evicts)
        {
            Assert.Equal(0, map.Dropped);
            Assert.Equal(0, totalThrown + totalRefused);
            Assert.True(map.Evicted > 0, "Nothing was evicted, so the policy was not exercised.");

            // Every fresh key was stored; pinned keys evicted and written again were stored again.
            Assert.True(map.TotalAdded >= attempts, $"TotalAdded {map.TotalAdded} is below the {attempts} new keys offered.");
        }
        else
        {
            Assert.Equal(0, map.Evicted);
            Assert.Equal(attempts, map.TotalAdded + map.Dropped);
            Assert.True(map.Dropped > 0, "Nothing was rejected, so the policy was not exercised.");
            Assert.All(Enumerable.Range(0, Pinned), key => Assert.True(map.ContainsKey(key), $"Pinned key {key} was lost."));
            if (policy == OverflowPolicy.Throw)
            {
                // Every rejection is known: thrown back, or refused by TryAdd.
                Assert.Equal(totalThrown + totalRefused, map.Dropped);
                Assert.True(totalThrown > 0, "No write found the map full.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_thread_safe_set_under_writers_a_remover_and_readers_accounts_for_every_value(OverflowPolicy policy)
    {
        ITestSet<int> set = MapFactory.IntSet(policy, threadSafe: true, Capacity);
        bool evicts = MapFactory.Evicts(policy);
        for (int value = 0; value < Pinned; value++)
        {
            Assert.True(set.Add(value));
        }

        var lastFresh = new int[Writers];
        long[] thrown = new long[Writers];
        long[] refused = new long[Writers];
        long removed = 0;
        var removedValues = new HashSet<int>();

        void Write(int writer, int sequence)
        {
            int fresh = Fresh(writer, sequence);
            try
            {
                switch (sequence % 6)
                {
                    case 0:
                    case 2:
                        bool added = set.Add(fresh);
                        Check(added || policy == OverflowPolicy.DropNewest, "Add of a fresh value returned false, but the policy does not reject silently.");
                        refused[writer] += added ? 0 : 1;
                        break;
                    case 1:
                    case 3:
                        if (!set.TryAdd(fresh))
                        {
                            Check(!evicts, "TryAdd of a fresh value returned false, but the policy evicts.");
                            refused[writer]++;
                        }

                        break;
                    case 4:
                        bool addedPinned = set.Add(sequence % Pinned);
                        Check(!addedPinned || evicts, "A pinned value was added again, but the policy never evicts.");
                        break;
                    default:
                        bool present = set.Contains(sequence % Pinned);
                        Check(present || evicts, "A pinned value is missing, but the policy never evicts.");
                        break;
                }
            }
            catch (BoundExceededException) when (policy == OverflowPolicy.Throw && sequence % 6 is 0 or 2)
            {
                thrown[writer]++;
            }

            Volatile.Write(ref lastFresh[writer], fresh);
        }

        bool Remove(int round)
        {
            if (round % 2 == 0)
            {
                int matched = set.RemoveWhere(value =>
                {
                    bool match = !IsPinned(value) && SequenceOf(value) % 4 == round % 4;
                    if (match)
                    {
                        Check(removedValues.Add(value), $"RemoveWhere was offered value {value:x}, which it had removed already.");
                    }

                    return match;
                });
                removed += matched;
                return matched > 0;
            }

            int target = Volatile.Read(ref lastFresh[round % Writers]);
            if (target != 0 && set.Remove(target))
            {
                Check(removedValues.Add(target), $"Remove took value {target:x} out twice.");
                removed++;
                return true;
            }

            return false;
        }

        void Read(int round)
        {
            int count = set.Count;
            Check(count >= 0 && count <= Capacity, $"Count {count} is outside 0 … Capacity.");
            Check(set.Contains(round % Pinned) || evicts, "A pinned value is missing, but the policy never evicts.");
            set.Contains(Volatile.Read(ref lastFresh[round % Writers]));
        }

        void Enumerate(int round) => CheckView(set.ToList(), policy, "an enumeration");

        RunThreads(Write, Remove, Read, Enumerate);

        long attempts = ((long)Writers * NewKeyOperations) + Pinned;
        List<int> held = set.ToList();
        CheckView(held, policy, "the final contents");
        Assert.DoesNotContain(held, removedValues.Contains);
        Assert.Equal(removedValues.Count, removed);
        Assert.True(removed > 0, "The remover never removed a value.");
        Assert.Equal(set.TotalAdded, set.Count + set.Evicted + removed);
        if (evicts)
        {
            Assert.Equal(0, set.Dropped);
            Assert.Equal(0, thrown.Sum() + refused.Sum());
            Assert.True(set.Evicted > 0, "Nothing was evicted, so the policy was not exercised.");
            Assert.True(set.TotalAdded >= attempts);
        }
        else
        {
            Assert.Equal(0, set.Evicted);
            Assert.Equal(attempts, set.TotalAdded + set.Dropped);
            Assert.Equal(thrown.Sum() + refused.Sum(), set.Dropped);
            Assert.True(set.Dropped > 0, "Nothing was rejected, so the policy was not exercised.");
            Assert.All(Enumerable.Range(0, Pinned), value => Assert.True(set.Contains(value), $"Pinned value {value} was lost."));
        }
    }

    /// <summary>
    /// Checks a view of the keys taken while the threads run: at most Capacity keys, no repeats, the pinned ones all
    /// there when the policy never evicts, and (unless LRU, where reads reorder) each writer's keys in the order it
    /// added them, since fresh keys are never updated.
    /// </summary>
    private static void CheckView(List<int> keys, OverflowPolicy policy, string view)
    {
        Check(keys.Count <= Capacity, $"{view} held {keys.Count} keys, more than the capacity {Capacity}.");
        Check(keys.Distinct().Count() == keys.Count, $"{view} held a key twice: [{string.Join(", ", keys.Select(key => key.ToString("x", null)))}].");
        if (!MapFactory.Evicts(policy))
        {
            Check(Enumerable.Range(0, Pinned).All(keys.Contains), $"{view} lacks a pinned key, but the policy never evicts.");
        }

        if (policy != OverflowPolicy.EvictLeastRecentlyUsed)
        {
            var last = new int[Writers];
            foreach (int key in keys.Where(key => !IsPinned(key)))
            {
                int writer = WriterOf(key);
                Check(writer >= 0 && writer < Writers, $"{view} holds {key:x}, which no writer added.");
                Check(SequenceOf(key) > last[writer], $"In {view}, writer {writer}'s key {SequenceOf(key)} follows its key {last[writer]}.");
                last[writer] = SequenceOf(key);
            }
        }
    }

    /// <summary>
    /// Runs the writers, the remover, the reader and the enumerating reader at once, and rethrows whatever went wrong
    /// on any of them.
    /// </summary>
    /// <remarks>
    /// <para>
    /// On two cores three writers would finish before the other threads got much of a turn, so the writers keep pace
    /// with them: a writer waits (spinning, never sleeping) while it is more than a few dozen operations ahead of the
    /// rounds of any of the other three threads. That makes the threads interleave at a fine grain on any machine
    /// without measuring time.
    /// </para>
    /// <para>
    /// Pacing alone does not give every thread a share of the collection's life: the remover could run its rounds
    /// before the first key arrives and then not run again until the writers are done, or remove so eagerly that the
    /// collection never fills. Two hand-overs rule both out, whatever the scheduler does:
    /// </para>
    /// <list type="number">
    /// <item>
    /// The remover starts once every writer has run its first <see cref="FillOperations"/> operations. Those offer far
    /// more new keys than the capacity, so the bound has been reached, and the policy exercised, before anything is
    /// removed. The readers run from the start.
    /// </item>
    /// <item>
    /// A writer does not pass <see cref="RemovalGate"/> until the remover has removed something. Usually it has long
    /// before; if not, the writers wait there, and the remover finds new keys of every kind it looks for: under
    /// DropNewest and Throw the first ones admitted, which only the remover takes out, and under the evicting
    /// policies the ones added last, which the few keys a writer can add after its last new key of a kind cannot
    /// push out. Within one cycle of its rounds (twelve for the map, four for the set) the remover's predicate has
    /// asked for every sequence it removes, so it takes one of them out.
    /// </item>
    /// </list>
    /// <para>
    /// Neither hand-over can deadlock correct code: the writers' pacing lets them run <see cref="Slack"/> operations
    /// with no other thread's help, and the remover's rounds go on while the writers wait. A guard fails the test if a
    /// hand-over never comes, for instance when a removal is broken.
    /// </para>
    /// </remarks>
    private static void RunThreads(Action<int, int> write, Func<int, bool> remove, Action<int> read, Action<int> enumerate)
    {
        var failures = new ConcurrentQueue<Exception>();
        int writersRunning = Writers;
        int writersFilling = Writers;
        int abandoned = 0;
        long[] rounds = new long[3];
        using var start = new Barrier(Writers + 3);
        var filled = new ManualResetEventSlim();
        var removedOne = new ManualResetEventSlim();

        void Guarded(Action body)
        {
            try
            {
                body();
            }
            catch (Exception exception)
            {
                failures.Enqueue(exception);
                Volatile.Write(ref abandoned, 1);

                // No thread waits for one that has given up.
                filled.Set();
                removedOne.Set();
            }
        }

        bool FarAhead(int sequence)
        {
            if (Volatile.Read(ref abandoned) != 0)
            {
                return false;
            }

            long slowest = Math.Min(Volatile.Read(ref rounds[0]), Math.Min(Volatile.Read(ref rounds[1]), Volatile.Read(ref rounds[2])));
            return sequence > Slack + (8 * slowest);
        }

        var threads = new List<Thread>();
        for (int w = 0; w < Writers; w++)
        {
            int writer = w;
            threads.Add(new Thread(() => Guarded(() =>
            {
                try
                {
                    start.SignalAndWait();
                    var spinner = default(SpinWait);
                    for (int sequence = 1; sequence <= OperationsPerWriter; sequence++)
                    {
                        if (sequence == RemovalGate)
                        {
                            AwaitHandOver(removedOne, $"The writers waited {HandOverGuard} at operation {RemovalGate} for the remover to remove something.");
                        }

                        while (FarAhead(sequence))
                        {
                            spinner.SpinOnce();
                        }

                        write(writer, sequence);
                        if (sequence == FillOperations && Interlocked.Decrement(ref writersFilling) == 0)
                        {
                            filled.Set();
                        }
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref writersRunning);
                }
            })));
        }

        threads.Add(new Thread(() => Guarded(() =>
        {
            start.SignalAndWait();
            AwaitHandOver(filled, $"The remover waited {HandOverGuard} for the writers to run their first {FillOperations} operations.");
            int round = 0;
            do
            {
                if (remove(round++))
                {
                    removedOne.Set();
                }

                Interlocked.Increment(ref rounds[0]);
            }
            while (Volatile.Read(ref writersRunning) > 0);
        })));

        Action<int>[] readers = [read, enumerate];
        for (int r = 0; r < readers.Length; r++)
        {
            int index = r;
            threads.Add(new Thread(() => Guarded(() =>
            {
                start.SignalAndWait();
                int round = 0;
                do
                {
                    readers[index](round++);
                    Interlocked.Increment(ref rounds[index + 1]);
                }
                while (Volatile.Read(ref writersRunning) > 0);
            })));
        }

        foreach (Thread thread in threads)
        {
            thread.IsBackground = true;
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(DeadlockGuard), "A thread did not finish: the collection deadlocked or livelocked.");
        }

        filled.Dispose();
        removedOne.Dispose();
        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }

        long needed = (OperationsPerWriter - Slack) / 8;
        Assert.All(rounds, count => Assert.True(count >= needed, $"A thread ran {count} rounds, fewer than the writers' pacing allows ({needed})."));
    }

    /// <summary>Waits for another thread's hand-over; the guard only turns a hang into a failure, it is not a timing assertion.</summary>
    private static void AwaitHandOver(ManualResetEventSlim handOver, string failure)
    {
        if (!handOver.Wait(HandOverGuard))
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    // The threads check thousands of times a second: a message is only formatted when its check fails.
    private static void Check(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message.ToStringAndClear());
        }
    }

    /// <summary>An interpolated message whose parts are only evaluated when the condition it goes with is false.</summary>
    [InterpolatedStringHandler]
    private ref struct FailureMessage
    {
        private DefaultInterpolatedStringHandler _text;

        public FailureMessage(int literalLength, int formattedCount, bool condition, out bool failed)
        {
            failed = !condition;
            _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }
}
