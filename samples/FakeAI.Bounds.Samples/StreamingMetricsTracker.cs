using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using FakeAI.Bounds.Samples.Shared;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// Tracks streamed responses: each stream's tokens and timing while it runs, a history of finished streams, and
/// aggregate throughput and latency over a recent window.
/// </summary>
/// <remarks>
/// <para>
/// Everything the tracker holds is bounded: at most <see cref="MaxActiveStreams"/> active streams (a further start
/// throws), at most <see cref="MaxCompletedStreams"/> finished streams (the oldest is evicted), and per stream the
/// arrival times of its newest <see cref="MaxTokenHistoryPerStream"/> tokens. The worst case is therefore
/// (<see cref="MaxActiveStreams"/> + <see cref="MaxCompletedStreams"/>) streams of
/// <see cref="MaxTokenHistoryPerStream"/> timestamps each, whatever clients send.
/// </para>
/// <para>
/// Every public member is safe to call from any thread: one lock per instance guards them all. The generated
/// <c>GetBounds()</c> and <c>ClearBounds()</c> run outside that lock; the bounded collections are thread-safe, so they
/// are safe too, and <see cref="Reset"/> is the way to clear everything at once.
/// </para>
/// </remarks>
[BoundedTracker]
public sealed partial class StreamingMetricsTracker
{
    /// <summary>The largest <see cref="MaxActiveStreams"/> allowed.</summary>
    public const int MaxAllowedActiveStreams = 100_000;

    /// <summary>The largest <see cref="MaxCompletedStreams"/> allowed.</summary>
    public const int MaxAllowedCompletedStreams = 100_000;

    /// <summary>The default <see cref="MaxTokenHistoryPerStream"/>.</summary>
    public const int DefaultMaxTokenHistoryPerStream = 1_024;

    /// <summary>The largest <see cref="MaxTokenHistoryPerStream"/> allowed.</summary>
    public const int MaxAllowedTokenHistoryPerStream = StreamState.MaxAllowedTokenHistory;

    private static readonly TimeSpan MetricsCacheTtl = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _aggregationWindow;
    private readonly int _maxTokenHistoryPerStream;

    /// <summary>The streams in progress, by stream id: a hard cap, <see cref="StartStream"/> refuses a stream beyond it.</summary>
    private readonly ActiveStreamMap _activeStreams;

    /// <summary>Completed and failed streams, oldest first; the oldest is evicted to make room.</summary>
    private readonly CompletedStreamQueue _completedStreams;

    private long _totalStreamsStarted;
    private long _totalStreamsCompleted;
    private long _totalStreamsFailed;
    private long _totalTokensGenerated;
    private long _totalBytesSent;

    private StreamingMetrics? _cachedMetrics;
    private DateTimeOffset _cachedAt;

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxActiveStreams">How many streams may be active at once: 1 … <see cref="MaxAllowedActiveStreams"/>.</param>
    /// <param name="maxCompletedStreams">How many finished streams the history keeps: 1 … <see cref="MaxAllowedCompletedStreams"/>.</param>
    /// <param name="aggregationWindowSeconds">How far back <see cref="GetMetrics"/> looks, in seconds (greater than zero).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="maxTokenHistoryPerStream">
    /// How many token arrival times each stream keeps for its inter-token latency: 1 … <see cref="MaxAllowedTokenHistoryPerStream"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside its range; the exception names it.</exception>
    public StreamingMetricsTracker(
        int maxActiveStreams = 10_000,
        int maxCompletedStreams = 1_000,
        double aggregationWindowSeconds = 300,
        TimeProvider? timeProvider = null,
        int maxTokenHistoryPerStream = DefaultMaxTokenHistoryPerStream)
    {
        Guard.InRange(maxActiveStreams, 1, MaxAllowedActiveStreams, nameof(maxActiveStreams));
        Guard.InRange(maxCompletedStreams, 1, MaxAllowedCompletedStreams, nameof(maxCompletedStreams));
        Guard.Positive(aggregationWindowSeconds, nameof(aggregationWindowSeconds));
        _maxTokenHistoryPerStream = Guard.InRange(
            maxTokenHistoryPerStream, 1, MaxAllowedTokenHistoryPerStream, nameof(maxTokenHistoryPerStream));
        _aggregationWindow = TimeSpan.FromSeconds(aggregationWindowSeconds);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _activeStreams = new ActiveStreamMap(maxActiveStreams, StringComparer.Ordinal);
        _completedStreams = new CompletedStreamQueue(maxCompletedStreams);
    }

    /// <summary>How many streams may be active at once.</summary>
    public int MaxActiveStreams => _activeStreams.Capacity;

