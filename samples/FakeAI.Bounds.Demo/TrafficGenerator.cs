using System;
using System.Collections.Generic;
using System.Globalization;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Draws the simulated traffic of a FakeAI server from one seed: streams and their tokens, failed and successful
/// requests, priced usage, bus events and client subscriptions, batch jobs, and model lookups. It depends on nothing
/// but its seed (never on what a tracker did), so a fresh generator with the same seed replays identical traffic for
/// each version of the trackers, and nothing has to be stored between the two runs (a stored list of operations would
/// itself sit in the heap being measured).
/// </summary>
/// <remarks>
/// The traffic is ordinary except in the ways that make unbounded state grow in production: clients choose ids, keys,
/// paths and model names, so counters and per-key tables keep meeting new keys; some streams, batches and
/// subscriptions are never finished; a few generations and batches are long. Strings that a server would parse out of
/// a request (keys, models, paths, user ids, tokens) are new string instances for every operation, as they would be,
/// so a tracker that keeps one pays for it. The generator's own state is a handful of streams, batches and
/// subscriptions in flight, the same for both versions.
/// </remarks>
internal sealed class TrafficGenerator
{
    /// <summary>Streams in flight at once; a finished one is replaced by a new one.</summary>
    private const int ConcurrentStreams = 16;

    /// <summary>Batches in flight at once.</summary>
    private const int ConcurrentBatches = 3;

    /// <summary>Client subscriptions open at once, at least.</summary>
    private const int ConcurrentSubscriptions = 6;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string HexAlphabet = "0123456789abcdef";
    private const string LowerAlphabet = "abcdefghijklmnopqrstuvwxyz";

    private readonly Random _random;
    private readonly string[] _busyApiKeys;
    private readonly string[] _organizations;
    private readonly List<Flight> _streams = new(ConcurrentStreams);
    private readonly List<Flight> _batches = new(ConcurrentBatches);
    private readonly List<string> _subscriptions = new(ConcurrentSubscriptions * 2);

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed; equal seeds give equal traffic.</param>
    public TrafficGenerator(int seed)
    {
        _random = new Random(seed);
        _busyApiKeys = new string[400];
        for (int i = 0; i < _busyApiKeys.Length; i++)
        {
            _busyApiKeys[i] = "sk-proj-" + RandomText(IdAlphabet, 32);
        }

        _organizations = new string[200];
        for (int i = 0; i < _organizations.Length; i++)
        {
            _organizations[i] = "org-" + RandomText(IdAlphabet, 12);
        }
    }

    /// <summary>How a stream or batch in flight ends.</summary>
    private enum Ending
    {
        Complete,
        Fail,

        /// <summary>The client goes away and the server is never told: the tracker is never asked to finish it.</summary>
        Abandon,
    }

    /// <summary>The next operation.</summary>
    /// <returns>An operation; the sequence never ends.</returns>
    public TrafficOperation Next()
    {
        while (true)
        {
            double roll = _random.NextDouble();
            TrafficOperation? operation = roll switch
            {
                < 0.42 => NextStreamOperation(),
                < 0.52 => NextError(),
                < 0.62 => NextSuccess(),
                < 0.80 => NextUsage(),
                < 0.89 => NextEvent(),
                < 0.91 => NextSubscriptionChange(),
                < 0.98 => NextBatchOperation(),
                _ => new ModelRequested(ClientModel(knownShare: 0.35)),
            };

            // An abandoned stream, batch or subscription ends without a call: draw again.
            if (operation is not null)
            {
                return operation;
            }
        }
    }

    private TrafficOperation? NextStreamOperation()
    {
        if (_streams.Count < ConcurrentStreams)
        {
            return StartStream();
        }

        int index = _random.Next(_streams.Count);
        Flight stream = _streams[index];
        if (stream.Remaining > 0)
        {
            _streams[index] = stream with { Remaining = stream.Remaining - 1 };
            string token = Fresh(Pick(TrafficVocabulary.Tokens));

            // data: {"id":…,"choices":[{"delta":{"content":…}}]} framing around the token.
            return new TokenStreamed(stream.Id, token, 140 + (token.Length * 2));
        }

        RemoveAt(_streams, index);
        return stream.Ending switch
        {
            Ending.Complete => new StreamCompleted(stream.Id, Pick(TrafficVocabulary.FinishReasons)),
            Ending.Fail => new StreamFailed(stream.Id, Pick(TrafficVocabulary.StreamFailures)),
            _ => null,
        };
    }

