namespace FakeAI.Bounds.Generators.Model;

/// <summary>Which bounded interface a declaration implements, and so which body the generator writes.</summary>
internal enum BoundedKind
{
    Queue,
    Dictionary,
    Set,
}
