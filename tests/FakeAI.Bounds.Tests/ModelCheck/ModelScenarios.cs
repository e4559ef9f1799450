using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>The tables, start states and writer scripts the checks run over.</summary>
internal static class ModelScenarios
{
    // Capacity 3 grows 0 -> 2 -> 3 entries and 2 -> 4 buckets in the model, so a grow moves live entries; capacity 2
    // allocates once. Keys spread over the buckets, or all in one chain, whose freed entries are cleared (entries with
    // references) or not (entries without).

    /// <summary>Capacity 3, keys spread over the buckets.</summary>
    public static TableShape Spread3 { get; } = TableShape.Spread(3);

    /// <summary>Capacity 3, every key in one chain, freed entries cleared.</summary>
    public static TableShape Colliding3 { get; } = TableShape.Colliding(3, clearsFreedEntries: true);

    /// <summary>Capacity 3, every key in one chain, freed entries not cleared.</summary>
    public static TableShape CollidingUncleared3 { get; } = TableShape.Colliding(3, clearsFreedEntries: false);

    /// <summary>Capacity 2, keys spread over the buckets.</summary>
    public static TableShape Spread2 { get; } = TableShape.Spread(2);

    /// <summary>
    /// Multi-operation stories for three-operation scripts (the exhaustive set of them is beyond the time budget):
    /// freeing and reusing entries so that chains relink through reused entries, evictions in a row (the second
    /// after the first moved marked entries), a grow followed by an eviction, an update's mark before an eviction,
    /// and a key removed, re-added and removed again.
    /// </summary>
    public static IReadOnlyList<WriterOperation[]> ThreeOperationStories { get; } = new[]
    {
        Story(Remove(1), Set(4), Remove(3)),
        Story(Remove(2), Set(4), Set(2)),
        Story(Set(4), Set(2), Set(1)),
        Story(Set(1), Set(4), Set(2)),
        Story(Remove(1), Remove(3), Set(1)),
        Story(Set(3), Set(4), Remove(4)),
        Story(Remove(2), Set(2), Remove(2)),
        Story(Set(4), Remove(1), Set(1)),
    };

    /// <summary>The keys scripts write: one more than the capacity, so that a script can evict.</summary>
    public static int[] WrittenKeys(TableShape shape) => Enumerable.Range(1, shape.Capacity + 1).ToArray();

    /// <summary>The keys a lookup looks for: every written key, and one never written.</summary>
    public static int[] ReadKeys(TableShape shape) => Enumerable.Range(1, shape.Capacity + 2).ToArray();

    /// <summary>
    /// Start tables: new (its first insert grows the arrays from empty), one key, for capacity 3 two keys filling the
    /// first arrays (the next insert grows them with live entries), full with no, one and every key marked (eviction
    /// without and with second chances), full less key 2 (a free entry to reuse), and emptied after use.
    /// </summary>
    public static IEnumerable<StartTable> StartTables(TableShape shape)
    {
        WriterOperation[] full = Enumerable.Range(1, shape.Capacity).Select(Put).ToArray();
        int[] all = Enumerable.Range(1, shape.Capacity).ToArray();
        yield return StartTable.Build("new", shape, System.Array.Empty<WriterOperation>());
        yield return StartTable.Build("{1}", shape, new[] { Put(1) });
        if (shape.Capacity > shape.FirstLength)
        {
            yield return StartTable.Build("{1, 2}, arrays full", shape, new[] { Put(1), Put(2) });
        }

        yield return StartTable.Build("full", shape, full);
        yield return StartTable.Build("full, 1 marked", shape, full, 1);
        yield return StartTable.Build("full, all marked", shape, full, all);
        yield return StartTable.Build("full less 2", shape, full.Append(WriterOperation.Remove(2)).ToArray());
        yield return StartTable.Build("emptied", shape, new[] { Put(1), Put(2), WriterOperation.Remove(1), WriterOperation.Remove(2) });
    }

    /// <summary>The start tables that are full: every new key evicts.</summary>
    public static IEnumerable<StartTable> FullStartTables(TableShape shape) => StartTables(shape).Where(table => table.Name.StartsWith("full,", System.StringComparison.Ordinal) || table.Name == "full");

    /// <summary>
    /// Every script of exactly <paramref name="length"/> operations, each a set or a removal of one of
    /// <paramref name="keys"/>; the value of each set is new (100 per position plus the key), so that a value read
    /// names the write it came from.
    /// </summary>
    public static IEnumerable<WriterOperation[]> Scripts(int length, IReadOnlyList<int> keys)
    {
        if (length == 0)
        {
            yield return System.Array.Empty<WriterOperation>();
            yield break;
        }

        foreach (WriterOperation[] prefix in Scripts(length - 1, keys))
        {
            foreach (int key in keys)
            {
                yield return prefix.Append(WriterOperation.Set(key, (100 * length) + key)).ToArray();
                yield return prefix.Append(WriterOperation.Remove(key)).ToArray();
            }
        }
    }

    /// <summary>Every script of one or two operations on the shape's written keys.</summary>
    public static IReadOnlyList<WriterOperation[]> ScriptsUpToTwo(TableShape shape) =>
        Scripts(1, WrittenKeys(shape)).Concat(Scripts(2, WrittenKeys(shape))).ToList();

    /// <summary>A set of a start table: value ten times the key.</summary>
    private static WriterOperation Put(int key) => WriterOperation.Set(key, 10 * key);

    private static WriterOperation Set(int key) => WriterOperation.Set(key, 0);

    private static WriterOperation Remove(int key) => WriterOperation.Remove(key);

    /// <summary>A script whose sets get new values, as <see cref="Scripts"/> gives them.</summary>
    private static WriterOperation[] Story(params WriterOperation[] operations) =>
        operations.Select((operation, position) => operation.IsRemove ? operation : WriterOperation.Set(operation.Key, (100 * (position + 1)) + operation.Key)).ToArray();
}
