using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Beyond the Python suite: the cost tracker's per-key, per-model and per-endpoint aggregates and its budgets are
/// bounded too (the Python's grew with every API key, model and endpoint a client used).
/// </summary>
public sealed class CostAggregateBounds
{
    [Fact]
    public void AggregatesKeepAtMostMaxAggregateKeysAndKeepBusyKeys()
    {
        var tracker = new CostTracker();
        Assert.Equal(1_000, tracker.MaxAggregateKeys);

        for (int i = 0; i < 5_000; i++)
        {
            tracker.RecordUsage($"sk-{i}", $"custom-{i}", $"/v1/made-up-{i}", promptTokens: 100, completionTokens: 50);
            tracker.RecordUsage("sk-busy", "gpt-4", "/v1/chat/completions", promptTokens: 100, completionTokens: 50);
        }

        Assert.Equal(1_000, tracker.CostsByKey.Count);
        Assert.Equal(1_000, tracker.CostsByModel.Count);
        Assert.Equal(1_000, tracker.CostsByEndpoint.Count);
        Assert.Equal(5_000 * 0.006m, tracker.CostsByKey["sk-busy"]);
        Assert.Equal(5_000 * 0.006m, tracker.CostsByModel["gpt-4"]);
        ApiKeyCost busy = tracker.GetCostByKey("sk-busy");
        Assert.Equal(5_000, busy.Tokens.CompletionTokens / 50);
        Assert.Equal(5_000, busy.CallsByModel["gpt-4"]);
    }

    [Fact]
    public void CallsPerModelOfAKeyAreBounded()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < 1_000; i++)
        {
            tracker.RecordUsage("sk-1", $"custom-{i}", "/v1/chat/completions", promptTokens: 1, completionTokens: 1);
        }

        Assert.Equal(64, tracker.GetCostByKey("sk-1").CallsByModel.Count);
    }

    [Fact]
    public void BudgetsAreCappedAndCanBeRemoved()
    {
        var tracker = new CostTracker();
        for (int i = 0; i < CostTracker.MaxBudgets; i++)
        {
            tracker.SetBudget($"sk-{i}", limit: 10m);
        }

        Assert.Throws<BoundExceededException>(() => tracker.SetBudget("sk-one-more", limit: 10m));
        tracker.SetBudget("sk-0", limit: 20m);
        Assert.True(tracker.RemoveBudget("sk-1"));
        tracker.SetBudget("sk-one-more", limit: 0.01m);

        tracker.RecordUsage("sk-one-more", "gpt-4", "/v1/chat/completions", promptTokens: 100, completionTokens: 50);
        Assert.Equal(new BudgetStatus(0.006m, 0.004m, false), tracker.CheckBudget("sk-one-more"));
        Assert.Equal(new BudgetStatus(0m, null, false), tracker.CheckBudget("sk-1"));
    }

    [Fact]
    public void UnboundedSampleKeepsEveryRecordAndKey()
    {
        var tracker = new Unbounded.CostTracker();
        for (int i = 0; i < 20_000; i++)
        {
            tracker.RecordUsage($"sk-{i}", "gpt-4", "/v1/chat/completions", promptTokens: 1, completionTokens: 1);
        }

        Assert.Equal(20_000, tracker.UsageRecordCount);
        Assert.Equal(20_000, tracker.CostsByKey.Count);
    }
}
