using Microsoft.AspNetCore.Http;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Feeds every request's outcome to the trackers: the error tracker counts it, a success is charged to its API key,
/// and the outcome is published on the event bus. Endpoints are recorded by route, never by raw path, so that ids in
/// paths do not become counter keys.
/// </summary>
internal sealed class TrafficRecorder(ErrorMetricsTracker errors, CostTracker costs, AsyncEventBus bus)
{
    /// <summary>Records a success and charges its tokens to <paramref name="apiKey"/>.</summary>
    public void Succeeded(string endpoint, string apiKey, string model, int promptTokens, int completionTokens)
    {
        errors.RecordSuccess(endpoint, model);
        costs.RecordUsage(apiKey, model, endpoint, promptTokens, completionTokens);
        bus.Publish(new RequestEvent(RequestEvent.Succeeded, endpoint, model, StatusCodes.Status200OK));
    }

    /// <summary>Records a success that costs nothing (reading a model or a batch).</summary>
    public void Succeeded(string endpoint, string? model = null)
    {
        errors.RecordSuccess(endpoint, model);
        bus.Publish(new RequestEvent(RequestEvent.Succeeded, endpoint, model, StatusCodes.Status200OK));
    }

    /// <summary>
    /// Records a refused request and returns its response. <paramref name="model"/> is given only for a model the
    /// service knows, so that made-up model ids do not become per-model counter keys.
    /// </summary>
    public IResult Refused(HttpContext context, string endpoint, ApiError error, string? apiKey = null, string? model = null)
    {
        errors.RecordError(endpoint, error.StatusCode, error.Code, error.Message, model, apiKey, context.TraceIdentifier);
        bus.Publish(new RequestEvent(RequestEvent.Failed, endpoint, model, error.StatusCode));
        return error.ToResult();
    }
}
