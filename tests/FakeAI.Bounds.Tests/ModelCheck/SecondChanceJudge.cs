using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Checks the second-chance promise at the end of each lookup that found its key: when the lookup has finished,
/// its mark of use included, before an eviction begins, and its key still sits in the same entry with no writer store
/// to that entry's mark in between, that eviction must not take the key (unless every entry was marked, when the one
/// pass comes back to the oldest). The lookup's store of the mark feeds back into the writer, so the writer's run from
/// that moment on is run again with the store in it.
/// </summary>
internal sealed class SecondChanceJudge
{
    private readonly WriterRun _baseRun;
    private readonly Func<MarkInjection, WriterRun> _rerun;
    private readonly Dictionary<MarkInjection, WriterRun> _reruns = new();

    /// <param name="baseRun">The writer's run with no store by the reader.</param>
    /// <param name="rerun">Runs the writer again with the reader's store of a mark in it.</param>
    public SecondChanceJudge(WriterRun baseRun, Func<MarkInjection, WriterRun> rerun)
    {
        _baseRun = baseRun;
        _rerun = rerun;
    }

    /// <summary>Lookups the promise applied to.</summary>
    public int Applied { get; private set; }

    /// <summary>Lookups whose key was the oldest when the eviction began, and survived it by its mark.</summary>
    public int Protected { get; private set; }

    /// <summary>Writer runs repeated with a reader's mark in them.</summary>
    public int Reruns => _reruns.Count;

    /// <summary>
    /// Lookups whose entry was evicted only because their mark went into a marks array a grow had already copied and
    /// replaced: the mark was lost, not ignored.
    /// </summary>
    public int LostToGrow { get; private set; }

    public string? LostToGrowExample { get; private set; }

    /// <summary>
    /// Judges a finished lookup, with the writer after <paramref name="position"/> steps; a broken promise (or a
    /// writer that fails once the mark is in) comes back as the violation.
    /// </summary>
    public string? Judge(int position, in ReaderState reader, int key)
    {
        if (reader.Outcome != ReaderOutcome.Found || !_baseRun.Evictions.Any(eviction => eviction.BeginStep > position))
        {
            return null;
        }

        WriterRun run = _baseRun;
        if (reader.StoredMark)
        {
            var injection = new MarkInjection(position, reader.Marks, reader.Index);
            if (!_reruns.TryGetValue(injection, out WriterRun? rerun))
            {
                rerun = _rerun(injection);
                _reruns.Add(injection, rerun);
            }

            run = rerun;
        }

        if (run.Failure is not null)
        {
            return "With the lookup's mark stored, the writer failed: " + run.Failure;
        }

        EvictionRecord? eviction = run.Evictions.FirstOrDefault(candidate => candidate.BeginStep > position);
        if (eviction is null || eviction.KeyAt(reader.Index) != key)
        {
            // The entry was freed or reused meanwhile: nothing was promised to the key.
            return null;
        }

        for (int step = position; step < eviction.BeginStep - 1; step++)
        {
            WriterStep between = run.Steps[step];
            if (between.Kind == StepKind.MarkStore && between.Index == reader.Index)
            {
                // A writer cleared or set the mark itself since (an earlier eviction's pass, an update): the promise
                // is that writer's to keep.
                return null;
            }
        }

        Applied++;
        if (eviction.AllMarked || eviction.Victim != reader.Index)
        {
            if (!eviction.AllMarked && eviction.Order[0] == reader.Index)
            {
                Protected++;
            }

            return null;
        }

        if (eviction.MarksArray != reader.Marks && !eviction.WasMarked(reader.Index))
        {
            LostToGrow++;
            LostToGrowExample ??= string.Format(
                CultureInfo.InvariantCulture,
                "key {0}'s mark went into marks#{1} after a grow had copied it to marks#{2}; the eviction at step {3} took entry {4}",
                key,
                reader.Marks,
                eviction.MarksArray,
                eviction.BeginStep,
                reader.Index);
            return null;
        }

        return string.Format(
            CultureInfo.InvariantCulture,
            "Key {0} was found and marked before the eviction at writer step {1} began, yet that eviction took its entry {2}.",
            key,
            eviction.BeginStep,
            reader.Index);
    }
}
