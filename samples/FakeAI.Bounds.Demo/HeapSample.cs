namespace FakeAI.Bounds.Demo;

/// <summary>One point of a version's heap curve: how far the run had got and how much heap it held then.</summary>
/// <param name="Operations">Operations replayed so far.</param>
/// <param name="Bytes">Retained managed heap above the heap before the version's trackers existed.</param>
internal readonly record struct HeapSample(long Operations, long Bytes);