    private StreamStarted StartStream()
    {
        string id = "chatcmpl-" + RandomText(IdAlphabet, 24);

        // Most answers are a few hundred tokens; a few are long generations of thousands.
        int length = _random.NextDouble() < 0.04 ? _random.Next(1_500, 6_000) : _random.Next(20, 400);
        double ending = _random.NextDouble();
        _streams.Add(new Flight(id, length, ending < 0.88 ? Ending.Complete : ending < 0.96 ? Ending.Fail : Ending.Abandon));

        return new StreamStarted(
            id,
            ClientModel(knownShare: 0.95),
            _random.Next(10, 4_000),
            _random.NextDouble() < 0.5 ? Math.Round(_random.NextDouble() * 2, 1) : null,
            _random.NextDouble() < 0.5 ? _random.Next(256, 4_096) : null,
            "client-" + _random.Next(5_000).ToString(CultureInfo.InvariantCulture));
    }

    private ErrorOccurred NextError()
    {
        string requestId = "req-" + RandomText(HexAlphabet, 32);
        string apiKey = ApiKey();
        string userId = "user-" + _random.Next(100_000).ToString(CultureInfo.InvariantCulture);
        double kind = _random.NextDouble();

        // A few stable patterns that many users hit, and patterns named after whatever the client sent.
        if (kind < 0.30)
        {
            return new ErrorOccurred(
                KnownEndpoint(), 500, "internal_error",
                $"The server had an error while processing your request. Sorry about that! Request ID: {requestId}",
                Fresh(Pick(TrafficVocabulary.KnownModels)), apiKey, requestId, userId);
        }

        if (kind < 0.55)
        {
            string model = Fresh(Pick(TrafficVocabulary.KnownModels));
            return new ErrorOccurred(
                KnownEndpoint(), 429, "rate_limit_exceeded",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Rate limit reached for {model} in organization {Pick(_organizations)} on tokens per min: Limit 30000, Used {_random.Next(29_000, 30_000)}, Requested {_random.Next(100, 2_000)}."),
                model, apiKey, requestId, userId);
        }

        if (kind < 0.75)
        {
            string model = ClientModel(knownShare: 0);
            return new ErrorOccurred(
                "/v1/chat/completions", 404, "model_not_found",
                $"The model '{model}' does not exist or you do not have access to it.",
                model, apiKey, requestId, userId);
        }

        if (kind < 0.90)
        {
            string path = ClientPath();
            return new ErrorOccurred(path, 404, "invalid_request_error", $"Invalid URL (POST {path})", null, apiKey, requestId, userId);
        }

        return new ErrorOccurred(
            "/v1/chat/completions", 400, "invalid_request_error",
            string.Create(
                CultureInfo.InvariantCulture,
                $"'{Pick(TrafficVocabulary.ClientWords)}{RandomText(LowerAlphabet, 3)}' is not one of ['system', 'assistant', 'user', 'tool'] - 'messages.{_random.Next(40)}.role'"),
            Fresh(Pick(TrafficVocabulary.KnownModels)), apiKey, requestId, userId);
    }

    private RequestSucceeded NextSuccess() => new(
        _random.NextDouble() < 0.3 ? ClientPath() : KnownEndpoint(),
        Fresh(Pick(TrafficVocabulary.KnownModels)));

    private UsageRecorded NextUsage()
    {
        int prompt = _random.Next(20, 3_000);
        return new UsageRecorded(
            ApiKey(),
            ClientModel(knownShare: 0.9),
            KnownEndpoint(),
            prompt,
            _random.Next(5, 1_500),
            _random.NextDouble() < 0.3 ? _random.Next(prompt) : 0);
    }

    private EventPublished NextEvent() =>
        new(Pick(TrafficVocabulary.EventTypes), "req-" + RandomText(HexAlphabet, 32));

