using System.Text.Json;

namespace FakeAI.Bounds.Service;

/// <summary>
/// The JSON conventions of OpenAI's API: snake_case names, nulls left out, and quotes in messages written as quotes
/// (the answers are JSON for API clients, never embedded in HTML, so HTML-safe escaping would only obscure them).
/// </summary>
internal static class ServiceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
