using System.Globalization;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// One operation of a writer's script: the indexer's set (an update when the key is present, else an insert, which
/// evicts when the table is full) or Remove. Either runs under the sequence lock.
/// </summary>
internal readonly record struct WriterOperation(bool IsRemove, int Key, int Value)
{
    public static WriterOperation Set(int key, int value) => new(false, key, value);

    public static WriterOperation Remove(int key) => new(true, key, 0);

    public override string ToString() =>
        IsRemove
            ? string.Format(CultureInfo.InvariantCulture, "Remove({0})", Key)
            : string.Format(CultureInfo.InvariantCulture, "this[{0}] = {1}", Key, Value);
}
