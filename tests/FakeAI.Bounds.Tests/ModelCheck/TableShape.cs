namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The fixed parameters of one modelled table: its capacity, how its arrays grow, how its keys hash, and whether a
/// freed entry is cleared. Keys are the small positive ints 1..<see cref="KeyCount"/>; 0 is what a cleared entry holds,
/// so it never equals a key.
/// </summary>
/// <remarks>
/// The generated code first allocates 4 entries and 4 buckets, so a table of capacity 3 or less never grows while it
/// holds entries and never rebuilds its buckets. The model scales the first allocation down (<see cref="FirstLength"/>
/// entries, <see cref="MinBuckets"/> buckets) and keeps the code's rule otherwise (double the entries, clamp to the
/// capacity, the fewest buckets at least the entries), so that within capacity 3 a grow moves live entries into new
/// arrays and rebuilds the chains: the race the range checks of the reader exist for.
/// </remarks>
internal sealed class TableShape
{
    private readonly int[] _hashes;

    private TableShape(string name, int capacity, int firstLength, int minBuckets, bool clearsFreedEntries, int[] hashes)
    {
        Name = name;
        Capacity = capacity;
        FirstLength = firstLength;
        MinBuckets = minBuckets;
        ClearsFreedEntries = clearsFreedEntries;
        _hashes = hashes;
    }

    public string Name { get; }

    public int Capacity { get; }

    /// <summary>The length of the first entries array (4 in the generated code).</summary>
    public int FirstLength { get; }

    /// <summary>The fewest buckets (4 in the generated code); a power of two.</summary>
    public int MinBuckets { get; }

    /// <summary>
    /// Whether a removal clears the freed entry to default first, as the generated code does when the entries hold
    /// references (<c>BndEntriesHoldReferences</c>). The clear briefly sets the entry's Next to 0, which a reader
    /// standing on entry 0 follows back to itself: the cycle the link bound ends.
    /// </summary>
    public bool ClearsFreedEntries { get; }

    /// <summary>Keys are 1..KeyCount.</summary>
    public int KeyCount => _hashes.Length - 1;

    /// <summary>
    /// Hash codes as <c>hash = key</c>: under Fibonacci hashing keys 1..5 spread over 2 buckets as {2, 4, 5} and
    /// {1, 3}, and over 4 buckets as {2, 5}, {4}, {1}, {3}: chains of one to three entries, and a grow that moves keys
    /// between chains.
    /// </summary>
    public static TableShape Spread(int capacity) =>
        new($"spread, capacity {capacity}", capacity, firstLength: 2, minBuckets: 2, clearsFreedEntries: true, new[] { 0, 1, 2, 3, 4, 5 });

    /// <summary>
    /// Every key with the same hash code: one chain holds the whole table, and only the key comparison tells entries
    /// apart. <paramref name="clearsFreedEntries"/> picks the generated code for entries with references (cleared when
    /// freed) or without.
    /// </summary>
    public static TableShape Colliding(int capacity, bool clearsFreedEntries) =>
        new(
            $"all keys colliding, capacity {capacity}{(clearsFreedEntries ? "" : ", freed entries not cleared")}",
            capacity,
            firstLength: 2,
            minBuckets: 2,
            clearsFreedEntries,
            new[] { 0, 7, 7, 7, 7, 7 });

    public int HashOf(int key) => _hashes[key];

    /// <summary>The generated <c>BndBucket</c>: Fibonacci hashing, the top bits of the product. The shift is masked to 5 bits as C# does.</summary>
    public static uint Bucket(int hash, int shift) => ((uint)hash * 2654435769u) >> shift;

    public override string ToString() => Name;
}
