using System;
using System.Threading;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Runs code on dedicated operating-system threads that start together, and awaits them with a timeout.</summary>
internal static class RealThreads
{
    /// <summary>The longest a group of threads may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="body"/> on <paramref name="count"/> threads, each given its index.</summary>
    /// <param name="count">The number of threads.</param>
    /// <param name="body">The work of one thread.</param>
    /// <returns>A task that completes when every thread has finished, or faults with the first exception.</returns>
    public static async Task RunAsync(int count, Action<int> body)
    {
        var finished = new Task[count];
        using var start = new Barrier(count);
        for (int t = 0; t < count; t++)
        {
            int index = t;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            finished[t] = done.Task;
            var thread = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait(Timeout);
                    body(index);
                    done.SetResult();
                }
#pragma warning disable CA1031 // Any exception of the thread is handed to the awaiting test.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    done.SetException(exception);
                }
            })
            {
                IsBackground = true,
                Name = "bounded-access-" + index,
            };
            thread.Start();
        }

        await Task.WhenAll(finished).WaitAsync(Timeout);
    }
}
