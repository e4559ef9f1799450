using System.Collections.Generic;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The shared locations the writer stores, as its steps name them ({0} is an array's number, {1} the element), and
/// which of them the lookup loads.
/// </summary>
internal static class Locations
{
    public const string Sequence = "_bndSequence";
    public const string LockOwner = "_bndLockOwner";
    public const string Count = "_bndCount";
    public const string Used = "_bndUsed";
    public const string FreeList = "_bndFreeList";
    public const string Oldest = "_bndOldest";
    public const string Newest = "_bndNewest";
    public const string Version = "_bndVersion";
    public const string TotalAdded = "_bndTotalAdded";
    public const string Evicted = "_bndEvicted";
    public const string BucketShift = "_bndBucketShift";
    public const string EntriesArray = "_bndEntries (array number)";
    public const string BucketsArray = "_bndBuckets (array number)";
    public const string MarksArray = "_bndUsedMarks (array number)";
    public const string Bucket = "buckets#{0}[{1}]";
    public const string Mark = "marks#{0}[{1}]";
    public const string Key = "entries#{0}[{1}].Key";
    public const string Value = "entries#{0}[{1}].Value";
    public const string HashCode = "entries#{0}[{1}].HashCode";
    public const string Next = "entries#{0}[{1}].Next";
    public const string Older = "entries#{0}[{1}].Older";
    public const string Newer = "entries#{0}[{1}].Newer";

    /// <summary>What BndTryGet, BndFindUnlocked and BndTouchUnlocked load (the mark they also store).</summary>
    private static readonly HashSet<string> LoadedByLookups = new()
    {
        Sequence, Count, BucketShift, EntriesArray, BucketsArray, MarksArray, Bucket, Mark, Key, Value, HashCode, Next,
    };

    /// <summary>
    /// Whether a lookup can tell the writer's step happened: it touches a location the lookup loads or stores, or
    /// it begins an eviction (which the second-chance check times). A step no lookup can tell commutes with every
    /// step of the lookup: running the lookup's step before or after it leads to the same states.
    /// </summary>
    public static bool LookupsCanTell(WriterStep step) =>
        step.BeginsEviction is not null || LoadedByLookups.Contains(step.Target);
}
