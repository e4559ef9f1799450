using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    // Throws live in their own methods so that the hot paths stay small enough to inline.
    private static void WriteThrowHelpers(SourceWriter writer, QueueSpec spec)
    {
        WriteThrowCapacityOutOfRange(writer, spec);
        WriteThrowIndexOutOfRange(writer);
        if (!spec.ThreadSafe)
        {
            WriteThrowModifiedDuringEnumeration(writer);
        }

        if (spec.Policy == OverflowPolicyValue.Throw)
        {
            WriteThrowFull(writer, spec);
        }
    }

    private static void WriteThrowCapacityOutOfRange(SourceWriter writer, QueueSpec spec)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowCapacityOutOfRange(int capacity)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "capacity",
                    capacity,
                    "The capacity of '{{spec.TypeName}}' must be between 1 and its MaxLength {{spec.MaxLength}}.");
            }
            """);
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

    // Only the single-threaded enumerators check for change; the thread-safe ones walk a copy.
    private static void WriteThrowModifiedDuringEnumeration(SourceWriter writer)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowModifiedDuringEnumeration()
            {
                throw new global::System.InvalidOperationException("The queue was modified during enumeration.");
            }
            """);
    }

    private static void WriteThrowFull(SourceWriter writer, QueueSpec spec)
    {
        writer.Member($$"""
            {{NoInlining}}
            private void BndThrowFull()
            {
                throw new global::FakeAI.Bounds.BoundExceededException("{{spec.TypeName}}", _bndCapacity, _bndMaxLength);
            }
            """);
    }
}
