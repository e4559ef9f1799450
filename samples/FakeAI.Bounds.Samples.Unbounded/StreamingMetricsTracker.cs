using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using FakeAI.Bounds.Samples.Shared;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// Tracks streamed responses: each stream's tokens and timing while it runs, a history of finished streams, and
/// aggregate throughput and latency over a recent window.
/// </summary>
/// <remarks>
/// Both stream collections are bounded (a refused start above <see cref="MaxActiveStreams"/>, a history trimmed to
/// <see cref="MaxCompletedStreams"/>), but each <see cref="StreamState"/> keeps every token of its stream, so a long
/// stream grows without limit while it is held here.
/// </remarks>
public sealed class StreamingMetricsTracker
{
    private static readonly TimeSpan MetricsCacheTtl = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxActiveStreams;
    private readonly int _maxCompletedStreams;
    private readonly TimeSpan _aggregationWindow;

    /// <summary>
    /// The streams in progress, by stream id. Bounded: <see cref="StartStream"/> refuses a new stream once
    /// <see cref="MaxActiveStreams"/> are active, and completing or failing a stream frees its slot.
    /// </summary>
    private readonly Dictionary<string, StreamState> _activeStreams = new(StringComparer.Ordinal);

    /// <summary>
    /// Completed and failed streams, oldest first. Bounded: every append drops the oldest entries beyond
    /// <see cref="MaxCompletedStreams"/>.
    /// </summary>
    private readonly Queue<StreamState> _completedStreams = new();

    private long _totalStreamsStarted;
    private long _totalStreamsCompleted;
    private long _totalStreamsFailed;
    private long _totalTokensGenerated;
    private long _totalBytesSent;

