using FakeAI.Bounds.Generators.Common;

namespace FakeAI.Bounds.Generators.Model;

/// <summary>
/// Everything the emitter needs to write the generated members of one <c>[BoundedTracker]</c> class, as plain values:
/// no symbols, syntax nodes, locations or compilations, so that an unchanged tracker compares equal between generator
/// runs and stays cached.
/// </summary>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="Keyword">The declaration keyword that reopens the tracker: <c>class</c> or <c>record</c>.</param>
/// <param name="Name">The simple name, e.g. <c>ErrorTracker</c>; also the <c>tracker</c> tag of its metrics.</param>
/// <param name="NameWithTypeParameters">The name as written in a declaration, e.g. <c>Tracker&lt;T&gt;</c>.</param>
/// <param name="HintName">The unique file name of the generated source.</param>
/// <param name="Members">The bounded members, in declaration order.</param>
internal readonly record struct TrackerModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Keyword,
    string Name,
    string NameWithTypeParameters,
    string HintName,
    EquatableArray<TrackerMemberModel> Members);
