using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Real threads on the thread-safe queues: four writers, a dequeuer and a reader that takes snapshots, all at once.
/// Only invariants are asserted, never timings: what each thread saw must be consistent with some order of the
/// operations, and the counters must account for every item at the end.
/// </summary>
public class ConcurrencyStressTests
{
    private const int Writers = 4;
    private const int AddsPerWriter = 100_000;
    private const int SequenceBits = 20;
    private const int SequenceMask = (1 << SequenceBits) - 1;

    /// <summary>How many adds a writer may run ahead of the dequeuer before its first rounds.</summary>
    private const int Slack = 512;

    /// <summary>
    /// How many adds each writer makes before the dequeuer starts: together four times the largest capacity tested.
    /// At most <see cref="Slack"/>, so that the writers' pacing lets them get there on their own.
    /// </summary>
    private const int FillAdds = 64;

    /// <summary>How long a stuck test may wait for its threads before it reports a deadlock (not a timing assertion).</summary>
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the dequeuer may wait for the writers' first adds before it reports they never came (not a timing
    /// assertion). Shorter than <see cref="DeadlockGuard"/>, so that the failure says what was awaited.
    /// </summary>
    private static readonly TimeSpan HandOverGuard = TimeSpan.FromMinutes(1);

    // An item says which writer added it and as its how-manieth add (from 1), so that any view of the queue can be
    // checked for per-writer order.
    private static int Encode(int writer, int sequence) => (writer << SequenceBits) | sequence;

    private static int WriterOf(int item) => item >> SequenceBits;

    private static int SequenceOf(int item) => item & SequenceMask;

    [Fact]
    public void DropOldest_under_four_writers_a_dequeuer_and_a_reader_accounts_for_every_item()
    {
        var queue = new IntDropOldestThreadSafe(capacity: 64);
        var evictedByWriter = new List<int>[Writers];
        var dequeued = new List<int>();

        Run(
            queue,
            writer: (writer, sequence) =>
            {
                int item = Encode(writer, sequence);
                switch (sequence % 3)
                {
                    case 0:
                        queue.Add(item);
                        break;
                    case 1:
                        Check(queue.TryAdd(item), "TryAdd of DropOldest returned false.");
                        break;
                    default:
                        BoundedAddResult result = queue.TryAdd(item, out int evicted);
                        Check(result != BoundedAddResult.Rejected, "TryAdd(item, out evicted) of DropOldest rejected an item.");
                        if (result == BoundedAddResult.AddedWithEviction)
                        {
                            (evictedByWriter[writer] ??= new List<int>()).Add(evicted);
                        }
                        else
                        {
                            Check(evicted == 0, "TryAdd(item, out evicted) handed back an item without evicting one.");
                        }

                        break;
                }
            },
            dequeue: () => queue.TryDequeue(out int item) ? item : (int?)null,
            dequeued);

        long attempts = (long)Writers * AddsPerWriter;
        Assert.Equal(attempts, queue.TotalAdded);
        Assert.Equal(0, queue.Dropped);
        Assert.Equal(queue.TotalAdded, queue.Count + queue.Evicted + dequeued.Count);

        // Every item left the queue at most once: dequeued, evicted (as far as TryAdd reported it) or still held.
        int[] held = queue.ToArray();
        var seen = new HashSet<int>();
        int knownEvicted = 0;
        foreach (List<int>? list in evictedByWriter)
        {
            foreach (int item in list ?? new List<int>())
            {
                Assert.True(seen.Add(item), $"Item {item:x} was evicted twice.");
                knownEvicted++;
            }
        }

        foreach (int item in dequeued)
        {
            Assert.True(seen.Add(item), $"Item {item:x} was dequeued after it had left.");
        }

        foreach (int item in held)
        {
            Assert.True(seen.Add(item), $"Item {item:x} is held after it had left.");
        }

        Assert.True(queue.Evicted >= knownEvicted);
        AssertPerWriterOrder(Concat(dequeued, held), "the dequeued items followed by the held ones");
    }

