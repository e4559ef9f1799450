namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The shape of a growable collection, as the code fixes need it: which generated type can replace it and which
/// trim keeps its newest entries. Passed to the fixes as the diagnostic property <see cref="PropertyName"/>.
/// </summary>
internal enum CollectionKind
{
    Other,
    Queue,
    List,
    LinkedList,
    Stack,
    Dictionary,
    Set,
}

internal static class CollectionKindProperty
{
    public const string PropertyName = "CollectionKind";

    /// <summary>The constant capacity argument the member was created with, when there was one.</summary>
    public const string CapacityPropertyName = "Capacity";
}
