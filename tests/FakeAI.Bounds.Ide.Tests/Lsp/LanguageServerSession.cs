using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FakeAI.Bounds.Package.Tests.Infrastructure;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>
/// csharp-ls running on one workspace folder, driven the way an editor drives it: <c>initialize</c> with the
/// client's capabilities, <c>workspace/configuration</c> answered with analyzers on, documents opened and edited in
/// memory, diagnostics pulled or pushed, hover and go-to-definition.
/// </summary>
/// <remarks>
/// Timeouts here only stop a test that would otherwise hang; no test asserts how fast anything is (the figures in
/// docs/benchmarks.md are measured, not required).
/// </remarks>
internal sealed class LanguageServerSession : IAsyncDisposable
{
    /// <summary>Loading the workspace and running the analyzers the first time takes seconds; this is a guard.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private const int LogLinesKept = 200;

    private static readonly TimeSpan PullInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly JsonRpcConnection _connection;
    private readonly DiagnosticsDelivery _delivery;
    private readonly Queue<string> _log = new();
    private readonly object _pushLock = new();
    private readonly Dictionary<string, ImmutableArray<LspDiagnostic>> _pushed = new(StringComparer.Ordinal);
    private TaskCompletionSource _pushArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LanguageServerSession(Process process, DiagnosticsDelivery delivery)
    {
        _process = process;
        _delivery = delivery;
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginErrorReadLine();
        _connection = new JsonRpcConnection(new BufferedStream(process.StandardOutput.BaseStream), process.StandardInput.BaseStream, AnswerServerRequest, OnNotification);
    }

    public DiagnosticsDelivery Delivery => _delivery;

