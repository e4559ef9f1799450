namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>Classifies the methods of the growable collections by what they do to the size.</summary>
internal static class CollectionMethodRoles
{
    public static bool TryClassify(string methodName, out GrowthEventKind role)
    {
        switch (methodName)
        {
            case "Add":
            case "AddRange":
            case "Insert":
            case "InsertRange":
            case "Enqueue":
            case "EnqueueRange":
            case "Push":
            case "PushRange":
            case "TryAdd":
            case "AddOrUpdate":
            case "GetOrAdd":
            case "AddFirst":
            case "AddLast":
            case "AddBefore":
            case "AddAfter":
            case "UnionWith":
            case "SymmetricExceptWith":
            case "GetValueRefOrAddDefault":
                role = GrowthEventKind.Grow;
                return true;
            case "Dequeue":
            case "TryDequeue":
            case "Pop":
            case "TryPop":
            case "TryPopRange":
            case "TryTake":
            case "Take":
            case "RemoveFirst":
            case "RemoveLast":
            case "RemoveAt":
            case "RemoveRange":
                role = GrowthEventKind.RemoveFromEnd;
                return true;
            case "RemoveAll":
            case "RemoveWhere":
            case "ExceptWith":
            case "IntersectWith":
                role = GrowthEventKind.Sweep;
                return true;
            case "Remove":
            case "TryRemove":
                // A list's Remove(item) takes out one entry like a map's Remove(key); neither bounds anything alone.
                role = GrowthEventKind.RemoveSpecific;
                return true;
            case "Clear":
                role = GrowthEventKind.Clear;
                return true;
            default:
                role = default;
                return false;
        }
    }

    /// <summary>An indexer set grows a map (<c>map[key] = value</c> inserts) but only replaces in a list.</summary>
    public static bool IndexerSetGrows(CollectionKind kind) => kind == CollectionKind.Dictionary;

    /// <summary>Whether a removal of this kind, on the path that adds, keeps the collection from growing.</summary>
    public static bool BoundsWhenOnAddPath(GrowthEventKind kind) =>
        kind is GrowthEventKind.RemoveFromEnd or GrowthEventKind.Sweep or GrowthEventKind.Clear;
}
