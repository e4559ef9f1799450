namespace FakeAI.Bounds.Generators.Model;

/// <summary>
/// The eviction hook a bounded type declares, <c>partial void OnEvicted(…)</c>, as the generated code calls and, when
/// the user wrote only its body, declares it.
/// </summary>
/// <param name="WritesDeclaration">
/// Whether the generator writes the defining declaration: the user wrote only the implementing one (the method with a
/// body), which does not compile without it. When the user wrote the defining declaration, the generator writes none.
/// </param>
/// <param name="Modifiers">The modifiers before <c>partial</c> as the user wrote them, each followed by a space (e.g. <c>private </c>); both parts must carry the same ones.</param>
/// <param name="Parameters">The parameter list as the defining declaration writes it: the user's types, fully qualified, and names.</param>
internal readonly record struct EvictionHookModel(bool WritesDeclaration, string Modifiers, string Parameters);
