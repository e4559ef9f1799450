using System;
using System.Collections.Generic;
using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>One load of a mark by the writer (counted from 0), and the mark as stored before any concurrent marker.</summary>
internal readonly record struct MarkLoadRecord(int Ordinal, int MarksArray, int Index, byte StoredBefore);

/// <summary>
/// One run of a writer's script from a start table: its steps, optionally the memory after each, the table after each
/// operation (decoded, which checks the invariants), and what its evictions did. The writer depends on readers only
/// through the marks it loads, so a run without reader stores is the run every interleaving shares up to the reader's
/// store of its mark.
/// </summary>
internal sealed class WriterRun
{
    /// <summary>Steps allowed per operation: far above any operation of capacity 3, far below an endless victim search.</summary>
    public const int StepBudgetPerOperation = 120;

    private readonly List<WriterStep> _steps = new();
    private readonly List<SharedMemory> _states = new();
    private readonly List<AbstractTable> _tables = new();
    private readonly List<int> _tableAt = new();
    private readonly List<MarkLoadRecord> _markLoads = new();
    private readonly List<bool> _lookupsCanTell = new();
    private IReadOnlyList<EvictionRecord> _evictions = Array.Empty<EvictionRecord>();
    private int[]? _momentsFrom;

    private WriterRun()
    {
    }

    /// <summary>The steps in order; step n (counted from 1) takes the memory from state n - 1 to state n.</summary>
    public IReadOnlyList<WriterStep> Steps => _steps;

    /// <summary>
    /// The memory after each number of steps, when kept: what a reader loads between steps n and n + 1. A run with a
    /// reader's store keeps them from the store on only.
    /// </summary>
    public IReadOnlyList<SharedMemory> States => _states;

    /// <summary>The memory as the run left it.</summary>
    public SharedMemory Final { get; private set; } = null!;

    /// <summary>The tables after each operation; the first is the start table.</summary>
    public IReadOnlyList<AbstractTable> Tables => _tables;

    public IReadOnlyList<EvictionRecord> Evictions => _evictions;

    public IReadOnlyList<MarkLoadRecord> MarkLoads => _markLoads;

    /// <summary>
    /// The moments from <paramref name="steps"/> steps on at which the explorer lets a lookup step: before each step a
    /// lookup can tell, and at the end.
    /// </summary>
    public int MomentsToReadFrom(int steps)
    {
        if (_momentsFrom is null)
        {
            _momentsFrom = new int[_steps.Count + 1];
            _momentsFrom[_steps.Count] = 1;
            for (int step = _steps.Count - 1; step >= 0; step--)
            {
                _momentsFrom[step] = _momentsFrom[step + 1] + (_lookupsCanTell[step] ? 1 : 0);
            }
        }

        return _momentsFrom[steps];
    }

    /// <summary>Whether a lookup can tell the step after <paramref name="steps"/> steps happened (see <see cref="Locations.LookupsCanTell"/>).</summary>
    public bool LookupsCanTell(int steps) => _lookupsCanTell[steps];

    /// <summary>Why the run went wrong (a broken invariant, an endless operation, an eviction that broke second chance's rule of which entry goes), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// The abstract table after a number of steps: the one the last completed operation left, since an operation takes
    /// effect, for readers, when its release of the lock says it is over.
    /// </summary>
    public AbstractTable TableAt(int steps) => _tables[_tableAt[steps]];

    public static WriterRun Execute(SharedMemory start, TableShape shape, IReadOnlyList<WriterOperation> script, WriterRunOptions options)
    {
        var run = new WriterRun();
        SharedMemory memory = start.Clone();
        run.Final = memory;
        ModelWriter writer = null!;
        writer = new ModelWriter(memory, shape, options.Flaw, (marksArray, index) => run.BeforeMarkLoad(memory, options, writer, marksArray, index));
        try
        {
            run.Record(memory, options, writer, TableDecoder.Decode(memory, shape));
            foreach (WriterOperation operation in script)
            {
                foreach (WriterStep step in writer.Run(operation))
                {
                    run._steps.Add(step);
                    run._lookupsCanTell.Add(Locations.LookupsCanTell(step));
                    if (step.BeginsEviction is not null)
                    {
                        step.BeginsEviction.BeginStep = run._steps.Count;
                    }

                    run.Record(memory, options, writer, table: null);
                    if (run._steps.Count > StepBudgetPerOperation * script.Count)
                    {
                        run.Failure = string.Format(
                            CultureInfo.InvariantCulture, "The writer did not finish {0} within {1} steps.", operation, run._steps.Count - 1);
                        return run;
                    }
                }

                run._tables.Add(TableDecoder.Decode(memory, shape));
                run._tableAt[^1] = run._tables.Count - 1;
            }

            foreach (EvictionRecord eviction in writer.Evictions)
            {
                run.Failure ??= eviction.BrokenRule();
            }
        }
        catch (InvalidOperationException broken)
        {
            run.Failure = broken.Message;
        }
        finally
        {
            run._evictions = writer.Evictions;
        }

        return run;
    }

    private void Record(SharedMemory memory, WriterRunOptions options, ModelWriter writer, AbstractTable? table)
    {
        if (table is not null)
        {
            _tables.Add(table);
        }

        _tableAt.Add(_tables.Count - 1);

        // The reader's store lands between this step and the next, and the reader goes on from the memory with it.
        if (options.Injection is { } injection && injection.AfterSteps == _steps.Count)
        {
            memory.MarkArrays[injection.MarksArray][injection.Index] = 1;
            if (writer.Searching is { } eviction)
            {
                eviction.Raced = true;
            }
        }

        if (options.KeepStates)
        {
            // A run with a reader's store is read only from the store on: the memory before it is the shared run's.
            bool readLater = options.Injection is not { } from || _steps.Count >= from.AfterSteps;
            _states.Add(readLater ? memory.Clone() : null!);
        }
    }

    private void BeforeMarkLoad(SharedMemory memory, WriterRunOptions options, ModelWriter writer, int marksArray, int index)
    {
        byte[] marks = memory.MarkArrays[marksArray];
        int ordinal = _markLoads.Count;
        byte stored = marks[index];
        bool injected = stored == 0 && options.MarkedBeforeLoads is not null && options.MarkedBeforeLoads.Contains(ordinal);
        if (injected)
        {
            marks[index] = 1;
            if (writer.Searching is { } eviction)
            {
                eviction.Raced = true;
            }
        }

        _markLoads.Add(new MarkLoadRecord(ordinal, marksArray, index, stored));
    }
}
