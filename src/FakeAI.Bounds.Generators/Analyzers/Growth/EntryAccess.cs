using Microsoft.CodeAnalysis;

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
    /// <summary>The collection methods that read one entry by its key without changing the collection.</summary>
    public static bool IsLookup(string methodName)
    {
        return methodName is "TryGetValue" or "ContainsKey" or "GetValueOrDefault" or "Contains";
    }
}
