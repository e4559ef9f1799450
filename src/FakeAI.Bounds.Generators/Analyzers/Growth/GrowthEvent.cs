using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>One operation that changes the size of a tracked member, with where it happens and how it is guarded.</summary>
/// <param name="Kind">What it does to the size.</param>
/// <param name="Method">The member whose body holds it (a method, an accessor, a constructor).</param>
/// <param name="Guarded">It runs only under a check of the collection's size.</param>
/// <param name="Scheduled">It runs by itself, in a callback the constructor sets up (a timer, an event handler).</param>
/// <param name="Location">The operation's syntax, for the message's line number.</param>
/// <param name="Paired">A removal of one entry in a callback the adding method sets up (a continuation, a
/// cancellation registration, the Dispose of the token it returns): the entry lives as long as its operation.</param>
/// <param name="Once">An add in code that runs once per object (<see cref="RunOnceGuards"/>): initial state.</param>
/// <param name="PicksEntries">A sweep that picks the entries it removes (a <c>RemoveAll</c>, a removal in a loop):
/// the stale ones, not the entry of the call that ends in a <c>finally</c>.</param>
/// <param name="KeyParameters">An add to a map or set whose key is made only of the adding method's parameters (and
/// fixed parts): bounded by the program when every caller passes a key it fixes (<see cref="KeyArguments"/>).</param>
/// <param name="KeySource">An add to a map or set under a key just found in this other collection of the object
/// (<see cref="KeySubsets"/>): it holds at most one entry per key that one has held.</param>
/// <param name="FilledCollection">An add behind an early exit while this collection of the object has entries, in a block
/// that fills it (<see cref="RunOnceGuards.Read"/>): initial state while nothing empties that collection.</param>
internal readonly record struct GrowthEvent(GrowthEventKind Kind, ISymbol Method, bool Guarded, bool Scheduled, Location Location, bool Paired = false, bool Once = false, bool PicksEntries = false, IParameterSymbol[]? KeyParameters = null, ISymbol? KeySource = null, ISymbol? FilledCollection = null)
{
    /// <summary>Whether this removal keeps the collection bounded when it runs on the path that adds.</summary>
    public bool Bounds => Guarded || CollectionMethodRoles.BoundsWhenOnAddPath(Kind);

    /// <summary>
    /// Whether this removal takes out the one entry an operation made: by its key, or in a <c>finally</c> of the method
    /// that added it (a sweep that picks no entries).
    /// </summary>
    public bool EndsOneEntry => Kind == GrowthEventKind.RemoveSpecific || (Kind == GrowthEventKind.Sweep && !PicksEntries);
}
