using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// A quiescent table a check starts from, built by the model writer itself (operations run one after another, no
/// reader), so that its layout (which entries, which chains, the free list, the arrays' sizes) is one the generated
/// code really reaches.
/// </summary>
internal sealed class StartTable
{
    private StartTable(string name, TableShape shape, SharedMemory memory, ReferenceClockMap reference)
    {
        Name = name;
        Shape = shape;
        Memory = memory;
        Reference = reference;
    }

    public string Name { get; }

    public TableShape Shape { get; }

    public SharedMemory Memory { get; }

    /// <summary>The same table in the reference model.</summary>
    public ReferenceClockMap Reference { get; }

    /// <summary>
    /// Builds a table from sets and removals, then marks <paramref name="marked"/> as a completed lookup would.
    /// </summary>
    public static StartTable Build(string name, TableShape shape, IReadOnlyList<WriterOperation> operations, params int[] marked)
    {
        var reference = new ReferenceClockMap(shape.Capacity);
        WriterRun run = WriterRun.Execute(SharedMemory.NewTable(), shape, operations, new WriterRunOptions());
        if (run.Failure is not null)
        {
            throw new System.InvalidOperationException(name + ": " + run.Failure);
        }

        SharedMemory memory = run.Final;
        foreach (WriterOperation operation in operations)
        {
            reference.Apply(operation);
        }

        foreach (int key in marked)
        {
            MarkUsed(memory, shape, key);
            reference.MarkUsed(key);
        }

        return new StartTable(name, shape, memory, reference);
    }

    /// <summary>The store of a lookup that found the key with nothing else running: its BndTouchUnlocked.</summary>
    public static void MarkUsed(SharedMemory memory, TableShape shape, int key)
    {
        if (memory.Count == 0)
        {
            return;
        }

        int hash = shape.HashOf(key);
        ModelEntry[] entries = memory.CurrentEntries;
        for (int index = memory.CurrentBuckets[(int)TableShape.Bucket(hash, memory.BucketShift)] - 1; index >= 0; index = entries[index].Next)
        {
            if (entries[index].Key == key)
            {
                memory.CurrentMarks[index] = 1;
                return;
            }
        }
    }

    public override string ToString() => Name + " (" + Shape.Name + ")";
}
