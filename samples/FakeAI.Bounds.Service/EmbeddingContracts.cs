using System.Text.Json;

namespace FakeAI.Bounds.Service;

// The request and response shapes of POST /v1/embeddings.

/// <summary>An embeddings request; <c>input</c> is a string or an array of strings.</summary>
internal sealed class EmbeddingRequest
{
    public string? Model { get; set; }

    public JsonElement Input { get; set; }

    public int? Dimensions { get; set; }
}

internal sealed record EmbeddingList(string Object, EmbeddingItem[] Data, string Model, EmbeddingUsage Usage);

internal sealed record EmbeddingItem(string Object, int Index, float[] Embedding);

internal sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);
