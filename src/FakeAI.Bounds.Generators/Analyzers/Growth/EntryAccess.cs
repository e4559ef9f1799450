using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A use of one entry of a map or set that leaves the entry in, and where: a read by its key (<c>TryGetValue</c>,
/// <c>ContainsKey</c>, a set's <c>Contains</c>), or a removal from the entry's value (<see cref="EntryValueRemovals"/>).
/// </summary>
/// <param name="Method">The member whose body holds it.</param>
/// <param name="Location">The call's syntax, for the message's line number.</param>
/// <param name="EmptiesValue">A removal from the entry's value, rather than a read by its key.</param>
internal readonly record struct EntryAccess(ISymbol Method, Location Location, bool EmptiesValue)
{
    /// <summary>The collection methods that read one entry by its key without changing the collection.</summary>
    public static bool IsLookup(string methodName)
    {
        return methodName is "TryGetValue" or "ContainsKey" or "GetValueOrDefault" or "Contains";
    }
}
