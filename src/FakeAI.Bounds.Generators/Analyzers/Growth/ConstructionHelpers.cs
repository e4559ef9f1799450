using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A base class's protected helper that its derived classes call while they are built (<c>AddOption(Output)</c> in a
/// command's constructor, a validator's rules declared in its constructor): what it adds is the object's initial
/// state, as an add in the base constructor is. Every call the compilation makes must be from a constructor of the
/// class or of a class derived from it, on the object being built (no receiver, <c>this</c> or <c>base</c>), and not
/// in a lambda that may run later, or from another such helper on the same object that is itself called only so
/// (<c>AddMutuallyExclusiveOptions</c> handing each option to <c>AddOption</c>); and no other assembly may derive from
/// the class and call it elsewhere.
/// </summary>
internal static class ConstructionHelpers
{
    /// <summary>
    /// A protected (or private protected) instance method of a class no other assembly can derive from (an internal
    /// class with no friend assembly but its tests, or any class of an application), not virtual, declared in source:
    /// only its own class and derived ones can call it, all of them in sight.
    /// </summary>
    public static bool IsCandidate(ISymbol symbol, AssemblyReach reach)
    {
        return symbol is IMethodSymbol
            {
                MethodKind: MethodKind.Ordinary, IsStatic: false, IsVirtual: false, IsOverride: false, IsAbstract: false,
                DeclaredAccessibility: Accessibility.Protected or Accessibility.ProtectedAndInternal,
            } method
            && method.Locations.Length > 0
            && method.Locations[0].IsInSource
            && reach.SeesEveryCaller(method);
    }

    /// <summary>Whether <paramref name="invocation"/>, made by <paramref name="caller"/>, builds the object it is called on.</summary>
    public static bool BuildsItsObject(IInvocationOperation invocation, ISymbol caller)
    {
        return caller is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && OnTheSameObject(invocation)
            && TypeHierarchy.DerivesFrom(constructor.ContainingType, invocation.TargetMethod.ContainingType);
    }

    /// <summary>
    /// Whether <paramref name="invocation"/> is one helper handing on to another on the same object
    /// (<c>AddMutuallyExclusiveOptions</c> calling <c>AddOption</c>): it builds the object when the calling helper does.
    /// </summary>
    public static bool HandsOnFrom(IInvocationOperation invocation, ISymbol caller, AssemblyReach reach)
    {
        return IsCandidate(caller, reach)
            && OnTheSameObject(invocation)
            && TypeHierarchy.DerivesFrom(caller.ContainingType, invocation.TargetMethod.ContainingType);
    }

    // Called on the object whose code calls (no receiver, `this`, `base`), there and then (not in a lambda kept for later).
    private static bool OnTheSameObject(IInvocationOperation invocation)
    {
        return invocation.Instance is null or IInstanceReferenceOperation && !DelegateTiming.MayRunAfterItsMethod(invocation);
    }
}
