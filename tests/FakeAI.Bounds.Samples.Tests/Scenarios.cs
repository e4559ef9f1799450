using System;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples.Tests;

// The soak scenarios, written once against small interfaces so that the same traffic can drive a bounded tracker and
// its unbounded counterpart (Targets.cs adapts both). Each Step is one tracker operation with random, client-like ids.

/// <summary>The streaming operations a scenario uses.</summary>
internal interface IStreamingTarget
{
    int ActiveStreamCount { get; }

    int CompletedStreamCount { get; }

    void StartStream(string streamId);

    void RecordToken(string streamId);

    void RecordBackpressure(string streamId);

    void CompleteStream(string streamId);

    void FailStream(string streamId);
}

/// <summary>
/// Streams come and go through 512 concurrent slots (about seven tokens each, most completed, some failed), while eight
/// streams that never end (a generation without a token limit, a client that never disconnects) take a quarter of all
/// operations as tokens.
/// </summary>
internal sealed class StreamingScenario
{
    private const int Slots = 512;
    private readonly string[] _longStreams = ["long-0", "long-1", "long-2", "long-3", "long-4", "long-5", "long-6", "long-7"];
    private readonly string?[] _slots = new string?[Slots];
    private readonly IStreamingTarget _target;

    public StreamingScenario(IStreamingTarget target)
    {
        _target = target;
        foreach (string id in _longStreams)
        {
            target.StartStream(id);
        }
    }

    public void Step(Random random)
    {
        if (random.Next(4) == 0)
        {
            _target.RecordToken(_longStreams[random.Next(_longStreams.Length)]);
            return;
        }

        int slot = random.Next(Slots);
        string? id = _slots[slot];
        if (id is null)
        {
            id = RandomIds.Next(random, "s-");
            _target.StartStream(id);
            _slots[slot] = id;
            return;
        }

        int roll = random.Next(100);
        if (roll < 85)
        {
            _target.RecordToken(id);
        }
        else if (roll < 88)
        {
            _target.RecordBackpressure(id);
        }
        else
        {
            if (roll < 97)
            {
                _target.CompleteStream(id);
            }
            else
            {
                _target.FailStream(id);
            }

            _slots[slot] = null;
        }
    }
}

/// <summary>The error-tracking operations a scenario uses.</summary>
internal interface IErrorTarget
{
    int PatternCount { get; }

    int RecentErrorCount { get; }

    /// <summary>The most keys any per-key counter holds.</summary>
    int LargestCounter { get; }

    void RecordError(string endpoint, int statusCode, string errorType, string message, string model, string requestId, string userId);

    void RecordSuccess(string endpoint);

    void RecordRequest(string endpoint);
}

/// <summary>
/// 40 % errors, 40 % successes, 20 % plain requests. Most traffic uses 20 endpoints, 10 error types and 8 models, but
/// one endpoint in ten, one error type in twenty and one model in ten are made up by clients, and one message in five is
/// new: about a third of the errors start a new pattern. Every error names a random user and request.
/// </summary>
internal sealed class ErrorScenario
{
    private static readonly string[] Endpoints = Names("/v1/endpoint-", 20);
    private static readonly string[] ErrorTypes = Names("ErrorType", 10);
    private static readonly string[] Models = Names("model-", 8);
    private readonly IErrorTarget _target;

    public ErrorScenario(IErrorTarget target)
    {
        _target = target;
    }

