using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>Writes the lock that every thread-safe generated collection guards its state with.</summary>
internal static class LockEmitter
{
    // The lock of a thread-safe collection. Every operation on a ring is a few loads and stores, far shorter than a context
    // switch, so a compare-and-swap lock whose waiters spin (and yield, never sleep, when the holder is descheduled)
    // beats Monitor, whose waiters block in the kernel under contention. The fast path is one interlocked
    // instruction to enter and one plain release store to leave.
    public static void Append(StringBuilder body)
    {
        body.AppendBlock("""
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndEnterLock()
            {
                int thread = global::System.Environment.CurrentManagedThreadId;
                if (global::System.Threading.Interlocked.CompareExchange(ref _bndLockState, thread, 0) != 0)
                {
                    BndEnterLockContended(thread);
                }
            }

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

            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private void BndExitLock()
            {
                global::System.Threading.Volatile.Write(ref _bndLockState, 0);
            }

            """);
    }


    /// <summary>Wraps a statement block in the collection's lock when it is thread-safe.</summary>
    public static string Guard(bool threadSafe, string statements)
    {
        if (!threadSafe)
        {
            return statements;
        }

        return "BndEnterLock();\ntry\n{\n" + Indent(statements) + "\n}\nfinally\n{\n    BndExitLock();\n}";
    }

    /// <summary>Indents every line but preprocessor lines by one level.</summary>
    public static string Indent(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0 && !lines[i].StartsWith("#", System.StringComparison.Ordinal))
            {
                lines[i] = "    " + lines[i];
            }
        }

        return string.Join("\n", lines);
    }
}
