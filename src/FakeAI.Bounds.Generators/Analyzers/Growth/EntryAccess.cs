using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A use of one entry of a map or set that leaves the entry in, and where: a read by its key, a removal from the
/// entry's value, or its value swapped for null (<see cref="EntryAccessKind"/>).
/// </summary>
/// <param name="Method">The member whose body holds it.</param>
/// <param name="Location">The call's syntax, for the message's line number.</param>
/// <param name="Kind">What the use does to the entry.</param>
internal readonly record struct EntryAccess(ISymbol Method, Location Location, EntryAccessKind Kind)
{
    /// <summary>
    /// What a call on a map or set of the object itself does to one entry while leaving it in: a read by its key, or its
    /// value swapped for null; null for any other call. (A removal from an entry's value is a call on the value, read
    /// by <see cref="EntryValueRemovals"/>.)
    /// </summary>
    public static EntryAccessKind? KindOf(IInvocationOperation invocation)
    {
        if (IsLookup(invocation.TargetMethod.Name))
        {
            return EntryAccessKind.LookUp;
        }

        return EntryValueClears.IsClear(invocation) ? EntryAccessKind.ValueCleared : null;
    }

    /// <summary>Whether a collection of this kind has entries the access can use: a set has keys and no values.</summary>
    public static bool Applies(EntryAccessKind access, CollectionKind collection)
    {
        return collection == CollectionKind.Dictionary || (collection == CollectionKind.Set && access == EntryAccessKind.LookUp);
    }

    /// <summary>The collection methods that read one entry by its key without changing the collection.</summary>
    private static bool IsLookup(string methodName)
    {
        return methodName is "TryGetValue" or "ContainsKey" or "GetValueOrDefault" or "Contains";
    }
}
