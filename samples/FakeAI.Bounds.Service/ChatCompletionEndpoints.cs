using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FakeAI.Bounds.Service;

/// <summary><c>POST /v1/chat/completions</c>: a canned reply, whole or streamed as server-sent events.</summary>
internal static class ChatCompletionEndpoints
{
    public const string Route = "/v1/chat/completions";

    public static void MapChatCompletions(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, CompleteAsync);
    }

    private static async Task<IResult> CompleteAsync(
        HttpContext context,
        TrafficRecorder recorder,
        ModelRegistry models,
        StreamingMetricsTracker streams,
        TimeProvider clock,
        IOptions<RequestLimitsOptions> options)
    {
        RequestLimitsOptions limits = options.Value;
        if (ApiKeys.TryRead(context, limits.MaxIdentifierLength, out string apiKey) is { } keyError)
        {
            return recorder.Refused(context, Route, keyError);
        }

        (ChatCompletionRequest? request, ApiError? bodyError) = await RequestBody.ReadAsync<ChatCompletionRequest>(context, limits.MaxRequestBytes);
        if (request is null)
        {
            return recorder.Refused(context, Route, bodyError!, apiKey);
        }

        if (ChatCompletionValidation.Check(request, limits, out int promptCharacters) is { } invalid)
        {
            return recorder.Refused(context, Route, invalid, apiKey);
        }

        if (ModelCatalog.Resolve(models, request.Model!) is not { } model)
        {
            return recorder.Refused(context, Route, ApiError.UnknownModel(request.Model!), apiKey);
        }

        var turn = new ChatTurn(
            "chatcmpl-" + Guid.NewGuid().ToString("N"),
            apiKey,
            model.ModelId,
            clock.GetUtcNow().ToUnixTimeSeconds(),
            CannedText.CountTokens(promptCharacters),
            request.MaxTokens ?? CannedText.DefaultCompletionTokens,
            request.MaxTokens is null ? "stop" : "length",
            request.Temperature,
            request.MaxTokens);
        if (request.Stream)
        {
            return await ChatCompletionStream.WriteAsync(context, turn, streams, recorder, clock);
        }

        recorder.Succeeded(Route, apiKey, turn.Model, turn.PromptTokens, turn.CompletionTokens);
        var reply = new ChatMessage("assistant", CannedText.Reply(turn.CompletionTokens));
        return Results.Json(
            new ChatCompletion(turn.Id, "chat.completion", turn.Created, turn.Model, [new ChatChoice(0, reply, turn.FinishReason)], Usage(turn)),
            ServiceJson.Options);
    }

    private static TokenUsage Usage(ChatTurn turn) => new(turn.PromptTokens, turn.CompletionTokens, turn.PromptTokens + turn.CompletionTokens);
}
