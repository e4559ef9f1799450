namespace FakeAI.Bounds.Generators.Model;

/// <summary>
/// The generator's copy of <c>FakeAI.Bounds.OverflowPolicy</c>: the generator cannot reference the runtime assembly,
/// so the numeric values must match it (a test checks that they do).
/// </summary>
internal enum OverflowPolicyValue
{
    DropOldest = 0,
    DropNewest = 1,
    Throw = 2,
    EvictLeastRecentlyUsed = 3,
}
