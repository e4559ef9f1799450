using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// Prices API calls from token usage, keeps every priced call, aggregates spend per API key, model and endpoint,
/// watches per-key budgets and suggests savings.
/// </summary>
/// <remarks>
/// Nothing here is bounded by default: every call adds a usage record that stays until somebody calls
/// <see cref="ClearHistory"/> or <see cref="TrimHistory"/>, and the aggregates keep an entry for every API key, model
/// and endpoint ever seen. Only the suggestion list trims itself.
/// </remarks>
public sealed class CostTracker
{
    /// <summary>How many optimization suggestions are kept.</summary>
    public const int MaxSuggestions = 100;

    private const decimal Million = 1_000_000m;
    private const string DefaultModel = "gpt-3.5-turbo";

    /// <summary>
    /// Prices of the text and embedding models per million tokens. Filled once here and only read afterwards, so it
    /// holds exactly these entries for the life of the process.
    /// </summary>
    private static readonly Dictionary<string, ModelPricing> ModelPrices = new(StringComparer.Ordinal)
    {
        ["gpt-4"] = new("gpt-4", 30.00m, 60.00m),
        ["gpt-4-0613"] = new("gpt-4-0613", 30.00m, 60.00m),
        ["gpt-4-32k"] = new("gpt-4-32k", 60.00m, 120.00m),
        ["gpt-4-32k-0613"] = new("gpt-4-32k-0613", 60.00m, 120.00m),
        ["gpt-4-turbo"] = new("gpt-4-turbo", 10.00m, 30.00m),
        ["gpt-4-turbo-preview"] = new("gpt-4-turbo-preview", 10.00m, 30.00m),
        ["gpt-4-1106-preview"] = new("gpt-4-1106-preview", 10.00m, 30.00m),
        ["gpt-4-0125-preview"] = new("gpt-4-0125-preview", 10.00m, 30.00m),
        ["gpt-4o"] = new("gpt-4o", 5.00m, 15.00m, 2.50m),
        ["gpt-4o-2024-05-13"] = new("gpt-4o-2024-05-13", 5.00m, 15.00m, 2.50m),
        ["gpt-4o-2024-08-06"] = new("gpt-4o-2024-08-06", 2.50m, 10.00m, 1.25m),
        ["openai/gpt-oss-120b"] = new("openai/gpt-oss-120b", 2.50m, 10.00m, 1.25m),
        ["gpt-4o-mini"] = new("gpt-4o-mini", 0.15m, 0.60m, 0.075m),
        ["gpt-4o-mini-2024-07-18"] = new("gpt-4o-mini-2024-07-18", 0.15m, 0.60m, 0.075m),
        ["openai/gpt-oss-20b"] = new("openai/gpt-oss-20b", 0.15m, 0.60m, 0.075m),
        ["gpt-3.5-turbo"] = new("gpt-3.5-turbo", 0.50m, 1.50m),
        ["gpt-3.5-turbo-0125"] = new("gpt-3.5-turbo-0125", 0.50m, 1.50m),
        ["gpt-3.5-turbo-1106"] = new("gpt-3.5-turbo-1106", 1.00m, 2.00m),
        ["gpt-3.5-turbo-16k"] = new("gpt-3.5-turbo-16k", 3.00m, 4.00m),
        ["o1"] = new("o1", 15.00m, 60.00m),
        ["o1-preview"] = new("o1-preview", 15.00m, 60.00m),
        ["o1-mini"] = new("o1-mini", 3.00m, 12.00m),
        ["deepseek-ai/DeepSeek-R1"] = new("deepseek-ai/DeepSeek-R1", 15.00m, 60.00m),
        ["deepseek-ai/DeepSeek-R1-Distill-Qwen-32B"] = new("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", 3.00m, 12.00m),
        ["text-embedding-3-small"] = new("text-embedding-3-small", 0.02m, 0.00m),
        ["text-embedding-3-large"] = new("text-embedding-3-large", 0.13m, 0.00m),
        ["text-embedding-ada-002"] = new("text-embedding-ada-002", 0.10m, 0.00m),
        ["mixtral-8x7b"] = new("mixtral-8x7b", 0.50m, 0.50m),
        ["mixtral-8x22b"] = new("mixtral-8x22b", 1.00m, 1.00m),
        ["deepseek-v3"] = new("deepseek-v3", 0.27m, 1.10m),
    };

    /// <summary>
    /// Prices of fine-tuned models (<c>ft:base:org::id</c>) by their base model. Filled once here and only read
    /// afterwards.
    /// </summary>
    private static readonly Dictionary<string, FineTuningPricing> FineTuningPrices = new(StringComparer.Ordinal)
    {
        ["gpt-4o-2024-08-06"] = new(25.00m, 3.75m, 15.00m),
        ["gpt-4o-mini-2024-07-18"] = new(3.00m, 0.30m, 1.20m),
        ["gpt-3.5-turbo"] = new(8.00m, 3.00m, 6.00m),
    };

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Every priced call, oldest first. Grows by one per call; only <see cref="ClearHistory"/> and
    /// <see cref="TrimHistory"/> remove records, and recording a call calls neither.
    /// </summary>
    private readonly List<UsageRecord> _usageRecords = new();

