using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>What one atomic step of the writer did.</summary>
internal enum StepKind
{
    /// <summary>A plain store to shared memory.</summary>
    Store,

    /// <summary>The compare-and-swap that makes the sequence odd: the lock is taken.</summary>
    LockAcquire,

    /// <summary>The release store that makes the sequence even again: the operation is over.</summary>
    LockRelease,

    /// <summary>A load of a mark of use: readers store marks too, so when it happens matters.</summary>
    MarkLoad,

    /// <summary>A store to a mark of use.</summary>
    MarkStore,
}

/// <summary>
/// One atomic step of the writer: exactly one store to shared memory, or one load of a mark of use (the only shared
/// location a reader writes). The writer's other loads are of locations only it writes, and it holds the lock, so
/// they read the same whenever they happen; they run inside the step that follows them.
/// </summary>
/// <param name="Kind">What kind of step.</param>
/// <param name="Target">The location, with {0} for <paramref name="Array"/> and {1} for <paramref name="Index"/>.</param>
/// <param name="Array">The number of the array stored into or loaded from, or -1 for a field.</param>
/// <param name="Index">The element, or -1 for a field.</param>
/// <param name="Value">The value stored, or loaded.</param>
/// <param name="BeginsEviction">On the first step of an eviction: what the table looked like just before it.</param>
/// <param name="PassesOver">On the store that clears a mark as a victim search passes over the entry.</param>
internal readonly record struct WriterStep(StepKind Kind, string Target, int Array, int Index, int Value, EvictionRecord? BeginsEviction = null, bool PassesOver = false)
{
    public static WriterStep Field(string field, int value, StepKind kind = StepKind.Store) => new(kind, field, -1, -1, value);

    public static WriterStep Element(string target, int array, int index, int value) => new(StepKind.Store, target, array, index, value);

    public override string ToString()
    {
        string target = string.Format(CultureInfo.InvariantCulture, Target, Array, Index);
        string action = Kind == StepKind.MarkLoad
            ? string.Format(CultureInfo.InvariantCulture, "load {0} -> {1}", target, Value)
            : string.Format(CultureInfo.InvariantCulture, "{0} = {1}", target, Value);
        return BeginsEviction is null ? action : action + " (eviction begins)";
    }
}