    /// <summary>How many finished streams the history keeps.</summary>
    public int MaxCompletedStreams => _completedStreams.Capacity;

    /// <summary>How many token arrival times each stream keeps.</summary>
    public int MaxTokenHistoryPerStream => _maxTokenHistoryPerStream;

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

    /// <summary>Whether <see cref="GetMetrics"/> has a cached result (it is discarded by completions, failures and <see cref="Reset"/>).</summary>
    public bool HasCachedMetrics
    {
        get
        {
            lock (_lock)
            {
                return _cachedMetrics is not null;
            }
        }
    }

    /// <summary>
    /// Starts tracking a stream. The cap is checked first: at <see cref="MaxActiveStreams"/> active streams the start
    /// throws, even for an id that is already active. Below the cap, a start for an active id is ignored.
    /// </summary>
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
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(model);
        lock (_lock)
        {
            if (_activeStreams.Count >= _activeStreams.Capacity)
            {
                throw new BoundExceededException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Max active streams limit reached: {_activeStreams.Capacity} streams are active, cannot start '{streamId}'."));
            }

            if (_activeStreams.ContainsKey(streamId))
            {
                return;
            }

            var stream = new StreamState(streamId, model, promptTokens, _timeProvider.GetUtcNow(), _maxTokenHistoryPerStream)
            {
                Temperature = temperature,
                MaxTokens = maxTokens,
                ClientId = clientId,
            };
            _activeStreams[streamId] = stream;
            _totalStreamsStarted++;
        }
    }

    /// <summary>Records a token of an active stream; a token for an unknown stream is ignored.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="token">The token's text (counted, not kept).</param>
    /// <param name="chunkSizeBytes">The size of the chunk that carried it.</param>
    public void RecordToken(string streamId, string token, int chunkSizeBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(token);
        lock (_lock)
        {
            if (!_activeStreams.TryGetValue(streamId, out StreamState? stream))
            {
                return;
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (stream.TokensGenerated == 0 && stream.FirstTokenTime is null)
            {
                stream.FirstTokenTime = now;
            }

            stream.TokensGenerated++;
            stream.LastTokenTime = now;
            stream.TotalBytesSent += chunkSizeBytes;
            stream.TokenTimes.Add(now.UtcTicks);

            _totalTokensGenerated++;
            _totalBytesSent += chunkSizeBytes;
        }
    }

    /// <summary>Records the time to first token measured elsewhere, unless the stream already has one.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="ttftMs">The time to first token in milliseconds.</param>
    public void RecordFirstTokenTime(string streamId, double ttftMs)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        lock (_lock)
        {
            if (_activeStreams.TryGetValue(streamId, out StreamState? stream) && stream.FirstTokenTime is null)
            {
                stream.FirstTokenTime = stream.StartTime + TimeSpan.FromMilliseconds(ttftMs);
            }
        }
    }

    /// <summary>Records that the client fell behind reading a stream; an unknown id is ignored.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    public void RecordBackpressure(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        lock (_lock)
        {
            if (_activeStreams.TryGetValue(streamId, out StreamState? stream))
            {
                stream.BackpressureCount++;
            }
        }
    }

    /// <summary>
    /// Completes an active stream, freeing its slot, and appends it to the history (evicting the oldest finished stream
    /// when the history is full); an unknown id is ignored.
    /// </summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="finishReason">Why generation stopped.</param>
    /// <param name="clientId">The client that read the stream, if known.</param>
    public void CompleteStream(string streamId, string finishReason, string? clientId = null)
    {
        ArgumentNullException.ThrowIfNull(streamId);
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

            _completedStreams.Add(stream);
            _totalStreamsCompleted++;
            _cachedMetrics = null;
        }
    }

    /// <summary>
    /// Fails an active stream, freeing its slot, and appends it to the history (evicting the oldest finished stream when
    /// the history is full); an unknown id is ignored.
    /// </summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="errorMessage">Why the stream failed.</param>
    public void FailStream(string streamId, string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        lock (_lock)
        {
            if (!_activeStreams.Remove(streamId, out StreamState? stream))
            {
                return;
            }

            stream.CompletionTime = _timeProvider.GetUtcNow();
            stream.Failed = true;
            stream.ErrorMessage = errorMessage;

            _completedStreams.Add(stream);
            _totalStreamsFailed++;
            _cachedMetrics = null;
        }
    }

    /// <summary>
    /// Describes a stream: an active one first (status <c>active</c>), then the history newest first
    /// (<c>completed</c> or <c>failed</c>); <see langword="null"/> for an id that was never started or has been evicted
    /// from the history.
    /// </summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <returns>The stream's details, or <see langword="null"/>.</returns>
    public StreamDetails? GetStreamDetails(string streamId)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        lock (_lock)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (_activeStreams.TryGetValue(streamId, out StreamState? active))
            {
                return Describe(active, "active", now);
            }

            StreamState? finished = FindCompleted(streamId);
            return finished is null ? null : Describe(finished, finished.Completed ? "completed" : "failed", now);
        }
    }

    /// <summary>
    /// Aggregates the streams finished within the aggregation window, with the totals since the last reset. The
    /// result is cached for ten seconds; completing or failing a stream discards it.
    /// </summary>
    /// <returns>The metrics.</returns>
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
    /// <returns>The exposition text.</returns>
    public string GetPrometheusMetrics()
    {
        StreamingMetrics metrics = GetMetrics();
        var text = new StringBuilder();
        Prometheus.AppendMetric(text, "streaming_total_streams", "Total number of streams", "counter", metrics.TotalStreams);
        Prometheus.AppendMetric(text, "streaming_active_streams", "Number of currently active streams", "gauge", metrics.ActiveStreams);
        Prometheus.AppendMetric(text, "streaming_completed_streams", "Total completed streams", "counter", metrics.CompletedStreams);
        Prometheus.AppendMetric(text, "streaming_failed_streams", "Total failed streams", "counter", metrics.FailedStreams);
        Prometheus.AppendMetric(text, "streaming_total_tokens", "Total tokens generated", "counter", metrics.TotalTokensGenerated);

        Prometheus.AppendHeader(text, "streaming_ttft_milliseconds", "Time to first token", "summary");
        Prometheus.AppendQuantiles(
            text, "streaming_ttft_milliseconds", metrics.P50TimeToFirstTokenMs, metrics.P95TimeToFirstTokenMs, metrics.P99TimeToFirstTokenMs);
        Prometheus.AppendHeader(text, "streaming_tokens_per_second", "Token generation rate", "summary");
        Prometheus.AppendQuantiles(
            text, "streaming_tokens_per_second", metrics.P50TokensPerSecond, metrics.P95TokensPerSecond, metrics.P99TokensPerSecond);

        Prometheus.AppendMetric(text, "streaming_success_rate", "Stream completion success rate", "gauge", metrics.SuccessRate);

        if (metrics.StreamsByModel.Count > 0)
        {
            Prometheus.AppendHeader(text, "streaming_streams_by_model", "Streams by model", "counter");
            foreach (KeyValuePair<string, int> entry in metrics.StreamsByModel)
            {
                Prometheus.AppendLabelled(text, "streaming_streams_by_model", "model", entry.Key, entry.Value);
            }
        }

        return text.ToString();
    }

    /// <summary>Forgets every stream, counter and the cached metrics, atomically.</summary>
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

    /// <summary>The state object of a stream, active or in the history (for tests that check what is collected).</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <returns>The state, or <see langword="null"/>.</returns>
    internal StreamState? FindStreamState(string streamId)
    {
        lock (_lock)
        {
            return _activeStreams.TryGetValue(streamId, out StreamState? active) ? active : FindCompleted(streamId);
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

    /// <summary>The newest finished stream with this id, walking the history from newest to oldest.</summary>
    private StreamState? FindCompleted(string streamId)
    {
        for (int i = _completedStreams.Count - 1; i >= 0; i--)
        {
            StreamState stream = _completedStreams[i];
            if (string.Equals(stream.StreamId, streamId, StringComparison.Ordinal))
            {
                return stream;
            }
        }

        return null;
    }

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
        var ttfts = new List<double>();
        var interTokenLatencies = new List<double>();
        var rates = new List<double>();
        var durations = new List<double>();
        long backpressure = 0;
        var streamsByModel = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokensByModel = new Dictionary<string, long>(StringComparer.Ordinal);

        foreach (StreamState stream in _completedStreams.ToArray())
        {
            if (stream.CompletionTime is not { } completed || completed < windowStart)
            {
                continue;
            }

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

        if (durations.Count == 0)
        {
            return metrics;
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

    /// <summary>Active streams by id. <see cref="OverflowPolicy.Throw"/>: the cap on concurrent streams is a hard one.</summary>
    [Bounded(MaxLength = MaxAllowedActiveStreams, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    private sealed partial class ActiveStreamMap : IBoundedDictionary<string, StreamState>;

    /// <summary>Finished streams, oldest first: <c>deque(maxlen=max_completed_streams)</c>.</summary>
    [Bounded(MaxLength = MaxAllowedCompletedStreams, ThreadSafe = true)]
    private sealed partial class CompletedStreamQueue : IBoundedQueue<StreamState>;
}
