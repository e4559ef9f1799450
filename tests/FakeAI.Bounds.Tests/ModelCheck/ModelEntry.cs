namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The generated <c>BndEntry</c> with int keys and values. Each field is its own memory location in the model: the
/// generated code stores them one at a time, and a reader can load any of them between two of those stores.
/// </summary>
internal struct ModelEntry
{
    public int Key;
    public int Value;
    public int HashCode;
    public int Next;
    public int Older;
    public int Newer;
}
