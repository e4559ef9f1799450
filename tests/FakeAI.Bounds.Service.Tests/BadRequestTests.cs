using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// Requests a client gets wrong — no key, a missing field, a body that is not JSON, inputs over the limits, a model or
/// a batch that does not exist — each get a 4xx whose message says what was wrong. They reach only the error tracker,
/// whose bounds hold however many of them come: no model, cost or stream entry is ever made from them.
/// </summary>
[Collection(ServiceTestCollection.Name)]
public sealed class BadRequestTests
{
    private const int MaxRequestBytes = 4_096;
    private const int MaxPromptCharacters = 1_000;
    private const int MaxIdentifierLength = 64;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Requests:MaxRequestBytes"] = "4096",
        ["Requests:MaxPromptCharacters"] = "1000",
        ["Requests:MaxIdentifierLength"] = "64",
        ["Requests:MaxMessages"] = "8",
        ["Trackers:Errors:MaxRecentErrors"] = "20",
        ["Trackers:Errors:MaxPatterns"] = "30",
        ["Trackers:Errors:MaxCounterKeys"] = "10",
        ["Trackers:Models:MaxModels"] = "20",
    };

    [Fact]
    public async Task Bad_requests_get_a_4xx_with_a_clear_message_and_leave_the_state_within_its_bounds()
    {
        await using var factory = new ServiceFactory<Program>(Settings);
        factory.StartServer();
        var client = new ServiceClient(factory.CreateClient());

        await SendBadRequestsAsync(client, round: 0);
        BoundsSnapshot afterOne = await client.BoundsAsync();
        await SendBadRequestsAsync(client, round: 1);
        await SendBadRequestsAsync(client, round: 2);
        BoundsSnapshot afterThree = await client.BoundsAsync();

        // The error tracker filled its bounds with the first round and holds the same after three times as many.
        Assert.Equal(afterOne.Member("ErrorMetricsTracker", "_patterns").Capacity, afterOne.Member("ErrorMetricsTracker", "_patterns").Count);
        Assert.Equal(afterOne.Member("ErrorMetricsTracker", "_recentErrors").Capacity, afterOne.Member("ErrorMetricsTracker", "_recentErrors").Count);
        Assert.All(afterThree.Members, pair => Assert.True(pair.Member.Count <= pair.Member.Capacity, $"{pair.Tracker}.{pair.Member}"));
        Assert.Equal(afterOne.Members.Select(pair => pair.Member.Count), afterThree.Members.Select(pair => pair.Member.Count));

        // Nothing but errors was kept: no made-up model was created, nothing was charged, no stream was started.
        Assert.Equal(0, afterThree.Member("ModelRegistry", "_autoCreated").Count);
        Assert.Equal(0, afterThree.Entries("CostTracker"));
        Assert.Equal(0, afterThree.Entries("StreamingMetricsTracker"));
    }

    private static async Task SendBadRequestsAsync(ServiceClient client, int round)
    {
        for (int i = 0; i < 20; i++)
        {
            string unique = SoakTraffic.UnknownModel((round * 20) + i);
            string key = "sk-bad-" + unique;
            await ExpectAsync(client.PostAsync("/v1/chat/completions", apiKey: null, ChatBody("gpt-4o")), HttpStatusCode.Unauthorized, "missing_api_key", "didn't provide an API key");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", new string('k', MaxIdentifierLength + 1), ChatBody("gpt-4o")), HttpStatusCode.Unauthorized, "invalid_api_key", "1 to 64 characters");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, new { messages = Messages("hi") }), HttpStatusCode.BadRequest, "missing_required_parameter", "'model'");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, new { model = "gpt-4o" }), HttpStatusCode.BadRequest, "missing_required_parameter", "'messages'");
            await ExpectAsync(Raw(client, key, "{\"model\": \"gpt-4o\", " + unique, chunked: false), HttpStatusCode.BadRequest, "invalid_json", "not valid JSON");
            await ExpectAsync(Raw(client, key, Huge(unique), chunked: false), HttpStatusCode.RequestEntityTooLarge, "request_too_large", "4096 bytes");
            await ExpectAsync(Raw(client, key, Huge(unique), chunked: true), HttpStatusCode.RequestEntityTooLarge, "request_too_large", "4096 bytes");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, new { model = "gpt-4o", messages = Messages(new string('x', MaxPromptCharacters + 1)) }), HttpStatusCode.BadRequest, "context_length_exceeded", "at most 1000");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, new { model = "gpt-4o", messages = Enumerable.Repeat(new { role = "user", content = "hi" }, 9) }), HttpStatusCode.BadRequest, "invalid_value", "between 1 and 8");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, ChatBody(unique)), HttpStatusCode.NotFound, "model_not_found", $"'{unique}' does not exist");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, ChatBody("ft:no-such-base:org::" + unique)), HttpStatusCode.NotFound, "model_not_found", "does not exist");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, ChatBody(new string('m', MaxIdentifierLength + 1))), HttpStatusCode.BadRequest, "invalid_value", "at most 64");
            await ExpectAsync(client.PostAsync("/v1/chat/completions", key, new { model = "gpt-4o", messages = Messages("hi"), max_tokens = 100_000 }), HttpStatusCode.BadRequest, "invalid_value", "'max_tokens'");
            await ExpectAsync(client.PostAsync("/v1/embeddings", key, new { model = "text-embedding-3-small", input = new string[0] }), HttpStatusCode.BadRequest, "invalid_value", "'input'");
            await ExpectAsync(client.PostAsync("/v1/embeddings", key, new { model = unique, input = "hi" }), HttpStatusCode.NotFound, "model_not_found", "does not exist");
            await ExpectAsync(client.PostAsync("/v1/batches", key, new { input_file_id = "file-1", endpoint = "/v1/" + unique, completion_window = "24h" }), HttpStatusCode.BadRequest, "invalid_value", "'endpoint'");
            await ExpectAsync(client.SendAsync(HttpMethod.Get, "/v1/batches/batch_" + unique, key, content: null), HttpStatusCode.NotFound, "batch_not_found", "No batch found");
            await ExpectAsync(client.SendAsync(HttpMethod.Get, "/v1/models/" + unique, key, content: null), HttpStatusCode.NotFound, "model_not_found", "does not exist");
        }
    }

    private static object ChatBody(string model) => new { model, messages = Messages("hi") };

    private static object[] Messages(string content) => [new { role = "user", content }];

    // A chat request whose prompt alone is over the byte limit.
    private static string Huge(string unique) => JsonSerializer.Serialize(new { model = "gpt-4o", messages = Messages(unique + new string('x', 2 * MaxRequestBytes)) });

    // A body sent as is: with its length, or chunked, so that only the service's reading can stop it.
    private static Task<HttpResponseMessage> Raw(ServiceClient client, string key, string body, bool chunked)
    {
        HttpContent content = chunked
            ? new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return client.SendAsync(HttpMethod.Post, "/v1/chat/completions", key, content);
    }

    private static async Task ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code, string messagePart)
    {
        using HttpResponseMessage response = await call;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement error = document.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), System.StringComparison.Ordinal);
    }

    // A stream that cannot tell its length, so HttpClient sends it chunked.
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
