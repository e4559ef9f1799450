using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]";

    // Throws live in their own methods so that the hot paths stay small enough to inline.
    private static void WriteThrowHelpers(SourceWriter writer, HashTableSpec spec)
    {
        WriteThrowCapacityOutOfRange(writer, spec);
        WriteThrowKeyHashChanged(writer, spec);

        // Every table needs it, thread-safe or not: RemoveWhere throws it when its predicate changes the table.
        WriteThrowModifiedDuringEnumeration(writer);
        if (!spec.IsSet)
        {
            WriteThrowKeyNotFound(writer, spec);
        }

        if (spec.Policy == OverflowPolicyValue.Throw)
        {
            WriteThrowFull(writer, spec);
        }
    }

    private static void WriteThrowCapacityOutOfRange(SourceWriter writer, HashTableSpec spec)
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

    private static void WriteThrowKeyHashChanged(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowKeyHashChanged()
            {
                throw new global::System.InvalidOperationException(
                    "A {{(spec.IsSet ? "value" : "key")}} of '{{spec.TypeName}}' changed its hash code while it was stored; {{Entries(spec)}} must not change in ways that affect Equals and GetHashCode.");
            }
            """);
    }

    private static void WriteThrowModifiedDuringEnumeration(SourceWriter writer)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowModifiedDuringEnumeration()
            {
                throw new global::System.InvalidOperationException("The collection was modified during enumeration.");
            }
            """);
    }

    private static void WriteThrowKeyNotFound(SourceWriter writer, HashTableSpec spec)
    {
        writer.Member($$"""
            {{NoInlining}}
            private static void BndThrowKeyNotFound({{spec.Key}} key)
            {
                throw new global::System.Collections.Generic.KeyNotFoundException("The key '" + key + "' is not in '{{spec.TypeName}}'.");
            }
            """);
    }

    private static void WriteThrowFull(SourceWriter writer, HashTableSpec spec)
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
