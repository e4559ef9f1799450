using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class HashTableEmitter
{
    private const string NoInlining = ThrowHelperEmitter.NoInlining;

    // Throws live in their own methods so that the hot paths stay small enough to inline.
    private static void WriteThrowHelpers(SourceWriter writer, HashTableSpec spec)
    {
        ThrowHelperEmitter.WriteCapacityOutOfRange(writer, spec.TypeName, spec.MaxLength);
        WriteThrowKeyHashChanged(writer, spec);

        // Every table needs it, thread-safe or not: RemoveWhere throws it when its predicate changes the table.
        ThrowHelperEmitter.WriteModifiedDuringEnumeration(writer, "collection");
        if (!spec.IsSet)
        {
            WriteThrowKeyNotFound(writer, spec);
        }

        if (spec.Policy == OverflowPolicyValue.Throw)
        {
            ThrowHelperEmitter.WriteFull(writer, spec.TypeName);
        }

        if (spec.Weighted)
        {
            WriteWeightThrowHelpers(writer, spec);
        }
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
}
