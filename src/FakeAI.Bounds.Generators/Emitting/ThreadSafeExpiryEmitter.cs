namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// What every thread-safe collection with a maximum age shares, queue or table: every locked section begins with the
/// sweep; <c>Count</c> is read without the lock unless something has expired; and, with an eviction hook, what a sweep
/// expired is kept under the lock and told to the hook once the lock is released, a failing section keeping its own
/// exception. Each emitter writes only its own reads without the lock and its own buffer of expired entries.
/// </summary>
internal static class ThreadSafeExpiryEmitter
{
    /// <summary>What the lock holder's release hands to the hook, outside the lock (see <see cref="TakenBeforeRelease"/>).</summary>
    public const string NotifiedAfterRelease = """
        if (expired != null)
        {
            BndNotifyExpired(expired, expiredCount, sectionFailed);
        }
        """;

    /// <summary>Makes every locked section begin with the sweep and, with a hook, end with the filter that notes a failure.</summary>
    public static void ConfigureLocks(SourceWriter writer, bool notifiesExpiredAfterLock)
    {
        // Every writer, and every read that falls back to the lock, removes the expired entries first.
        writer.LockPrologue = "BndExpire();";
        if (notifiesExpiredAfterLock)
        {
            // A section that throws keeps its exception: the hook's, for an entry its sweep expired, is not rethrown then.
            writer.LockSectionFailureFilter = "BndSectionFailed()";
        }
    }

    /// <summary>What the lock holder does just before it releases the lock: it takes what its sweep expired, and whether it is failing.</summary>
    /// <param name="bufferType">The array type the expired entries are kept in, e.g. <c>BndEvicted[]</c>.</param>
    public static string TakenBeforeRelease(string bufferType) => bufferType + """
        ? expired = _bndExpiredPending;
        int expiredCount = _bndExpiredPendingCount;
        bool sectionFailed = _bndSectionFailed;
        _bndSectionFailed = false;
        if (expired != null)
        {
            _bndExpiredPending = null;
            _bndExpiredPendingCount = 0;
        }

        """;

    /// <summary>Writes the state a sweep leaves for the release, and the exception filter every locked section ends with.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="bufferType">The array type the expired entries are kept in.</param>
    /// <param name="what">What the collection holds, for the summaries: "entries", "items".</param>
    public static void WritePendingState(SourceWriter writer, string bufferType, string what)
    {
        writer.Member($$"""
            /// <summary>The {{what}} the current lock holder's sweep expired, which the hook hears of when it releases the lock; null when none.</summary>
            private {{bufferType}}? _bndExpiredPending;

            /// <summary>How many {{what}} of <see cref="_bndExpiredPending"/> are pending.</summary>
            private int _bndExpiredPendingCount;

            /// <summary>Whether an exception is leaving the current lock holder's section: the hook's then is not rethrown.</summary>
            private bool _bndSectionFailed;

            /// <summary>
            /// The exception filter of every locked section: notes, under the lock, that an exception is leaving it, so that
            /// the release reports the swept {{what}} without rethrowing the hook's exception over it; never catches.
            /// </summary>
            private bool BndSectionFailed()
            {
                _bndSectionFailed = true;
                return false;
            }
            """);
    }

    /// <summary>
    /// Writes the thread-safe <c>Count</c>'s body: without the lock when <paramref name="unlockedAttempt"/> finds nothing
    /// expired; from a callback under this thread's lock (a <c>RemoveWhere</c> predicate, an update factory), the count the
    /// section's own sweep left, since the lock cannot be taken again; else under the lock, whose first act is the sweep.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="what">What the collection holds, for the summary.</param>
    /// <param name="unlockedAttempt">One attempt without the lock: returns the count when nothing has expired, breaks when something has.</param>
    public static void WriteLiveCount(SourceWriter writer, string what, string unlockedAttempt)
    {
        writer.Open($$"""
            /// <summary>The count of live {{what}}: read without the lock when nothing has expired, else after a sweep under it.</summary>
            private int BndLiveCount()
            """);
        writer.Line("long now = BndReadClock();");
        writer.WriteUnlockedAttempts(unlockedAttempt);
        writer.Lines("""
            if (global::System.Threading.Volatile.Read(ref _bndLockOwner) == global::System.Environment.CurrentManagedThreadId)
            {
                return _bndCount;
            }
            """);
        writer.BlankLine();
        writer.WriteLocked(threadSafe: true, "return _bndCount;");
        writer.Close();
        writer.BlankLine();
    }
}