    /// <summary>Spend per API key. Grows with every distinct API key that makes a call.</summary>
    private readonly Dictionary<string, decimal> _costsByKey = new(StringComparer.Ordinal);

    /// <summary>Spend per model. Grows with every distinct model name a call names.</summary>
    private readonly Dictionary<string, decimal> _costsByModel = new(StringComparer.Ordinal);

    /// <summary>Spend per endpoint. Grows with every distinct endpoint called.</summary>
    private readonly Dictionary<string, decimal> _costsByEndpoint = new(StringComparer.Ordinal);

    /// <summary>Token totals per API key. Grows with every distinct API key.</summary>
    private readonly Dictionary<string, TokenUsage> _tokensByKey = new(StringComparer.Ordinal);

    /// <summary>Calls per model, per API key. Grows with every distinct API key (and, inside, with its models).</summary>
    private readonly Dictionary<string, Dictionary<string, int>> _modelUsageCount = new(StringComparer.Ordinal);

    /// <summary>Budgets per API key. Grows with every key a budget is set for; budgets are never removed.</summary>
    private readonly Dictionary<string, BudgetConfig> _budgets = new(StringComparer.Ordinal);

    /// <summary>The latest suggestions. Bounded: after suggestions are added, the oldest beyond <see cref="MaxSuggestions"/> are dropped.</summary>
    private readonly List<CostOptimizationSuggestion> _suggestions = new();

    /// <summary>Creates a tracker.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public CostTracker(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The number of usage records held.</summary>
    public int UsageRecordCount
    {
        get
        {
            lock (_lock)
            {
                return _usageRecords.Count;
            }
        }
    }

    /// <summary>Spend per API key (a snapshot).</summary>
    public IReadOnlyDictionary<string, decimal> CostsByKey
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, decimal>(_costsByKey, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Prices a call, records it and charges the key's budget.</summary>
    /// <param name="apiKey">The API key that made the call.</param>
    /// <param name="model">The model used.</param>
    /// <param name="endpoint">The endpoint called.</param>
    /// <param name="promptTokens">The prompt tokens.</param>
    /// <param name="completionTokens">The completion tokens.</param>
    /// <param name="cachedTokens">The prompt tokens served from cache.</param>
    /// <returns>The call's price in US dollars.</returns>
    public decimal RecordUsage(
        string apiKey,
        string model,
        string endpoint,
        int promptTokens,
        int completionTokens,
        int cachedTokens = 0)
    {
        decimal cost = CalculateCost(model, promptTokens, completionTokens, cachedTokens);
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            _usageRecords.Add(new UsageRecord(now, apiKey, model, endpoint, promptTokens, completionTokens, cachedTokens, cost));

            _costsByKey[apiKey] = _costsByKey.GetValueOrDefault(apiKey) + cost;
            _costsByModel[model] = _costsByModel.GetValueOrDefault(model) + cost;
            _costsByEndpoint[endpoint] = _costsByEndpoint.GetValueOrDefault(endpoint) + cost;

            if (!_tokensByKey.TryGetValue(apiKey, out TokenUsage? tokens))
            {
                tokens = new TokenUsage();
                _tokensByKey.Add(apiKey, tokens);
            }

            tokens.PromptTokens += promptTokens;
            tokens.CompletionTokens += completionTokens;
            tokens.CachedTokens += cachedTokens;
            tokens.TotalTokens += promptTokens + completionTokens;

            if (!_modelUsageCount.TryGetValue(apiKey, out Dictionary<string, int>? callsByModel))
            {
                callsByModel = new Dictionary<string, int>(StringComparer.Ordinal);
                _modelUsageCount.Add(apiKey, callsByModel);
            }

            callsByModel[model] = callsByModel.GetValueOrDefault(model) + 1;

            ChargeBudget(apiKey, cost, now);

            if (_usageRecords.Count % 100 == 0)
            {
                GenerateOptimizationSuggestions(apiKey, now);
            }
        }

        return cost;
    }

