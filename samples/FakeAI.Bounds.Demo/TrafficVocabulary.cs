namespace FakeAI.Bounds.Demo;

/// <summary>
/// The fixed words of the simulated traffic: models, endpoints, token texts, event and error types. Kept apart from the
/// generator so that what the traffic looks like can be read (and changed) without reading how it is drawn.
/// </summary>
internal static class TrafficVocabulary
{
    /// <summary>Models the server knows and prices; registered in both registries before the traffic starts.</summary>
    public static readonly string[] KnownModels =
    [
        "gpt-4", "gpt-4-turbo", "gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo", "o1", "o1-mini", "deepseek-v3",
        "deepseek-ai/DeepSeek-R1", "mixtral-8x7b", "openai/gpt-oss-20b", "openai/gpt-oss-120b", "text-embedding-3-small",
    ];

    /// <summary>Base models clients fine-tune; a client's fine-tune id embeds one.</summary>
    public static readonly string[] FineTuneBases = ["gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06", "gpt-3.5-turbo"];

    /// <summary>The server's routes.</summary>
    public static readonly string[] Endpoints =
    [
        "/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/responses", "/v1/moderations",
        "/v1/images/generations", "/v1/audio/speech", "/v1/audio/transcriptions",
    ];

    /// <summary>Routes with an id in the path: every request to one names a new resource, so the raw path is new too.</summary>
    public static readonly string[] ResourceRoutes = ["/v1/files/file-", "/v1/batches/batch_", "/v1/threads/thread_", "/v1/fine_tuning/jobs/ftjob-"];

    /// <summary>Token texts a model streams.</summary>
    public static readonly string[] Tokens =
    [
        "The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ".", " In", " this", " example",
        ",", " we", " stream", " tokens", " from", " a", " fake", " model", " to", " show", " how", " memory", " grows",
        " when", " nothing", " bounds", " it", " Here", " is", " an", " answer", ":", "\n", " First", " second", " third",
        " import", " numpy", " as", " np", " def", " main", "():", " return", " value", " and", " then", " so", " on",
        " Bounded", " collections", " keep", " only", " newest", " items", "!", " Sure", " Let", " me", " explain", " why",
    ];

    /// <summary>Why streams finish.</summary>
    public static readonly string[] FinishReasons = ["stop", "stop", "stop", "length", "tool_calls", "content_filter"];

    /// <summary>Why streams break off.</summary>
    public static readonly string[] StreamFailures = ["client disconnected", "upstream timeout", "connection reset by peer"];

    /// <summary>Server event types (a wildcard subscriber receives them all).</summary>
    public static readonly string[] EventTypes =
    [
        "request.started", "request.completed", "stream.started", "stream.completed", "error.occurred", "usage.recorded",
        "batch.progress",
    ];

    /// <summary>Why batch requests fail.</summary>
    public static readonly string[] BatchErrorTypes =
    [
        "rate_limit_exceeded", "timeout", "invalid_request_error", "server_error", "context_length_exceeded",
    ];

    /// <summary>Words clients put into request fields that end up quoted in error messages.</summary>
    public static readonly string[] ClientWords =
    [
        "assistant", "sytem", "usr", "developer", "tool", "function", "bot", "admin", "model", "moderator", "narrator",
        "critic", "persona", "reviewer",
    ];
}
