using System;

namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// Writes the lock that every thread-safe generated collection guards its state with, and the guarded statement
/// blocks that take it.
/// </summary>
internal static class LockEmitter
{
    // The lock of a thread-safe collection. Every operation on a ring is a few loads and stores, far shorter than a context
    // switch, so a compare-and-swap lock whose waiters spin (and yield, never sleep, when the holder is descheduled)
    // beats Monitor, whose waiters block in the kernel under contention. The fast path is one interlocked
    // instruction to enter and one plain release store to leave.
    public static void WriteLockMethods(SourceWriter writer)
    {
        WriteEnterLock(writer);
        WriteEnterLockContended(writer);
        WriteExitLock(writer);
    }

    private static void WriteEnterLock(SourceWriter writer)
    {
        writer.Lines("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndEnterLock()
            {
                int thread = global::System.Environment.CurrentManagedThreadId;
                if (global::System.Threading.Interlocked.CompareExchange(ref _bndLockState, thread, 0) != 0)
                {
                    BndEnterLockContended(thread);
                }
            }
            """);
        writer.BlankLine();
    }

    // A thread that already holds the lock would spin forever: it is reentry from a callback, reported instead.
    private static void WriteEnterLockContended(SourceWriter writer)
    {
        writer.Lines("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndEnterLockContended(int thread)
            {
                if (global::System.Threading.Volatile.Read(ref _bndLockState) == thread)
                {
                    throw new global::System.InvalidOperationException(
                        "The collection was used from inside one of its own callbacks (a RemoveWhere predicate or a value factory), which runs while it is locked. Collect what the callback needs before the call.");
                }

                var spinner = new global::System.Threading.SpinWait();
                while (true)
                {
            #if NETCOREAPP3_0_OR_GREATER
                    spinner.SpinOnce(-1);
            #else
                    spinner.SpinOnce();
            #endif
                    if (global::System.Threading.Volatile.Read(ref _bndLockState) == 0
                        && global::System.Threading.Interlocked.CompareExchange(ref _bndLockState, thread, 0) == 0)
                    {
                        return;
                    }
                }
            }
            """);
        writer.BlankLine();
    }

    private static void WriteExitLock(SourceWriter writer)
    {
        writer.Lines("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndExitLock()
            {
                global::System.Threading.Volatile.Write(ref _bndLockState, 0);
            }
            """);
        writer.BlankLine();
    }

    /// <summary>
    /// Writes <paramref name="statements"/> at the current depth, inside the collection's lock when it is thread-safe:
    /// <c>BndEnterLock(); try { … } finally { BndExitLock(); }</c>.
    /// </summary>
    public static void WriteLocked(this SourceWriter writer, bool threadSafe, string statements)
    {
        if (!threadSafe)
        {
            writer.Lines(statements);
            return;
        }

        OpenLock(writer);
        writer.Lines(statements);
        CloseLock(writer);
    }

    /// <summary>
    /// Lets <paramref name="writeStatements"/> write at the current depth, inside the collection's lock when it is
    /// thread-safe: for statements that vary with the policy.
    /// </summary>
    public static void WriteLocked(this SourceWriter writer, bool threadSafe, Action<SourceWriter> writeStatements)
    {
        if (!threadSafe)
        {
            writeStatements(writer);
            return;
        }

        OpenLock(writer);
        writeStatements(writer);
        CloseLock(writer);
    }

    private static void OpenLock(SourceWriter writer)
    {
        writer.Line("BndEnterLock();");
        writer.Open("try");
    }

    private static void CloseLock(SourceWriter writer)
    {
        writer.Close();
        writer.Open("finally");
        writer.Line("BndExitLock();");
        writer.Close();
    }
}
