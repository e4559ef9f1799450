using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// Tracks API errors: a history of recent errors, recurring error patterns by fingerprint, per-key counters, and the
/// error budget of a success-rate objective.
/// </summary>
/// <remarks>
/// <para>
/// Everything the tracker holds is bounded, whatever endpoints, error types, models or users clients send: the newest
/// <see cref="MaxRecentErrors"/> errors; at most <see cref="MaxPatterns"/> patterns (the one seen least recently is
/// evicted for a new one, a pattern not seen for <see cref="PatternRetentionSeconds"/> expires on its own, and
/// <see cref="CleanupOldPatterns"/> still removes those older than any age it is given), each with at most 64 affected
/// models, 100 affected users and 10 example request ids; and per counter (requests, errors and successes per endpoint,
/// errors per type, status code and model) at most <see cref="MaxCounterKeys"/> keys, the least recently counted key
/// evicted for a new one. Totals and rates count every request.
/// </para>
/// <para>
/// One lock per instance guards every public member. The generated <c>GetBounds()</c> and <c>ClearBounds()</c> run
/// outside it on thread-safe collections; <see cref="Reset"/> clears everything at once.
/// </para>
/// </remarks>
[BoundedTracker]
public sealed partial class ErrorMetricsTracker
{
    /// <summary>The largest <see cref="MaxRecentErrors"/> allowed.</summary>
    public const int MaxAllowedRecentErrors = 100_000;

    /// <summary>The default <see cref="MaxPatterns"/>.</summary>
    public const int DefaultMaxPatterns = 10_000;

    /// <summary>The largest <see cref="MaxPatterns"/> allowed.</summary>
    public const int MaxAllowedPatterns = 100_000;

    /// <summary>
    /// How long a pattern is kept after it was last seen (one day): the periodic <c>cleanup_old_patterns</c> the Python
    /// asks its users to schedule is the pattern map's own maximum age. <see cref="CleanupOldPatterns"/> removes patterns
    /// older than any shorter age at once.
    /// </summary>
    public const int PatternRetentionSeconds = 24 * 60 * 60;

    /// <summary>The default <see cref="MaxCounterKeys"/>.</summary>
    public const int DefaultMaxCounterKeys = 1_000;

    /// <summary>The largest <see cref="MaxCounterKeys"/> allowed.</summary>
    public const int MaxAllowedCounterKeys = 100_000;

    /// <summary>How many distinct affected models each pattern keeps.</summary>
    public const int MaxAffectedModelsPerPattern = ErrorPattern.MaxAffectedModels;

    /// <summary>How many distinct affected users each pattern keeps.</summary>
    public const int MaxAffectedUsersPerPattern = ErrorPattern.MaxAffectedUsers;

    /// <summary>How many example request ids each pattern keeps.</summary>
    public const int MaxExampleRequestIdsPerPattern = ErrorPattern.MaxExampleRequestIds;

    private const int TopCount = 10;

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _errorBudgetSlo;
    private readonly double _windowSeconds;
    private readonly int _patternThreshold;

    /// <summary>The latest errors, oldest first: <c>deque(maxlen=max_recent_errors)</c>.</summary>
    private readonly RecentErrorQueue _recentErrors;

    /// <summary>One pattern per fingerprint; a new fingerprint on a full map evicts the pattern seen least recently.</summary>
    private readonly PatternMap _patterns;

    /// <summary>Requests per endpoint.</summary>
    private readonly CounterMap _requestsByEndpoint;

    /// <summary>Errors per endpoint.</summary>
    private readonly CounterMap _errorsByEndpoint;

    /// <summary>Successes per endpoint.</summary>
    private readonly CounterMap _successesByEndpoint;

    /// <summary>Errors per error type.</summary>
    private readonly CounterMap _errorsByType;

    /// <summary>Errors per HTTP status code.</summary>
    private readonly StatusCounterMap _errorsByStatus;

    /// <summary>Errors per model.</summary>
    private readonly CounterMap _errorsByModel;

