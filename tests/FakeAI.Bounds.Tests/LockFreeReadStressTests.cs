using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Real threads on the reads that take no lock (TryGetValue, the indexer, ContainsKey, Contains, the queue's peeks,
/// indexer, counters and copies) while writers change the very entries they walk. Only invariants are asserted: a
/// lock-free read must answer as some state of the collection would, never throw what the caller did not cause, and
/// never miss an entry that was there all along.
/// </summary>
/// <remarks>
/// Every role has a guaranteed share: the readers run a fixed number of rounds, and the writers keep writing until
/// every reader has finished them (and at least a fixed number of rounds of their own), so readers always overlap
/// writers and the outcome does not depend on how the threads are scheduled.
/// </remarks>
public class LockFreeReadStressTests
{
    private const int ReaderRounds = 20_000;
    private const int MinimumWriterRounds = 2_000;
    private const int Pinned = 4;

    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(2);

    private static long ValueFor(int key, int stamp) => ((long)key << 32) | (uint)stamp;

    private static int KeyOf(long value) => (int)(value >> 32);

    [Theory]
    [InlineData(OverflowPolicy.DropNewest)]
    [InlineData(OverflowPolicy.Throw)]
    [InlineData(OverflowPolicy.EvictLeastRecentlyUsed)]
    public void A_key_present_throughout_is_found_by_every_read_while_keys_of_its_own_bucket_come_and_go(OverflowPolicy policy)
    {
        // Every key hashes alike, so each add and remove relinks the one chain the readers walk. Capacity leaves room
        // for the writers' keys, so that nothing is ever evicted or rejected: the pinned keys are there all along.
        const int Writers = 2;
        ITestMap<int, long> map = MapFactory.Int(policy, threadSafe: true, capacity: Pinned + Writers, CollidingIntComparer.Instance);
        for (int key = 0; key < Pinned; key++)
        {
            map[key] = ValueFor(key, 0);
        }

        var failures = new Failures();
        RunAgainstWriters(
            Writers,
            (writer, round) =>
            {
                // Interleaved, so that no two writers' keys meet however many rounds one of them runs while the
                // readers finish (under load a writer can run millions).
                int fresh = 1_000 + (round * Writers) + writer;
                Assert.True(map.TryAdd(fresh, ValueFor(fresh, round)));
                map[round % Pinned] = ValueFor(round % Pinned, round);
                Assert.True(map.Remove(fresh));
            },
            (reader, round) =>
            {
                int key = (round + reader) % Pinned;
                if (!map.TryGetValue(key, out long value))
                {
                    failures.Add($"TryGetValue({key}) missed a key present throughout.");
                }
                else if (KeyOf(value) != key)
                {
                    failures.Add($"TryGetValue({key}) returned the value of key {KeyOf(value)}.");
                }

                if (!map.ContainsKey(key))
                {
                    failures.Add($"ContainsKey({key}) missed a key present throughout.");
                }

                if (KeyOf(map[key]) != key)
                {
                    failures.Add($"this[{key}] returned the value of another key.");
                }

                if (map.TryGetValue(-1 - key, out _))
                {
                    failures.Add($"TryGetValue({-1 - key}) found a key never added.");
                }
            });

        failures.AssertNone();
        Assert.Equal(Pinned, map.Count);
        Assert.Equal(0, map.Evicted + map.Dropped);
    }

    [Theory]
    [InlineData(OverflowPolicy.DropOldest)]
    [InlineData(OverflowPolicy.EvictLeastRecentlyUsed)]
    public void A_struct_key_whose_Equals_fails_on_a_half_written_key_never_fails_a_lock_free_read(OverflowPolicy policy)
    {
        // Clear and Remove zero the entries (the key holds a reference), so a reader walking the one chain every key
        // hashes to can meet a key half cleared: its Equals dereferences a null name. The read must treat that as a
        // torn read and ask again, not throw.
        IBoundedDictionary<FragileKey, long> map = policy == OverflowPolicy.DropOldest ? new FragileKeyFifoMap(8) : new FragileKeyLruMap(8);
        var failures = new Failures();
        RunAgainstWriters(
            writers: 1,
            (_, round) =>
            {
                map[new FragileKey("k" + (round % 24), round % 24)] = ValueFor(round % 24, round);
                if (round % 8 == 7)
                {
                    map.Clear();
                }
            },
            (reader, round) =>
            {
                int id = (round * 7 + reader) % 24;
                try
                {
                    if (map.TryGetValue(new FragileKey("k" + id, id), out long value) && KeyOf(value) != id)
                    {
                        failures.Add($"TryGetValue(k{id}) returned the value of key {KeyOf(value)}.");
                    }

                    map.ContainsKey(new FragileKey("k" + id, id));
                }
                catch (Exception exception)
                {
                    failures.Add($"A lock-free read threw {exception.GetType().Name}: {exception.Message}");
                }
            },
            readerRounds: 5 * ReaderRounds);

        failures.AssertNone();
        Assert.True(map.Count <= map.Capacity);
    }

    [Fact]
    public void A_user_key_whose_Equals_throws_on_a_consistent_read_still_throws_to_the_caller()
    {
        // The torn-read guard swallows only what a torn read caused: an Equals that fails on whole keys is the caller's.
        var map = new FragileKeyFifoMap(4);
        map[new FragileKey("a", 1)] = 1;
        Assert.Throws<InvalidOperationException>(() => map.TryGetValue(new FragileKey(FragileKey.Poison, 1), out _));
        Assert.Throws<InvalidOperationException>(() => map.ContainsKey(new FragileKey(FragileKey.Poison, 1)));
    }

    [Fact]
    public void Lock_free_reads_of_a_queue_see_one_consistent_window_of_what_one_writer_appended()
    {
        // One writer appends 0, 1, 2, … to a DropOldest queue: every consistent state holds a run of consecutive
        // numbers, and a reader's views move only forward.
        var queue = new IntDropOldestThreadSafe(16);
        var failures = new Failures();
        int next = 0;
        RunAgainstWriters(
            writers: 1,
            (_, _) => queue.Add(next++),
            (reader, _) => new QueueReader(queue, failures).ReadOnce(),
            readers: 2);

        failures.AssertNone();
        Assert.Equal(next, queue.TotalAdded);
        Assert.Equal(next - queue.Count, queue.Evicted);
    }

    /// <summary>One reader's checks of the queue; it remembers what it saw last, which a later read must not precede.</summary>
    private sealed class QueueReader
    {
        [ThreadStatic]
        private static int[]? t_lastSeen;

        private readonly IBoundedQueue<int> _queue;
        private readonly Failures _failures;

        public QueueReader(IBoundedQueue<int> queue, Failures failures)
        {
            _queue = queue;
            _failures = failures;
        }

        public void ReadOnce()
        {
            int[] last = t_lastSeen ??= new int[4];
            int[] copy = _queue.ToArray();
            for (int i = 1; i < copy.Length; i++)
            {
                if (copy[i] != copy[i - 1] + 1)
                {
                    _failures.Add($"ToArray returned a window with a gap or a torn slot: [{string.Join(", ", copy)}].");
                    return;
                }
            }

            if (copy.Length > _queue.Capacity)
            {
                _failures.Add($"ToArray returned {copy.Length} items from a queue of capacity {_queue.Capacity}.");
            }

            Forward(last, 0, copy.Length > 0 ? copy[0] : last[0], "the oldest item of ToArray");
            if (_queue.TryPeekOldest(out int oldest))
            {
                Forward(last, 1, oldest, "TryPeekOldest");
            }

            if (_queue.TryPeekNewest(out int newest))
            {
                Forward(last, 2, newest, "TryPeekNewest");
                if (newest < oldest)
                {
                    _failures.Add($"TryPeekNewest ({newest}) read after TryPeekOldest ({oldest}) is older.");
                }
            }

            Forward(last, 3, (int)_queue.TotalAdded, "TotalAdded");
            foreach (int item in _queue)
            {
                if (item < last[0])
                {
                    _failures.Add($"Enumeration yielded {item}, older than an oldest item seen before ({last[0]}).");
                    break;
                }
            }
        }

        private void Forward(int[] last, int view, int seen, string what)
        {
            if (seen < last[view])
            {
                _failures.Add($"{what} went back from {last[view]} to {seen}.");
            }

            last[view] = seen;
        }
    }

    /// <summary>
    /// Runs <paramref name="readers"/> readers for <paramref name="readerRounds"/> rounds each, and writers that keep
    /// writing until every reader is done and they have run <see cref="MinimumWriterRounds"/> rounds themselves.
    /// </summary>
    private static void RunAgainstWriters(int writers, Action<int, int> write, Action<int, int> read, int readers = 2, int readerRounds = ReaderRounds)
    {
        int readersLeft = readers;
        var errors = new List<Exception>();
        var threads = new List<Thread>();
        for (int w = 0; w < writers; w++)
        {
            int writer = w;
            threads.Add(new Thread(() => Guard(errors, () =>
            {
                for (int round = 0; round < MinimumWriterRounds || Volatile.Read(ref readersLeft) > 0; round++)
                {
                    write(writer, round);
                }
            })));
        }

        for (int r = 0; r < readers; r++)
        {
            int reader = r;
            threads.Add(new Thread(() => Guard(errors, () =>
            {
                try
                {
                    for (int round = 0; round < readerRounds; round++)
                    {
                        read(reader, round);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref readersLeft);
                }
            })));
        }

        foreach (Thread thread in threads)
        {
            thread.IsBackground = true;
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(DeadlockGuard), "A thread did not finish: a deadlock or a livelock.");
        }

        lock (errors)
        {
            Assert.Empty(errors);
        }
    }

    private static void Guard(List<Exception> errors, Action body)
    {
        try
        {
            body();
        }
        catch (Exception exception)
        {
            lock (errors)
            {
                errors.Add(exception);
            }
        }
    }

    /// <summary>What the threads saw that they should not have; the first few are kept for the message.</summary>
    private sealed class Failures
    {
        private readonly List<string> _first = new();
        private int _count;

        public void Add(string failure)
        {
            if (Interlocked.Increment(ref _count) <= 5)
            {
                lock (_first)
                {
                    _first.Add(failure);
                }
            }
        }

        public void AssertNone()
        {
            Assert.True(_count == 0, $"{_count} failures, the first: {string.Join(" | ", _first)}");
        }
    }
}

