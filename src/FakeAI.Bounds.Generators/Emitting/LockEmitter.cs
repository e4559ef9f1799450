using System;

namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// Writes the sequence lock that every thread-safe generated collection guards its state with, the guarded statement
/// blocks that take it, and the two checks that let a read run without it.
/// </summary>
/// <remarks>
/// One word is both the lock and a sequence number: even while the lock is free, odd while a writer holds it, and
/// moved on by one at every enter and every exit. A writer takes it with one compare-and-swap from an even value to
/// the next odd one and leaves with one release store. A reader that must not wait reads the word, reads the state
/// with no lock at all, and reads the word again: when it was even and has not changed, no writer ran in between and
/// what the reader saw is one consistent state; otherwise the reader asks again under the lock. Readers never write
/// the word, so any number of them run at once without sharing a written cache line.
/// </remarks>
internal static class LockEmitter
{
    public static void WriteLockFields(SourceWriter writer)
    {
        writer.Member("""
            /// <summary>The sequence lock: even while free, odd while a writer holds it; every enter and every exit adds one.</summary>
            private int _bndSequence;

            /// <summary>The managed thread id of the writer holding the lock, or 0: tells reentry from a callback from contention.</summary>
            private int _bndLockOwner;
            """);
    }

    // Every operation of a writer is a few loads and stores, far shorter than a context switch, so waiters spin (and
    // yield, never sleep, when the holder is descheduled) rather than block in the kernel as Monitor's do. The fast path
    // is one interlocked instruction to enter and one plain release store to leave.
    /// <param name="writer">The writer.</param>
    /// <param name="beforeRelease">Statements the holder runs just before it releases the lock, or empty.</param>
    /// <param name="afterRelease">Statements it runs just after, outside the lock, or empty: work that must not hold it.</param>
    public static void WriteLockMethods(SourceWriter writer, string beforeRelease = "", string afterRelease = "")
    {
        WriteEnterLock(writer);
        WriteEnterLockContended(writer);
        WriteExitLock(writer, beforeRelease, afterRelease);
        WriteOptimisticReadChecks(writer);
    }

    private static void WriteEnterLock(SourceWriter writer)
    {
        writer.Lines("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndEnterLock()
            {
                int sequence = _bndSequence;
                if ((sequence & 1) != 0 || global::System.Threading.Interlocked.CompareExchange(ref _bndSequence, sequence + 1, sequence) != sequence)
                {
                    BndEnterLockContended();
                }

                _bndLockOwner = global::System.Environment.CurrentManagedThreadId;
            }
            """);
        writer.BlankLine();
    }

    // A thread that already holds the lock would spin forever: it is reentry from a callback, reported instead. Only the
    // holder ever stores its own id in the owner field and it clears it before leaving, so a waiter reads its own id
    // there only when it holds the lock itself.
    private static void WriteEnterLockContended(SourceWriter writer)
    {
        writer.Lines("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private void BndEnterLockContended()
            {
                if (global::System.Threading.Volatile.Read(ref _bndLockOwner) == global::System.Environment.CurrentManagedThreadId)
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
                    int sequence = global::System.Threading.Volatile.Read(ref _bndSequence);
                    if ((sequence & 1) == 0
                        && global::System.Threading.Interlocked.CompareExchange(ref _bndSequence, sequence + 1, sequence) == sequence)
                    {
                        return;
                    }
                }
            }
            """);
        writer.BlankLine();
    }

