namespace FakeAI.Bounds.Service;

// The request and response shapes of POST /v1/chat/completions: the fields of OpenAI's API the service reads or answers.

/// <summary>A chat completion request.</summary>
internal sealed class ChatCompletionRequest
{
    public string? Model { get; set; }

    public ChatMessage[]? Messages { get; set; }

    public bool Stream { get; set; }

    public int? MaxTokens { get; set; }

    public double? Temperature { get; set; }
}

/// <summary>One message of the conversation, or the reply.</summary>
internal sealed record ChatMessage(string? Role, string? Content);

/// <summary>The whole answer of a request without <c>stream</c>.</summary>
internal sealed record ChatCompletion(string Id, string Object, long Created, string Model, ChatChoice[] Choices, TokenUsage Usage);

internal sealed record ChatChoice(int Index, ChatMessage Message, string FinishReason);

/// <summary>One server-sent event of a streamed answer.</summary>
internal sealed record ChatCompletionChunk(string Id, string Object, long Created, string Model, ChunkChoice[] Choices);

internal sealed record ChunkChoice(int Index, ChatMessage Delta, string? FinishReason);

/// <summary>The tokens a request was charged for.</summary>
internal sealed record TokenUsage(int PromptTokens, int CompletionTokens, int TotalTokens);

/// <summary>What a validated chat request asks for: everything the answer and the trackers need.</summary>
internal sealed record ChatTurn(string Id, string ApiKey, string Model, long Created, int PromptTokens, int CompletionTokens, string FinishReason, double? Temperature, int? MaxTokens);
