using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>
/// JSON-RPC 2.0 over a pair of streams with LSP's framing (<c>Content-Length: N</c>, a blank line, N bytes of
/// UTF-8 JSON): requests matched to their responses by id, the server's own requests answered by a handler, and its
/// notifications handed to another.
/// </summary>
internal sealed class JsonRpcConnection
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly Func<string, JsonNode?, JsonNode?> _answerServerRequest;
    private readonly Action<string, JsonNode?> _onNotification;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _lastId;

    /// <param name="input">What the server writes (its standard output).</param>
    /// <param name="output">What the server reads (its standard input).</param>
    /// <param name="answerServerRequest">The result for a request the server sends (method, params).</param>
    /// <param name="onNotification">Called for every notification the server sends (method, params).</param>
    public JsonRpcConnection(Stream input, Stream output, Func<string, JsonNode?, JsonNode?> answerServerRequest, Action<string, JsonNode?> onNotification)
    {
        _input = input;
        _output = output;
        _answerServerRequest = answerServerRequest;
        _onNotification = onNotification;
        Reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Ends when the server closes its output; faults if a message cannot be read.</summary>
    public Task Reading { get; }

    /// <summary>Sends a request and waits for its result; a JSON-RPC error becomes an exception.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _lastId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }).ConfigureAwait(false);

        Task finished = await Task.WhenAny(response.Task, Task.Delay(timeout), Reading).ConfigureAwait(false);
        if (finished == response.Task)
        {
            return await response.Task.ConfigureAwait(false);
        }

        _pending.TryRemove(id, out _);
        throw finished == Reading
            ? new InvalidOperationException($"The language server stopped before answering '{method}'.", Reading.Exception)
            : new TimeoutException($"The language server did not answer '{method}' within {timeout.TotalSeconds:0} s.");
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
    {
        return WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });
    }

    private async Task WriteAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header).ConfigureAwait(false);
            await _output.WriteAsync(body).ConfigureAwait(false);
            await _output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadMessageAsync().ConfigureAwait(false) is JsonObject message)
            {
                Dispatch(message);
            }
        }
        finally
        {
            foreach (TaskCompletionSource<JsonNode?> waiting in _pending.Values)
            {
                waiting.TrySetException(new InvalidOperationException("The language server closed its output."));
            }
        }
    }

    private void Dispatch(JsonObject message)
    {
        string? method = (string?)message["method"];
        JsonNode? id = message["id"];
        if (method is null)
        {
            if (id is not null && _pending.TryRemove((int)id, out TaskCompletionSource<JsonNode?>? response))
            {
                if (message["error"] is JsonNode error)
                {
                    response.TrySetException(new InvalidOperationException($"The language server answered with an error: {error.ToJsonString()}"));
                }
                else
                {
                    response.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        if (id is null)
        {
            _onNotification(method, message["params"]);
            return;
        }

        // The server waits for these answers (workspace/configuration decides whether analyzers run), so they are
        // written from here rather than queued behind the test's own requests.
        JsonNode? result = _answerServerRequest(method, message["params"]);
        _ = WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
    }

    /// <summary>One framed message, or null at the end of the stream.</summary>
    private async Task<JsonNode?> ReadMessageAsync()
    {
        int contentLength = -1;
        while (true)
        {
            string? line = await ReadHeaderLineAsync().ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            const string LengthHeader = "Content-Length:";
            if (line.StartsWith(LengthHeader, StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.AsSpan(LengthHeader.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        if (contentLength < 0)
        {
            throw new InvalidDataException("A message from the language server had no Content-Length header.");
        }

        byte[] body = new byte[contentLength];
        await _input.ReadExactlyAsync(body).ConfigureAwait(false);
        return JsonNode.Parse(body);
    }

    /// <summary>A header line without its CR LF; headers are ASCII. Null at the end of the stream.</summary>
    private async Task<string?> ReadHeaderLineAsync()
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            if (await _input.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return line.Length == 0 ? null : throw new EndOfStreamException("The language server's output ended inside a header.");
            }

            if (one[0] == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
