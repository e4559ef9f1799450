using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Samples;

/// <summary>The price of a text model, in US dollars per million tokens.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="InputPerMillion">The price of a million prompt tokens.</param>
/// <param name="OutputPerMillion">The price of a million completion tokens.</param>
/// <param name="CachedInputPerMillion">The price of a million cached prompt tokens, when the model discounts them.</param>
public sealed record ModelPricing(
    string ModelId,
    decimal InputPerMillion,
    decimal OutputPerMillion,
    decimal? CachedInputPerMillion = null);

/// <summary>The price of a fine-tuned model's use, by its base model, in US dollars per million tokens.</summary>
/// <param name="TrainingPerMillion">The price of a million training tokens.</param>
/// <param name="InputPerMillion">The price of a million prompt tokens.</param>
/// <param name="OutputPerMillion">The price of a million completion tokens.</param>
public sealed record FineTuningPricing(decimal TrainingPerMillion, decimal InputPerMillion, decimal OutputPerMillion);

/// <summary>One priced API call, as <see cref="CostTracker"/> records it.</summary>
/// <param name="Timestamp">When the call was recorded.</param>
/// <param name="ApiKey">The API key that made it.</param>
/// <param name="Model">The model used.</param>
/// <param name="Endpoint">The endpoint called.</param>
/// <param name="PromptTokens">The prompt tokens.</param>
/// <param name="CompletionTokens">The completion tokens.</param>
/// <param name="CachedTokens">The prompt tokens served from cache.</param>
/// <param name="Cost">The price in US dollars.</param>
public sealed record UsageRecord(
    DateTimeOffset Timestamp,
    string ApiKey,
    string Model,
    string Endpoint,
    int PromptTokens,
    int CompletionTokens,
    int CachedTokens,
    decimal Cost);

/// <summary>The tokens one API key has used.</summary>
public sealed class TokenUsage
{
    /// <summary>Prompt tokens.</summary>
    public long PromptTokens { get; set; }

    /// <summary>Completion tokens.</summary>
    public long CompletionTokens { get; set; }

    /// <summary>Prompt tokens served from cache.</summary>
    public long CachedTokens { get; set; }

    /// <summary>Prompt and completion tokens.</summary>
    public long TotalTokens { get; set; }

    /// <summary>A copy, for handing out of the tracker's lock.</summary>
    public TokenUsage Copy() => (TokenUsage)MemberwiseClone();
}

/// <summary>How often a budget starts over.</summary>
public enum BudgetPeriod
{
    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week.</summary>
    Weekly,

    /// <summary>Every 30 days.</summary>
    Monthly,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>What reaching a budget's limit means.</summary>
public enum BudgetLimitType
{
    /// <summary>A warning; requests continue.</summary>
    Soft,

    /// <summary>Requests over the limit are to be refused.</summary>
    Hard,
}

/// <summary>The budget of one API key, as <see cref="CostTracker"/> holds it.</summary>
internal sealed class BudgetConfig
{
    /// <summary>Creates a budget.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="limit">The limit in US dollars.</param>
    /// <param name="startedAt">When the current period started.</param>
    public BudgetConfig(string apiKey, decimal limit, DateTimeOffset startedAt)
    {
        ApiKey = apiKey;
        Limit = limit;
        LastReset = startedAt;
    }

    /// <summary>The API key.</summary>
    public string ApiKey { get; }

    /// <summary>The limit in US dollars.</summary>
    public decimal Limit { get; set; }

    /// <summary>How often the budget starts over.</summary>
    public BudgetPeriod Period { get; set; } = BudgetPeriod.Monthly;

    /// <summary>What reaching the limit means.</summary>
    public BudgetLimitType LimitType { get; set; } = BudgetLimitType.Soft;

    /// <summary>The share of the limit at which the budget alerts.</summary>
    public decimal AlertThreshold { get; set; } = 0.8m;

    /// <summary>When the current period started.</summary>
    public DateTimeOffset LastReset { get; set; }

    /// <summary>The spend in the current period.</summary>
    public decimal Used { get; set; }

    /// <summary>Whether the alert threshold was reached in the current period.</summary>
    public bool Alerted { get; set; }
}

/// <summary>The state of an API key's budget.</summary>
/// <param name="Used">The spend in the current period; 0 without a budget.</param>
/// <param name="Remaining">What is left of the limit; <see langword="null"/> (no limit) without a budget.</param>
/// <param name="OverLimit">Whether the spend has reached the limit.</param>
public sealed record BudgetStatus(decimal Used, decimal? Remaining, bool OverLimit);

/// <summary>A suggestion to spend less.</summary>
/// <param name="ApiKey">The API key it is for.</param>
/// <param name="SuggestionType">Its kind: <c>cheaper_model</c> or <c>enable_caching</c>.</param>
/// <param name="Description">What to do.</param>
/// <param name="PotentialSavings">The estimated monthly saving in US dollars.</param>
public sealed record CostOptimizationSuggestion(
    string ApiKey,
    string SuggestionType,
    string Description,
    decimal PotentialSavings);

/// <summary>What one API key spent, as <see cref="CostTracker.GetCostByKey"/> reports it from the usage records held.</summary>
/// <param name="ApiKey">The API key.</param>
/// <param name="TotalCost">Its spend in US dollars.</param>
/// <param name="ByModel">Its spend per model.</param>
/// <param name="ByEndpoint">Its spend per endpoint.</param>
/// <param name="Tokens">Its tokens since its history was last cleared (or since its aggregate was evicted).</param>
/// <param name="Requests">The number of its calls among the records held.</param>
/// <param name="Budget">Its budget, if it has one.</param>
/// <param name="CallsByModel">Its calls per model since its history was last cleared, for its most recently used models.</param>
public sealed record ApiKeyCost(
    string ApiKey,
    decimal TotalCost,
    IReadOnlyDictionary<string, decimal> ByModel,
    IReadOnlyDictionary<string, decimal> ByEndpoint,
    TokenUsage Tokens,
    int Requests,
    BudgetStatus? Budget,
    IReadOnlyDictionary<string, int> CallsByModel);