    /// <summary>What one API key spent, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    public ApiKeyCost GetCostByKey(string apiKey, TimeSpan? period = null)
    {
        lock (_lock)
        {
            DateTimeOffset since = Since(period);
            List<UsageRecord> records = _usageRecords.Where(r => r.ApiKey == apiKey && r.Timestamp >= since).ToList();
            var byModel = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var byEndpoint = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (UsageRecord record in records)
            {
                byModel[record.Model] = byModel.GetValueOrDefault(record.Model) + record.Cost;
                byEndpoint[record.Endpoint] = byEndpoint.GetValueOrDefault(record.Endpoint) + record.Cost;
            }

            TokenUsage tokens = _tokensByKey.TryGetValue(apiKey, out TokenUsage? held) ? held.Copy() : new TokenUsage();
            BudgetStatus? budget = _budgets.TryGetValue(apiKey, out BudgetConfig? config) ? StatusOf(config) : null;
            return new ApiKeyCost(apiKey, byModel.Values.Sum(), byModel, byEndpoint, tokens, records.Count, budget);
        }
    }

    /// <summary>Spend per model over the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    public IReadOnlyDictionary<string, decimal> GetCostByModel(TimeSpan? period = null)
    {
        lock (_lock)
        {
            return SumBy(r => r.Model, Since(period));
        }
    }

    /// <summary>Spend per endpoint over the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    public IReadOnlyDictionary<string, decimal> GetCostByEndpoint(TimeSpan? period = null)
    {
        lock (_lock)
        {
            return SumBy(r => r.Endpoint, Since(period));
        }
    }

    /// <summary>Total spend over the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    public decimal GetTotalCost(TimeSpan? period = null) => GetCostByModel(period).Values.Sum();

    /// <summary>The monthly spend projected from the last seven days, of one key or of all.</summary>
    /// <param name="apiKey">Only this key's spend, when given.</param>
    public decimal GetProjectedMonthlyCost(string? apiKey = null)
    {
        lock (_lock)
        {
            DateTimeOffset since = _timeProvider.GetUtcNow() - TimeSpan.FromDays(7);
            decimal weekly = _usageRecords
                .Where(r => r.Timestamp >= since && (apiKey is null || r.ApiKey == apiKey))
                .Sum(r => r.Cost);
            return weekly / 7 * 30;
        }
    }

    /// <summary>Sets or changes an API key's budget.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="limit">The limit in US dollars.</param>
    /// <param name="period">How often the budget starts over.</param>
    /// <param name="limitType">What reaching the limit means.</param>
    /// <param name="alertThreshold">The share of the limit at which to alert.</param>
    public void SetBudget(
        string apiKey,
        decimal limit,
        BudgetPeriod period = BudgetPeriod.Monthly,
        BudgetLimitType limitType = BudgetLimitType.Soft,
        decimal alertThreshold = 0.8m)
    {
        lock (_lock)
        {
            if (!_budgets.TryGetValue(apiKey, out BudgetConfig? budget))
            {
                budget = new BudgetConfig(apiKey, limit, _timeProvider.GetUtcNow());
                _budgets.Add(apiKey, budget);
            }

            budget.Limit = limit;
            budget.Period = period;
            budget.LimitType = limitType;
            budget.AlertThreshold = alertThreshold;
        }
    }

    /// <summary>An API key's spend against its budget; no limit for a key without one.</summary>
    /// <param name="apiKey">The API key.</param>
    public BudgetStatus CheckBudget(string apiKey)
    {
        lock (_lock)
        {
            if (!_budgets.TryGetValue(apiKey, out BudgetConfig? budget))
            {
                return new BudgetStatus(0, null, false);
            }

            StartNewPeriodIfDue(budget, _timeProvider.GetUtcNow());
            return StatusOf(budget);
        }
    }

    /// <summary>The latest suggestions, of one key or of all.</summary>
    /// <param name="apiKey">Only this key's suggestions, when given.</param>
    public IReadOnlyList<CostOptimizationSuggestion> GetOptimizationSuggestions(string? apiKey = null)
    {
        lock (_lock)
        {
            return _suggestions.Where(s => apiKey is null || s.ApiKey == apiKey).ToList();
        }
    }

    /// <summary>
    /// Forgets usage: everything, or only one API key's records and aggregates. Budgets are kept. Nothing calls this
    /// on its own; the usage records grow until somebody does.
    /// </summary>
    /// <param name="apiKey">Only this key's history, when given.</param>
    public void ClearHistory(string? apiKey = null)
    {
        lock (_lock)
        {
            if (apiKey is not null)
            {
                _usageRecords.RemoveAll(r => r.ApiKey == apiKey);
                _costsByKey.Remove(apiKey);
                _tokensByKey.Remove(apiKey);
                _modelUsageCount.Remove(apiKey);
                return;
            }

            _usageRecords.Clear();
            _costsByKey.Clear();
            _costsByModel.Clear();
            _costsByEndpoint.Clear();
            _tokensByKey.Clear();
            _modelUsageCount.Clear();
            _suggestions.Clear();
        }
    }

