using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// Prices API calls from token usage, keeps the newest priced calls, aggregates spend per API key, model and endpoint,
/// watches per-key budgets and suggests savings.
/// </summary>
/// <remarks>
/// <para>
/// An ordinary instance (the Python original was a process-wide singleton whose usage records grew until somebody
/// cleared them). Everything here is bounded by default: the newest <see cref="MaxUsageRecords"/> usage records are
/// kept (the oldest is evicted, no manual trim needed); the per-key, per-model and per-endpoint aggregates keep at most
/// <see cref="MaxAggregateKeys"/> keys each (the least recently charged key is evicted for a new one), each key counting
/// calls for at most 64 models; at most <see cref="MaxBudgets"/> budgets (a further one is refused with
/// <see cref="BoundExceededException"/>); and the newest <see cref="MaxSuggestions"/> suggestions.
/// </para>
/// <para>
/// One lock per instance guards every public member. The generated <c>GetBounds()</c> and <c>ClearBounds()</c> run
/// outside it on thread-safe collections; <see cref="ClearHistory"/> clears the usage history at once.
/// </para>
/// </remarks>
[BoundedTracker]
public sealed partial class CostTracker
{
    /// <summary>How many optimization suggestions are kept.</summary>
    public const int MaxSuggestions = 100;

    /// <summary>How many API keys may have a budget.</summary>
    public const int MaxBudgets = 10_000;

    /// <summary>The largest <see cref="MaxUsageRecords"/> allowed.</summary>
    public const int MaxAllowedUsageRecords = 1_000_000;

    /// <summary>The default <see cref="MaxAggregateKeys"/>.</summary>
    public const int DefaultMaxAggregateKeys = 1_000;

    /// <summary>The largest <see cref="MaxAggregateKeys"/> allowed.</summary>
    public const int MaxAllowedAggregateKeys = 100_000;

    private const decimal Million = 1_000_000m;
    private const string DefaultModel = "gpt-3.5-turbo";

    /// <summary>Prices of the text and embedding models per million tokens; read-only.</summary>
    private static readonly FrozenDictionary<string, ModelPricing> ModelPrices = new ModelPricing[]
    {
        new("gpt-4", 30.00m, 60.00m),
        new("gpt-4-0613", 30.00m, 60.00m),
        new("gpt-4-32k", 60.00m, 120.00m),
        new("gpt-4-32k-0613", 60.00m, 120.00m),
        new("gpt-4-turbo", 10.00m, 30.00m),
        new("gpt-4-turbo-preview", 10.00m, 30.00m),
        new("gpt-4-1106-preview", 10.00m, 30.00m),
        new("gpt-4-0125-preview", 10.00m, 30.00m),
        new("gpt-4o", 5.00m, 15.00m, 2.50m),
        new("gpt-4o-2024-05-13", 5.00m, 15.00m, 2.50m),
        new("gpt-4o-2024-08-06", 2.50m, 10.00m, 1.25m),
        new("openai/gpt-oss-120b", 2.50m, 10.00m, 1.25m),
        new("gpt-4o-mini", 0.15m, 0.60m, 0.075m),
        new("gpt-4o-mini-2024-07-18", 0.15m, 0.60m, 0.075m),
        new("openai/gpt-oss-20b", 0.15m, 0.60m, 0.075m),
        new("gpt-3.5-turbo", 0.50m, 1.50m),
        new("gpt-3.5-turbo-0125", 0.50m, 1.50m),
        new("gpt-3.5-turbo-1106", 1.00m, 2.00m),
        new("gpt-3.5-turbo-16k", 3.00m, 4.00m),
        new("o1", 15.00m, 60.00m),
        new("o1-preview", 15.00m, 60.00m),
        new("o1-mini", 3.00m, 12.00m),
        new("deepseek-ai/DeepSeek-R1", 15.00m, 60.00m),
        new("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", 3.00m, 12.00m),
        new("text-embedding-3-small", 0.02m, 0.00m),
        new("text-embedding-3-large", 0.13m, 0.00m),
        new("text-embedding-ada-002", 0.10m, 0.00m),
        new("mixtral-8x7b", 0.50m, 0.50m),
        new("mixtral-8x22b", 1.00m, 1.00m),
        new("deepseek-v3", 0.27m, 1.10m),
    }.ToFrozenDictionary(pricing => pricing.ModelId, StringComparer.Ordinal);

