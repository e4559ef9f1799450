using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Measures retained managed memory: the heap after a full, blocking collection, so that garbage the traffic left behind
/// does not count and only what something still references does. Each measurement costs one or more full collections
/// (tens of milliseconds on a large heap), which is why the demo samples a few dozen times per run, not per operation.
/// </summary>
internal static class MemoryProbe
{
    /// <summary>The bytes the managed heap holds after collecting everything collectable.</summary>
    /// <returns>Retained managed bytes.</returns>
    public static long RetainedBytes() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>
    /// Releases things one at a time and measures how much each release freed: the heap before minus the heap after.
    /// That is what each one alone kept alive; memory two of them shared is counted for the last to let go of it.
    /// </summary>
    /// <param name="names">What to release, in order.</param>
    /// <param name="release">Drops the only reference to one of them.</param>
    /// <returns>The bytes each release freed, in the order of <paramref name="names"/>.</returns>
    public static IReadOnlyList<long> FreedByReleasing(IReadOnlyList<string> names, Action<string> release)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(release);

        var freed = new long[names.Count];
        long before = RetainedBytes();
        for (int i = 0; i < names.Count; i++)
        {
            release(names[i]);
            long after = RetainedBytes();

            // Allocations elsewhere in the process (the thread pool, the console) can outweigh a tiny tracker by a few
            // hundred bytes; a negative size would only be that noise.
            freed[i] = Math.Max(0, before - after);
            before = after;
        }

        return freed;
    }
}
