using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // Throws live in their own methods so that the hot paths stay small enough to inline.
    private static void AppendThrowHelpers(StringBuilder body, QueueSpec spec)
    {
        body.AppendBlock($$"""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void BndThrowCapacityOutOfRange(int capacity)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "capacity",
                    capacity,
                    "The capacity of '{{spec.TypeName}}' must be between 1 and its MaxLength {{spec.MaxLength}}.");
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void BndThrowIndexOutOfRange(int index)
            {
                throw new global::System.ArgumentOutOfRangeException(
                    "index",
                    index,
                    "The index must be at least 0 and less than the number of items.");
            }

            """);

        if (!spec.ThreadSafe)
        {
            body.AppendBlock("""
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
                private static void BndThrowModifiedDuringEnumeration()
                {
                    throw new global::System.InvalidOperationException("The queue was modified during enumeration.");
                }

                """);
        }

        if (spec.Policy == Model.OverflowPolicyValue.Throw)
        {
            body.AppendBlock($$"""
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
                private void BndThrowFull()
                {
                    throw new global::FakeAI.Bounds.BoundExceededException("{{spec.TypeName}}", _bndCapacity, _bndMaxLength);
                }

                """);
        }
    }
}