    /// <remarks>
    /// RemoveWhere compacts the ring while the reader enumerates, so this also checks that a concurrent enumeration
    /// stays in order without repeats. EnumerationTests shows the same property deterministically, on one thread.
    /// </remarks>
    [Fact]
    public void DropOldest_with_a_concurrent_RemoveWhere_accounts_for_every_item()
    {
        var queue = new IntDropOldestThreadSafe(capacity: 64);
        var dequeued = new List<int>();
        long removedByPredicate = 0;
        int round = 0;

        Run(
            queue,
            writer: (writer, sequence) => queue.Add(Encode(writer, sequence)),
            dequeue: () =>
            {
                // One round in four removes the items of even sequence, wherever they are in the ring.
                if (++round % 4 == 0)
                {
                    removedByPredicate += queue.RemoveWhere(item => SequenceOf(item) % 2 == 0);
                    return null;
                }

                return queue.TryDequeue(out int item) ? item : null;
            },
            dequeued);

        Assert.Equal((long)Writers * AddsPerWriter, queue.TotalAdded);
        Assert.True(removedByPredicate > 0, "RemoveWhere never found an item to remove.");
        Assert.Equal(queue.TotalAdded, queue.Count + queue.Evicted + dequeued.Count + removedByPredicate);
        AssertPerWriterOrder(Concat(dequeued, queue.ToArray()), "the dequeued items followed by the held ones");
    }

    [Fact]
    public void DropNewest_under_four_writers_stores_or_drops_every_item_and_stores_exactly_the_accepted_ones()
    {
        var queue = new IntDropNewestThreadSafe(capacity: 16);
        var rejected = new bool[Writers][];
        var knownOutcome = new bool[Writers][];
        for (int writer = 0; writer < Writers; writer++)
        {
            rejected[writer] = new bool[AddsPerWriter + 1];
            knownOutcome[writer] = new bool[AddsPerWriter + 1];
        }

        var dequeued = new List<int>();
        Run(
            queue,
            writer: (writer, sequence) =>
            {
                int item = Encode(writer, sequence);
                switch (sequence % 3)
                {
                    case 0:
                        queue.Add(item);
                        break;
                    case 1:
                        rejected[writer][sequence] = !queue.TryAdd(item);
                        knownOutcome[writer][sequence] = true;
                        break;
                    default:
                        BoundedAddResult result = queue.TryAdd(item, out int evicted);
                        Check(result != BoundedAddResult.AddedWithEviction, "DropNewest evicted an item.");
                        Check(evicted == 0, "DropNewest handed back an evicted item.");
                        rejected[writer][sequence] = result == BoundedAddResult.Rejected;
                        knownOutcome[writer][sequence] = true;
                        break;
                }
            },
            dequeue: () => queue.TryDequeue(out int item) ? item : (int?)null,
            dequeued);

        long attempts = (long)Writers * AddsPerWriter;
        Assert.Equal(attempts, queue.TotalAdded + queue.Dropped);
        Assert.Equal(0, queue.Evicted);
        Assert.Equal(queue.TotalAdded, queue.Count + dequeued.Count);
        Assert.True(queue.Dropped > 0, "The writers never filled the queue, so its policy was not exercised.");

        // Nothing is evicted, so every stored item was dequeued or is still held, and no rejected one ever appears.
        List<int> stored = Concat(dequeued, queue.ToArray());
        Assert.Equal(queue.TotalAdded, stored.Count);
        AssertPerWriterOrder(stored, "the dequeued items followed by the held ones");
        var storedSet = new HashSet<int>(stored);
        for (int writer = 0; writer < Writers; writer++)
        {
            for (int sequence = 1; sequence <= AddsPerWriter; sequence++)
            {
                if (knownOutcome[writer][sequence])
                {
                    Assert.Equal(!rejected[writer][sequence], storedSet.Contains(Encode(writer, sequence)));
                }
            }
        }
    }

