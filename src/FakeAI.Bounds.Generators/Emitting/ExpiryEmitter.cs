namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// What every bounded collection with a maximum age shares: the clock and the age in its ticks, the constructors that
/// take a <c>TimeProvider</c>, and the public <c>MaxAge</c>, <c>Expired</c> and <c>RemoveExpired</c>. A collection
/// without a maximum age gets none of this, so its code is the same as if ages did not exist.
/// </summary>
/// <remarks>
/// Time is the provider's monotonic timestamp: one clock reading per public call (<c>BndReadClock</c>), kept in
/// <c>_bndNow</c> so that the entries that call writes are stamped with the same reading, and compared with a stamp by
/// one subtraction against the age converted to the clock's ticks once per instance: no division on an add or a read.
/// An entry is expired when <c>now - stamp &gt;= _bndMaxAgeTicks</c>; the subtraction cannot overflow for stamps the
/// same clock produced.
/// <para>
/// With the system clock and an age of a second or more, the clock is <c>Environment.TickCount64</c> (milliseconds,
/// a few nanoseconds to read, at most <see cref="CoarseClockResolutionMilliseconds"/> coarse) instead of
/// <c>TimeProvider.System.GetTimestamp()</c>, which costs tens of nanoseconds on some machines and would dominate a
/// lookup. The age in that clock is the declared one plus the resolution, so that an entry never expires early (its
/// stamp can lag the write by a resolution); it lives at most two resolutions longer. Any other provider (a
/// <c>FakeTimeProvider</c> in tests) and shorter ages keep the exact timestamp.
/// </para>
/// </remarks>
internal static class ExpiryEmitter
{
    /// <summary>The reason an expiry passes to the hook.</summary>
    public const string Expired = "global::FakeAI.Bounds.EvictionReason.Expired";

    /// <summary>
    /// The coarsest <c>Environment.TickCount64</c> there is: the Windows timer's default 15.625 ms, rounded up (Linux's
    /// coarse monotonic clock ticks every 1 to 10 ms, macOS's is exact).
    /// </summary>
    public const int CoarseClockResolutionMilliseconds = 16;

    private const string TimeProvider = "global::System.TimeProvider";

    /// <summary>
    /// <c>Count</c> of a collection whose entries expire: the live count, so reading it removes the expired entries first,
    /// like every other read.
    /// </summary>
    public const string CountProperty = """
        /// <summary>The number of live entries: reading it first removes those that have reached <see cref="MaxAge"/>.</summary>
        public int Count
        {
            get
            {
                BndExpire();
                return _bndCount;
            }
        }
        """;

    /// <summary>Writes the clock fields; the initializers also serve a user constructor that does not chain to a generated one.</summary>
    public static void WriteFields(SourceWriter writer)
    {
        writer.Member($$"""
            /// <summary>The <c>MaxAgeMilliseconds</c> (or <c>MaxAgeSeconds</c> × 1000) of the <c>[Bounded]</c> declaration.</summary>
            private const long _bndMaxAgeMilliseconds = DeclaredMaxAgeMilliseconds;

            /// <summary>The clock entries are stamped and aged with.</summary>
            private readonly {{TimeProvider}} _bndTimeProvider = {{TimeProvider}}.System;

            /// <summary>Whether the clock is the coarse millisecond tick count (see <c>BndReadClock</c>).</summary>
            private readonly bool _bndCoarseClock = BndUsesCoarseClock({{TimeProvider}}.System);

            /// <summary>The maximum age in the clock's ticks, computed once so that aging an entry is a subtraction and a comparison.</summary>
            private readonly long _bndMaxAgeTicks = BndMaxAgeTicks({{TimeProvider}}.System);

            /// <summary>The clock as the current public call read it; the entries that call writes get this stamp.</summary>
            private long _bndNow;

            /// <summary>Entries removed because they reached the maximum age.</summary>
            private long _bndExpired;
            """);
    }

