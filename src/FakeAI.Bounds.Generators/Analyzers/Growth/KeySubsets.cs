using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// An add whose key was just found in another collection of the object: inside <c>if (_images.TryGetValue(name, out …))</c>
/// (or <c>ContainsKey</c>, <c>Contains</c>), or after <c>if (!_images.TryGetValue(name, out …)) return null;</c>
/// (<see cref="KeyLookups"/>). The map
/// added to holds at most one entry per key the other one has held (a data URI per registered image, a tool instance
/// per registered tool type), so its growth is the other's, which is judged on its own.
/// </summary>
internal static class KeySubsets
{
    /// <summary>The collection of this object (or a static one) in which the add's key was found; <see langword="null"/> when none.</summary>
    /// <param name="add">The add.</param>
    /// <param name="key">The key it passes: a local or a parameter the method never assigns.</param>
    /// <param name="addedTo">The collection it adds to.</param>
    public static ISymbol? LookedUpIn(IOperation add, IOperation key, ISymbol addedTo)
    {
        ISymbol? keySymbol = Named(key);
        if (keySymbol is null)
        {
            return null;
        }

        IInvocationOperation? lookup = KeyLookups.Guarding(
            add,
            (Key: keySymbol, AddedTo: addedTo),
            static (state, receiver, looked) => Named(looked) is { } found
                && SymbolEqualityComparer.Default.Equals(found, state.Key)
                && MemberReferences.ReferencedOnThis(receiver) is { } source
                && !SymbolEqualityComparer.Default.Equals(source.OriginalDefinition, state.AddedTo.OriginalDefinition));

        // The key must be the value that was looked up: a local or parameter assigned anywhere in the method may hold
        // another by the time of the add.
        return lookup is not null && !LocalWrites.IsWrittenIn(Root(add).Syntax, keySymbol.Name) ? MemberReferences.ReferencedOnThis(lookup.Instance) : null;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static ISymbol? Named(IOperation operation)
    {
        return operation.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }
}
