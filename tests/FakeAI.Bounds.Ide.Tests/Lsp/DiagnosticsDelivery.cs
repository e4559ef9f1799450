namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>How an editor gets diagnostics from the server; csharp-ls picks one from the client's capabilities.</summary>
internal enum DiagnosticsDelivery
{
    /// <summary>
    /// The client declares <c>textDocument.diagnostic</c>, the server registers the pull provider, and the client asks
    /// with <c>textDocument/diagnostic</c> (VS Code, Neovim 0.10+).
    /// </summary>
    Pull,

    /// <summary>The client declares no pull support, and the server sends <c>textDocument/publishDiagnostics</c>.</summary>
    Push,
}
