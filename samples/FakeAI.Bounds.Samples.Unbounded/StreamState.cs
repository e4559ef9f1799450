using System;
using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// Everything <see cref="StreamingMetricsTracker"/> knows about one streamed response: timing, tokens and client
/// behaviour. The tracker keeps one per active stream and one per stream in its completed history.
/// </summary>
public sealed class StreamState
{
    /// <summary>Creates the state of a stream that has just started.</summary>
    /// <param name="streamId">The stream's identifier.</param>
    /// <param name="model">The model generating the stream.</param>
    /// <param name="promptTokens">The number of tokens in the prompt.</param>
    /// <param name="startTime">When the stream started.</param>
    public StreamState(string streamId, string model, int promptTokens, DateTimeOffset startTime)
    {
        StreamId = streamId;
        Model = model;
        PromptTokens = promptTokens;
        StartTime = startTime;
    }

    /// <summary>The stream's identifier.</summary>
    public string StreamId { get; }

    /// <summary>The model generating the stream.</summary>
    public string Model { get; }

    /// <summary>The number of tokens in the prompt.</summary>
    public int PromptTokens { get; }

    /// <summary>When the stream started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The number of tokens recorded so far.</summary>
    public int TokensGenerated { get; set; }

    /// <summary>The bytes sent to the client so far.</summary>
    public long TotalBytesSent { get; set; }

    /// <summary>
    /// When each token was recorded, one entry per token. Grows with the length of the stream and is never trimmed:
    /// a long generation keeps every timestamp for as long as the stream stays in the tracker.
    /// </summary>
    public List<DateTimeOffset> TokenTimestamps { get; } = [];

    /// <summary>The text of every token of the stream, in order. Grows with the stream and is never trimmed.</summary>
    public List<string> Tokens { get; } = [];

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

    /// <summary>The time between consecutive tokens, in milliseconds.</summary>
    public double[] GetInterTokenLatenciesMs()
    {
        if (TokenTimestamps.Count < 2)
        {
            return [];
        }

        var latencies = new double[TokenTimestamps.Count - 1];
        for (int i = 1; i < TokenTimestamps.Count; i++)
        {
            latencies[i - 1] = (TokenTimestamps[i] - TokenTimestamps[i - 1]).TotalMilliseconds;
        }

        return latencies;
    }

    /// <summary>The mean time between consecutive tokens in milliseconds; <see langword="null"/> below two tokens.</summary>
    public double? GetAverageInterTokenLatencyMs()
    {
        double[] latencies = GetInterTokenLatenciesMs();
        return latencies.Length == 0 ? null : latencies.Average();
    }
}
