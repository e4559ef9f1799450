using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Which code can reach a member of the compilation from outside it: another assembly calls a public member of a
/// library, derives from its public classes, and sees its internals when the assembly names it a friend
/// (<c>[InternalsVisibleTo]</c>, tests and the mocking proxy aside). The rules that count a member's callers ask here
/// whether all of them are in sight.
/// </summary>
internal sealed class AssemblyReach
{
    /// <param name="application">The compilation is an application: no other assembly calls its methods.</param>
    /// <param name="internalsSeenOutside">The assembly shows its internals to an assembly other than its tests'.</param>
    public AssemblyReach(bool application, bool internalsSeenOutside)
    {
        Application = application;
        InternalsSeenOutside = internalsSeenOutside;
    }

    public bool Application { get; }

    public bool InternalsSeenOutside { get; }

    /// <summary>
    /// Private, internal or private protected, itself or through a containing type, whatever kind of assembly this is
    /// (an application's public method may be called by a framework, by reflection). A friend assembly
    /// (<c>[InternalsVisibleTo]</c>) sees internal and private protected members, never private ones: a private method of
    /// a library with a friend is still called only by its own class.
    /// </summary>
    public bool HiddenFromOtherAssemblies(ISymbol symbol)
    {
        for (ISymbol? current = symbol; current is INamedTypeSymbol or IMethodSymbol; current = current.ContainingSymbol)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Private:
                    return true;
                case Accessibility.Internal or Accessibility.ProtectedAndInternal when !InternalsSeenOutside:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Every caller of <paramref name="symbol"/> is in the compilation: it is hidden, or this is an application.</summary>
    public bool SeesEveryCaller(ISymbol symbol) => Application || HiddenFromOtherAssemblies(symbol);
}
