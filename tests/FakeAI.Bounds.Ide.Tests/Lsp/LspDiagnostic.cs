using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>
/// A diagnostic as the language server reports it. <paramref name="Line"/> and <paramref name="Character"/> are
/// LSP's zero-based start position; <paramref name="Severity"/> is LSP's 1 error, 2 warning, 3 information, 4 hint.
/// </summary>
internal sealed record LspDiagnostic(string Code, int Severity, int Line, int Character, string Message)
{
    public const int Error = 1;

    public const int Warning = 2;

    public bool IsBounds => Code.StartsWith("BND", System.StringComparison.Ordinal);

    /// <summary>A compiler diagnostic (CSxxxx) that an editor shows as an error or a warning.</summary>
    public bool IsCompilerProblem => Code.StartsWith("CS", System.StringComparison.Ordinal) && Severity is Error or Warning;

    /// <summary>The diagnostics of a <c>textDocument/publishDiagnostics</c> notification or a full pull report.</summary>
    public static ImmutableArray<LspDiagnostic> ParseAll(JsonNode? diagnostics)
    {
        return diagnostics is JsonArray array ? [.. array.Select(item => Parse(item!))] : [];
    }

    private static LspDiagnostic Parse(JsonNode diagnostic)
    {
        JsonNode start = diagnostic["range"]!["start"]!;
        return new LspDiagnostic(
            diagnostic["code"]?.ToString() ?? string.Empty,
            (int?)diagnostic["severity"] ?? Error,
            (int)start["line"]!,
            (int)start["character"]!,
            (string?)diagnostic["message"] ?? string.Empty);
    }

    public override string ToString()
    {
        return $"({Line + 1},{Character + 1}) {Code} [severity {Severity}]: {Message}";
    }
}
