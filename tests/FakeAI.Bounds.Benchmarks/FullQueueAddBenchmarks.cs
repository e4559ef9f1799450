using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace FakeAI.Bounds.Benchmarks;

// Single-threaded Add on a queue that is already full, so that every measured Add evicts the oldest item: the
// steady state of a tracker that has been running for a while. Each invocation makes AddsPerInvoke adds and
// BenchmarkDotNet divides by it, so Mean is nanoseconds per Add. The hand-written ring is the baseline of every
// row, so the Ratio column compares implementations measured in the same run.

/// <summary>Full-queue <c>Add</c> of <see cref="long"/> items.</summary>
[MemoryDiagnoser]
public class FullQueueAddLong
{
    /// <summary>Adds per benchmark invocation.</summary>
    public const int AddsPerInvoke = 1_000;

    private GeneratedLongQueue _generated = null!;
    private HandWrittenLongRing _ring = null!;
    private Queue<long> _queue = null!;
    private ConcurrentQueue<long> _concurrentQueue = null!;
    private ChannelWriter<long> _channel = null!;
    private ChannelReader<long> _channelReader = null!;
    private int _capacity;

    /// <summary>The capacity of every queue: not a power of two, and a power of two.</summary>
    [Params(1_000, 1_024)]
    public int Capacity { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _capacity = Capacity;
        _generated = new GeneratedLongQueue(Capacity);
        _ring = new HandWrittenLongRing(Capacity);
        _queue = new Queue<long>(Capacity);
        _concurrentQueue = new ConcurrentQueue<long>();
        // The contender is the drop-oldest channel without an itemDropped callback: a callback would add a delegate
        // call to every measured add, which none of the other contenders pays.
        Channel<long> channel = Channel.CreateBounded<long>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        _channel = channel.Writer;
        _channelReader = channel.Reader;

        // Fill every queue past full, so that growth is over and each measured Add evicts.
        for (int pass = 0; pass < 3; pass++)
        {
            HandWrittenRing();
            Generated();
            QueueOfT();
            ConcurrentQueueOfT();
            BoundedChannel();
        }

        FullState.Check(_ring.Count, _generated.Count, _queue.Count, _concurrentQueue.Count, _channelReader.Count, Capacity);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = AddsPerInvoke)]
    public void HandWrittenRing()
    {
        HandWrittenLongRing ring = _ring;
        for (int i = 0; i < AddsPerInvoke; i++)
        {
            ring.Add(i);
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void Generated()
    {
        GeneratedLongQueue queue = _generated;
        for (int i = 0; i < AddsPerInvoke; i++)
        {
            queue.Add(i);
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void QueueOfT()
    {
        Queue<long> queue = _queue;
        int capacity = _capacity;
        for (int i = 0; i < AddsPerInvoke; i++)
        {
            if (queue.Count == capacity)
            {
                queue.Dequeue();
            }

            queue.Enqueue(i);
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void ConcurrentQueueOfT()
    {
        ConcurrentQueue<long> queue = _concurrentQueue;
        int capacity = _capacity;
        for (int i = 0; i < AddsPerInvoke; i++)
        {
            queue.Enqueue(i);
            if (queue.Count > capacity)
            {
                queue.TryDequeue(out _);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void BoundedChannel()
    {
        ChannelWriter<long> channel = _channel;
        for (int i = 0; i < AddsPerInvoke; i++)
        {
            channel.TryWrite(i);
        }
    }
}

/// <summary>Full-queue <c>Add</c> of a small sealed reference type, from a pool allocated in setup.</summary>
[MemoryDiagnoser]
public class FullQueueAddReference
{
    /// <summary>Adds per benchmark invocation.</summary>
    public const int AddsPerInvoke = 1_000;

    private readonly Item[] _pool = Item.CreatePool(AddsPerInvoke);
    private GeneratedItemQueue _generated = null!;
    private HandWrittenItemRing _ring = null!;
    private Queue<Item> _queue = null!;
    private ConcurrentQueue<Item> _concurrentQueue = null!;
    private ChannelWriter<Item> _channel = null!;
    private ChannelReader<Item> _channelReader = null!;
    private int _capacity;

    /// <summary>The capacity of every queue: not a power of two, and a power of two.</summary>
    [Params(1_000, 1_024)]
    public int Capacity { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _capacity = Capacity;
        _generated = new GeneratedItemQueue(Capacity);
        _ring = new HandWrittenItemRing(Capacity);
        _queue = new Queue<Item>(Capacity);
        _concurrentQueue = new ConcurrentQueue<Item>();
        // The contender is the drop-oldest channel without an itemDropped callback: a callback would add a delegate
        // call to every measured add, which none of the other contenders pays.
        Channel<Item> channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        _channel = channel.Writer;
        _channelReader = channel.Reader;

        for (int pass = 0; pass < 3; pass++)
        {
            HandWrittenRing();
            Generated();
            QueueOfT();
            ConcurrentQueueOfT();
            BoundedChannel();
        }

        FullState.Check(_ring.Count, _generated.Count, _queue.Count, _concurrentQueue.Count, _channelReader.Count, Capacity);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = AddsPerInvoke)]
    public void HandWrittenRing()
    {
        HandWrittenItemRing ring = _ring;
        Item[] pool = _pool;
        for (int i = 0; i < pool.Length; i++)
        {
            ring.Add(pool[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void Generated()
    {
        GeneratedItemQueue queue = _generated;
        Item[] pool = _pool;
        for (int i = 0; i < pool.Length; i++)
        {
            queue.Add(pool[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void QueueOfT()
    {
        Queue<Item> queue = _queue;
        Item[] pool = _pool;
        int capacity = _capacity;
        for (int i = 0; i < pool.Length; i++)
        {
            if (queue.Count == capacity)
            {
                queue.Dequeue();
            }

            queue.Enqueue(pool[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void ConcurrentQueueOfT()
    {
        ConcurrentQueue<Item> queue = _concurrentQueue;
        Item[] pool = _pool;
        int capacity = _capacity;
        for (int i = 0; i < pool.Length; i++)
        {
            queue.Enqueue(pool[i]);
            if (queue.Count > capacity)
            {
                queue.TryDequeue(out _);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = AddsPerInvoke)]
    public void BoundedChannel()
    {
        ChannelWriter<Item> channel = _channel;
        Item[] pool = _pool;
        for (int i = 0; i < pool.Length; i++)
        {
            channel.TryWrite(pool[i]);
        }
    }
}

/// <summary>Fails the setup loudly if a queue is not full, since the benchmarks would then measure the wrong thing.</summary>
internal static class FullState
{
    public static void Check(int ring, int generated, int queue, int concurrentQueue, int channel, int capacity)
    {
        if (ring != capacity || generated != capacity || queue != capacity || concurrentQueue != capacity || channel != capacity)
        {
            throw new InvalidOperationException(
                $"Setup left a queue not full: ring {ring}, generated {generated}, Queue<T> {queue}, ConcurrentQueue<T> {concurrentQueue}, channel {channel}, capacity {capacity}.");
        }
    }
}