    [Fact]
    public void Throw_under_four_writers_throws_or_stores_and_counts_every_rejection()
    {
        var queue = new IntThrowThreadSafe(capacity: 16);
        var rejected = new bool[Writers][];
        long[] thrown = new long[Writers];
        long[] returnedFalse = new long[Writers];
        for (int writer = 0; writer < Writers; writer++)
        {
            rejected[writer] = new bool[AddsPerWriter + 1];
        }

        var dequeued = new List<int>();
        Run(
            queue,
            writer: (writer, sequence) =>
            {
                int item = Encode(writer, sequence);
                if (sequence % 4 == 0)
                {
                    try
                    {
                        queue.Add(item);
                    }
                    catch (BoundExceededException exception)
                    {
                        Check(exception.Capacity == 16 && exception.MaxLength == TestQueueLimits.MaxLength, "The exception carries the wrong bound.");
                        rejected[writer][sequence] = true;
                        thrown[writer]++;
                    }
                }
                else if (!queue.TryAdd(item))
                {
                    rejected[writer][sequence] = true;
                    returnedFalse[writer]++;
                }
            },
            dequeue: () => queue.TryDequeue(out int item) ? item : (int?)null,
            dequeued);

        long attempts = (long)Writers * AddsPerWriter;
        long totalThrown = 0;
        long totalFalse = 0;
        for (int writer = 0; writer < Writers; writer++)
        {
            totalThrown += thrown[writer];
            totalFalse += returnedFalse[writer];
        }

        Assert.Equal(attempts, queue.TotalAdded + queue.Dropped);
        Assert.Equal(totalThrown + totalFalse, queue.Dropped);
        Assert.Equal(0, queue.Evicted);
        Assert.Equal(queue.TotalAdded, queue.Count + dequeued.Count);
        Assert.True(totalThrown > 0, "Add never found the queue full, so its policy was not exercised.");

        // Every outcome is known: the stored items are exactly those that were neither thrown back nor refused.
        List<int> stored = Concat(dequeued, queue.ToArray());
        AssertPerWriterOrder(stored, "the dequeued items followed by the held ones");
        var storedSet = new HashSet<int>(stored);
        for (int writer = 0; writer < Writers; writer++)
        {
            for (int sequence = 1; sequence <= AddsPerWriter; sequence++)
            {
                Assert.Equal(!rejected[writer][sequence], storedSet.Contains(Encode(writer, sequence)));
            }
        }

        Assert.Equal(queue.TotalAdded, stored.Count);
    }