    /// <summary>Prices of fine-tuned models (<c>ft:base:org::id</c>) by their base model; read-only.</summary>
    private static readonly FrozenDictionary<string, FineTuningPricing> FineTuningPrices = new Dictionary<string, FineTuningPricing>(StringComparer.Ordinal)
    {
        ["gpt-4o-2024-08-06"] = new(25.00m, 3.75m, 15.00m),
        ["gpt-4o-mini-2024-07-18"] = new(3.00m, 0.30m, 1.20m),
        ["gpt-3.5-turbo"] = new(8.00m, 3.00m, 6.00m),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>The newest priced calls, oldest first; the oldest is evicted to make room.</summary>
    private readonly UsageRecordQueue _usageRecords;

    /// <summary>Spend, tokens and calls per API key.</summary>
    private readonly KeyUsageMap _keys;

    /// <summary>Spend per model.</summary>
    private readonly CostMap _costsByModel;

    /// <summary>Spend per endpoint.</summary>
    private readonly CostMap _costsByEndpoint;

    /// <summary>Budgets per API key; a budget beyond <see cref="MaxBudgets"/> is refused.</summary>
    private readonly BudgetMap _budgets = new(StringComparer.Ordinal);

    /// <summary>The latest suggestions.</summary>
    private readonly SuggestionQueue _suggestions = new();

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxUsageRecords">How many usage records are kept (the newest): 1 … <see cref="MaxAllowedUsageRecords"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="maxAggregateKeys">
    /// How many distinct API keys, models and endpoints the aggregates each keep: 1 … <see cref="MaxAllowedAggregateKeys"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside its range; the exception names it.</exception>
    public CostTracker(int maxUsageRecords = 10_000, TimeProvider? timeProvider = null, int maxAggregateKeys = DefaultMaxAggregateKeys)
    {
        Guard.InRange(maxUsageRecords, 1, MaxAllowedUsageRecords, nameof(maxUsageRecords));
        Guard.InRange(maxAggregateKeys, 1, MaxAllowedAggregateKeys, nameof(maxAggregateKeys));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _usageRecords = new UsageRecordQueue(maxUsageRecords);
        _keys = new KeyUsageMap(maxAggregateKeys, StringComparer.Ordinal);
        _costsByModel = new CostMap(maxAggregateKeys, StringComparer.Ordinal);
        _costsByEndpoint = new CostMap(maxAggregateKeys, StringComparer.Ordinal);
    }

    /// <summary>How many usage records are kept.</summary>
    public int MaxUsageRecords => _usageRecords.Capacity;

    /// <summary>How many distinct API keys, models and endpoints the aggregates each keep.</summary>
    public int MaxAggregateKeys => _keys.Capacity;

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

    /// <summary>Spend per API key since its history was last cleared (a snapshot of the keys held).</summary>
    public IReadOnlyDictionary<string, decimal> CostsByKey
    {
        get
        {
            lock (_lock)
            {
                var costs = new Dictionary<string, decimal>(_keys.Count, StringComparer.Ordinal);
                foreach (KeyValuePair<string, KeyUsage> entry in _keys)
                {
                    costs[entry.Key] = entry.Value.Cost;
                }

                return costs;
            }
        }
    }

    /// <summary>Spend per model since the history was last cleared (a snapshot of the models held).</summary>
    public IReadOnlyDictionary<string, decimal> CostsByModel
    {
        get
        {
            lock (_lock)
            {
                return Snapshot(_costsByModel);
            }
        }
    }

    /// <summary>Spend per endpoint since the history was last cleared (a snapshot of the endpoints held).</summary>
    public IReadOnlyDictionary<string, decimal> CostsByEndpoint
    {
        get
        {
            lock (_lock)
            {
                return Snapshot(_costsByEndpoint);
            }
        }
    }

    /// <summary>
    /// The price of a call in US dollars, from the per-million-token price table (gpt-4: 30 in, 60 out; a fine-tuned
    /// model by its base model; an unknown model as gpt-3.5-turbo).
    /// </summary>
    /// <param name="model">The model used.</param>
    /// <param name="promptTokens">The prompt tokens.</param>
    /// <param name="completionTokens">The completion tokens.</param>
    /// <param name="cachedTokens">The prompt tokens served from cache.</param>
    /// <returns>The price.</returns>
    public static decimal CalculateCost(string model, int promptTokens, int completionTokens, int cachedTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
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

    /// <summary>Prices a call, records it (evicting the oldest record when full) and charges the key's budget.</summary>
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
        ArgumentNullException.ThrowIfNull(apiKey);
        ArgumentNullException.ThrowIfNull(endpoint);
        decimal cost = CalculateCost(model, promptTokens, completionTokens, cachedTokens);
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            _usageRecords.Add(new UsageRecord(now, apiKey, model, endpoint, promptTokens, completionTokens, cachedTokens, cost));

            KeyUsage usage = _keys.GetOrAdd(apiKey, static _ => new KeyUsage());
            usage.Cost += cost;
            usage.Calls++;
            usage.Tokens.PromptTokens += promptTokens;
            usage.Tokens.CompletionTokens += completionTokens;
            usage.Tokens.CachedTokens += cachedTokens;
            usage.Tokens.TotalTokens += promptTokens + completionTokens;
            usage.CallsByModel[model] = usage.CallsByModel.TryGetValue(model, out int calls) ? calls + 1 : 1;

            _costsByModel[model] = _costsByModel.TryGetValue(model, out decimal modelCost) ? modelCost + cost : cost;
            _costsByEndpoint[endpoint] = _costsByEndpoint.TryGetValue(endpoint, out decimal endpointCost) ? endpointCost + cost : cost;

            ChargeBudget(apiKey, cost, now);

            // The Python looked for savings every 100th record; a key with fewer than ten calls has nothing to suggest.
            if (_usageRecords.TotalAdded % 100 == 0 && usage.Calls >= 10)
            {
                GenerateOptimizationSuggestions(apiKey, now);
            }
        }

        return cost;
    }

