using System.Text.Json.Nodes;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>A place a definition request leads to: an address and the start and end of the range there.</summary>
internal sealed record LspLocation(string Uri, TextPosition Start, TextPosition End)
{
    /// <summary>A Location (<c>uri</c>, <c>range</c>) or a LocationLink (<c>targetUri</c>, <c>targetSelectionRange</c>).</summary>
    public static LspLocation Parse(JsonNode location)
    {
        string uri = (string?)location["uri"] ?? (string)location["targetUri"]!;
        JsonNode range = location["range"] ?? location["targetSelectionRange"]!;
        return new LspLocation(uri, Position(range["start"]!), Position(range["end"]!));
    }

    private static TextPosition Position(JsonNode position)
    {
        return new TextPosition((int)position["line"]!, (int)position["character"]!);
    }

    public override string ToString()
    {
        return $"{Uri} ({Start} to {End})";
    }
}