    /// <summary>
    /// Keeps only the newest <paramref name="keepLast"/> usage records: the periodic trim a long-running service
    /// must remember to do. Aggregates are not changed.
    /// </summary>
    /// <param name="keepLast">How many records to keep.</param>
    /// <returns>The number of records removed.</returns>
    public int TrimHistory(int keepLast)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        lock (_lock)
        {
            int excess = _usageRecords.Count - keepLast;
            if (excess <= 0)
            {
                return 0;
            }

            _usageRecords.RemoveRange(0, excess);
            return excess;
        }
    }

    private static decimal CalculateCost(string model, int promptTokens, int completionTokens, int cachedTokens)
    {
        if (model.StartsWith("ft:", StringComparison.Ordinal))
        {
            string[] parts = model.Split(':');
            if (parts.Length >= 2 && FineTuningPrices.TryGetValue(parts[1], out FineTuningPricing? fineTuned))
            {
                return (promptTokens / Million * fineTuned.InputPerMillion) + (completionTokens / Million * fineTuned.OutputPerMillion);
            }
        }

        if (ModelPrices.TryGetValue(model, out ModelPricing? pricing))
        {
            decimal inputCost = promptTokens / Million * pricing.InputPerMillion;
            if (cachedTokens > 0 && pricing.CachedInputPerMillion is { } cachedPrice)
            {
                inputCost = ((promptTokens - cachedTokens) / Million * pricing.InputPerMillion) + (cachedTokens / Million * cachedPrice);
            }

            return inputCost + (completionTokens / Million * pricing.OutputPerMillion);
        }

        ModelPricing fallback = ModelPrices[DefaultModel];
        return (promptTokens / Million * fallback.InputPerMillion) + (completionTokens / Million * fallback.OutputPerMillion);
    }

    private static BudgetStatus StatusOf(BudgetConfig budget) =>
        new(budget.Used, budget.Limit - budget.Used, budget.Used >= budget.Limit);

    private static void StartNewPeriodIfDue(BudgetConfig budget, DateTimeOffset now)
    {
        TimeSpan? length = budget.Period switch
        {
            BudgetPeriod.Daily => TimeSpan.FromDays(1),
            BudgetPeriod.Weekly => TimeSpan.FromDays(7),
            BudgetPeriod.Monthly => TimeSpan.FromDays(30),
            _ => null,
        };
        if (length is { } period && now - budget.LastReset >= period)
        {
            budget.Used = 0;
            budget.Alerted = false;
            budget.LastReset = now;
        }
    }

    private void ChargeBudget(string apiKey, decimal cost, DateTimeOffset now)
    {
        if (!_budgets.TryGetValue(apiKey, out BudgetConfig? budget))
        {
            return;
        }

        StartNewPeriodIfDue(budget, now);
        budget.Used += cost;
        if (!budget.Alerted && budget.Used >= budget.Limit * budget.AlertThreshold)
        {
            budget.Alerted = true;
        }
    }

    private void GenerateOptimizationSuggestions(string apiKey, DateTimeOffset now)
    {
        DateTimeOffset since = now - TimeSpan.FromDays(1);
        List<UsageRecord> recent = _usageRecords.Where(r => r.ApiKey == apiKey && r.Timestamp >= since).ToList();
        if (recent.Count < 10)
        {
            return;
        }

        decimal gpt4Cost = recent.Where(r => r.Model == "gpt-4").Sum(r => r.Cost);
        if (gpt4Cost > 1.0m)
        {
            _suggestions.Add(new CostOptimizationSuggestion(
                apiKey,
                "cheaper_model",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Consider using GPT-4o instead of GPT-4. You've spent ${gpt4Cost:F2} on GPT-4 in the last 24h."),
                gpt4Cost * 0.75m));
        }

        if (recent.Count > 50)
        {
            decimal dailyCacheSavings = recent.Sum(r => (long)r.PromptTokens) / Million * 2.5m * 0.5m;
            if (dailyCacheSavings > 0.10m)
            {
                _suggestions.Add(new CostOptimizationSuggestion(
                    apiKey,
                    "enable_caching",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Enable prompt caching to reduce costs. With {recent.Count} requests in 24h, caching could save ~${dailyCacheSavings:F2}/day."),
                    dailyCacheSavings * 30));
            }
        }

        if (_suggestions.Count > MaxSuggestions)
        {
            _suggestions.RemoveRange(0, _suggestions.Count - MaxSuggestions);
        }
    }

    private DateTimeOffset Since(TimeSpan? period) =>
        period is { } length ? _timeProvider.GetUtcNow() - length : DateTimeOffset.MinValue;

    private Dictionary<string, decimal> SumBy(Func<UsageRecord, string> key, DateTimeOffset since)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (UsageRecord record in _usageRecords)
        {
            if (record.Timestamp >= since)
            {
                sums[key(record)] = sums.GetValueOrDefault(key(record)) + record.Cost;
            }
        }

        return sums;
    }
}
