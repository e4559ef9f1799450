using System;
using System.Diagnostics;
using Xunit.Sdk;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// Runs a check on the real system clock until one attempt finishes inside a time window. A test that writes an entry and
/// reads it back "before its age" cannot control the scheduler: on a loaded machine the thread may be descheduled for
/// longer than the age between the write and the read, and the entry is then rightly gone. An attempt that overran the
/// window proves nothing either way and is repeated; one that finished inside it is the one the test asserts on.
/// </summary>
internal static class SystemClockAttempt
{
    private const int MaxAttempts = 50;

    public static T FinishedWithin<T>(TimeSpan window, Func<T> attempt)
    {
        for (int i = 0; i < MaxAttempts; i++)
        {
            long start = Stopwatch.GetTimestamp();
            T result = attempt();
            if (Stopwatch.GetElapsedTime(start) < window)
            {
                return result;
            }
        }

        throw new XunitException($"None of {MaxAttempts} attempts finished within {window.TotalMilliseconds:0} ms.");
    }
}
