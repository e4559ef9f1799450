namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The shape of a growable collection, as the code fixes need it: which generated type can replace it and which
/// trim keeps its newest entries. Passed to the fixes as the diagnostic property <see cref="DiagnosticProperties.CollectionKind"/>.
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
