using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// The tests that measure the managed heap. <see cref="System.GC.GetTotalMemory(bool)"/> counts every thread's objects,
/// so these run one at a time, after the parallel tests have finished, with nothing else allocating meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Managed heap measurements";
}