    private StreamingMetrics? _cachedMetrics;
    private DateTimeOffset _cachedAt;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxActiveStreams">How many streams may be active at once.</param>
    /// <param name="maxCompletedStreams">How many finished streams the history keeps.</param>
    /// <param name="aggregationWindowSeconds">How far back <see cref="GetMetrics"/> looks, in seconds.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public StreamingMetricsTracker(
        int maxActiveStreams = 10_000,
        int maxCompletedStreams = 1_000,
        double aggregationWindowSeconds = 300,
        TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxActiveStreams);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCompletedStreams);
        _maxActiveStreams = maxActiveStreams;
        _maxCompletedStreams = maxCompletedStreams;
        _aggregationWindow = TimeSpan.FromSeconds(aggregationWindowSeconds);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many streams may be active at once.</summary>
    public int MaxActiveStreams => _maxActiveStreams;

    /// <summary>How many finished streams the history keeps.</summary>
    public int MaxCompletedStreams => _maxCompletedStreams;

    /// <summary>The number of streams in progress.</summary>
    public int ActiveStreamCount
    {
        get
        {
            lock (_lock)
            {
                return _activeStreams.Count;
            }
        }
    }

    /// <summary>The number of finished streams in the history.</summary>
    public int CompletedStreamCount
    {
        get
        {
            lock (_lock)
            {
                return _completedStreams.Count;
            }
        }
    }

    /// <summary>Streams started since the last reset.</summary>
    public long TotalStreamsStarted
    {
        get
        {
            lock (_lock)
            {
                return _totalStreamsStarted;
            }
        }
    }

    /// <summary>Streams completed since the last reset.</summary>
    public long TotalStreamsCompleted
    {
        get
        {
            lock (_lock)
            {
                return _totalStreamsCompleted;
            }
        }
    }

    /// <summary>Streams failed since the last reset.</summary>
    public long TotalStreamsFailed
    {
        get
        {
            lock (_lock)
            {
                return _totalStreamsFailed;
            }
        }
    }

    /// <summary>Tokens recorded since the last reset.</summary>
    public long TotalTokensGenerated
    {
        get
        {
            lock (_lock)
            {
                return _totalTokensGenerated;
            }
        }
    }

    /// <summary>Bytes sent since the last reset.</summary>
    public long TotalBytesSent
    {
        get
        {
            lock (_lock)
            {
                return _totalBytesSent;
            }
        }
    }

    /// <summary>Starts tracking a stream. A start for an id that is already active is ignored.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="model">The model generating it.</param>
    /// <param name="promptTokens">The number of tokens in the prompt.</param>
    /// <param name="temperature">The sampling temperature, if given.</param>
    /// <param name="maxTokens">The token limit, if given.</param>
    /// <param name="clientId">The client reading the stream, if known.</param>
    /// <exception cref="BoundExceededException"><see cref="MaxActiveStreams"/> streams are already active.</exception>
    public void StartStream(
        string streamId,
        string model,
        int promptTokens,
        double? temperature = null,
        int? maxTokens = null,
        string? clientId = null)
    {
        lock (_lock)
        {
            if (_activeStreams.Count >= _maxActiveStreams)
            {
                throw new BoundExceededException(
                    $"Max active streams limit reached: {_maxActiveStreams} streams are active, cannot start '{streamId}'.");
            }

            if (_activeStreams.ContainsKey(streamId))
            {
                return;
            }

            var stream = new StreamState(streamId, model, promptTokens, _timeProvider.GetUtcNow())
            {
                Temperature = temperature,
                MaxTokens = maxTokens,
                ClientId = clientId,
            };
            _activeStreams.Add(streamId, stream);
            _totalStreamsStarted++;
        }
    }

    /// <summary>Records a token of an active stream; a token for an unknown stream is ignored.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="token">The token's text.</param>
    /// <param name="chunkSizeBytes">The size of the chunk that carried it.</param>
    public void RecordToken(string streamId, string token, int chunkSizeBytes = 0)
    {
        lock (_lock)
        {
            if (!_activeStreams.TryGetValue(streamId, out StreamState? stream))
            {
                return;
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (stream.TokensGenerated == 0)
            {
                stream.FirstTokenTime = now;
            }

            stream.TokensGenerated++;
            stream.LastTokenTime = now;
            stream.TotalBytesSent += chunkSizeBytes;
            stream.TokenTimestamps.Add(now);
            stream.Tokens.Add(token);

            _totalTokensGenerated++;
            _totalBytesSent += chunkSizeBytes;
        }
    }

    /// <summary>Records the time to first token measured elsewhere, unless the stream already has one.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="ttftMs">The time to first token in milliseconds.</param>
    public void RecordFirstTokenTime(string streamId, double ttftMs)
    {
        lock (_lock)
        {
            if (_activeStreams.TryGetValue(streamId, out StreamState? stream) && stream.FirstTokenTime is null)
            {
                stream.FirstTokenTime = stream.StartTime + TimeSpan.FromMilliseconds(ttftMs);
            }
        }
    }

    /// <summary>Records that the client fell behind reading a stream.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    public void RecordBackpressure(string streamId)
    {
        lock (_lock)
        {
            if (_activeStreams.TryGetValue(streamId, out StreamState? stream))
            {
                stream.BackpressureCount++;
            }
        }
    }

    /// <summary>Completes an active stream and moves it to the history; an unknown id is ignored.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="finishReason">Why generation stopped.</param>
    /// <param name="clientId">The client that read the stream, if known.</param>
    public void CompleteStream(string streamId, string finishReason, string? clientId = null)
    {
        lock (_lock)
        {
            if (!_activeStreams.Remove(streamId, out StreamState? stream))
            {
                return;
            }

            stream.CompletionTime = _timeProvider.GetUtcNow();
            stream.FinishReason = finishReason;
            stream.Completed = true;
            if (clientId is not null)
            {
                stream.ClientId = clientId;
            }

            _completedStreams.Enqueue(stream);
            while (_completedStreams.Count > _maxCompletedStreams)
            {
                _completedStreams.Dequeue();
            }

            _totalStreamsCompleted++;
            _cachedMetrics = null;
        }
    }

    /// <summary>Fails an active stream and moves it to the history; an unknown id is ignored.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="errorMessage">Why the stream failed.</param>
    public void FailStream(string streamId, string errorMessage)
    {
        lock (_lock)
        {
            if (!_activeStreams.Remove(streamId, out StreamState? stream))
            {
                return;
            }

            stream.CompletionTime = _timeProvider.GetUtcNow();
            stream.Failed = true;
            stream.ErrorMessage = errorMessage;

            _completedStreams.Enqueue(stream);
            while (_completedStreams.Count > _maxCompletedStreams)
            {
                _completedStreams.Dequeue();
            }

            _totalStreamsFailed++;
            _cachedMetrics = null;
        }
    }

    /// <summary>
    /// Describes a stream: an active one first, then the history newest first; <see langword="null"/> for an id
    /// that was never started or has been dropped from the history.
    /// </summary>
    /// <param name="streamId">The stream's identifier.</param>
    public StreamDetails? GetStreamDetails(string streamId)
    {
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (_activeStreams.TryGetValue(streamId, out StreamState? active))
            {
                return Describe(active, "active", now);
            }

            foreach (StreamState stream in _completedStreams.Reverse())
            {
                if (stream.StreamId == streamId)
                {
                    return Describe(stream, stream.Completed ? "completed" : "failed", now);
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Aggregates the streams finished within the aggregation window, with the totals since the last reset. The
    /// result is cached for ten seconds; completing or failing a stream discards it.
    /// </summary>
    public StreamingMetrics GetMetrics()
    {
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (_cachedMetrics is not null && now - _cachedAt < MetricsCacheTtl)
            {
                return _cachedMetrics;
            }

            _cachedMetrics = CalculateMetrics(now);
            _cachedAt = now;
            return _cachedMetrics;
        }
    }

    /// <summary>The metrics in the Prometheus text exposition format.</summary>
    public string GetPrometheusMetrics()
    {
        StreamingMetrics metrics = GetMetrics();
        var text = new StringBuilder();
        AppendMetric(text, "streaming_total_streams", "Total number of streams", "counter", metrics.TotalStreams);
        AppendMetric(text, "streaming_active_streams", "Number of currently active streams", "gauge", metrics.ActiveStreams);
        AppendMetric(text, "streaming_completed_streams", "Total completed streams", "counter", metrics.CompletedStreams);
        AppendMetric(text, "streaming_failed_streams", "Total failed streams", "counter", metrics.FailedStreams);
        AppendMetric(text, "streaming_total_tokens", "Total tokens generated", "counter", metrics.TotalTokensGenerated);

        AppendHeader(text, "streaming_ttft_milliseconds", "Time to first token", "summary");
        AppendQuantiles(
            text, "streaming_ttft_milliseconds", metrics.P50TimeToFirstTokenMs, metrics.P95TimeToFirstTokenMs, metrics.P99TimeToFirstTokenMs);
        AppendHeader(text, "streaming_tokens_per_second", "Token generation rate", "summary");
        AppendQuantiles(
            text, "streaming_tokens_per_second", metrics.P50TokensPerSecond, metrics.P95TokensPerSecond, metrics.P99TokensPerSecond);

        AppendMetric(text, "streaming_success_rate", "Stream completion success rate", "gauge", metrics.SuccessRate);

        if (metrics.StreamsByModel.Count > 0)
        {
            AppendHeader(text, "streaming_streams_by_model", "Streams by model", "counter");
            foreach (KeyValuePair<string, int> entry in metrics.StreamsByModel)
            {
                text.Append(CultureInfo.InvariantCulture, $"streaming_streams_by_model{{model=\"{entry.Key}\"}} {entry.Value}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Forgets every stream, counter and the cached metrics.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _activeStreams.Clear();
            _completedStreams.Clear();
            _totalStreamsStarted = 0;
            _totalStreamsCompleted = 0;
            _totalStreamsFailed = 0;
            _totalTokensGenerated = 0;
            _totalBytesSent = 0;
            _cachedMetrics = null;
        }
    }

    private static StreamDetails Describe(StreamState stream, string status, DateTimeOffset now) => new(
        stream.StreamId,
        stream.Model,
        status,
        stream.TokensGenerated,
        stream.GetDurationMs(now),
        stream.GetTimeToFirstTokenMs(),
        stream.GetTokensPerSecond(now),
        stream.GetAverageInterTokenLatencyMs(),
        stream.BackpressureCount,
        stream.FinishReason,
        stream.ErrorMessage);

    private StreamingMetrics CalculateMetrics(DateTimeOffset now)
    {
        var metrics = new StreamingMetrics
        {
            TotalStreams = _totalStreamsStarted,
            ActiveStreams = _activeStreams.Count,
            CompletedStreams = _totalStreamsCompleted,
            FailedStreams = _totalStreamsFailed,
            TotalTokensGenerated = _totalTokensGenerated,
            TotalBytesSent = _totalBytesSent,
            SuccessRate = _totalStreamsStarted > 0 ? (double)_totalStreamsCompleted / _totalStreamsStarted : 0,
        };

        DateTimeOffset windowStart = now - _aggregationWindow;
        List<StreamState> windowed = _completedStreams
            .Where(s => s.CompletionTime is { } completed && completed >= windowStart)
            .ToList();
        if (windowed.Count == 0)
        {
            return metrics;
        }

        var ttfts = new List<double>();
        var interTokenLatencies = new List<double>();
        var rates = new List<double>();
        var durations = new List<double>();
        long backpressure = 0;
        var streamsByModel = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokensByModel = new Dictionary<string, long>(StringComparer.Ordinal);

        foreach (StreamState stream in windowed)
        {
            if (stream.GetTimeToFirstTokenMs() is { } ttft)
            {
                ttfts.Add(ttft);
            }

            interTokenLatencies.AddRange(stream.GetInterTokenLatenciesMs());
            double rate = stream.GetTokensPerSecond(now);
            if (rate > 0)
            {
                rates.Add(rate);
            }

            durations.Add(stream.GetDurationMs(now));
            backpressure += stream.BackpressureCount;
            streamsByModel[stream.Model] = streamsByModel.GetValueOrDefault(stream.Model) + 1;
            tokensByModel[stream.Model] = tokensByModel.GetValueOrDefault(stream.Model) + stream.TokensGenerated;
        }

        (double ttftAvg, double ttftP50, double ttftP95, double ttftP99) = Summarize(ttfts);
        (double itlAvg, double itlP50, double itlP95, double itlP99) = Summarize(interTokenLatencies);
        (double rateAvg, double rateP50, double rateP95, double rateP99) = Summarize(rates);
        (double durationAvg, double durationP50, double durationP95, double durationP99) = Summarize(durations);

        return metrics with
        {
            AverageTimeToFirstTokenMs = ttftAvg,
            P50TimeToFirstTokenMs = ttftP50,
            P95TimeToFirstTokenMs = ttftP95,
            P99TimeToFirstTokenMs = ttftP99,
            MinTimeToFirstTokenMs = ttfts.Count > 0 ? ttfts.Min() : 0,
            MaxTimeToFirstTokenMs = ttfts.Count > 0 ? ttfts.Max() : 0,
            AverageInterTokenLatencyMs = itlAvg,
            P50InterTokenLatencyMs = itlP50,
            P95InterTokenLatencyMs = itlP95,
            P99InterTokenLatencyMs = itlP99,
            AverageTokensPerSecond = rateAvg,
            P50TokensPerSecond = rateP50,
            P95TokensPerSecond = rateP95,
            P99TokensPerSecond = rateP99,
            AverageDurationMs = durationAvg,
            P50DurationMs = durationP50,
            P95DurationMs = durationP95,
            P99DurationMs = durationP99,
            TotalBackpressureEvents = backpressure,
            StreamsByModel = streamsByModel,
            TokensByModel = tokensByModel,
        };
    }

    /// <summary>Mean, median, p95 and p99; below 20 samples the high percentiles are the maximum.</summary>
    private static (double Average, double P50, double P95, double P99) Summarize(List<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 0, 0, 0);
        }

        double average = Statistics.Mean(values);
        double median = Statistics.Median(values);
        if (values.Count < 20)
        {
            double max = values.Max();
            return (average, median, max, max);
        }

        return (average, median, Statistics.Quantile(values, 20, 19), Statistics.Quantile(values, 100, 99));
    }

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

    private static void AppendQuantiles(StringBuilder text, string name, double p50, double p95, double p99)
    {
        text.Append(CultureInfo.InvariantCulture, $"{name}{{quantile=\"0.5\"}} {p50}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}{{quantile=\"0.95\"}} {p95}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}{{quantile=\"0.99\"}} {p99}\n");
    }
}
