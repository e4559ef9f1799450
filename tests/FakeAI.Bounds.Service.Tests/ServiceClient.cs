using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>The OpenAI-shaped calls the tests make, over an <see cref="HttpClient"/> connected to a running service.</summary>
internal sealed class ServiceClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public HttpClient Http => http;

    public Task<HttpResponseMessage> ChatAsync(string apiKey, string model, bool stream = false, int? maxTokens = null) =>
        PostAsync("/v1/chat/completions", apiKey, new { model, messages = new[] { new { role = "user", content = "Hello there" } }, stream, max_tokens = maxTokens });

    public Task<HttpResponseMessage> EmbedAsync(string apiKey, string model, string input) =>
        PostAsync("/v1/embeddings", apiKey, new { model, input });

    public Task<HttpResponseMessage> CreateBatchAsync(string apiKey) =>
        PostAsync("/v1/batches", apiKey, new { input_file_id = "file-canned", endpoint = "/v1/chat/completions", completion_window = "24h" });

    public Task<HttpResponseMessage> GetBatchAsync(string apiKey, string batchId) => SendAsync(HttpMethod.Get, "/v1/batches/" + batchId, apiKey, content: null);

    public Task<HttpResponseMessage> PostAsync(string path, string? apiKey, object body) =>
        SendAsync(HttpMethod.Post, path, apiKey, new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? apiKey, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        HttpResponseMessage response = await http.SendAsync(request);

        // Streamed replies are read to the end, so the stream completes before the call returns.
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async Task<BoundsSnapshot> BoundsAsync()
    {
        BoundsSnapshot? snapshot = await http.GetFromJsonAsync<BoundsSnapshot>("/diagnostics/bounds", Json);
        return snapshot ?? throw new InvalidOperationException("/diagnostics/bounds answered null");
    }

    public Task<string> ScrapeAsync() => http.GetStringAsync("/metrics");

    /// <summary>The id of the batch a create call answered.</summary>
    public static async Task<string> BatchIdAsync(HttpResponseMessage created)
    {
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using JsonDocument body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }
}
