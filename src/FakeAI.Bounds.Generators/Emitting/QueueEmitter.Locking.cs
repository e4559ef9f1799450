using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class QueueEmitter
{
    // The lock of a thread-safe queue. Every operation on a ring is a few loads and stores, far shorter than a context
    // switch, so a compare-and-swap lock whose waiters spin (and yield, never sleep, when the holder is descheduled)
    // beats Monitor, whose waiters block in the kernel under contention. The fast path is one interlocked
    // instruction to enter and one plain release store to leave.
    private static void AppendLocking(StringBuilder body)
    {
        body.AppendBlock("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndEnterLock()
            {
                if (global::System.Threading.Interlocked.CompareExchange(ref _bndLockState, 1, 0) != 0)
                {
                    BndEnterLockContended();
                }
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndEnterLockContended()
            {
                var spinner = new global::System.Threading.SpinWait();
                while (true)
                {
            #if NETCOREAPP3_0_OR_GREATER
                    spinner.SpinOnce(-1);
            #else
                    spinner.SpinOnce();
            #endif
                    if (global::System.Threading.Volatile.Read(ref _bndLockState) == 0
                        && global::System.Threading.Interlocked.CompareExchange(ref _bndLockState, 1, 0) == 0)
                    {
                        return;
                    }
                }
            }

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndExitLock()
            {
                global::System.Threading.Volatile.Write(ref _bndLockState, 0);
            }

            """);
    }

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