    /// <summary>What one API key spent among the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    /// <returns>A snapshot.</returns>
    public ApiKeyCost GetCostByKey(string apiKey, TimeSpan? period = null)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        lock (_lock)
        {
            DateTimeOffset since = Since(period);
            var byModel = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var byEndpoint = new Dictionary<string, decimal>(StringComparer.Ordinal);
            int requests = 0;
            for (int i = 0; i < _usageRecords.Count; i++)
            {
                UsageRecord record = _usageRecords[i];
                if (record.ApiKey == apiKey && record.Timestamp >= since)
                {
                    requests++;
                    byModel[record.Model] = byModel.GetValueOrDefault(record.Model) + record.Cost;
                    byEndpoint[record.Endpoint] = byEndpoint.GetValueOrDefault(record.Endpoint) + record.Cost;
                }
            }

            TokenUsage tokens = new();
            var callsByModel = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, KeyUsage> entry in _keys)
            {
                if (entry.Key == apiKey)
                {
                    tokens = entry.Value.Tokens.Copy();
                    foreach (KeyValuePair<string, int> calls in entry.Value.CallsByModel)
                    {
                        callsByModel[calls.Key] = calls.Value;
                    }

                    break;
                }
            }

            BudgetStatus? budget = _budgets.TryGetValue(apiKey, out BudgetConfig? config) ? StatusOf(config) : null;
            decimal total = 0;
            foreach (decimal modelCost in byModel.Values)
            {
                total += modelCost;
            }

