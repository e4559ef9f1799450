using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The writer's runs of one script from one start table that a lookup's interleavings go through: the run every
/// interleaving shares until the lookup stores its mark, and, for each store (where in the run, which marks array,
/// which entry), the run from that store on with the store in it. A store's run is made once, the first time an
/// interleaving needs it, and shared by every lookup of the script.
/// </summary>
internal sealed class WriterRuns
{
    private readonly SharedMemory _start;
    private readonly TableShape _shape;
    private readonly IReadOnlyList<WriterOperation> _script;
    private readonly WriterFlaw _flaw;
    private readonly Dictionary<MarkInjection, WriterRun> _withStore = new();

    public WriterRuns(SharedMemory start, TableShape shape, IReadOnlyList<WriterOperation> script, WriterFlaw flaw)
    {
        _start = start;
        _shape = shape;
        _script = script;
        _flaw = flaw;
        Shared = WriterRun.Execute(start, shape, script, new WriterRunOptions(flaw, KeepStates: true));
    }

    /// <summary>The run with no store by a lookup.</summary>
    public WriterRun Shared { get; }

    /// <summary>Runs made with a lookup's store in them.</summary>
    public int WithStores => _withStore.Count;

    /// <summary>The run a lookup in this state goes on against: the one with its store, once it has stored its mark.</summary>
    public WriterRun For(in ReaderState reader) =>
        reader.StoredAt < 0 ? Shared : With(new MarkInjection(reader.StoredAt, reader.Marks, reader.Index));

    public WriterRun With(MarkInjection store)
    {
        if (!_withStore.TryGetValue(store, out WriterRun? run))
        {
            run = WriterRun.Execute(_start, _shape, _script, new WriterRunOptions(_flaw, KeepStates: true, Injection: store));

            _withStore.Add(store, run);
        }

        return run;
    }
}
