namespace FakeAI.Bounds.Benchmarks;

// The baseline: the ring buffer someone would write by hand for one element type. An array allocated at full
// capacity, the slot of the oldest item and a count; indices wrap by comparison, never by division; no counters,
// no version, no growth. It is written once per element type, like the generated queues, because a generic
// class over a reference type runs shared (__Canon) code whose array stores need a covariance-check helper
// that the generated non-generic queue does not: a generic baseline would flatter the generator.

/// <summary>A hand-written DropOldest ring of <see cref="long"/>.</summary>
internal sealed class HandWrittenLongRing
{
    private readonly long[] _items;
    private int _head;
    private int _count;

    public HandWrittenLongRing(int capacity)
    {
        _items = new long[capacity];
    }

    public int Count => _count;

    /// <summary>Appends an item; when full, writes it over the oldest, which makes it the newest.</summary>
    public void Add(long item)
    {
        long[] items = _items;
        int head = _head;
        int count = _count;
        if (count == items.Length)
        {
            items[head] = item;
            head++;
            _head = head == items.Length ? 0 : head;
            return;
        }

        int tail = head + count;
        if (tail >= items.Length)
        {
            tail -= items.Length;
        }

        items[tail] = item;
        _count = count + 1;
    }
}

/// <summary>A hand-written DropOldest ring of <see cref="Item"/>.</summary>
internal sealed class HandWrittenItemRing
{
    private readonly Item[] _items;
    private int _head;
    private int _count;

    public HandWrittenItemRing(int capacity)
    {
        _items = new Item[capacity];
    }

    public int Count => _count;

    /// <summary>Appends an item; when full, writes it over the oldest, which makes it the newest.</summary>
    public void Add(Item item)
    {
        Item[] items = _items;
        int head = _head;
        int count = _count;
        if (count == items.Length)
        {
            items[head] = item;
            head++;
            _head = head == items.Length ? 0 : head;
            return;
        }

        int tail = head + count;
        if (tail >= items.Length)
        {
            tail -= items.Length;
        }

        items[tail] = item;
        _count = count + 1;
    }
}