            return new ApiKeyCost(apiKey, total, byModel, byEndpoint, tokens, requests, budget, callsByModel);
        }
    }

    /// <summary>Spend per model over the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyDictionary<string, decimal> GetCostByModel(TimeSpan? period = null)
    {
        lock (_lock)
        {
            return SumBy(static r => r.Model, Since(period));
        }
    }

    /// <summary>Spend per endpoint over the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyDictionary<string, decimal> GetCostByEndpoint(TimeSpan? period = null)
    {
        lock (_lock)
        {
            return SumBy(static r => r.Endpoint, Since(period));
        }
    }

    /// <summary>Total spend over the records held, optionally only in the last <paramref name="period"/>.</summary>
    /// <param name="period">How far back to look; everything held when <see langword="null"/>.</param>
    /// <returns>The spend in US dollars.</returns>
    public decimal GetTotalCost(TimeSpan? period = null)
    {
        lock (_lock)
        {
            DateTimeOffset since = Since(period);
            decimal total = 0;
            for (int i = 0; i < _usageRecords.Count; i++)
            {
                UsageRecord record = _usageRecords[i];
                if (record.Timestamp >= since)
                {
                    total += record.Cost;
                }
            }

            return total;
        }
    }

    /// <summary>The monthly spend projected from the last seven days of records held, of one key or of all.</summary>
    /// <param name="apiKey">Only this key's spend, when given.</param>
    /// <returns>The projected spend in US dollars.</returns>
    public decimal GetProjectedMonthlyCost(string? apiKey = null)
    {
        lock (_lock)
        {
            DateTimeOffset since = _timeProvider.GetUtcNow() - TimeSpan.FromDays(7);
            decimal weekly = 0;
            for (int i = 0; i < _usageRecords.Count; i++)
            {
                UsageRecord record = _usageRecords[i];
                if (record.Timestamp >= since && (apiKey is null || record.ApiKey == apiKey))
                {
                    weekly += record.Cost;
                }
            }

            return weekly / 7 * 30;
        }
    }

    /// <summary>Sets or changes an API key's budget.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="limit">The limit in US dollars.</param>
    /// <param name="period">How often the budget starts over.</param>
    /// <param name="limitType">What reaching the limit means.</param>
    /// <param name="alertThreshold">The share of the limit at which to alert.</param>
    /// <exception cref="BoundExceededException">The key has no budget yet and <see cref="MaxBudgets"/> keys already do.</exception>
    public void SetBudget(
        string apiKey,
        decimal limit,
        BudgetPeriod period = BudgetPeriod.Monthly,
        BudgetLimitType limitType = BudgetLimitType.Soft,
        decimal alertThreshold = 0.8m)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        lock (_lock)
        {
            if (!_budgets.TryGetValue(apiKey, out BudgetConfig? budget))
            {
                if (_budgets.IsFull)
                {
                    throw new BoundExceededException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Max budgets limit reached: {MaxBudgets} API keys have a budget, cannot add one for '{apiKey}'. Remove a budget first."));
                }

                budget = new BudgetConfig(apiKey, limit, _timeProvider.GetUtcNow());
                _budgets[apiKey] = budget;
            }

            budget.Limit = limit;
            budget.Period = period;
            budget.LimitType = limitType;
            budget.AlertThreshold = alertThreshold;
        }
    }

    /// <summary>Removes an API key's budget.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <returns>Whether the key had a budget.</returns>
    public bool RemoveBudget(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        lock (_lock)
        {
            return _budgets.Remove(apiKey);
        }
    }

    /// <summary>An API key's spend against its budget; no limit for a key without one.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <returns>The budget's state.</returns>
    public BudgetStatus CheckBudget(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
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
    /// <returns>The suggestions, oldest first.</returns>
    public IReadOnlyList<CostOptimizationSuggestion> GetOptimizationSuggestions(string? apiKey = null)
    {
        lock (_lock)
        {
            var suggestions = new List<CostOptimizationSuggestion>();
            foreach (CostOptimizationSuggestion suggestion in _suggestions)
            {
                if (apiKey is null || suggestion.ApiKey == apiKey)
                {
                    suggestions.Add(suggestion);
                }
            }

            return suggestions;
        }
    }

    /// <summary>
    /// Forgets usage: everything (records, all aggregates and suggestions), or only one API key's records and per-key
    /// aggregates. Budgets are kept.
    /// </summary>
    /// <param name="apiKey">Only this key's history, when given.</param>
    public void ClearHistory(string? apiKey = null)
    {
        lock (_lock)
        {
            if (apiKey is not null)
            {
                _usageRecords.RemoveWhere(r => r.ApiKey == apiKey);
                _keys.Remove(apiKey);
                return;
            }

            _usageRecords.Clear();
            _keys.Clear();
            _costsByModel.Clear();
            _costsByEndpoint.Clear();
            _suggestions.Clear();
        }
    }

    /// <summary>
    /// Keeps only the newest <paramref name="keepLast"/> usage records; aggregates are not changed. The records are
    /// bounded by <see cref="MaxUsageRecords"/> anyway: this trims further, for a caller that wants less.
    /// </summary>
    /// <param name="keepLast">How many records to keep.</param>
    /// <returns>The number of records removed.</returns>
    public int TrimHistory(int keepLast)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        lock (_lock)
        {
            int removed = 0;
            while (_usageRecords.Count > keepLast && _usageRecords.TryDequeue(out _))
            {
                removed++;
            }

            return removed;
        }
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

    private static Dictionary<string, decimal> Snapshot(CostMap costs)
    {
        var copy = new Dictionary<string, decimal>(costs.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, decimal> entry in costs)
        {
            copy[entry.Key] = entry.Value;
        }

        return copy;
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
        int recent = 0;
        decimal gpt4Cost = 0;
        long promptTokens = 0;
        for (int i = 0; i < _usageRecords.Count; i++)
        {
            UsageRecord record = _usageRecords[i];
            if (record.ApiKey != apiKey || record.Timestamp < since)
            {
                continue;
            }

            recent++;
            promptTokens += record.PromptTokens;
            if (record.Model == "gpt-4")
            {
                gpt4Cost += record.Cost;
            }
        }

        if (recent < 10)
        {
            return;
        }

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

        if (recent > 50)
        {
            decimal dailyCacheSavings = promptTokens / Million * 2.5m * 0.5m;
            if (dailyCacheSavings > 0.10m)
            {
                _suggestions.Add(new CostOptimizationSuggestion(
                    apiKey,
                    "enable_caching",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Enable prompt caching to reduce costs. With {recent} requests in 24h, caching could save ~${dailyCacheSavings:F2}/day."),
                    dailyCacheSavings * 30));
            }
        }
    }

    private DateTimeOffset Since(TimeSpan? period) =>
        period is { } length ? _timeProvider.GetUtcNow() - length : DateTimeOffset.MinValue;

    private Dictionary<string, decimal> SumBy(Func<UsageRecord, string> key, DateTimeOffset since)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (int i = 0; i < _usageRecords.Count; i++)
        {
            UsageRecord record = _usageRecords[i];
            if (record.Timestamp >= since)
            {
                string name = key(record);
                sums[name] = sums.GetValueOrDefault(name) + record.Cost;
            }
        }

        return sums;
    }

    /// <summary>The newest priced calls.</summary>
    [Bounded(MaxLength = MaxAllowedUsageRecords, ThreadSafe = true)]
    private sealed partial class UsageRecordQueue : IBoundedQueue<UsageRecord>;

    /// <summary>Aggregates per API key; the key charged least recently is evicted for a new one.</summary>
    [Bounded(MaxLength = MaxAllowedAggregateKeys, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    private sealed partial class KeyUsageMap : IBoundedDictionary<string, KeyUsage>;

    /// <summary>Spend per model or endpoint; the one charged least recently is evicted for a new one.</summary>
    [Bounded(MaxLength = MaxAllowedAggregateKeys, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    private sealed partial class CostMap : IBoundedDictionary<string, decimal>;

    /// <summary>Budgets per API key: configuration, so a budget beyond the cap is refused rather than one evicted.</summary>
    [Bounded(MaxLength = MaxBudgets, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    private sealed partial class BudgetMap : IBoundedDictionary<string, BudgetConfig>;

    /// <summary>The latest savings suggestions.</summary>
    [Bounded(MaxLength = MaxSuggestions, ThreadSafe = true)]
    private sealed partial class SuggestionQueue : IBoundedQueue<CostOptimizationSuggestion>;
}
