namespace FakeAI.Bounds.Service;

/// <summary>Published on the event bus once a request has an outcome.</summary>
/// <param name="EventType"><c>request.succeeded</c> or <c>request.failed</c>.</param>
/// <param name="Endpoint">The endpoint's route.</param>
/// <param name="Model">The model asked for, when known.</param>
/// <param name="StatusCode">The HTTP status answered.</param>
internal sealed record RequestEvent(string EventType, string Endpoint, string? Model, int StatusCode) : IBusEvent
{
    public const string Succeeded = "request.succeeded";

    public const string Failed = "request.failed";
}