    /// <summary>Writes the constant that publishes the declared age.</summary>
    public static void WriteDeclaredMaxAge(SourceWriter writer, long maxAgeMilliseconds)
    {
        writer.Member($$"""
            /// <summary>The maximum age of the <c>[Bounded]</c> declaration, in milliseconds: an entry written this long ago is expired.</summary>
            public const long DeclaredMaxAgeMilliseconds = {{maxAgeMilliseconds}};
            """);
    }

    /// <summary>
    /// Writes the constructors that take a clock. Each chains to the generated constructor of the same arguments without
    /// the clock, then replaces the system clock, so that every check and initialisation stays in one place.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="typeName">The type's simple name.</param>
    /// <param name="noun">What the collection is, for the summary: "queue", "dictionary", "set".</param>
    /// <param name="what">What the collection holds, for the summary: "items", "keys", "values".</param>
    /// <param name="maxLength">The declared MaxLength, for the docs.</param>
    /// <param name="comparerType">The comparer type of a dictionary or set, or <see langword="null"/> for a queue.</param>
    public static void WriteConstructors(SourceWriter writer, string typeName, string noun, string what, int maxLength, string? comparerType)
    {
        const string ClockParameter = "/// <param name=\"timeProvider\">The clock that ages the entries, such as <see cref=\"global::System.TimeProvider.System\"/> or a fake one in tests.</param>";
        const string ClockNull = "/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"timeProvider\"/> is <see langword=\"null\"/>.</exception>";
        string capacityParameter = $"/// <param name=\"capacity\">The most {what} this instance holds, from 1 to <c>MaxLength</c> ({maxLength}).</param>";
        string capacityRange = $"/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"capacity\"/> is less than 1 or greater than {maxLength}.</exception>";
        string body = """
            {
                _bndTimeProvider = timeProvider ?? throw new global::System.ArgumentNullException(nameof(timeProvider));
                _bndCoarseClock = BndUsesCoarseClock(timeProvider);
                _bndMaxAgeTicks = BndMaxAgeTicks(timeProvider);
            }
            """;

        writer.Lines($$"""
            /// <summary>Creates an empty {{noun}} that can hold up to <c>MaxLength</c> ({{maxLength}}) {{what}}, aging them with <paramref name="timeProvider"/>.</summary>
            {{ClockParameter}}
            {{ClockNull}}
            public {{typeName}}({{TimeProvider}} timeProvider)
                : this(_bndMaxLength)
            """);
        writer.Member(body);
        // A dictionary or set has no (int, TimeProvider) constructor: beside its (int, comparer) one, a null second
        // argument, which its own constructors pass, would fit both.
        if (comparerType is null)
        {
            writer.Lines($$"""
                /// <summary>Creates an empty {{noun}} that can hold up to <paramref name="capacity"/> {{what}}, aging them with <paramref name="timeProvider"/>.</summary>
                {{capacityParameter}}
                {{ClockParameter}}
                {{capacityRange}}
                {{ClockNull}}
                public {{typeName}}(int capacity, {{TimeProvider}} timeProvider)
                    : this(capacity)
                """);
            writer.Member(body);
            return;
        }

        writer.Lines($$"""
            /// <summary>Creates an empty {{noun}} that can hold up to <paramref name="capacity"/> {{what}}, comparing them with <paramref name="comparer"/> and aging them with <paramref name="timeProvider"/>.</summary>
            {{capacityParameter}}
            /// <param name="comparer">Compares the {{what}}; <see langword="null"/> for the default comparer.</param>
            {{ClockParameter}}
            {{capacityRange}}
            {{ClockNull}}
            public {{typeName}}(int capacity, {{comparerType}}? comparer, {{TimeProvider}} timeProvider)
                : this(capacity, comparer)
            """);
        writer.Member(body);
    }