    private long _totalRequests;
    private long _totalErrors;
    private long _totalSuccesses;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxRecentErrors">How many errors the recent-error history keeps: 1 … <see cref="MaxAllowedRecentErrors"/>.</param>
    /// <param name="errorBudgetSlo">The success-rate objective, such as 0.999 (0 … 1).</param>
    /// <param name="windowSeconds">The time window of the windowed metrics and recent patterns, in seconds (greater than zero).</param>
    /// <param name="patternThreshold">The occurrences from which a fingerprint counts as a pattern.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="maxPatterns">How many patterns are kept: 1 … <see cref="MaxAllowedPatterns"/>.</param>
    /// <param name="maxCounterKeys">How many distinct keys each per-key counter keeps: 1 … <see cref="MaxAllowedCounterKeys"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside its range; the exception names it.</exception>
    public ErrorMetricsTracker(
        int maxRecentErrors = 500,
        double errorBudgetSlo = 0.999,
        double windowSeconds = 300,
        int patternThreshold = 3,
        TimeProvider? timeProvider = null,
        int maxPatterns = DefaultMaxPatterns,
        int maxCounterKeys = DefaultMaxCounterKeys)
    {
        Guard.InRange(maxRecentErrors, 1, MaxAllowedRecentErrors, nameof(maxRecentErrors));
        Guard.InRange(maxPatterns, 1, MaxAllowedPatterns, nameof(maxPatterns));
        Guard.InRange(maxCounterKeys, 1, MaxAllowedCounterKeys, nameof(maxCounterKeys));
        if (!(errorBudgetSlo >= 0 && errorBudgetSlo <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(errorBudgetSlo), errorBudgetSlo, "errorBudgetSlo must be between 0 and 1.");
        }

        _windowSeconds = Guard.Positive(windowSeconds, nameof(windowSeconds));
        _errorBudgetSlo = errorBudgetSlo;
        _patternThreshold = patternThreshold;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _recentErrors = new RecentErrorQueue(maxRecentErrors);
        _patterns = new PatternMap(maxPatterns, StringComparer.Ordinal, _timeProvider);
        _requestsByEndpoint = new CounterMap(maxCounterKeys, StringComparer.Ordinal);
        _errorsByEndpoint = new CounterMap(maxCounterKeys, StringComparer.Ordinal);
        _successesByEndpoint = new CounterMap(maxCounterKeys, StringComparer.Ordinal);
        _errorsByType = new CounterMap(maxCounterKeys, StringComparer.Ordinal);
        _errorsByStatus = new StatusCounterMap(maxCounterKeys);
        _errorsByModel = new CounterMap(maxCounterKeys, StringComparer.Ordinal);
    }

    /// <summary>How many errors the recent-error history keeps.</summary>
    public int MaxRecentErrors => _recentErrors.Capacity;

    /// <summary>How many patterns are kept.</summary>
    public int MaxPatterns => _patterns.Capacity;

    /// <summary>How many distinct keys each per-key counter keeps.</summary>
    public int MaxCounterKeys => _errorsByEndpoint.Capacity;

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
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(errorType);
        ArgumentNullException.ThrowIfNull(errorMessage);

        // Normalising and hashing the message needs no shared state: do it before taking the lock.
        var error = new ErrorRecord(_timeProvider.GetUtcNow(), endpoint, statusCode, errorType, errorMessage)
        {
            Model = model,
            ApiKey = apiKey,
            RequestId = requestId,
            UserId = userId,
            StackTrace = stackTrace,
        };

