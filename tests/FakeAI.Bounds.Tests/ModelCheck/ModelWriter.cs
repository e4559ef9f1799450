using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The writer of the generated thread-safe LRU dictionary (Snapshots/Dictionary_Lru_ThreadSafe_Generic.g.cs), one
/// method per generated member, storing to <see cref="SharedMemory"/> in the generated order. Each method is an
/// iterator that yields after every step (one shared store, or one load of a mark), so that a driver can run a reader
/// between any two steps.
/// </summary>
/// <remarks>
/// The members are ported statement by statement; where a generated statement stores several locations (a struct
/// assignment, an array copy) the comment says how the model splits it. The model has one writer: contention between
/// writers is the compare-and-swap's ordinary mutual exclusion, and the lock's other users (RemoveWhere, Clear,
/// enumeration) only add more steps of the same kinds.
/// </remarks>
internal sealed partial class ModelWriter
{
    /// <summary>What the writer stores in <c>_bndLockOwner</c>: any managed thread id, never 0.</summary>
    private const int WriterThreadId = 1;

    private readonly SharedMemory _memory;
    private readonly TableShape _shape;
    private readonly WriterFlaw _flaw;
    private readonly Action<int, int>? _beforeMarkLoad;

    /// <param name="memory">The table, changed in place.</param>
    /// <param name="shape">The table's parameters.</param>
    /// <param name="flaw">A deliberate mistake, or none.</param>
    /// <param name="beforeMarkLoad">
    /// Called with (marks array, entry) just before each load of a mark, so that a driver can let a concurrent reader
    /// store that mark first.
    /// </param>
    public ModelWriter(SharedMemory memory, TableShape shape, WriterFlaw flaw, Action<int, int>? beforeMarkLoad)
    {
        _memory = memory;
        _shape = shape;
        _flaw = flaw;
        _beforeMarkLoad = beforeMarkLoad;
    }

    /// <summary>Every eviction so far, in order.</summary>
    public List<EvictionRecord> Evictions { get; } = new();

    /// <summary>The eviction whose victim search is under way (begun, no victim chosen yet), or null.</summary>
    public EvictionRecord? Searching => Evictions.Count > 0 && Evictions[^1].Victim < 0 ? Evictions[^1] : null;

    public IEnumerable<WriterStep> Run(WriterOperation operation) =>
        operation.IsRemove ? Remove(operation.Key) : Set(operation.Key, operation.Value);

    // this[key] = value: an update of a present key stores the value and marks it used (BndTouch), in place; an
    // absent key goes to BndInsert.
    private IEnumerable<WriterStep> Set(int key, int value)
    {
        int hash = _shape.HashOf(key);
        foreach (WriterStep step in EnterLock())
        {
            yield return step;
        }

        int index = Find(key, hash);
        if (index >= 0)
        {
            _memory.CurrentEntries[index].Value = value;
            yield return WriterStep.Element(Locations.Value, _memory.Entries, index, value);
            if (_flaw == WriterFlaw.UpdateClearsMark)
            {
                int marksArray = _memory.Marks;
                _memory.MarkArrays[marksArray][index] = 0;
                yield return MarkStore(marksArray, index, 0);
            }
            else
            {
                foreach (WriterStep step in Touch(index))
                {
                    yield return step;
                }
            }
        }
        else
        {
            foreach (WriterStep step in Insert(key, value, hash))
            {
                yield return step;
            }
        }

        foreach (WriterStep step in ExitLock())
        {
            yield return step;
        }
    }

    // Remove(key): BndFind, then BndRemoveEntry when present. An absent key still takes and leaves the lock, which
    // moves the sequence on: a reader overlapping it retries.
    private IEnumerable<WriterStep> Remove(int key)
    {
        int hash = _shape.HashOf(key);
        foreach (WriterStep step in EnterLock())
        {
            yield return step;
        }

        int index = Find(key, hash);
        if (index >= 0)
        {
            foreach (WriterStep step in RemoveEntry(index, hash))
            {
                yield return step;
            }
        }

        foreach (WriterStep step in ExitLock())
        {
            yield return step;
        }
    }

    // BndEnterLock. With one writer the compare-and-swap from even to odd always succeeds at once.
    private IEnumerable<WriterStep> EnterLock()
    {
        if (_flaw != WriterFlaw.SequenceStaysEvenWhileWriting)
        {
            int sequence = _memory.Sequence;
            _memory.Sequence = sequence + 1;
            yield return WriterStep.Field(Locations.Sequence, sequence + 1, StepKind.LockAcquire);
        }

        _memory.LockOwner = WriterThreadId;
        yield return WriterStep.Field(Locations.LockOwner, WriterThreadId);
    }

    // BndExitLock: the owner is cleared first, then the release store of the next even sequence.
    private IEnumerable<WriterStep> ExitLock()
    {
        _memory.LockOwner = 0;
        yield return WriterStep.Field(Locations.LockOwner, 0);
        _memory.Sequence += _flaw == WriterFlaw.SequenceStaysEvenWhileWriting ? 2 : 1;
        yield return WriterStep.Field(Locations.Sequence, _memory.Sequence, StepKind.LockRelease);
    }

    // BndFind under the lock: loads only, of locations only writers store, so no step of its own.
    private int Find(int key, int hash)
    {
        if (_memory.Count == 0)
        {
            return -1;
        }

        ModelEntry[] entries = _memory.CurrentEntries;
        int index = _memory.CurrentBuckets[(int)TableShape.Bucket(hash, _memory.BucketShift)] - 1;
        while (index >= 0)
        {
            if (entries[index].HashCode == hash && entries[index].Key == key)
            {
                return index;
            }

            index = entries[index].Next;
        }

        return -1;
    }

    // BndTouch under the lock (after an update). The load of the mark is a step of its own: a reader may store the same
    // mark between it and the store.
    private IEnumerable<WriterStep> Touch(int index)
    {
        int marksArray = _memory.Marks;
        byte[] marks = _memory.MarkArrays[marksArray];
        if ((uint)index < (uint)marks.Length)
        {
            byte mark = LoadMark(marksArray, index);
            yield return MarkLoad(marksArray, index, mark);
            if (mark == 0)
            {
                marks[index] = 1;
                yield return MarkStore(marksArray, index, 1);
            }
        }
    }

    private byte LoadMark(int marksArray, int index)
    {
        _beforeMarkLoad?.Invoke(marksArray, index);
        return _memory.MarkArrays[marksArray][index];
    }

    private static WriterStep MarkLoad(int marksArray, int index, byte mark) =>
        new(StepKind.MarkLoad, Locations.Mark, marksArray, index, mark);

    private static WriterStep MarkStore(int marksArray, int index, byte mark) =>
        new(StepKind.MarkStore, Locations.Mark, marksArray, index, mark);
}
