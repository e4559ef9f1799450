using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>A reader's store of a mark, made between two writer steps: after <paramref name="AfterSteps"/> of them.</summary>
internal readonly record struct MarkInjection(int AfterSteps, int MarksArray, int Index);

/// <summary>How to run a writer's script.</summary>
/// <param name="Flaw">A deliberate mistake of the writer, or none.</param>
/// <param name="KeepStates">Whether to keep a copy of the memory after every step (what a reader can load).</param>
/// <param name="Injection">A reader's store of a mark between two steps.</param>
/// <param name="MarkedBeforeLoads">The ordinals of the writer's mark loads just before which a concurrent reader marks that entry.</param>
internal sealed record WriterRunOptions(
    WriterFlaw Flaw = WriterFlaw.None,
    bool KeepStates = false,
    MarkInjection? Injection = null,
    IReadOnlySet<int>? MarkedBeforeLoads = null);