        lock (_lock)
        {
            _recentErrors.Add(error);
            _totalRequests++;
            _totalErrors++;
            Increment(_requestsByEndpoint, endpoint);
            Increment(_errorsByEndpoint, endpoint);
            Increment(_errorsByType, errorType);
            _errorsByStatus.AddOrUpdate(statusCode, 1, static (_, count) => count + 1);
            if (!string.IsNullOrEmpty(model))
            {
                Increment(_errorsByModel, model);
            }

            if (!_patterns.TryGetValue(error.Fingerprint, out ErrorPattern? pattern))
            {
                pattern = new ErrorPattern(error);
            }

            pattern.Record(error);

            // Written on every sighting, so that the pattern's age in the map counts from its last one.
            _patterns[error.Fingerprint] = pattern;
        }
    }

    /// <summary>Records a successful request.</summary>
    /// <param name="endpoint">The API endpoint.</param>
    /// <param name="model">The model used, if known.</param>
    public void RecordSuccess(string endpoint, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_lock)
        {
            _totalRequests++;
            _totalSuccesses++;
            Increment(_requestsByEndpoint, endpoint);
            Increment(_successesByEndpoint, endpoint);
        }
    }

    /// <summary>Records a request whose outcome is recorded separately.</summary>
    /// <param name="endpoint">The API endpoint.</param>
    /// <param name="model">The model used, if known.</param>
    public void RecordRequest(string endpoint, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_lock)
        {
            _totalRequests++;
            Increment(_requestsByEndpoint, endpoint);
        }
    }

    /// <summary>Totals, rates, the breakdown of the errors inside the time window, and the per-key counters.</summary>
    /// <returns>A snapshot.</returns>
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
                Snapshot(_errorsByEndpoint),
                _errorsByStatus.ToDictionary(pair => pair.Key, pair => pair.Value),
                Snapshot(_errorsByType),
                Snapshot(_errorsByModel));
        }
    }

    /// <summary>The patterns seen at least <paramref name="minCount"/> times, most frequent first.</summary>
    /// <param name="minCount">The least number of occurrences; the tracker's pattern threshold when <see langword="null"/>.</param>
    /// <param name="recentOnly">Whether to keep only patterns last seen inside the time window.</param>
    /// <returns>Snapshots of the patterns.</returns>
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
    /// <returns>A snapshot.</returns>
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

            // Read the error counts from a copy: a lookup in the map itself would count as a use and reorder its
            // least-recently-used eviction.
            Dictionary<string, int> errorsByEndpoint = Snapshot(_errorsByEndpoint);
            var endpointErrorRates = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, int> requests in _requestsByEndpoint)
            {
                if (requests.Value > 0)
                {
                    endpointErrorRates[requests.Key] = (double)errorsByEndpoint.GetValueOrDefault(requests.Key) / requests.Value;
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
    /// <returns>The errors, newest first.</returns>
    public IReadOnlyList<ErrorRecord> GetRecentErrors(int limit = 50, string? endpoint = null, string? errorType = null)
    {
        lock (_lock)
        {
            var errors = new List<ErrorRecord>(Math.Clamp(limit, 0, _recentErrors.Count));
            for (int i = _recentErrors.Count - 1; i >= 0 && errors.Count < limit; i--)
            {
                ErrorRecord error = _recentErrors[i];
                if ((string.IsNullOrEmpty(endpoint) || error.Endpoint == endpoint)
                    && (string.IsNullOrEmpty(errorType) || error.ErrorType == errorType))
                {
                    errors.Add(error);
                }
            }

            return errors;
        }
    }

    /// <summary>The metrics and the error budget in the Prometheus text exposition format.</summary>
    /// <returns>The exposition text.</returns>
    public string GetPrometheusMetrics()
    {
        ErrorMetrics metrics = GetMetrics();
        SloStatus slo = GetSloStatus();
        var text = new StringBuilder();
        Prometheus.AppendMetric(text, "error_total_requests", "Total number of requests", "counter", metrics.TotalRequests);
        Prometheus.AppendMetric(text, "error_total_errors", "Total number of errors", "counter", metrics.TotalErrors);
        Prometheus.AppendMetric(text, "error_rate", "Current error rate", "gauge", metrics.ErrorRate);
        Prometheus.AppendMetric(text, "error_success_rate", "Current success rate", "gauge", metrics.SuccessRate);
        Prometheus.AppendMetric(text, "error_slo_violated", "SLO violation status (1=violated)", "gauge", slo.SloViolated ? 1 : 0);
        Prometheus.AppendMetric(text, "error_budget_remaining", "Remaining error budget", "gauge", slo.ErrorBudgetRemaining);
        Prometheus.AppendMetric(text, "error_budget_percentage", "Error budget remaining percentage", "gauge", slo.ErrorBudgetPercentage);
        Prometheus.AppendMetric(text, "error_burn_rate", "Error budget burn rate", "gauge", slo.BurnRate);

        if (metrics.ErrorsByEndpoint.Count > 0)
        {
            Prometheus.AppendHeader(text, "error_by_endpoint", "Errors by endpoint", "counter");
            foreach (KeyValuePair<string, int> entry in metrics.ErrorsByEndpoint)
            {
                Prometheus.AppendLabelled(text, "error_by_endpoint", "endpoint", entry.Key, entry.Value);
            }
        }

        if (metrics.TopErrorTypes.Count > 0)
        {
            Prometheus.AppendHeader(text, "error_by_type", "Errors by type", "counter");
            foreach (KeyValuePair<string, int> entry in metrics.TopErrorTypes)
            {
                Prometheus.AppendLabelled(text, "error_by_type", "type", entry.Key, entry.Value);
            }
        }

        Prometheus.AppendMetric(text, "error_pattern_count", "Number of detected error patterns", "gauge", metrics.PatternCount);
        return text.ToString();
    }

    /// <summary>Removes every pattern whose last sighting is strictly older than now minus <paramref name="age"/>.</summary>
    /// <param name="age">How long a pattern may go unseen and be kept.</param>
    /// <returns>The number of patterns removed.</returns>
    public int CleanupOldPatterns(TimeSpan age)
    {
        lock (_lock)
        {
            DateTimeOffset cutoff = _timeProvider.GetUtcNow() - age;
            return _patterns.RemoveWhere((_, pattern) => pattern.LastSeen < cutoff);
        }
    }

    /// <summary>Forgets every error, pattern and counter, atomically.</summary>
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

    /// <summary>
    /// How many affected models, affected users and example request ids the pattern of a fingerprint holds, without
    /// counting as a use of the pattern (for tests of the per-pattern bounds).
    /// </summary>
    /// <param name="fingerprint">The fingerprint.</param>
    /// <returns>The three sizes, or -1 each when no such pattern is held.</returns>
    internal (int Models, int Users, int ExampleRequestIds) GetPatternSetSizes(string fingerprint)
    {
        lock (_lock)
        {
            foreach (ErrorPattern pattern in _patterns.Values)
            {
                if (pattern.Fingerprint == fingerprint)
                {
                    return (pattern.AffectedModels.Count, pattern.AffectedUsers.Count, pattern.ExampleRequestIds.Count);
                }
            }

            return (-1, -1, -1);
        }
    }

    private static void Increment(CounterMap counter, string key) => counter.AddOrUpdate(key, 1, static (_, count) => count + 1);

    private static Dictionary<string, int> Snapshot(CounterMap counter)
    {
        var copy = new Dictionary<string, int>(counter.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> entry in counter)
        {
            copy[entry.Key] = entry.Value;
        }

        return copy;
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

    private DateTimeOffset WindowStart() => _timeProvider.GetUtcNow() - TimeSpan.FromSeconds(_windowSeconds);

    private List<ErrorRecord> WindowedErrors()
    {
        DateTimeOffset windowStart = WindowStart();
        var windowed = new List<ErrorRecord>();
        for (int i = 0; i < _recentErrors.Count; i++)
        {
            ErrorRecord error = _recentErrors[i];
            if (error.Timestamp >= windowStart)
            {
                windowed.Add(error);
            }
        }

        return windowed;
    }

    /// <summary>The latest errors: <c>deque(maxlen=max_recent_errors)</c>.</summary>
    [Bounded(MaxLength = MaxAllowedRecentErrors, ThreadSafe = true)]
    private sealed partial class RecentErrorQueue : IBoundedQueue<ErrorRecord>;

    /// <summary>
    /// Patterns by fingerprint; recording an error writes its pattern again, so the stalest one is evicted first and a
    /// pattern expires <see cref="PatternRetentionSeconds"/> after its last sighting.
    /// </summary>
    [Bounded(MaxLength = MaxAllowedPatterns, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true, MaxAgeSeconds = PatternRetentionSeconds)]
    private sealed partial class PatternMap : IBoundedDictionary<string, ErrorPattern>;

    /// <summary>A per-key counter; the key counted least recently is evicted for a new one.</summary>
    [Bounded(MaxLength = MaxAllowedCounterKeys, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    private sealed partial class CounterMap : IBoundedDictionary<string, int>;

    /// <summary>Errors per HTTP status code; the code counted least recently is evicted for a new one.</summary>
    [Bounded(MaxLength = MaxAllowedCounterKeys, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    private sealed partial class StatusCounterMap : IBoundedDictionary<int, int>;
}
