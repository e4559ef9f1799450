namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>How a method uses one entry of a map or set and leaves the entry in.</summary>
internal enum EntryAccessKind
{
    /// <summary>Reads the entry by its key: <c>TryGetValue</c>, <c>ContainsKey</c>, a set's <c>Contains</c>.</summary>
    LookUp,

    /// <summary>Takes something out of the entry's value: <c>_groups[group].Remove(connection)</c> (<see cref="EntryValueRemovals"/>).</summary>
    ValueRemoval,

    /// <summary>
    /// Swaps the entry's value for null in place: <c>_metrics.TryUpdate(key, null, metric)</c>, a compare-and-swap that
    /// marks what the entry stood for as gone and keeps its key (<see cref="EntryValueClears"/>).
    /// </summary>
    ValueCleared,
}
