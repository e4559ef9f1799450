using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// Tracks API errors: a history of recent errors, recurring error patterns by fingerprint, per-key counters, and the
/// error budget of a success-rate objective.
/// </summary>
/// <remarks>
/// Only the recent-error history is bounded. Patterns are dropped only when somebody calls
/// <see cref="CleanupOldPatterns"/>, and the counters keep one entry for every endpoint, error type, status code and
/// model name a client ever caused an error with.
/// </remarks>
public sealed class ErrorMetricsTracker
{
    private const int TopCount = 10;

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxRecentErrors;
    private readonly double _errorBudgetSlo;
    private readonly double _windowSeconds;
    private readonly int _patternThreshold;

    /// <summary>The latest errors, oldest first. Bounded: every append drops the oldest beyond <see cref="MaxRecentErrors"/>.</summary>
    private readonly Queue<ErrorRecord> _recentErrors = new();

    /// <summary>
    /// One pattern per distinct fingerprint. Grows with every new kind of error; only <see cref="CleanupOldPatterns"/>
    /// removes patterns, and nothing that records an error calls it.
    /// </summary>
    private readonly Dictionary<string, ErrorPattern> _patterns = new(StringComparer.Ordinal);

    /// <summary>Requests per endpoint. Grows with every distinct endpoint a client calls.</summary>
    private readonly Dictionary<string, int> _requestsByEndpoint = new(StringComparer.Ordinal);

    /// <summary>Errors per endpoint. Grows with every distinct endpoint that failed.</summary>
    private readonly Dictionary<string, int> _errorsByEndpoint = new(StringComparer.Ordinal);

    /// <summary>Successes per endpoint. Grows with every distinct endpoint that succeeded.</summary>
    private readonly Dictionary<string, int> _successesByEndpoint = new(StringComparer.Ordinal);

    /// <summary>Errors per error type. Grows with every distinct error type name.</summary>
    private readonly Dictionary<string, int> _errorsByType = new(StringComparer.Ordinal);

    /// <summary>Errors per HTTP status code. Grows with every distinct status code.</summary>
    private readonly Dictionary<int, int> _errorsByStatus = new();

    /// <summary>Errors per model. Grows with every distinct model name a failing request named.</summary>
    private readonly Dictionary<string, int> _errorsByModel = new(StringComparer.Ordinal);

