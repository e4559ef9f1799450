using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    private const string NoInlining = ThrowHelperEmitter.NoInlining;

    // Throws live in their own methods so that the hot paths stay small enough to inline.
    private static void WriteThrowHelpers(SourceWriter writer, QueueSpec spec)
    {
        ThrowHelperEmitter.WriteCapacityOutOfRange(writer, spec.TypeName, spec.MaxLength);
        WriteThrowIndexOutOfRange(writer);

        // Only the single-threaded enumerators check for change; the thread-safe ones walk a copy.
        if (!spec.ThreadSafe)
        {
            ThrowHelperEmitter.WriteModifiedDuringEnumeration(writer, "queue");
        }

        if (spec.Policy == OverflowPolicyValue.Throw)
        {
            ThrowHelperEmitter.WriteFull(writer, spec.TypeName);
        }
    }

    private static void WriteThrowIndexOutOfRange(SourceWriter writer)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowIndexOutOfRange(int index)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "index",
                    index,
                    "The index must be at least 0 and less than the number of items.");
            }
            """);
    }
}
