namespace FakeAI.Bounds.Generators.Model;

/// <summary>
/// The weigher a type declared with <c>MaxWeight</c> has, <c>static partial int Weigh(…)</c>, as the generated code
/// calls and, when the user wrote only its body, declares it.
/// </summary>
/// <param name="WritesDeclaration">
/// Whether the generator writes the defining declaration: the user wrote only the implementing part of a partial method,
/// which does not compile without it. A method the user declared whole (partial with both parts, or not partial) needs none.
/// </param>
/// <param name="Modifiers">The access modifiers the user wrote, each followed by a space (e.g. <c>private </c>); both parts of a partial method must carry the same ones.</param>
/// <param name="Parameters">The parameter list as the defining declaration writes it: the user's types, fully qualified, and names.</param>
internal readonly record struct WeigherModel(bool WritesDeclaration, string Modifiers, string Parameters);
