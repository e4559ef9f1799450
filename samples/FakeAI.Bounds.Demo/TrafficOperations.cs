namespace FakeAI.Bounds.Demo;

/// <summary>
/// One thing that happens to a FakeAI server, as its trackers see it. The generator produces these without knowing
/// which version of the trackers will receive them, so both versions are fed exactly the same calls with exactly the
/// same arguments.
/// </summary>
internal abstract record TrafficOperation;

/// <summary>A streamed completion starts.</summary>
/// <param name="StreamId">The stream's id, new for every stream.</param>
/// <param name="Model">The model the client asked for.</param>
/// <param name="PromptTokens">Tokens in the prompt.</param>
/// <param name="Temperature">The sampling temperature, when the client set one.</param>
/// <param name="MaxTokens">The token limit, when the client set one.</param>
/// <param name="ClientId">The client reading the stream.</param>
internal sealed record StreamStarted(string StreamId, string Model, int PromptTokens, double? Temperature, int? MaxTokens, string ClientId)
    : TrafficOperation;

/// <summary>A token of a running stream is sent.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="Token">The token's text, decoded fresh for this chunk.</param>
/// <param name="ChunkBytes">The size of the server-sent-event chunk that carried it.</param>
internal sealed record TokenStreamed(string StreamId, string Token, int ChunkBytes) : TrafficOperation;

/// <summary>A stream ends normally.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="FinishReason">Why generation stopped.</param>
internal sealed record StreamCompleted(string StreamId, string FinishReason) : TrafficOperation;

/// <summary>A stream breaks off.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="ErrorMessage">Why.</param>
internal sealed record StreamFailed(string StreamId, string ErrorMessage) : TrafficOperation;

/// <summary>A request fails.</summary>
/// <param name="Endpoint">The path the client called, which the client chooses.</param>
/// <param name="StatusCode">The HTTP status returned.</param>
/// <param name="ErrorType">The error's type.</param>
/// <param name="Message">The error's message, which often quotes client input.</param>
/// <param name="Model">The model the client named, if any.</param>
/// <param name="ApiKey">The client's API key.</param>
/// <param name="RequestId">The request's id, new for every request.</param>
/// <param name="UserId">The end user the client passed along.</param>
internal sealed record ErrorOccurred(
    string Endpoint,
    int StatusCode,
    string ErrorType,
    string Message,
    string? Model,
    string ApiKey,
    string RequestId,
    string UserId) : TrafficOperation;

/// <summary>A request succeeds.</summary>
/// <param name="Endpoint">The path the client called.</param>
/// <param name="Model">The model used.</param>
internal sealed record RequestSucceeded(string Endpoint, string Model) : TrafficOperation;

/// <summary>A request is priced.</summary>
/// <param name="ApiKey">The client's API key.</param>
/// <param name="Model">The model used, possibly a client's fine-tune.</param>
/// <param name="Endpoint">The endpoint called.</param>
/// <param name="PromptTokens">Prompt tokens.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="CachedTokens">Prompt tokens served from cache.</param>
internal sealed record UsageRecorded(string ApiKey, string Model, string Endpoint, int PromptTokens, int CompletionTokens, int CachedTokens)
    : TrafficOperation;

/// <summary>The server publishes an event on its bus.</summary>
/// <param name="EventType">The event's type.</param>
/// <param name="Subject">The request or stream the event is about.</param>
internal sealed record EventPublished(string EventType, string Subject) : TrafficOperation;

/// <summary>A client connection subscribes to its own event type (for example to push updates over a websocket).</summary>
/// <param name="EventType">The connection's event type, new for every connection.</param>
internal sealed record ClientSubscribed(string EventType) : TrafficOperation;

/// <summary>A client connection closes and unsubscribes.</summary>
/// <param name="EventType">The connection's event type.</param>
internal sealed record ClientUnsubscribed(string EventType) : TrafficOperation;

/// <summary>A batch job is submitted, validated and starts processing.</summary>
/// <param name="BatchId">The batch's id, new for every batch.</param>
/// <param name="TotalRequests">Requests in the batch.</param>
internal sealed record BatchStarted(string BatchId, int TotalRequests) : TrafficOperation;

/// <summary>One request of a batch is processed.</summary>
/// <param name="BatchId">The batch's id.</param>
/// <param name="LatencyMs">The request's latency.</param>
/// <param name="Tokens">The request's tokens.</param>
/// <param name="Success">Whether it succeeded.</param>
/// <param name="ErrorType">Why it failed, when it did.</param>
internal sealed record BatchRequestProcessed(string BatchId, double LatencyMs, int Tokens, bool Success, string? ErrorType)
    : TrafficOperation;

/// <summary>A batch finishes processing and its output is written.</summary>
/// <param name="BatchId">The batch's id.</param>
/// <param name="BytesWritten">Bytes of output.</param>
/// <param name="BytesRead">Bytes of input.</param>
internal sealed record BatchCompleted(string BatchId, long BytesWritten, long BytesRead) : TrafficOperation;

/// <summary>A batch fails as a whole.</summary>
/// <param name="BatchId">The batch's id.</param>
/// <param name="ErrorMessage">Why.</param>
internal sealed record BatchFailed(string BatchId, string ErrorMessage) : TrafficOperation;

/// <summary>A client names a model, which the registry looks up or creates.</summary>
/// <param name="ModelId">The model id as the client sent it.</param>
internal sealed record ModelRequested(string ModelId) : TrafficOperation;
