namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// The throw helpers every bounded collection has, whatever its shape. Throws live in their own methods, never
/// inlined, so that the hot paths that call them stay small enough to inline.
/// </summary>
internal static class ThrowHelperEmitter
{
    public const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    public static void WriteCapacityOutOfRange(SourceWriter writer, string typeName, int maxLength)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowCapacityOutOfRange(int capacity)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "capacity",
                    capacity,
                    "The capacity of '{{typeName}}' must be between 1 and its MaxLength {{maxLength}}.");
            }
            """);
    }

    /// <param name="writer">The writer.</param>
    /// <param name="collection">What the message calls the collection ("collection", "queue").</param>
    public static void WriteModifiedDuringEnumeration(SourceWriter writer, string collection)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowModifiedDuringEnumeration()
            {
                throw new global::System.InvalidOperationException("The {{collection}} was modified during enumeration.");
            }
            """);
    }

    /// <summary>The Throw policy's refusal: <c>BoundExceededException</c> with the capacity and the MaxLength.</summary>
    public static void WriteFull(SourceWriter writer, string typeName)
    {
        writer.Member($$"""
            {{NoInlining}}
            private void BndThrowFull()
            {
                throw new global::FakeAI.Bounds.BoundExceededException("{{typeName}}", _bndCapacity, _bndMaxLength);
            }
            """);
    }
}