    /// <summary>
    /// Runs the writers, one dequeuer and one reader at once, and rethrows whatever went wrong on any of them.
    /// The reader checks every view it takes: never more than Capacity items, per-writer order, no repeats.
    /// </summary>
    /// <remarks>
    /// <para>
    /// On two cores four writers would finish before the other threads got much of a turn, so the writers keep pace
    /// with them: a writer waits (spinning, never sleeping) while it is more than a few hundred adds ahead of the
    /// dequeuer's rounds or the reader's snapshots. That makes the threads interleave at a fine grain on any machine
    /// without measuring time.
    /// </para>
    /// <para>
    /// Pacing alone does not make the queue fill: a dequeuer that got the CPU at the right moments could keep it
    /// nearly empty, so that DropNewest never drops, Throw never throws and RemoveWhere finds nothing. The dequeuer
    /// therefore starts once every writer has made its first <see cref="FillAdds"/> adds. Those are far more than the
    /// capacity, so the queue is full when the dequeuer starts, whatever the scheduler does: the bound has been hit,
    /// and the first RemoveWhere (the fourth round, after at most three dequeues) finds the latest 61 adds or more in
    /// the ring, among which some writer's consecutive ones, of even and odd sequence. The reader runs from the start.
    /// The wait cannot deadlock correct code, since the pacing lets the writers make <see cref="Slack"/> adds on their
    /// own.
    /// </para>
    /// </remarks>
    private static void Run(
        IBoundedQueue<int> queue,
        Action<int, int> writer,
        Func<int?> dequeue,
        List<int> dequeued)
    {
        var failures = new ConcurrentQueue<Exception>();
        int writersRunning = Writers;
        int abandoned = 0;
        long dequeueRounds = 0;
        long readRounds = 0;
        int writersFilling = Writers;
        using var start = new Barrier(Writers + 2);
        var filled = new ManualResetEventSlim();

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

                // The dequeuer does not wait for a writer that has given up.
                filled.Set();
            }
        }

        bool FarAhead(int sequence) =>
            Volatile.Read(ref abandoned) == 0
            && (sequence > (Volatile.Read(ref dequeueRounds) / 2) + Slack || sequence / 256 > Volatile.Read(ref readRounds) + 2);

        var threads = new List<Thread>();
        for (int w = 0; w < Writers; w++)
        {
            int id = w;
            threads.Add(new Thread(() => Guarded(() =>
            {
                try
                {
                    start.SignalAndWait();
                    var spinner = default(SpinWait);
                    for (int sequence = 1; sequence <= AddsPerWriter; sequence++)
                    {
                        while (FarAhead(sequence))
                        {
                            spinner.SpinOnce();
                        }

                        writer(id, sequence);
                        if (sequence == FillAdds && Interlocked.Decrement(ref writersFilling) == 0)
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
            if (!filled.Wait(HandOverGuard))
            {
                throw new InvalidOperationException($"The dequeuer waited {HandOverGuard} for the writers' first {FillAdds} adds.");
            }

            var order = new PerWriterOrder("the dequeued items");
            while (Volatile.Read(ref writersRunning) > 0)
            {
                if (dequeue() is int item)
                {
                    order.Next(item);
                    dequeued.Add(item);
                }

                Interlocked.Increment(ref dequeueRounds);
            }
        })));

        threads.Add(new Thread(() => Guarded(() =>
        {
            start.SignalAndWait();
            int round = 0;
            do
            {
                int count = queue.Count;
                Check(count >= 0 && count <= queue.Capacity, $"Count {count} is outside 0 … Capacity.");
                switch (round++ % 3)
                {
                    case 0:
                        int[] snapshot = queue.ToArray();
                        Check(snapshot.Length <= queue.Capacity, $"ToArray returned {snapshot.Length} items.");
                        var order = new PerWriterOrder("a ToArray snapshot");
                        foreach (int item in snapshot)
                        {
                            order.Next(item);
                        }

                        break;
                    case 1:
                        var forward = new PerWriterOrder("a foreach over the queue");
                        int yielded = 0;
                        foreach (int item in (IEnumerable<int>)queue)
                        {
                            forward.Next(item);
                            yielded++;
                        }

                        Check(yielded <= queue.Capacity, $"foreach yielded {yielded} items.");
                        break;
                    default:
                        var backward = new PerWriterOrder("a foreach over NewestFirst", descending: true);
                        int backwardYielded = 0;
                        foreach (int item in queue.NewestFirst)
                        {
                            backward.Next(item);
                            backwardYielded++;
                        }

                        Check(backwardYielded <= queue.Capacity, $"NewestFirst yielded {backwardYielded} items.");
                        break;
                }

                Interlocked.Increment(ref readRounds);
            }
            while (Volatile.Read(ref writersRunning) > 0);
        })));

        foreach (Thread thread in threads)
        {
            thread.IsBackground = true;
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(DeadlockGuard), "A thread did not finish: the queue deadlocked or livelocked.");
        }

        filled.Dispose();
        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }

        Assert.True(readRounds >= (AddsPerWriter / 256) - 2, "The reader took fewer snapshots than the writers' pacing allows.");
        Assert.True(dequeueRounds >= 2 * (AddsPerWriter - Slack), "The dequeuer ran fewer rounds than the writers' pacing allows.");
        Assert.True(queue.Count <= queue.Capacity);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static List<int> Concat(List<int> first, int[] second)
    {
        var all = new List<int>(first);
        all.AddRange(second);
        return all;
    }

    private static void AssertPerWriterOrder(IEnumerable<int> items, string view)
    {
        var order = new PerWriterOrder(view);
        foreach (int item in items)
        {
            order.Next(item);
        }
    }

    /// <summary>Checks that a writer's items follow each other in the order it added them (or the reverse), without repeats.</summary>
    private sealed class PerWriterOrder
    {
        private readonly int[] _last = new int[Writers];
        private readonly string _view;
        private readonly bool _descending;

        public PerWriterOrder(string view, bool descending = false)
        {
            _view = view;
            _descending = descending;
            if (descending)
            {
                Array.Fill(_last, int.MaxValue);
            }
        }

        public void Next(int item)
        {
            int writer = WriterOf(item);
            int sequence = SequenceOf(item);
            Check(writer >= 0 && writer < Writers && sequence >= 1 && sequence <= AddsPerWriter, $"{_view} holds {item:x}, which no writer added.");
            bool inOrder = _descending ? sequence < _last[writer] : sequence > _last[writer];
            Check(inOrder, $"In {_view}, writer {writer}'s item {sequence} follows its item {_last[writer]}.");
            _last[writer] = sequence;
        }
    }
}