    /// <summary>
    /// Starts csharp-ls on <paramref name="workspaceFolder"/> (a restored project: the server never restores) and
    /// completes the <c>initialize</c> handshake.
    /// </summary>
    /// <param name="environment">Variables for the server, e.g. the NUGET_PACKAGES the project was restored into.</param>
    public static async Task<LanguageServerSession> StartAsync(string workspaceFolder, DiagnosticsDelivery delivery, IReadOnlyDictionary<string, string> environment)
    {
        CSharpLsTool.EnsureRestored();

        var startInfo = new ProcessStartInfo(DotnetCli.Executable)
        {
            WorkingDirectory = CSharpLsTool.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in new[] { "tool", "run", CSharpLsTool.CommandName, "--", "--loglevel", "info" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        DotnetCli.ConfigureEnvironment(startInfo.Environment);
        foreach ((string name, string value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet tool run csharp-ls did not start.");
        var session = new LanguageServerSession(process, delivery);
        try
        {
            await session.InitializeAsync(workspaceFolder).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return session;
    }

    /// <summary>Opens a file of the workspace with its text on disk (<c>textDocument/didOpen</c>).</summary>
    public async Task<OpenDocument> OpenAsync(string path)
    {
        var document = new OpenDocument(path, File.ReadAllText(path));
        lock (_pushLock)
        {
            // What was pushed while the file was open before describes text that may no longer be there.
            _pushed.Remove(document.Uri);
        }

        await _connection.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri, ["languageId"] = "csharp", ["version"] = document.Version, ["text"] = document.Text },
        }).ConfigureAwait(false);
        return document;
    }

    /// <summary>Replaces the whole text of an open document in memory, as an editor's edit does (<c>textDocument/didChange</c>).</summary>
    public async Task ChangeAsync(OpenDocument document, string newText)
    {
        document.Update(newText);
        await _connection.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri, ["version"] = document.Version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = newText }),
        }).ConfigureAwait(false);
    }

    public Task CloseAsync(OpenDocument document)
    {
        return _connection.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = document.Uri } });
    }

    /// <summary>One <c>textDocument/diagnostic</c> request: the document's diagnostics as the server has them now.</summary>
    public async Task<ImmutableArray<LspDiagnostic>> PullDiagnosticsAsync(OpenDocument document)
    {
        RequireDelivery(DiagnosticsDelivery.Pull);
        JsonNode? report = await _connection.RequestAsync("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
        }, Patience).ConfigureAwait(false);
        return LspDiagnostic.ParseAll(report?["items"]);
    }

    /// <summary>
    /// The document's diagnostics once they satisfy <paramref name="condition"/>: pulled again and again, or taken from
    /// each <c>textDocument/publishDiagnostics</c> the server pushes, as this session's client does. Fails with what was
    /// last seen if the condition does not come true within <see cref="Patience"/>.
    /// </summary>
    public async Task<ImmutableArray<LspDiagnostic>> WaitForDiagnosticsAsync(OpenDocument document, Func<ImmutableArray<LspDiagnostic>, bool> condition, string expectation)
    {
        var deadline = Stopwatch.StartNew();
        ImmutableArray<LspDiagnostic> last = [];
        bool seenAny = false;
        while (deadline.Elapsed < Patience)
        {
            Task pushArrived;
            if (_delivery == DiagnosticsDelivery.Pull)
            {
                pushArrived = Task.Delay(PullInterval);
                last = await PullDiagnosticsAsync(document).ConfigureAwait(false);
                seenAny = true;
            }
            else
            {
                lock (_pushLock)
                {
                    pushArrived = _pushArrived.Task;
                    seenAny = _pushed.TryGetValue(document.Uri, out last);
                }
            }

            if (seenAny && condition(last))
            {
                return last;
            }

            TimeSpan left = Patience - deadline.Elapsed;
            await Task.WhenAny(pushArrived, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero)).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"{document.FileName} (version {document.Version}): expected {expectation} by {_delivery.ToString().ToLowerInvariant()} within {Patience.TotalSeconds:0} s; "
            + (seenAny ? $"last diagnostics:\n  {string.Join("\n  ", last)}" : "no diagnostics were published for it")
            + "\n" + RecentLog());
    }

    /// <summary>The hover text (<c>textDocument/hover</c>) at a position, or null when the server has none.</summary>
    public async Task<string?> HoverAsync(OpenDocument document, TextPosition position)
    {
        JsonNode? hover = await _connection.RequestAsync("textDocument/hover", PositionParameters(document, position), Patience).ConfigureAwait(false);
        return hover?["contents"] switch
        {
            null => null,
            JsonObject markup => (string?)markup["value"],
            JsonArray parts => string.Join("\n", parts.Select(part => part is JsonObject marked ? (string?)marked["value"] : (string?)part)),
            JsonNode text => (string?)text,
        };
    }

    /// <summary>Where <c>textDocument/definition</c> leads from a position (Location or LocationLink results).</summary>
    public async Task<ImmutableArray<LspLocation>> DefinitionAsync(OpenDocument document, TextPosition position)
    {
        JsonNode? result = await _connection.RequestAsync("textDocument/definition", PositionParameters(document, position), Patience).ConfigureAwait(false);
        JsonNode?[] locations = result switch
        {
            null => [],
            JsonArray array => [.. array],
            JsonNode single => [single],
        };
        return [.. locations.Select(location => LspLocation.Parse(location!))];
    }

    /// <summary>
    /// The text behind a <c>csharp:</c> address that go-to-definition returns for generated (and decompiled) code,
    /// asked with csharp-ls's <c>csharp/metadata</c> request, as its editor integrations do to show that code.
    /// </summary>
    public async Task<string> GeneratedSourceAsync(string uri)
    {
        JsonNode? metadata = await _connection.RequestAsync("csharp/metadata", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
        }, Patience).ConfigureAwait(false);
        return (string?)metadata?["source"] ?? throw new InvalidOperationException($"csharp/metadata returned no source for {uri}: {metadata?.ToJsonString()}");
    }

    /// <summary>What the server logged last (standard error and window/logMessage), for failure messages.</summary>
    public string RecentLog()
    {
        lock (_log)
        {
            return "Language server log (last lines):\n" + string.Join("\n", _log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _connection.RequestAsync("shutdown", null, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                await _connection.NotifyAsync("exit", null).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or IOException)
        {
            // Killed below.
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private async Task InitializeAsync(string workspaceFolder)
    {
        string rootUri = new Uri(Path.TrimEndingDirectorySeparator(workspaceFolder)).AbsoluteUri;
        var textDocument = new JsonObject
        {
            ["synchronization"] = new JsonObject { ["didSave"] = true },
            ["publishDiagnostics"] = new JsonObject(),
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["definition"] = new JsonObject { ["linkSupport"] = false },
        };
        if (_delivery == DiagnosticsDelivery.Pull)
        {
            textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true };
        }

        await _connection.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(workspaceFolder)) }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = textDocument,
            },
        }, Patience).ConfigureAwait(false);
        await _connection.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
    }

    /// <summary>
    /// The server's requests: its settings (analyzers on, which csharp-ls leaves off unless the client says so, and
    /// <c>csharp:</c> addresses for generated code), and registrations and progress, which need only an answer.
    /// </summary>
    private static JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }

        var answers = new JsonArray();
        foreach (JsonNode? item in parameters?["items"] as JsonArray ?? [])
        {
            answers.Add((string?)item?["section"] == "csharp"
                ? new JsonObject { ["analyzersEnabled"] = true, ["useMetadataUris"] = true }
                : null);
        }

        return answers;
    }

    private void OnNotification(string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "textDocument/publishDiagnostics":
                string uri = OpenDocument.NormalizeUri((string)parameters!["uri"]!);
                ImmutableArray<LspDiagnostic> diagnostics = LspDiagnostic.ParseAll(parameters["diagnostics"]);
                TaskCompletionSource arrived;
                lock (_pushLock)
                {
                    _pushed[uri] = diagnostics;
                    arrived = _pushArrived;
                    _pushArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived.TrySetResult();
                break;
            case "window/logMessage" or "window/showMessage":
                Log((string?)parameters?["message"]);
                break;
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > LogLinesKept)
            {
                _log.Dequeue();
            }
        }
    }

    private void RequireDelivery(DiagnosticsDelivery delivery)
    {
        if (_delivery != delivery)
        {
            throw new InvalidOperationException($"This client declared {_delivery} diagnostics, so the server does not answer {delivery} requests.");
        }
    }

    private static JsonObject PositionParameters(OpenDocument document, TextPosition position)
    {
        return new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = document.Uri },
            ["position"] = new JsonObject { ["line"] = position.Line, ["character"] = position.Character },
        };
    }
}