    private long _totalRequests;
    private long _totalErrors;
    private long _totalSuccesses;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxRecentErrors">How many errors the recent-error history keeps.</param>
    /// <param name="errorBudgetSlo">The success-rate objective, such as 0.999.</param>
    /// <param name="windowSeconds">The time window of the windowed metrics and recent patterns, in seconds.</param>
    /// <param name="patternThreshold">The occurrences from which a fingerprint counts as a pattern.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public ErrorMetricsTracker(
        int maxRecentErrors = 500,
        double errorBudgetSlo = 0.999,
        double windowSeconds = 300,
        int patternThreshold = 3,
        TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecentErrors);
        _maxRecentErrors = maxRecentErrors;
        _errorBudgetSlo = errorBudgetSlo;
        _windowSeconds = windowSeconds;
        _patternThreshold = patternThreshold;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many errors the recent-error history keeps.</summary>
    public int MaxRecentErrors => _maxRecentErrors;

    /// <summary>The number of errors in the recent-error history.</summary>
    public int RecentErrorCount
    {
        get
        {
            lock (_lock)
            {
                return _recentErrors.Count;
            }
        }
    }

    /// <summary>The number of distinct fingerprints held.</summary>
    public int PatternCount
    {
        get
        {
            lock (_lock)
            {
                return _patterns.Count;
            }
        }
    }

    /// <summary>Records a failed request.</summary>
    /// <param name="endpoint">The API endpoint that failed.</param>
    /// <param name="statusCode">The HTTP status code returned.</param>
    /// <param name="errorType">The error's type or class name.</param>
    /// <param name="errorMessage">The error's message.</param>
    /// <param name="model">The model the request used, if known.</param>
    /// <param name="apiKey">The request's API key, if known.</param>
    /// <param name="requestId">The request's identifier, if known.</param>
    /// <param name="userId">The user who made the request, if known.</param>
    /// <param name="stackTrace">The stack trace, if captured.</param>
    public void RecordError(
        string endpoint,
        int statusCode,
        string errorType,
        string errorMessage,
        string? model = null,
        string? apiKey = null,
        string? requestId = null,
        string? userId = null,
        string? stackTrace = null)
    {
        lock (_lock)
        {
            var error = new ErrorRecord(_timeProvider.GetUtcNow(), endpoint, statusCode, errorType, errorMessage)
            {
                Model = model,
                ApiKey = apiKey,
                RequestId = requestId,
                UserId = userId,
                StackTrace = stackTrace,
            };

            _recentErrors.Enqueue(error);
            if (_recentErrors.Count > _maxRecentErrors)
            {
                _recentErrors.Dequeue();
            }

            _totalRequests++;
            _totalErrors++;
            _requestsByEndpoint[endpoint] = _requestsByEndpoint.GetValueOrDefault(endpoint) + 1;
            _errorsByEndpoint[endpoint] = _errorsByEndpoint.GetValueOrDefault(endpoint) + 1;
            _errorsByType[errorType] = _errorsByType.GetValueOrDefault(errorType) + 1;
            _errorsByStatus[statusCode] = _errorsByStatus.GetValueOrDefault(statusCode) + 1;
            if (!string.IsNullOrEmpty(model))
            {
                _errorsByModel[model] = _errorsByModel.GetValueOrDefault(model) + 1;
            }

            UpdatePattern(error);
        }
    }

    /// <summary>Records a successful request.</summary>
    /// <param name="endpoint">The API endpoint.</param>
    /// <param name="model">The model used, if known.</param>
    public void RecordSuccess(string endpoint, string? model = null)
    {
        lock (_lock)
        {
            _totalRequests++;
            _totalSuccesses++;
            _requestsByEndpoint[endpoint] = _requestsByEndpoint.GetValueOrDefault(endpoint) + 1;
            _successesByEndpoint[endpoint] = _successesByEndpoint.GetValueOrDefault(endpoint) + 1;
        }
    }

    /// <summary>Records a request whose outcome is recorded separately.</summary>
    /// <param name="endpoint">The API endpoint.</param>
    /// <param name="model">The model used, if known.</param>
    public void RecordRequest(string endpoint, string? model = null)
    {
        lock (_lock)
        {
            _totalRequests++;
            _requestsByEndpoint[endpoint] = _requestsByEndpoint.GetValueOrDefault(endpoint) + 1;
        }
    }

    /// <summary>Totals, rates, the breakdown of the errors inside the time window, and the per-key counters.</summary>
    public ErrorMetrics GetMetrics()
    {
        lock (_lock)
        {
            List<ErrorRecord> windowed = WindowedErrors();
            return new ErrorMetrics(
                _totalRequests,
                _totalErrors,
                _totalSuccesses,
                _totalRequests > 0 ? Math.Round((double)_totalErrors / _totalRequests, 6) : 0,
                _totalRequests > 0 ? Math.Round((double)_totalSuccesses / _totalRequests, 6) : 0,
                _recentErrors.Count,
                windowed.Count,
                _patterns.Count,
                MostCommon(windowed, e => e.ErrorType),
                MostCommon(windowed, e => e.Endpoint),
                MostCommon(windowed, e => e.StatusCode),
                new Dictionary<string, int>(_errorsByEndpoint, StringComparer.Ordinal),
                new Dictionary<int, int>(_errorsByStatus),
                new Dictionary<string, int>(_errorsByType, StringComparer.Ordinal),
                new Dictionary<string, int>(_errorsByModel, StringComparer.Ordinal));
        }
    }

    /// <summary>The patterns seen at least <paramref name="minCount"/> times, most frequent first.</summary>
    /// <param name="minCount">The least number of occurrences; the tracker's pattern threshold when <see langword="null"/>.</param>
    /// <param name="recentOnly">Whether to keep only patterns last seen inside the time window.</param>
    public IReadOnlyList<ErrorPatternSummary> GetErrorPatterns(int? minCount = null, bool recentOnly = true)
    {
        lock (_lock)
        {
            int threshold = minCount ?? _patternThreshold;
            DateTimeOffset windowStart = WindowStart();
            return _patterns.Values
                .Where(p => p.Count >= threshold && (!recentOnly || p.LastSeen >= windowStart))
                .OrderByDescending(p => p.Count)
                .Select(p => new ErrorPatternSummary(
                    p.Fingerprint,
                    p.ErrorType,
                    p.Endpoint,
                    p.NormalizedMessage,
                    p.Count,
                    p.FirstSeen,
                    p.LastSeen,
                    p.AffectedModels.ToArray(),
                    p.AffectedUsers.Count,
                    p.ExampleRequestIds.Take(5).ToArray()))
                .ToList();
        }
    }

    /// <summary>The error budget of the success-rate objective over every request recorded.</summary>
    public SloStatus GetSloStatus()
    {
        lock (_lock)
        {
            if (_totalRequests == 0)
            {
                return new SloStatus(
                    _errorBudgetSlo, _windowSeconds, 0, 0, 0, 1.0, 0.0, 0, 0, 0, 100.0, false, 0.0, new Dictionary<string, double>());
            }

            double successRate = (double)_totalSuccesses / _totalRequests;
            double errorRate = (double)_totalErrors / _totalRequests;
            double targetErrorRate = 1.0 - _errorBudgetSlo;
            long budgetTotal = (long)(_totalRequests * targetErrorRate);
            long budgetRemaining = Math.Max(0, budgetTotal - _totalErrors);
            double budgetPercentage = budgetTotal > 0 ? (double)budgetRemaining / budgetTotal * 100 : 100.0;
            double burnRate = targetErrorRate > 0 ? errorRate / targetErrorRate : 0.0;

            var endpointErrorRates = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach ((string endpoint, int requests) in _requestsByEndpoint)
            {
                if (requests > 0)
                {
                    endpointErrorRates[endpoint] = (double)_errorsByEndpoint.GetValueOrDefault(endpoint) / requests;
                }
            }

            return new SloStatus(
                _errorBudgetSlo,
                _windowSeconds,
                _totalRequests,
                _totalSuccesses,
                _totalErrors,
                successRate,
                errorRate,
                budgetTotal,
                _totalErrors,
                budgetRemaining,
                budgetPercentage,
                successRate < _errorBudgetSlo,
                burnRate,
                endpointErrorRates);
        }
    }

    /// <summary>The latest errors, newest first, optionally of one endpoint or error type.</summary>
    /// <param name="limit">The most errors to return.</param>
    /// <param name="endpoint">Only errors of this endpoint, when given.</param>
    /// <param name="errorType">Only errors of this type, when given.</param>
    public IReadOnlyList<ErrorRecord> GetRecentErrors(int limit = 50, string? endpoint = null, string? errorType = null)
    {
        lock (_lock)
        {
            return _recentErrors
                .Reverse()
                .Where(e => string.IsNullOrEmpty(endpoint) || e.Endpoint == endpoint)
                .Where(e => string.IsNullOrEmpty(errorType) || e.ErrorType == errorType)
                .Take(limit)
                .ToList();
        }
    }

    /// <summary>The metrics and the error budget in the Prometheus text exposition format.</summary>
    public string GetPrometheusMetrics()
    {
        ErrorMetrics metrics = GetMetrics();
        SloStatus slo = GetSloStatus();
        var text = new StringBuilder();
        AppendMetric(text, "error_total_requests", "Total number of requests", "counter", metrics.TotalRequests);
        AppendMetric(text, "error_total_errors", "Total number of errors", "counter", metrics.TotalErrors);
        AppendMetric(text, "error_rate", "Current error rate", "gauge", metrics.ErrorRate);
        AppendMetric(text, "error_success_rate", "Current success rate", "gauge", metrics.SuccessRate);
        AppendMetric(text, "error_slo_violated", "SLO violation status (1=violated)", "gauge", slo.SloViolated ? 1 : 0);
        AppendMetric(text, "error_budget_remaining", "Remaining error budget", "gauge", slo.ErrorBudgetRemaining);
        AppendMetric(text, "error_budget_percentage", "Error budget remaining percentage", "gauge", slo.ErrorBudgetPercentage);
        AppendMetric(text, "error_burn_rate", "Error budget burn rate", "gauge", slo.BurnRate);

        if (metrics.ErrorsByEndpoint.Count > 0)
        {
            AppendHeader(text, "error_by_endpoint", "Errors by endpoint", "counter");
            foreach ((string endpoint, int count) in metrics.ErrorsByEndpoint)
            {
                text.Append(CultureInfo.InvariantCulture, $"error_by_endpoint{{endpoint=\"{Escape(endpoint)}\"}} {count}\n");
            }
        }

        if (metrics.TopErrorTypes.Count > 0)
        {
            AppendHeader(text, "error_by_type", "Errors by type", "counter");
            foreach ((string type, int count) in metrics.TopErrorTypes)
            {
                text.Append(CultureInfo.InvariantCulture, $"error_by_type{{type=\"{Escape(type)}\"}} {count}\n");
            }
        }

        AppendMetric(text, "error_pattern_count", "Number of detected error patterns", "gauge", metrics.PatternCount);
        return text.ToString();
    }

    /// <summary>
    /// Removes every pattern last seen strictly before now minus <paramref name="age"/>. This is the only removal of
    /// patterns: nothing calls it on its own, so the patterns grow until somebody does.
    /// </summary>
    /// <param name="age">How long a pattern may go unseen and be kept.</param>
    /// <returns>The number of patterns removed.</returns>
    public int CleanupOldPatterns(TimeSpan age)
    {
        lock (_lock)
        {
            DateTimeOffset cutoff = _timeProvider.GetUtcNow() - age;
            int removed = 0;
            foreach ((string fingerprint, ErrorPattern pattern) in _patterns)
            {
                if (pattern.LastSeen < cutoff)
                {
                    _patterns.Remove(fingerprint);
                    removed++;
                }
            }

            return removed;
        }
    }

    /// <summary>Forgets every error, pattern and counter.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _recentErrors.Clear();
            _patterns.Clear();
            _totalRequests = 0;
            _totalErrors = 0;
            _totalSuccesses = 0;
            _requestsByEndpoint.Clear();
            _errorsByEndpoint.Clear();
            _successesByEndpoint.Clear();
            _errorsByType.Clear();
            _errorsByStatus.Clear();
            _errorsByModel.Clear();
        }
    }

    private void UpdatePattern(ErrorRecord error)
    {
        if (!_patterns.TryGetValue(error.Fingerprint, out ErrorPattern? pattern))
        {
            pattern = new ErrorPattern(error);
            _patterns.Add(error.Fingerprint, pattern);
        }

        pattern.Count++;
        pattern.LastSeen = error.Timestamp;
        if (!string.IsNullOrEmpty(error.Model))
        {
            pattern.AffectedModels.Add(error.Model);
        }

        if (!string.IsNullOrEmpty(error.UserId))
        {
            pattern.AffectedUsers.Add(error.UserId);
        }

        if (!string.IsNullOrEmpty(error.RequestId) && pattern.ExampleRequestIds.Count < ErrorPattern.MaxExampleRequestIds)
        {
            pattern.ExampleRequestIds.Add(error.RequestId);
        }
    }

    private DateTimeOffset WindowStart() => _timeProvider.GetUtcNow() - TimeSpan.FromSeconds(_windowSeconds);

    private List<ErrorRecord> WindowedErrors()
    {
        DateTimeOffset windowStart = WindowStart();
        return _recentErrors.Where(e => e.Timestamp >= windowStart).ToList();
    }

    /// <summary>The ten most frequent keys, ties in order of first appearance.</summary>
    private static List<KeyValuePair<TKey, int>> MostCommon<TKey>(List<ErrorRecord> errors, Func<ErrorRecord, TKey> key)
        where TKey : notnull =>
        errors
            .GroupBy(key)
            .Select(g => new KeyValuePair<TKey, int>(g.Key, g.Count()))
            .OrderByDescending(pair => pair.Value)
            .Take(TopCount)
            .ToList();

    private static string Escape(string value) => value.Replace("\"", "\\\"", StringComparison.Ordinal);

    private static void AppendHeader(StringBuilder text, string name, string help, string type)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n");
        text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} {type}\n");
    }

    private static void AppendMetric(StringBuilder text, string name, string help, string type, double value)
    {
        AppendHeader(text, name, help, type);
        text.Append(CultureInfo.InvariantCulture, $"{name} {value}\n");
    }
}
