using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Waits, without blocking a thread, for a condition that a background worker makes true.</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every few milliseconds until it holds or <paramref name="timeout"/> passes.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">The longest wait; 10 seconds when <see langword="null"/>.</param>
    /// <returns>Whether the condition held in time.</returns>
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }
}
