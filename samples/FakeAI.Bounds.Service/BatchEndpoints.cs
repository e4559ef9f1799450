using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FakeAI.Bounds.Service;

/// <summary>
/// <c>/v1/batches</c>: creating a batch runs its canned requests at once and leaves it in progress; reading it back
/// finishes it, cancelling fails it. A batch nobody reads again stays active in the tracker, as abandoned jobs do.
/// </summary>
internal static class BatchEndpoints
{
    public const string Route = "/v1/batches";
    public const string ItemRoute = "/v1/batches/{batch_id}";
    public const string CancelRoute = "/v1/batches/{batch_id}/cancel";

    /// <summary>How many requests the canned input file of every batch holds.</summary>
    public const int RequestsPerBatch = 20;

    private static readonly string[] Endpoints = [ChatCompletionEndpoints.Route, EmbeddingEndpoints.Route];

    public static void MapBatches(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, CreateAsync);
        app.MapGet(ItemRoute, Retrieve);
        app.MapPost(CancelRoute, Cancel);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, TrafficRecorder recorder, BatchMetricsTracker batches, TimeProvider clock, IOptions<RequestLimitsOptions> options)
    {
        RequestLimitsOptions limits = options.Value;
        if (ApiKeys.TryRead(context, limits.MaxIdentifierLength, out string apiKey) is { } keyError)
        {
            return recorder.Refused(context, Route, keyError);
        }

        (BatchRequest? request, ApiError? bodyError) = await RequestBody.ReadAsync<BatchRequest>(context, limits.MaxRequestBytes);
        if (request is null)
        {
            return recorder.Refused(context, Route, bodyError!, apiKey);
        }

        if (Check(request, limits) is { } invalid)
        {
            return recorder.Refused(context, Route, invalid, apiKey);
        }

        string id = "batch_" + Guid.NewGuid().ToString("N");
        batches.StartBatch(id, RequestsPerBatch);
        batches.RecordValidationComplete(id);
        batches.RecordProcessingStart(id);
        for (int i = 0; i < RequestsPerBatch; i++)
        {
            batches.RecordRequestProcessed(id, latencyMs: 40 + i, tokens: 30);
        }

        recorder.Succeeded(Route);
        return Results.Json(
            new BatchObject(id, "batch", "in_progress", new BatchRequestCounts(RequestsPerBatch, RequestsPerBatch, 0), request.Endpoint, request.InputFileId, request.CompletionWindow, clock.GetUtcNow().ToUnixTimeSeconds()),
            ServiceJson.Options);
    }

    private static IResult Retrieve(string batch_id, HttpContext context, TrafficRecorder recorder, BatchMetricsTracker batches, IOptions<RequestLimitsOptions> options)
    {
        if (Find(batch_id, context, recorder, batches, options.Value, ItemRoute, out BatchStats? stats) is { } refused)
        {
            return refused;
        }

        if (stats!.Status == "active")
        {
            batches.RecordProcessingComplete(batch_id);
            batches.RecordFinalizationComplete(batch_id);
            batches.CompleteBatch(batch_id);
            stats = batches.GetBatchStats(batch_id) ?? stats;
        }

        recorder.Succeeded(ItemRoute);
        return Results.Json(Describe(stats), ServiceJson.Options);
    }

    private static IResult Cancel(string batch_id, HttpContext context, TrafficRecorder recorder, BatchMetricsTracker batches, IOptions<RequestLimitsOptions> options)
    {
        if (Find(batch_id, context, recorder, batches, options.Value, CancelRoute, out BatchStats? stats) is { } refused)
        {
            return refused;
        }

        if (stats!.Status != "active")
        {
            return recorder.Refused(context, CancelRoute, ApiError.Invalid("batch_id", $"The batch is {stats.Status} and can no longer be cancelled."));
        }

        batches.FailBatch(batch_id, "cancelled by the client");
        recorder.Succeeded(CancelRoute);
        return Results.Json(Describe(batches.GetBatchStats(batch_id) ?? stats) with { Status = "cancelled" }, ServiceJson.Options);
    }

    // The batch's stats, or the refusal: no API key, an id too long to be one of ours, or an id not (or no longer) held.
    private static IResult? Find(string id, HttpContext context, TrafficRecorder recorder, BatchMetricsTracker batches, RequestLimitsOptions limits, string route, out BatchStats? stats)
    {
        stats = null;
        if (ApiKeys.TryRead(context, limits.MaxIdentifierLength, out string apiKey) is { } keyError)
        {
            return recorder.Refused(context, route, keyError);
        }

        if (Identifiers.Check("batch_id", id, limits.MaxIdentifierLength) is { } invalid)
        {
            return recorder.Refused(context, route, invalid, apiKey);
        }

        stats = batches.GetBatchStats(id);
        return stats is null
            ? recorder.Refused(context, route, new ApiError(StatusCodes.Status404NotFound, "invalid_request_error", "batch_not_found", $"No batch found with id '{id}'.", "batch_id"), apiKey)
            : null;
    }

    private static BatchObject Describe(BatchStats stats) => new(
        stats.BatchId,
        "batch",
        stats.Status == "active" ? "in_progress" : stats.Status,
        new BatchRequestCounts(stats.TotalRequests, stats.RequestsSucceeded, stats.RequestsFailed));

    private static ApiError? Check(BatchRequest request, RequestLimitsOptions limits)
    {
        if (Identifiers.Check("input_file_id", request.InputFileId, limits.MaxIdentifierLength) is { } fileError)
        {
            return fileError;
        }

        if (request.Endpoint is null)
        {
            return ApiError.Missing("endpoint");
        }

        if (Array.IndexOf(Endpoints, request.Endpoint) < 0)
        {
            return ApiError.Invalid("endpoint", $"'endpoint' must be one of {string.Join(", ", Endpoints)}.");
        }

        return request.CompletionWindow switch
        {
            null => ApiError.Missing("completion_window"),
            "24h" => null,
            _ => ApiError.Invalid("completion_window", "'completion_window' must be 24h."),
        };
    }
}
