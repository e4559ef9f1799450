using System;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// Everything <see cref="StreamingMetricsTracker"/> knows about one streamed response: timing, token counts and client
/// behaviour. The tracker keeps one per active stream and one per stream in its completed history, and only touches
/// it under its lock.
/// </summary>
/// <remarks>
/// The Python original kept the text and the timestamp of every token of the stream. Here only the arrival times of
/// the newest <see cref="TokenTimeline.Capacity"/> tokens are kept, enough for inter-token latency; the counts and
/// byte totals cover the whole stream.
/// </remarks>
internal sealed partial class StreamState
{
    /// <summary>The largest per-stream token history allowed.</summary>
    public const int MaxAllowedTokenHistory = 65_536;

    /// <summary>Creates the state of a stream that has just started.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="model">The model generating the stream.</param>
    /// <param name="promptTokens">The number of tokens in the prompt.</param>
    /// <param name="startTime">When the stream started.</param>
    /// <param name="tokenHistory">How many token arrival times to keep.</param>
    public StreamState(string streamId, string model, int promptTokens, DateTimeOffset startTime, int tokenHistory)
    {
        StreamId = streamId;
        Model = model;
        PromptTokens = promptTokens;
        StartTime = startTime;
        TokenTimes = new TokenTimeline(tokenHistory);
    }

    /// <summary>The stream's identifier.</summary>
    public string StreamId { get; }

    /// <summary>The model generating the stream.</summary>
    public string Model { get; }

    /// <summary>The number of tokens in the prompt.</summary>
    public int PromptTokens { get; }

    /// <summary>When the stream started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The number of tokens recorded so far (all of them, not only those in <see cref="TokenTimes"/>).</summary>
    public int TokensGenerated { get; set; }

    /// <summary>The bytes sent to the client so far.</summary>
    public long TotalBytesSent { get; set; }

    /// <summary>
    /// The arrival times (UTC ticks) of the newest tokens, oldest first. Bounded: a long generation evicts its oldest
    /// timestamps instead of growing.
    /// </summary>
    public TokenTimeline TokenTimes { get; }

    /// <summary>When the first token arrived, if one has.</summary>
    public DateTimeOffset? FirstTokenTime { get; set; }

    /// <summary>When the latest token arrived, if one has.</summary>
    public DateTimeOffset? LastTokenTime { get; set; }

    /// <summary>When the stream completed or failed; <see langword="null"/> while it is active.</summary>
    public DateTimeOffset? CompletionTime { get; set; }

    /// <summary>How often the client fell behind reading the stream.</summary>
    public int BackpressureCount { get; set; }

    /// <summary>The sampling temperature of the request, if given.</summary>
    public double? Temperature { get; set; }

    /// <summary>The token limit of the request, if given.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Why generation stopped (<c>stop</c>, <c>length</c>, …), once completed.</summary>
    public string? FinishReason { get; set; }

    /// <summary>The client that read the stream, if known.</summary>
    public string? ClientId { get; set; }

    /// <summary>Whether the stream completed normally.</summary>
    public bool Completed { get; set; }

    /// <summary>Whether the stream failed.</summary>
    public bool Failed { get; set; }

    /// <summary>Why the stream failed, if it did.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The time to first token in milliseconds, once the first token has arrived.</summary>
    public double? GetTimeToFirstTokenMs() =>
        FirstTokenTime is { } first ? (first - StartTime).TotalMilliseconds : null;

    /// <summary>The stream's duration in milliseconds: up to its completion, or up to <paramref name="now"/> while active.</summary>
    /// <param name="now">The current time.</param>
    public double GetDurationMs(DateTimeOffset now) => ((CompletionTime ?? now) - StartTime).TotalMilliseconds;

    /// <summary>Tokens per second over the whole duration of the stream.</summary>
    /// <param name="now">The current time.</param>
    public double GetTokensPerSecond(DateTimeOffset now)
    {
        double seconds = GetDurationMs(now) / 1000;
        return seconds > 0 ? TokensGenerated / seconds : 0;
    }

    /// <summary>The time between consecutive tokens of the kept history, in milliseconds.</summary>
    public double[] GetInterTokenLatenciesMs()
    {
        int count = TokenTimes.Count;
        if (count < 2)
        {
            return [];
        }

        var latencies = new double[count - 1];
        long previous = TokenTimes[0];
        for (int i = 1; i < count; i++)
        {
            long current = TokenTimes[i];
            latencies[i - 1] = TimeSpan.FromTicks(current - previous).TotalMilliseconds;
            previous = current;
        }

        return latencies;
    }

    /// <summary>
    /// The mean time between consecutive tokens of the kept history in milliseconds; <see langword="null"/> below two
    /// tokens. The mean of the gaps is the span of the history over its gap count, so no array is needed.
    /// </summary>
    public double? GetAverageInterTokenLatencyMs()
    {
        int count = TokenTimes.Count;
        if (count < 2 || !TokenTimes.TryPeekOldest(out long oldest) || !TokenTimes.TryPeekNewest(out long newest))
        {
            return null;
        }

        return TimeSpan.FromTicks(newest - oldest).TotalMilliseconds / (count - 1);
    }

    /// <summary>Token arrival times of one stream, in UTC ticks, newest kept.</summary>
    [Bounded(MaxLength = MaxAllowedTokenHistory)]
    internal sealed partial class TokenTimeline : IBoundedQueue<long>;
}