    private TrafficOperation? NextSubscriptionChange()
    {
        if (_subscriptions.Count < ConcurrentSubscriptions || _random.NextDouble() < 0.5)
        {
            string eventType = "client." + RandomText(IdAlphabet, 16) + ".updates";
            _subscriptions.Add(eventType);
            return new ClientSubscribed(eventType);
        }

        int index = _random.Next(_subscriptions.Count);
        string closing = _subscriptions[index];
        RemoveAt(_subscriptions, index);

        // One connection in twenty drops without unsubscribing.
        return _random.NextDouble() < 0.05 ? null : new ClientUnsubscribed(closing);
    }

    private TrafficOperation? NextBatchOperation()
    {
        if (_batches.Count < ConcurrentBatches)
        {
            string id = "batch_" + RandomText(IdAlphabet, 24);
            double size = _random.NextDouble();
            int requests = size < 0.75 ? _random.Next(1, 30) : size < 0.95 ? _random.Next(30, 300) : _random.Next(1_200, 3_000);
            double ending = _random.NextDouble();
            _batches.Add(new Flight(id, requests, ending < 0.85 ? Ending.Complete : ending < 0.90 ? Ending.Fail : Ending.Abandon));
            return new BatchStarted(id, requests);
        }

        int index = _random.Next(_batches.Count);
        Flight batch = _batches[index];
        if (batch.Remaining > 0)
        {
            _batches[index] = batch with { Remaining = batch.Remaining - 1 };
            bool success = _random.NextDouble() < 0.97;
            return new BatchRequestProcessed(
                batch.Id,
                Math.Round(50 + (_random.NextDouble() * 4_950), 1),
                _random.Next(10, 2_000),
                success,
                success ? null : Pick(TrafficVocabulary.BatchErrorTypes));
        }

        RemoveAt(_batches, index);
        return batch.Ending switch
        {
            Ending.Complete => new BatchCompleted(batch.Id, _random.Next(1_000, 10_000_000), _random.Next(1_000, 10_000_000)),
            Ending.Fail => new BatchFailed(batch.Id, "input file validation failed"),
            _ => null,
        };
    }

    /// <summary>A model name as a client sends it: a known model, or the client's own fine-tune or misspelling.</summary>
    private string ClientModel(double knownShare)
    {
        if (_random.NextDouble() < knownShare)
        {
            return Fresh(Pick(TrafficVocabulary.KnownModels));
        }

        return _random.NextDouble() < 0.7
            ? $"ft:{Pick(TrafficVocabulary.FineTuneBases)}:{Pick(_organizations)}:{RandomText(LowerAlphabet, 6)}:{RandomText(IdAlphabet, 8)}"
            : Pick(TrafficVocabulary.KnownModels) + "-" + RandomText(LowerAlphabet, 5);
    }

    /// <summary>A busy client's key most of the time; otherwise a key seen once (trials, rotated keys, scanners).</summary>
    private string ApiKey() => _random.NextDouble() < 0.75 ? Fresh(Pick(_busyApiKeys)) : "sk-proj-" + RandomText(IdAlphabet, 32);

    private string KnownEndpoint() => Fresh(Pick(TrafficVocabulary.Endpoints));

    /// <summary>A raw request path that names a resource, so it is new for almost every request.</summary>
    private string ClientPath() => Pick(TrafficVocabulary.ResourceRoutes) + RandomText(IdAlphabet, 24);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string RandomText(string alphabet, int length)
    {
        return string.Create(length, (alphabet, _random), static (span, state) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state._random.Next(state.alphabet.Length)];
            }
        });
    }

    /// <summary>A new instance of a string, as a server parsing it out of a request would have.</summary>
    private static string Fresh(string text) => new(text.AsSpan());

    /// <summary>Removes without shifting; the order of things in flight does not matter.</summary>
    private static void RemoveAt<T>(List<T> items, int index)
    {
        items[index] = items[^1];
        items.RemoveAt(items.Count - 1);
    }

    /// <summary>A stream or batch in flight: what is left of it and how it will end.</summary>
    private readonly record struct Flight(string Id, int Remaining, Ending Ending);
}
