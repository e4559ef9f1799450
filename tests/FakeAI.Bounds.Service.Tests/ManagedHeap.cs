using System;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>The managed heap of this process (the services run in it) once everything unreachable is collected.</summary>
internal static class ManagedHeap
{
    public static long AfterFullCollection()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