    public void Step(Random random)
    {
        string endpoint = random.Next(10) == 0 ? RandomIds.Next(random, "/v1/made-up-") : Endpoints[random.Next(Endpoints.Length)];
        int roll = random.Next(10);
        if (roll < 4)
        {
            string errorType = random.Next(20) == 0 ? "Error" + RandomIds.Word(random) : ErrorTypes[random.Next(ErrorTypes.Length)];
            string message = random.Next(5) == 0
                ? "failure in module " + RandomIds.Word(random)
                : $"upstream timed out after {random.Next(1_000)} ms for req-{random.Next():x8}";
            string model = random.Next(10) == 0 ? RandomIds.Next(random, "made-up-model-") : Models[random.Next(Models.Length)];
            _target.RecordError(
                endpoint,
                400 + random.Next(200),
                errorType,
                message,
                model,
                RandomIds.Next(random, "req-"),
                RandomIds.Next(random, "user-"));
        }
        else if (roll < 8)
        {
            _target.RecordSuccess(endpoint);
        }
        else
        {
            _target.RecordRequest(endpoint);
        }
    }

    internal static string[] Names(string prefix, int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return names;
    }
}

/// <summary>The cost-tracking operations a scenario uses.</summary>
internal interface ICostTarget
{
    int UsageRecordCount { get; }

    int KeyCount { get; }

    void RecordUsage(string apiKey, string model, string endpoint, int promptTokens, int completionTokens);
}

/// <summary>
/// Every operation prices one call: a quarter from 100 busy API keys, the rest from one-off keys; one model in twenty and
/// one endpoint in a hundred made up by the client.
/// </summary>
internal sealed class CostScenario
{
    private static readonly string[] HotKeys = ErrorScenario.Names("sk-busy-", 100);
    private static readonly string[] Models = ["gpt-4", "gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo", "o1-mini", "text-embedding-3-small"];
    private static readonly string[] Endpoints = ["/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/responses", "/v1/batches"];
    private readonly ICostTarget _target;

    public CostScenario(ICostTarget target)
    {
        _target = target;
    }

    public void Step(Random random)
    {
        string apiKey = random.Next(4) == 0 ? HotKeys[random.Next(HotKeys.Length)] : RandomIds.Next(random, "sk-");
        string model = random.Next(20) == 0 ? RandomIds.Next(random, "custom-model-") : Models[random.Next(Models.Length)];
        string endpoint = random.Next(100) == 0 ? RandomIds.Next(random, "/v1/made-up-") : Endpoints[random.Next(Endpoints.Length)];
        _target.RecordUsage(apiKey, model, endpoint, random.Next(1, 2_000), random.Next(1, 1_000));
    }
}

/// <summary>The event-bus operations a scenario uses.</summary>
internal interface IBusTarget
{
    int QueueDepth { get; }

    long ProcessedEvents { get; }

    long DroppedEvents { get; }

    int SubscribedEventTypes { get; }

    void Start();

    Task StopAsync();

    void Publish(string eventType);

    /// <summary>Subscribes the target's no-op handler to an event type.</summary>
    void Subscribe(string eventType);

    /// <summary>Unsubscribes the target's no-op handler from an event type.</summary>
    void Unsubscribe(string eventType);
}

/// <summary>
/// Half the operations publish (to 16 known types or to a subscribed one), half churn subscriptions: 64 slots, each
/// subscribing a handler to a new random event type or unsubscribing it again. A wildcard handler sees every event.
/// </summary>
internal sealed class BusScenario
{
    private static readonly string[] KnownTypes = ErrorScenario.Names("stream.event-", 16);
    private readonly string?[] _subscriptions = new string?[64];
    private readonly IBusTarget _target;

    public BusScenario(IBusTarget target)
    {
        _target = target;
        target.Subscribe("*");
    }

    public void Step(Random random)
    {
        int slot = random.Next(_subscriptions.Length);
        if (random.Next(2) == 0)
        {
            _target.Publish(_subscriptions[slot] ?? KnownTypes[random.Next(KnownTypes.Length)]);
            return;
        }

        string? eventType = _subscriptions[slot];
        if (eventType is null)
        {
            eventType = RandomIds.Next(random, "custom.event-");
            _target.Subscribe(eventType);
            _subscriptions[slot] = eventType;
        }
        else
        {
            _target.Unsubscribe(eventType);
            _subscriptions[slot] = null;
        }
    }

