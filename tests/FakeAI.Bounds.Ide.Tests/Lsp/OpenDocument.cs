using System;
using System.IO;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>A file open in the client: its address, the text the server was last given, and that text's version.</summary>
internal sealed class OpenDocument(string path, string text)
{
    public string Path { get; } = path;

    public string Uri { get; } = NormalizeUri(new Uri(path).AbsoluteUri);

    public string FileName => System.IO.Path.GetFileName(Path);

    public string Text { get; private set; } = text;

    /// <summary>LSP's document version: 1 when opened, one more for every change.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The zero-based position of <paramref name="needle"/>'s first occurrence, moved on by <paramref name="offset"/> characters.</summary>
    public TextPosition PositionOf(string needle, int offset = 0)
    {
        return TextPosition.Of(Text, needle, offset);
    }

    /// <summary>The text with the one occurrence of <paramref name="oldText"/> replaced (fails if it is not there exactly once).</summary>
    public string TextWith(string oldText, string newText)
    {
        int first = Text.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || Text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{oldText}' does not occur exactly once in {FileName}.", nameof(oldText));
        }

        return string.Concat(Text.AsSpan(0, first), newText, Text.AsSpan(first + oldText.Length));
    }

    /// <summary>One form of an address, so that the server's notifications find the document they are about.</summary>
    public static string NormalizeUri(string uri)
    {
        return new Uri(uri).AbsoluteUri;
    }

    internal void Update(string newText)
    {
        Text = newText;
        Version++;
    }
}
