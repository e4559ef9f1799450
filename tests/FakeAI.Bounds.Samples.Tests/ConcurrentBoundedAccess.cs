using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Section 8 of the Python suite (<c>TestConcurrentBoundedAccess</c>): 2 tests, on real threads.</summary>
public sealed class ConcurrentBoundedAccess
{
    /// <summary>
    /// 8.1: max active 50, 5 threads × 20 streams, each started then completed: the only exception is the cap's, and the
    /// active count is never seen above 50.
    /// </summary>
    [Fact]
    public async Task ConcurrentStreamingRespectsBounds()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 50);
        var unexpected = new ConcurrentQueue<Exception>();
        int highest = 0;

        await RealThreads.RunAsync(5, thread =>
        {
            for (int i = 0; i < 20; i++)
            {
                string streamId = $"thread{thread}-stream{i}";
                try
                {
                    tracker.StartStream(streamId, "gpt-4", promptTokens: 50);
                    InterlockedMax(ref highest, tracker.ActiveStreamCount);
                    Thread.Yield();
                    tracker.CompleteStream(streamId, "stop");
                }
                catch (BoundExceededException e) when (e.Message.Contains("Max active streams", StringComparison.Ordinal))
                {
                    // The cap: expected when the threads together hit it.
                }
#pragma warning disable CA1031 // Anything else is collected and fails the test.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    unexpected.Enqueue(e);
                }
            }
        });

        Assert.Empty(unexpected);
        Assert.InRange(highest, 1, tracker.MaxActiveStreams);
        Assert.InRange(tracker.ActiveStreamCount, 0, tracker.MaxActiveStreams);
        Assert.Equal(100, tracker.TotalStreamsCompleted);
    }

    /// <summary>
    /// The same bound under pressure: 5 threads each start 20 streams before completing any, 100 starts against a cap of
    /// 50. Exactly 50 starts succeed, the other 50 are refused by the cap, and the count never passes 50.
    /// </summary>
    [Fact]
    public async Task ConcurrentStartsBeyondTheCapAreRefusedExactly()
    {
        var tracker = new StreamingMetricsTracker(maxActiveStreams: 50);
        int refused = 0;
        int highest = 0;

        await RealThreads.RunAsync(5, thread =>
        {
            for (int i = 0; i < 20; i++)
            {
                try
                {
                    tracker.StartStream($"thread{thread}-stream{i}", "gpt-4", promptTokens: 50);
                }
                catch (BoundExceededException)
                {
                    Interlocked.Increment(ref refused);
                }

                InterlockedMax(ref highest, tracker.ActiveStreamCount);
            }
        });

        Assert.Equal(50, refused);
        Assert.Equal(50, tracker.ActiveStreamCount);
        Assert.Equal(50, highest);
        Assert.Equal(50, tracker.TotalStreamsStarted);
    }

    /// <summary>8.2: max recent 100, 5 threads × 50 errors: exactly 100 held, 250 counted.</summary>
    [Fact]
    public async Task ConcurrentErrorRecordingBounded()
    {
        var tracker = new ErrorMetricsTracker(maxRecentErrors: 100);

        await RealThreads.RunAsync(5, thread =>
        {
            for (int i = 0; i < 50; i++)
            {
                tracker.RecordError("/v1/chat/completions", 500, "Error", $"Thread {thread} error {i}");
            }
        });

        Assert.Equal(100, tracker.RecentErrorCount);
        Assert.Equal(250, tracker.GetMetrics().TotalErrors);
        Assert.Equal(250, tracker.GetMetrics().ErrorsByEndpoint["/v1/chat/completions"]);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current = Volatile.Read(ref target);
        while (value > current)
        {
            int seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
