using FakeAI.Bounds.Ide.Tests.Lsp;

namespace FakeAI.Bounds.Ide.Tests.Fixtures;

/// <summary>csharp-ls with a client that pulls diagnostics (<c>textDocument/diagnostic</c>).</summary>
public sealed class PullingRequestTrackerServer() : RequestTrackerServer(DiagnosticsDelivery.Pull);