/// <summary>
/// A struct key whose Equals dereferences its name, so that it throws on a key read half cleared (a null name), and on
/// purpose for a <see cref="Poison"/> name. Every key has the same hash.
/// </summary>
public readonly struct FragileKey : IEquatable<FragileKey>
{
    public const string Poison = "poison";

    public FragileKey(string name, int id)
    {
        Name = name;
        Id = id;
    }

    public string Name { get; }

    public int Id { get; }

    public bool Equals(FragileKey other)
    {
        if (ReferenceEquals(Name, Poison) || ReferenceEquals(other.Name, Poison))
        {
            throw new InvalidOperationException("This key refuses to be compared.");
        }

        return Id == other.Id && Name.Length == other.Name.Length && string.Equals(Name, other.Name, StringComparison.Ordinal);
    }

    public override bool Equals(object? obj) => obj is FragileKey other && Equals(other);

    /// <summary>One hash for every key: every lookup walks (and compares) every entry of the one chain.</summary>
    public override int GetHashCode() => 0;

    public override string ToString() => Name + "#" + Id;
}

/// <summary>A thread-safe FIFO map keyed by <see cref="FragileKey"/>.</summary>
[Bounded(MaxLength = 64, ThreadSafe = true)]
public sealed partial class FragileKeyFifoMap : IBoundedDictionary<FragileKey, long>;

/// <summary>A thread-safe LRU map keyed by <see cref="FragileKey"/>.</summary>
[Bounded(MaxLength = 64, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
public sealed partial class FragileKeyLruMap : IBoundedDictionary<FragileKey, long>;
