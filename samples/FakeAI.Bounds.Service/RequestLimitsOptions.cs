namespace FakeAI.Bounds.Service;

/// <summary>
/// What one request may ask for, bound from the <c>Requests</c> section of <c>appsettings.json</c>. The trackers bound
/// how many entries they keep; these limits bound how large each entry a client can make them keep is (an API key, a
/// model id and an error message end up in the trackers) and how much work a request can cost.
/// </summary>
internal sealed class RequestLimitsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Requests";

    /// <summary>The largest request body accepted, in bytes; a larger one gets 413.</summary>
    public int MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>The most characters of prompt text (all messages, or all embedding inputs) in one request.</summary>
    public int MaxPromptCharacters { get; set; } = 100_000;

    /// <summary>The most messages in one chat completion request.</summary>
    public int MaxMessages { get; set; } = 256;

    /// <summary>The most inputs in one embeddings request.</summary>
    public int MaxEmbeddingInputs { get; set; } = 256;

    /// <summary>The longest API key, model id, file id or batch id accepted.</summary>
    public int MaxIdentifierLength { get; set; } = 256;

    /// <summary>The most completion tokens one request may ask for with <c>max_tokens</c>.</summary>
    public int MaxCompletionTokens { get; set; } = 4_096;

    /// <summary>The most dimensions an embedding may have.</summary>
    public int MaxEmbeddingDimensions { get; set; } = 3_072;

    /// <summary>Whether every limit is positive; the service refuses to start otherwise.</summary>
    public bool IsValid() =>
        MaxRequestBytes > 0 && MaxPromptCharacters > 0 && MaxMessages > 0 && MaxEmbeddingInputs > 0
        && MaxIdentifierLength > 0 && MaxCompletionTokens > 0 && MaxEmbeddingDimensions > 0;
}
