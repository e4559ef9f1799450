using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Streams a reply as server-sent events (<c>data: {chunk}</c> per token, then <c>data: [DONE]</c>) and reports the
/// stream to the streaming tracker: started, first-token time, every token, then completed, or failed when the client
/// goes away. At the tracker's active-stream cap the request gets 429 before anything is written.
/// </summary>
internal static class ChatCompletionStream
{
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static async Task<IResult> WriteAsync(HttpContext context, ChatTurn turn, StreamingMetricsTracker streams, TrafficRecorder recorder, TimeProvider clock)
    {
        long started = clock.GetTimestamp();
        try
        {
            streams.StartStream(turn.Id, turn.Model, turn.PromptTokens, turn.Temperature, turn.MaxTokens, turn.ApiKey);
        }
        catch (BoundExceededException)
        {
            var busy = new ApiError(
                StatusCodes.Status429TooManyRequests,
                "rate_limit_error",
                "too_many_active_streams",
                $"The service is streaming its maximum of {streams.MaxActiveStreams} replies; retry when one has finished.");
            return recorder.Refused(context, ChatCompletionEndpoints.Route, busy, turn.ApiKey, turn.Model);
        }

        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        try
        {
            await WriteChunkAsync(response, turn, new ChatMessage("assistant", string.Empty), finishReason: null, context);
            for (int i = 0; i < turn.CompletionTokens; i++)
            {
                string token = CannedText.Token(i);
                if (i == 0)
                {
                    streams.RecordFirstTokenTime(turn.Id, clock.GetElapsedTime(started).TotalMilliseconds);
                }

                int bytes = await WriteChunkAsync(response, turn, new ChatMessage(null, token), finishReason: null, context);
                streams.RecordToken(turn.Id, token, bytes);
            }

            await WriteChunkAsync(response, turn, new ChatMessage(null, null), turn.FinishReason, context);
            await response.Body.WriteAsync(Done, context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
        }
        catch (Exception exception)
        {
            // Whatever ends the stream early, it frees its active slot and is kept as failed; only a client that went
            // away is an expected end.
            bool disconnected = exception is OperationCanceledException or System.IO.IOException;
            streams.FailStream(turn.Id, disconnected ? "client disconnected" : exception.GetType().Name);
            if (!disconnected)
            {
                throw;
            }

            return Results.Empty;
        }

        streams.CompleteStream(turn.Id, turn.FinishReason, turn.ApiKey);
        recorder.Succeeded(ChatCompletionEndpoints.Route, turn.ApiKey, turn.Model, turn.PromptTokens, turn.CompletionTokens);
        return Results.Empty;
    }

    // One "data: {json}\n\n" event, flushed so the client sees the token now; returns its size in bytes.
    private static async Task<int> WriteChunkAsync(HttpResponse response, ChatTurn turn, ChatMessage delta, string? finishReason, HttpContext context)
    {
        var chunk = new ChatCompletionChunk(turn.Id, "chat.completion.chunk", turn.Created, turn.Model, [new ChunkChoice(0, delta, finishReason)]);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(chunk, ServiceJson.Options);
        byte[] frame = new byte[json.Length + 8];
        "data: "u8.CopyTo(frame);
        json.CopyTo(frame, 6);
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        await response.Body.WriteAsync(frame, context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
        return frame.Length;
    }
}