    // The release store publishes every write made under the lock before the even sequence that tells readers so.
    private static void WriteExitLock(SourceWriter writer, string beforeRelease, string afterRelease)
    {
        writer.Lines("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndExitLock()
            """);
        writer.Open();
        if (beforeRelease.Length > 0)
        {
            writer.Lines(beforeRelease);
            writer.BlankLine();
        }

        writer.Lines("""
            _bndLockOwner = 0;
            global::System.Threading.Volatile.Write(ref _bndSequence, _bndSequence + 1);
            """);
        if (afterRelease.Length > 0)
        {
            writer.BlankLine();
            writer.Lines(afterRelease);
        }

        writer.Close();
        writer.BlankLine();
    }

    // A read that fails its check tries again, after a short spin, and takes the lock only after a few failures (so that
    // a reader is never starved by a stream of writers). Not at once: a reader under the lock is a writer to every other
    // reader (it moves the sequence on twice), so readers that fell back at the first failure would make the readers
    // beside them fail in turn, and a read-mostly mix would degrade to the locked form.
    //
    // The read barrier keeps the state's loads before the second load of the sequence: free on x86 and x64, whose loads
    // are never reordered with other loads, and one load fence on Arm. Before .NET 10 there is no read barrier, so
    // weakly ordered processors take a full fence instead. A 32-bit sequence could in principle come round to the same
    // value during one read; that takes 2^31 writes between two loads a few nanoseconds apart.
    private static void WriteOptimisticReadChecks(SourceWriter writer)
    {
        writer.Lines("""
            /// <summary>Starts a read without the lock: the sequence to hand to <see cref="BndReadIsConsistent"/>; odd while a writer holds the lock.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private int BndBeginRead() => global::System.Threading.Volatile.Read(ref _bndSequence);

            /// <summary>Whether everything read since <see cref="BndBeginRead"/> was one consistent state: no writer held the lock then, and none has taken it since.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private bool BndReadIsConsistent(int sequence)
            {
            #if NET10_0_OR_GREATER
                global::System.Threading.Volatile.ReadBarrier();
            #else
                if (BndLoadsMayPassLoads)
                {
                    global::System.Threading.Interlocked.MemoryBarrier();
                }
            #endif
                return (sequence & 1) == 0 && global::System.Threading.Volatile.Read(ref _bndSequence) == sequence;
            }

            /// <summary>How many times a read tries without the lock before it takes it.</summary>
            private const int BndUnlockedReadAttempts = 4;

            /// <summary>Waits a little longer after each failed attempt to read without the lock, for the writer in the way to finish.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
            private static void BndBackOff(int attempt) => global::System.Threading.Thread.SpinWait(16 << attempt);

            #if !NET10_0_OR_GREATER
            /// <summary>Whether this processor may reorder loads with loads (anything but x86 and x64), so that a read without the lock needs a fence.</summary>
            private static readonly bool BndLoadsMayPassLoads =
                global::System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != global::System.Runtime.InteropServices.Architecture.X64
                && global::System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != global::System.Runtime.InteropServices.Architecture.X86;
            #endif
            """);
        writer.BlankLine();
    }

    /// <summary>
    /// Writes <paramref name="attempt"/>, one read without the lock that returns when its check passes, inside the loop
    /// that tries it <c>BndUnlockedReadAttempts</c> times with a growing spin between attempts; what follows is the
    /// read under the lock.
    /// </summary>
    public static void WriteUnlockedAttempts(this SourceWriter writer, string attempt)
    {
        writer.Open("for (int attempt = 0; attempt < BndUnlockedReadAttempts; attempt++)");
        writer.Lines(attempt);
        writer.BlankLine();
        writer.Line("BndBackOff(attempt);");
        writer.Close();
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
        if (writer.LockPrologue is { } prologue)
        {
            writer.Line(prologue);
        }
    }

    private static void CloseLock(SourceWriter writer)
    {
        writer.Close();
        if (writer.LockSectionFailureFilter is { } filter)
        {
            // The filter returns false, so the body never runs; it rethrows so that the compiler sees no way past it.
            writer.Open("catch (global::System.Exception) when (" + filter + ")");
            writer.Line("throw;");
            writer.Close();
        }

        writer.Open("finally");
        if (writer.LockReleaseFailure is { } onFailure)
        {
            // The hook threw for an entry the sweep expired, as the lock was released: the entries this section evicted
            // are reported all the same, and that first exception is the one rethrown.
            writer.LockReleaseFailure = null;
            writer.Open("try");
            writer.Line("BndExitLock();");
            writer.Close();
            writer.Open("catch");
            writer.Open("try");
            writer.Line(onFailure);
            writer.Close();
            writer.Open("catch");
            writer.Line("// Only the first exception is rethrown.");
            writer.Close();
            writer.BlankLine();
            writer.Line("throw;");
            writer.Close();
        }
        else
        {
            writer.Line("BndExitLock();");
        }

        writer.Close();
    }
}
