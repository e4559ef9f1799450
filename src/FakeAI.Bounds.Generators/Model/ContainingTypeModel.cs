namespace FakeAI.Bounds.Generators.Model;

/// <summary>
/// A type that encloses a bounded declaration, as the generated partial must reopen it:
/// <c>partial class Outer&lt;T&gt;</c>.
/// </summary>
/// <param name="Keyword">The declaration keyword: class, struct, interface, record or record struct.</param>
/// <param name="NameWithTypeParameters">The name as written in a declaration, e.g. <c>Outer&lt;T&gt;</c>.</param>
internal readonly record struct ContainingTypeModel(string Keyword, string NameWithTypeParameters);
