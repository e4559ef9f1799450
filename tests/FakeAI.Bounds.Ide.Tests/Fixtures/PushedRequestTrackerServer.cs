using FakeAI.Bounds.Ide.Tests.Lsp;

namespace FakeAI.Bounds.Ide.Tests.Fixtures;

/// <summary>csharp-ls with a client that only receives pushed diagnostics (<c>textDocument/publishDiagnostics</c>).</summary>
public sealed class PushedRequestTrackerServer() : RequestTrackerServer(DiagnosticsDelivery.Push);
