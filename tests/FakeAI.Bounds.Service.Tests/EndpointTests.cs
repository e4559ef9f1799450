using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>The OpenAI-shaped endpoints answer in OpenAI's shapes, and each call reaches the tracker it should.</summary>
[Collection(ServiceTestCollection.Name)]
public sealed class EndpointTests
{
    private const string Key = "sk-endpoints";

    [Fact]
    public async Task A_streamed_chat_sends_one_event_per_token_then_done_and_is_kept_as_a_completed_stream()
    {
        await using var factory = new ServiceFactory<Program>(new Dictionary<string, string?>());
        factory.StartServer();
        var client = new ServiceClient(factory.CreateClient());

        using HttpResponseMessage response = await client.ChatAsync(Key, "gpt-4o-mini", stream: true, maxTokens: 5);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        string[] events = [.. body.Split("\n\n", System.StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..])];
        Assert.Equal("[DONE]", events[^1]);
        JsonElement[] chunks = [.. events[..^1].Select(e => JsonDocument.Parse(e).RootElement.GetProperty("choices")[0])];
        Assert.Equal("assistant", chunks[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal(5, chunks.Count(c => c.GetProperty("delta").TryGetProperty("content", out JsonElement content) && content.GetString()!.Length > 0));
        Assert.Equal("length", chunks[^1].GetProperty("finish_reason").GetString());

        BoundsSnapshot bounds = await client.BoundsAsync();
        Assert.Equal(1, bounds.Member("StreamingMetricsTracker", "_completedStreams").Count);
        Assert.Equal(0, bounds.Member("StreamingMetricsTracker", "_activeStreams").Count);
        Assert.Equal(1, bounds.Member("CostTracker", "_usageRecords").Count);
    }

    [Fact]
    public async Task At_the_active_stream_cap_a_streamed_chat_gets_429_and_takes_no_slot()
    {
        await using var factory = new ServiceFactory<Program>(new Dictionary<string, string?> { ["Trackers:Streaming:MaxActiveStreams"] = "1" });
        factory.StartServer();
        var client = new ServiceClient(factory.CreateClient());

        // Another client's stream still running holds the only slot.
        factory.Services.GetRequiredService<FakeAI.Bounds.Samples.StreamingMetricsTracker>().StartStream("chatcmpl-held", "gpt-4o", promptTokens: 1);
        using HttpResponseMessage refused = await client.ChatAsync(Key, "gpt-4o", stream: true);
        using HttpResponseMessage whole = await client.ChatAsync(Key, "gpt-4o");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("too_many_active_streams", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("maximum of 1", error.RootElement.GetProperty("error").GetProperty("message").GetString(), System.StringComparison.Ordinal);

        // A reply that is not streamed needs no slot.
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        BoundsSnapshot bounds = await client.BoundsAsync();
        Assert.Equal(1, bounds.Member("StreamingMetricsTracker", "_activeStreams").Count);
        Assert.Equal(0, bounds.Member("StreamingMetricsTracker", "_completedStreams").Count);
    }

    [Fact]
    public async Task Chat_embeddings_batches_and_models_answer_in_OpenAI_shapes()
    {
        await using var factory = new ServiceFactory<Program>(new Dictionary<string, string?>());
        factory.StartServer();
        var client = new ServiceClient(factory.CreateClient());

        using JsonDocument chat = await JsonAsync(client.ChatAsync(Key, "ft:gpt-4o:acme::job1"));
        Assert.Equal("chat.completion", chat.RootElement.GetProperty("object").GetString());
        Assert.Equal("assistant", chat.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("role").GetString());
        Assert.Equal(24, chat.RootElement.GetProperty("usage").GetProperty("completion_tokens").GetInt32());

        using JsonDocument embeddings = await JsonAsync(client.PostAsync("/v1/embeddings", Key, new { model = "text-embedding-3-small", input = new[] { "a", "b" }, dimensions = 3 }));
        JsonElement data = embeddings.RootElement.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal(3, data[0].GetProperty("embedding").GetArrayLength());

        using HttpResponseMessage created = await client.CreateBatchAsync(Key);
        string batch = await ServiceClient.BatchIdAsync(created);
        using JsonDocument finished = await JsonAsync(client.GetBatchAsync(Key, batch));
        Assert.Equal("completed", finished.RootElement.GetProperty("status").GetString());
        using HttpResponseMessage second = await client.CreateBatchAsync(Key);
        string cancelled = await ServiceClient.BatchIdAsync(second);
        using JsonDocument cancel = await JsonAsync(client.SendAsync(HttpMethod.Post, "/v1/batches/" + cancelled + "/cancel", Key, content: null));
        Assert.Equal("cancelled", cancel.RootElement.GetProperty("status").GetString());

        // The fine-tuned model asked for above was created on first use and is listed with the base models.
        using JsonDocument models = await JsonAsync(client.SendAsync(HttpMethod.Get, "/v1/models", Key, content: null));
        string[] ids = [.. models.RootElement.GetProperty("data").EnumerateArray().Select(model => model.GetProperty("id").GetString()!)];
        Assert.Contains("gpt-4o", ids);
        Assert.Contains("ft:gpt-4o:acme::job1", ids);

        BoundsSnapshot bounds = await client.BoundsAsync();
        Assert.Equal(1, bounds.Member("ModelRegistry", "_autoCreated").Count);
        Assert.Equal(2, bounds.Member("BatchMetricsTracker", "_completedBatches").Count);
        Assert.Equal(0, bounds.Member("BatchMetricsTracker", "_activeBatches").Count);
        Assert.Equal(2, bounds.Member("CostTracker", "_usageRecords").Count);
    }

    private static async Task<JsonDocument> JsonAsync(Task<HttpResponseMessage> call)
    {
        using HttpResponseMessage response = await call;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body);
    }
}
