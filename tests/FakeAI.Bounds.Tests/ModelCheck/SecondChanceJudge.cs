using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// Checks the second-chance promise for each lookup that found its key, as the README states it: every use of a
/// present key marks its entry; a mark is cleared only when an eviction passes over the entry (which moves it to the
/// newest end); so an entry used after an eviction last passed over it is never taken by an eviction that begins
/// while the table holds an unmarked entry. A use counts for the evictions that begin after it finished.
/// </summary>
/// <remarks>
/// The lookup finished at a writer position (when its store took effect, if that was after its check); the writer's
/// run from there is the one with the lookup's store in it, if it stored its mark. For every eviction that begins
/// after that position, in order, for as long as the entry holds the same key (the key live in it when the eviction
/// begins, and no store of the entry's key in between: not removed and added again) and no victim search has passed
/// over the entry since the lookup finished (maybe one under way then, the lookup racing with it): the entry's mark
/// must be set in the marks array the eviction reads (the use marked it, and nothing but a pass clears a mark), and
/// unless every entry was marked when the eviction began, the eviction must not take it. The first eviction that
/// passes over the entry, or takes it, ends what the use promised. Which entry an eviction takes given the marks it
/// began with is checked on every run apart (<see cref="EvictionRecord.BrokenRule"/>); the uses of other entries
/// racing with an eviction, which the one lookup of a run cannot be while it is judged, are
/// <see cref="EvictionUnderMarkingExplorer"/>'s.
/// </remarks>
internal sealed class SecondChanceJudge
{
    private readonly WriterRuns _runs;

    public SecondChanceJudge(WriterRuns runs)
    {
        _runs = runs;
    }

    /// <summary>Lookups the promise applied to: found before at least one eviction began, their entry still theirs then.</summary>
    public int Applied { get; private set; }

    /// <summary>Evictions the promise was checked against, summed over those lookups.</summary>
    public int EvictionsJudged { get; private set; }

    /// <summary>Evictions that began with the lookup's entry the oldest and an unmarked entry in the table: its mark saved it.</summary>
    public int Protected { get; private set; }

    /// <summary>Of the lookups the promise applied to, those whose store went into the run (the mark was clear).</summary>
    public int AppliedWithStore { get; private set; }

    /// <summary>Judges a finished lookup, with the writer after <paramref name="position"/> steps; a broken promise comes back as the violation.</summary>
    public string? Judge(int position, in ReaderState reader, int key)
    {
        if (reader.Outcome != ReaderOutcome.Found)
        {
            return null;
        }

        WriterRun run = _runs.For(reader);
        if (run.Failure is not null)
        {
            // Reported when the store was made.
            return null;
        }

        int entry = reader.Index;
        bool applied = false;
        int spentAt = SpentAfter(run, entry, position);
        foreach (EvictionRecord eviction in run.Evictions)
        {
            if (eviction.BeginStep <= position)
            {
                continue;
            }

            if (spentAt < eviction.BeginStep || eviction.KeyAt(entry) != key)
            {
                // Passed over since the use (by an eviction under way when the lookup ended), removed, or reused:
                // nothing is promised to the key any more.
                break;
            }

            applied = true;
            EvictionsJudged++;
            bool marked = eviction.WasMarked(entry);
            bool took = eviction.Victim == entry;
            if ((took && !eviction.AllMarked) || !marked)
            {
                return Broken(position, reader, key, eviction, marked, took);
            }

            if (!eviction.AllMarked && eviction.Order[0] == entry)
            {
                Protected++;
            }

            if (took || eviction.PassedOver.Contains(entry))
            {
                // Passed over: the use has bought its pass.
                break;
            }
        }

        if (applied)
        {
            Applied++;
            AppliedWithStore += reader.StoredMark ? 1 : 0;
        }

        return null;
    }

    /// <summary>
    /// The first writer step after <paramref name="position"/> that ends what a use of the entry promised: a store of
    /// its key (an insert into it, or clearing it when freed), or a victim search clearing its mark as it passes over
    /// it. int.MaxValue when none. Any other store that clears the mark breaks the promise, which the next eviction
    /// then finds.
    /// </summary>
    private static int SpentAfter(WriterRun run, int entry, int position)
    {
        for (int step = position; step < run.Steps.Count; step++)
        {
            WriterStep store = run.Steps[step];
            if (store.Index == entry && (store.Target == Locations.Key || store.PassesOver))
            {
                return step + 1;
            }
        }

        return int.MaxValue;
    }

    private static string Broken(int position, in ReaderState reader, int key, EvictionRecord eviction, bool marked, bool took)
    {
        string what = took
            ? "that eviction took it while the table held an unmarked entry"
            : "its mark was not set when that eviction began";
        string where = reader.StoredMark
            ? string.Format(CultureInfo.InvariantCulture, "the lookup stored its mark into marks#{0} after writer step {1}", reader.Marks, reader.StoredAt)
            : string.Format(CultureInfo.InvariantCulture, "the lookup found its mark set in marks#{0}", reader.Marks);
        return string.Format(
            CultureInfo.InvariantCulture,
            "Key {0} was found, in entry {1}, by a lookup that ended after writer step {2}, before the eviction at writer step {3} began, and no eviction passed over the entry since; yet {4} ({5}; the eviction read marks#{6}, from {7}{8}).",
            key,
            reader.Index,
            position,
            eviction.BeginStep,
            what,
            where,
            eviction.MarksArray,
            eviction,
            marked ? "" : ", the entry unmarked");
    }
}