    /// <summary>Waits until the worker has taken every queued event.</summary>
    public async Task DrainAsync()
    {
        if (!await Eventually.HoldsAsync(() => _target.QueueDepth == 0, TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The bus did not drain its queue.");
        }
    }
}

/// <summary>The batch operations a scenario uses.</summary>
internal interface IBatchTarget
{
    int ActiveBatchCount { get; }

    int CompletedBatchCount { get; }

    void StartBatch(string batchId, int totalRequests);

    void RecordRequestProcessed(string batchId, double latencyMs, int tokens, bool success, string? errorType);

    void CompleteBatch(string batchId);

    void FailBatch(string batchId);
}

/// <summary>
/// Batches run through 256 slots (most complete, some fail, 3 % are abandoned by their client and never finish), while
/// four long batches that never end take a fifth of all operations as requests. One request in ten fails, one failure in
/// two with an error type made up on the spot.
/// </summary>
internal sealed class BatchScenario
{
    private readonly string[] _longBatches = ["long-0", "long-1", "long-2", "long-3"];
    private readonly string?[] _slots = new string?[256];
    private readonly IBatchTarget _target;

    public BatchScenario(IBatchTarget target)
    {
        _target = target;
        foreach (string id in _longBatches)
        {
            target.StartBatch(id, 1_000_000);
        }
    }

    public void Step(Random random)
    {
        if (random.Next(5) == 0)
        {
            Request(random, _longBatches[random.Next(_longBatches.Length)]);
            return;
        }

        int slot = random.Next(_slots.Length);
        string? id = _slots[slot];
        if (id is null)
        {
            id = RandomIds.Next(random, "batch-");
            _target.StartBatch(id, 100);
            _slots[slot] = id;
            return;
        }

        int roll = random.Next(100);
        if (roll < 85)
        {
            Request(random, id);
            return;
        }

        if (roll < 94)
        {
            _target.CompleteBatch(id);
        }
        else if (roll < 97)
        {
            _target.FailBatch(id);
        }

        _slots[slot] = null;
    }

    private void Request(Random random, string batchId)
    {
        bool success = random.Next(10) != 0;
        string? errorType = success ? null : random.Next(2) == 0 ? "rate_limit" : RandomIds.Next(random, "error-");
        _target.RecordRequestProcessed(batchId, random.NextDouble() * 500, random.Next(1, 4_000), success, errorType);
    }
}

/// <summary>The registry operations a scenario uses.</summary>
internal interface IRegistryTarget
{
    int Count { get; }

    void GetOrCreate(string modelId);

    void Register(string modelId);

    void Unregister(string modelId);
}

/// <summary>
/// 90 % of the operations ask for a model id a client made up, almost all the rest for one of 50 popular models, and
/// one in a thousand registers or unregisters a model through 32 slots (registration is configuration: rare).
/// </summary>
internal sealed class RegistryScenario
{
    private static readonly string[] Popular = ErrorScenario.Names("popular-model-", 50);
    private readonly string?[] _registered = new string?[32];
    private readonly IRegistryTarget _target;

    public RegistryScenario(IRegistryTarget target)
    {
        _target = target;
    }

    public void Step(Random random)
    {
        int roll = random.Next(1_000);
        if (roll < 900)
        {
            _target.GetOrCreate(RandomIds.Next(random, "ft:gpt-4o:org::"));
        }
        else if (roll < 999)
        {
            _target.GetOrCreate(Popular[random.Next(Popular.Length)]);
        }
        else
        {
            int slot = random.Next(_registered.Length);
            string? id = _registered[slot];
            if (id is null)
            {
                id = RandomIds.Next(random, "registered-");
                _target.Register(id);
                _registered[slot] = id;
            }
            else
            {
                _target.Unregister(id);
                _registered[slot] = null;
            }
        }
    }
}