    /// <summary>
    /// Writes the public <c>RemoveExpired()</c>. The thread-safe form locks by hand, without the prologue's sweep, so that
    /// the count returned is this call's.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="threadSafe">Whether the collection is the thread-safe form.</param>
    /// <param name="every">What one expired entry is, after "every": "key", "value", "item".</param>
    /// <param name="order">The order they leave in, as a clause to insert (", oldest first,"), or empty.</param>
    /// <param name="what">What the collection holds, in the plural: "entries", "items".</param>
    /// <param name="noun">What the collection is: "dictionary", "set", "queue".</param>
    public static void WriteRemoveExpired(SourceWriter writer, bool threadSafe, string every, string order, string what, string noun)
    {
        string summary = $$"""
            /// <summary>
            /// Removes now every {{every}} that has reached <see cref="MaxAge"/>{{order}} and counts them in <see cref="Expired"/>.
            /// Adds and reads do this on their own; call it to let go of expired {{what}} in a {{noun}} nobody touches.
            /// </summary>
            """;
        string sweep = """
            long now = BndReadClock();
            _bndNow = now;
            return _bndCount == 0 ? 0 : BndRemoveExpired(now);
            """;
        writer.Lines(summary);
        writer.Line("/// <returns>How many " + what + (threadSafe ? " this call removed" : " were removed") + ".</returns>");
        writer.Open("public int RemoveExpired()");
        if (threadSafe)
        {
            writer.Line("BndEnterLock();");
            writer.Open("try");
            writer.Lines(sweep);
            writer.Close();
            writer.Open("finally");
            writer.Line("BndExitLock();");
            writer.Close();
        }
        else
        {
            writer.Lines(sweep);
        }

        writer.Close();
        writer.BlankLine();
    }

    /// <summary>Writes <c>MaxAge</c>, <c>Expired</c> and the conversion of the age to timestamp ticks.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="threadSafe">Whether the collection is the thread-safe form, whose counter is read without tearing.</param>
    public static void WriteProperties(SourceWriter writer, bool threadSafe = false)
    {
        string expiredRead = threadSafe ? "global::System.Threading.Interlocked.Read(ref _bndExpired)" : "_bndExpired";
        writer.Member($$"""
            /// <summary>How long an entry lives after it is written: the maximum age of the <c>[Bounded]</c> declaration.</summary>
            public global::System.TimeSpan MaxAge => global::System.TimeSpan.FromMilliseconds(_bndMaxAgeMilliseconds);

            /// <summary>
            /// The number of entries removed because they reached <see cref="MaxAge"/>, by an add, a read or <see cref="RemoveExpired"/>
            /// (not counted in <see cref="Evicted"/>; <see cref="Clear"/> does not reset it).
            /// </summary>
            public long Expired => {{expiredRead}};

            /// <summary>
            /// The maximum age in the ticks of the clock <paramref name="timeProvider"/> gives, at least 1, rounded up so that an
            /// entry never expires early: in milliseconds plus the coarse clock's resolution for the coarse clock, else in the
            /// provider's timestamp ticks; an age too long for a long saturates, which means never.
            /// </summary>
            private static long BndMaxAgeTicks(global::System.TimeProvider timeProvider)
            {
                if (BndUsesCoarseClock(timeProvider))
                {
                    return _bndMaxAgeMilliseconds + {{CoarseClockResolutionMilliseconds}};
                }

                decimal ticks = global::System.Math.Ceiling((decimal)_bndMaxAgeMilliseconds * timeProvider.TimestampFrequency / 1000m);
                return ticks >= long.MaxValue ? long.MaxValue : ticks < 1m ? 1L : (long)ticks;
            }

            /// <summary>
            /// Whether entries are aged by the coarse millisecond tick count: for the system clock and an age of a second or
            /// more, where a resolution of a few milliseconds is a small part of the age and the exact timestamp would cost
            /// more than the rest of a lookup.
            /// </summary>
            private static bool BndUsesCoarseClock(global::System.TimeProvider timeProvider)
            {
            #if NETCOREAPP3_0_OR_GREATER
                return _bndMaxAgeMilliseconds >= 1000 && ReferenceEquals(timeProvider, global::System.TimeProvider.System);
            #else
                return false;
            #endif
            }

            /// <summary>Reads the clock entries are stamped and aged with: the coarse tick count or the provider's timestamp.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private long BndReadClock()
            {
            #if NETCOREAPP3_0_OR_GREATER
                if (_bndCoarseClock)
                {
                    return global::System.Environment.TickCount64;
                }
            #endif
                return _bndTimeProvider.GetTimestamp();
            }
            """);
    }
}
