namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>What an operation does to the size of a collection member.</summary>
internal enum GrowthEventKind
{
    /// <summary>Adds entries: <c>Add</c>, <c>Enqueue</c>, <c>TryAdd</c>, a dictionary's indexer set, …</summary>
    Grow,

    /// <summary>Removes from an end: <c>Dequeue</c>, <c>RemoveAt</c>, <c>RemoveRange</c>, <c>RemoveFirst</c>, <c>Pop</c>, …</summary>
    RemoveFromEnd,

    /// <summary>Removes whatever matches: <c>RemoveAll</c>, <c>RemoveWhere</c>, <c>ExceptWith</c>.</summary>
    Sweep,

    /// <summary>Removes one named entry: <c>Remove(key)</c>, <c>TryRemove(key)</c>.</summary>
    RemoveSpecific,

    /// <summary>Empties it: <c>Clear()</c>, or a reassignment with another collection.</summary>
    Clear,
}
