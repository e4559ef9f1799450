using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Samples;

/// <summary>What <see cref="ErrorMetricsTracker.GetMetrics"/> reports: totals, rates and breakdowns.</summary>
/// <param name="TotalRequests">Requests recorded (errors, successes and plain requests).</param>
/// <param name="TotalErrors">Errors recorded.</param>
/// <param name="TotalSuccesses">Successes recorded.</param>
/// <param name="ErrorRate">Errors over requests, rounded to six digits.</param>
/// <param name="SuccessRate">Successes over requests, rounded to six digits.</param>
/// <param name="RecentErrorsCount">Errors held in the recent-error history.</param>
/// <param name="WindowedErrorsCount">Errors of the history inside the time window.</param>
/// <param name="PatternCount">Distinct error fingerprints held.</param>
/// <param name="TopErrorTypes">The ten most frequent error types in the window.</param>
/// <param name="TopErrorEndpoints">The ten endpoints with the most errors in the window.</param>
/// <param name="TopStatusCodes">The ten most frequent status codes in the window.</param>
/// <param name="ErrorsByEndpoint">Errors per endpoint since the last reset, for the most recently counted keys (at most the tracker's <c>MaxCounterKeys</c>).</param>
/// <param name="ErrorsByStatus">Errors per status code since the last reset, for the most recently counted keys (at most the tracker's <c>MaxCounterKeys</c>).</param>
/// <param name="ErrorsByType">Errors per error type since the last reset, for the most recently counted keys (at most the tracker's <c>MaxCounterKeys</c>).</param>
/// <param name="ErrorsByModel">Errors per model since the last reset, for the most recently counted keys (at most the tracker's <c>MaxCounterKeys</c>).</param>
public sealed record ErrorMetrics(
    long TotalRequests,
    long TotalErrors,
    long TotalSuccesses,
    double ErrorRate,
    double SuccessRate,
    int RecentErrorsCount,
    int WindowedErrorsCount,
    int PatternCount,
    IReadOnlyList<KeyValuePair<string, int>> TopErrorTypes,
    IReadOnlyList<KeyValuePair<string, int>> TopErrorEndpoints,
    IReadOnlyList<KeyValuePair<int, int>> TopStatusCodes,
    IReadOnlyDictionary<string, int> ErrorsByEndpoint,
    IReadOnlyDictionary<int, int> ErrorsByStatus,
    IReadOnlyDictionary<string, int> ErrorsByType,
    IReadOnlyDictionary<string, int> ErrorsByModel);

/// <summary>A snapshot of one error pattern (the errors sharing a fingerprint), as <see cref="ErrorMetricsTracker.GetErrorPatterns"/> returns it.</summary>
/// <param name="Fingerprint">The shared fingerprint.</param>
/// <param name="ErrorType">The errors' type.</param>
/// <param name="Endpoint">The endpoint that failed.</param>
/// <param name="NormalizedMessage">The normalised message.</param>
/// <param name="Count">How many errors matched.</param>
/// <param name="FirstSeen">When the first one happened.</param>
/// <param name="LastSeen">When the latest one happened.</param>
/// <param name="AffectedModels">The models named, at most 64 (the most recently affected).</param>
/// <param name="AffectedUserCount">How many distinct users are held, at most 100 (the most recently affected).</param>
/// <param name="ExampleRequestIds">Up to five example request ids.</param>
public sealed record ErrorPatternSummary(
    string Fingerprint,
    string ErrorType,
    string Endpoint,
    string NormalizedMessage,
    int Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> AffectedModels,
    int AffectedUserCount,
    IReadOnlyList<string> ExampleRequestIds);

/// <summary>The error budget of a success-rate objective, as <see cref="ErrorMetricsTracker.GetSloStatus"/> reports it.</summary>
/// <param name="TargetSuccessRate">The objective, such as 0.999.</param>
/// <param name="WindowSeconds">The tracker's time window.</param>
/// <param name="TotalRequests">Requests recorded.</param>
/// <param name="SuccessfulRequests">Successes recorded.</param>
/// <param name="FailedRequests">Errors recorded.</param>
/// <param name="CurrentSuccessRate">Successes over requests.</param>
/// <param name="CurrentErrorRate">Errors over requests.</param>
/// <param name="ErrorBudgetTotal">Errors the objective allows for this many requests.</param>
/// <param name="ErrorBudgetConsumed">Errors so far.</param>
/// <param name="ErrorBudgetRemaining">Errors still allowed.</param>
/// <param name="ErrorBudgetPercentage">The remaining budget as a percentage.</param>
/// <param name="SloViolated">Whether the success rate is below the objective.</param>
/// <param name="BurnRate">The error rate over the rate the objective allows.</param>
/// <param name="EndpointErrorRates">The error rate of each endpoint.</param>
public sealed record SloStatus(
    double TargetSuccessRate,
    double WindowSeconds,
    long TotalRequests,
    long SuccessfulRequests,
    long FailedRequests,
    double CurrentSuccessRate,
    double CurrentErrorRate,
    long ErrorBudgetTotal,
    long ErrorBudgetConsumed,
    long ErrorBudgetRemaining,
    double ErrorBudgetPercentage,
    bool SloViolated,
    double BurnRate,
    IReadOnlyDictionary<string, double> EndpointErrorRates);
