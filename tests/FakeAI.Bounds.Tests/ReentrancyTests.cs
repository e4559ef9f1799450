using System;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// A thread-safe queue runs a RemoveWhere predicate under its lock. A predicate that uses the queue again must get
/// an exception that says so, not spin forever on the lock its own thread holds.
/// </summary>
public class ReentrancyTests
{
    // Count and Capacity read one field without the lock, so a predicate may use them; these take the lock.
    public static TheoryData<string> ReentrantUses { get; } = ["TotalAdded", "Evicted", "indexer", "Add", "foreach"];

    [Theory]
    [MemberData(nameof(ReentrantUses))]
    public async Task A_RemoveWhere_predicate_that_uses_its_thread_safe_queue_throws_instead_of_hanging(string use)
    {
        var queue = new IntDropOldestThreadSafe();
        for (int i = 0; i < 10; i++)
        {
            queue.Add(i);
        }

        bool Reenter(int item)
        {
            switch (use)
            {
                case "TotalAdded":
                    return queue.TotalAdded > item;
                case "Evicted":
                    return queue.Evicted > item;
                case "indexer":
                    return queue[0] == item;
                case "Add":
                    queue.Add(item);
                    return false;
                default:
                    foreach (int held in queue)
                    {
                        _ = held;
                    }

                    return false;
            }
        }

        // The guard keeps a regression from hanging the whole test run: a spinning RemoveWhere never completes.
        Task<Exception> attempt = Task.Run(() => Record.Exception(() => queue.RemoveWhere(Reenter)));
        Task finished = await Task.WhenAny(attempt, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == attempt, "RemoveWhere did not return: the predicate's use of the queue deadlocked");

        InvalidOperationException exception = Assert.IsType<InvalidOperationException>(await attempt);
        Assert.Contains("callback", exception.Message, StringComparison.Ordinal);

        // The lock was released and nothing was lost: the queue still works from any thread.
        Assert.Equal(10, queue.Count);
        queue.Add(99);
        Assert.Equal(99, queue[queue.Count - 1]);
    }
}
