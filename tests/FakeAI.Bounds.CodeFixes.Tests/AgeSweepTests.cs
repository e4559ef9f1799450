using System.Threading.Tasks;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.AgeSweepCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>
/// BND008's fix: the sweep's window becomes the type's age (in seconds when whole, else milliseconds) and the sweep a
/// RemoveExpired(). Each fixed source is compiled with the generated types, warnings as errors, and must leave no
/// BND008.
/// </summary>
public sealed class AgeSweepTests
{
    [Fact]
    public async Task A_window_of_whole_seconds_becomes_MaxAgeSeconds_and_the_sweep_RemoveExpired()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using FakeAI.Bounds;

            public sealed record ErrorRecord(string Pattern, DateTime At);

            [Bounded(MaxLength = 500)]
            public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;

            public sealed class ErrorPatterns
            {
                private readonly RecentErrors _errors = new();

                public int Sweep() => {|BND008:_errors.RemoveWhere(e => e.At < DateTime.UtcNow - TimeSpan.FromMinutes(5))|};
            }
            """,
            """
            using System;
            using FakeAI.Bounds;

            public sealed record ErrorRecord(string Pattern, DateTime At);

            [Bounded(MaxLength = 500, MaxAgeSeconds = 300)]
            public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;

            public sealed class ErrorPatterns
            {
                private readonly RecentErrors _errors = new();

                public int Sweep() => _errors.RemoveExpired();
            }
            """);
    }

    [Fact]
    public async Task A_window_in_milliseconds_on_a_map_becomes_MaxAgeMilliseconds()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using FakeAI.Bounds;

            public sealed record Client(DateTimeOffset LastSeen);

            [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
            public sealed partial class Clients : IBoundedDictionary<string, Client>;

            public sealed class Presence
            {
                private readonly Clients _clients = new();

                public void Sweep()
                {
                    {|BND008:_clients.RemoveWhere((key, client) => (DateTimeOffset.UtcNow - client.LastSeen).TotalMilliseconds > 1500)|};
                }
            }
            """,
            """
            using System;
            using FakeAI.Bounds;

            public sealed record Client(DateTimeOffset LastSeen);

            [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, MaxAgeMilliseconds = 1500)]
            public sealed partial class Clients : IBoundedDictionary<string, Client>;

            public sealed class Presence
            {
                private readonly Clients _clients = new();

                public void Sweep()
                {
                    _clients.RemoveExpired();
                }
            }
            """);
    }
}
