using System;
using System.Runtime.CompilerServices;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Measures what the managed heap retains, and whether objects can be collected.</summary>
internal static class Heap
{
    /// <summary>The bytes live objects occupy after full, compacting collections (finalizers run in between).</summary>
    /// <returns>The retained bytes.</returns>
    public static long RetainedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Whether the target of each reference has been collected, after full collections.</summary>
    /// <param name="references">The references.</param>
    /// <returns>How many targets are still alive.</returns>
    public static int CountAlive(params WeakReference[] references)
    {
        RetainedBytes();
        int alive = 0;
        foreach (WeakReference reference in references)
        {
            if (reference.IsAlive)
            {
                alive++;
            }
        }

        return alive;
    }

    /// <summary>
    /// A weak reference to an object. A separate, non-inlined method, so that no local of the caller (which a Debug
    /// build keeps alive until the caller returns) holds the object strongly.
    /// </summary>
    /// <param name="target">Makes the object.</param>
    /// <returns>A weak reference to it.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WeakReference WeakOf(Func<object?> target)
    {
        object found = target() ?? throw new InvalidOperationException("There is no object to refer to.");
        return new WeakReference(found);
    }

    /// <summary>Formats a byte count for assertion messages.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The count in KB.</returns>
    public static string Kb(long bytes) => (bytes / 1024.0).ToString("N1", System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
