using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Section 3 of the Python suite (<c>TestCostTrackerBounds</c>): 5 tests.</summary>
public sealed class CostTrackerBounds
{
    private const string Endpoint = "/v1/chat/completions";

    /// <summary>3.1: 50 records over 5 keys; <c>ClearHistory()</c> empties the records and the per-key costs.</summary>
    [Fact]
    public void UsageRecordsCanBeCleaned()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < 50; i++)
        {
            tracker.RecordUsage($"key-{i % 5}", "gpt-4", Endpoint, promptTokens: 100, completionTokens: 50);
        }

        Assert.Equal(50, tracker.UsageRecordCount);
        Assert.Equal(5, tracker.CostsByKey.Count);

        tracker.ClearHistory();

        Assert.Equal(0, tracker.UsageRecordCount);
        Assert.Empty(tracker.CostsByKey);
    }

    /// <summary>
    /// 3.2: 100 records of one key are all kept (below the cap). The Python kept every record "by design"; here past
    /// <see cref="CostTracker.MaxUsageRecords"/> only the newest are kept.
    /// </summary>
    [Fact]
    public void UsageRecordsGrowUnboundedByDefault_NowKeepsTheNewestMaxUsageRecords()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < 100; i++)
        {
            decimal cost = tracker.RecordUsage("test-key", "gpt-4", Endpoint, promptTokens: 100, completionTokens: 50);
            Assert.Equal(0.006m, cost);
        }

        Assert.Equal(100, tracker.UsageRecordCount);
        Assert.Equal(10_000, tracker.MaxUsageRecords);

        var capped = new CostTracker(maxUsageRecords: 50);
        for (int i = 0; i < 100; i++)
        {
            capped.RecordUsage($"key-{i}", "gpt-4", Endpoint, promptTokens: 100, completionTokens: 50);
        }

        Assert.Equal(50, capped.UsageRecordCount);
        Assert.Equal(0, capped.GetCostByKey("key-0").Requests);
        Assert.Equal(0, capped.GetCostByKey("key-49").Requests);
        Assert.Equal(1, capped.GetCostByKey("key-50").Requests);
        Assert.Equal(1, capped.GetCostByKey("key-99").Requests);
        Assert.Equal(50 * 0.006m, capped.GetTotalCost());
    }

    /// <summary>3.3: 30 records over 3 keys; clearing <c>key-0</c> leaves exactly 20.</summary>
    [Fact]
    public void ClearHistoryByApiKey()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < 30; i++)
        {
            tracker.RecordUsage($"key-{i % 3}", "gpt-4", Endpoint, promptTokens: 100, completionTokens: 50);
        }

        Assert.Equal(30, tracker.UsageRecordCount);

        tracker.ClearHistory("key-0");

        Assert.Equal(20, tracker.UsageRecordCount);
        Assert.False(tracker.CostsByKey.ContainsKey("key-0"));
        Assert.Equal(2, tracker.CostsByKey.Count);
    }

    /// <summary>3.4: 100 records, trimmed to the newest 50 after every 50th: at most 50 at the end.</summary>
    [Fact]
    public void PeriodicCleanupPattern()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < 100; i++)
        {
            tracker.RecordUsage("test-key", "gpt-4", Endpoint, promptTokens: 100, completionTokens: 50);
            if (i % 50 == 49)
            {
                tracker.TrimHistory(50);
            }
        }

        Assert.InRange(tracker.UsageRecordCount, 1, 50);
    }

    /// <summary>3.5: 100 distinct keys give 100 per-key entries, and 0 after <c>ClearHistory()</c>.</summary>
    [Fact]
    public void AggregatedCostsDontGrowUnbounded()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < 100; i++)
        {
            tracker.RecordUsage($"key-{i}", "gpt-4", Endpoint, promptTokens: 100, completionTokens: 50);
        }

        Assert.Equal(100, tracker.CostsByKey.Count);

        tracker.ClearHistory();

        Assert.Empty(tracker.CostsByKey);
    }
}
