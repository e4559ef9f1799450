using System;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>An LSP position: zero-based line and UTF-16 character offset in it (what C# string indices count).</summary>
internal readonly record struct TextPosition(int Line, int Character)
{
    /// <summary>The position of <paramref name="needle"/>'s first occurrence in <paramref name="text"/>, moved on by <paramref name="offset"/>.</summary>
    public static TextPosition Of(string text, string needle, int offset = 0)
    {
        int index = text.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{needle}' is not in the text.", nameof(needle));
        }

        index += offset;
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextPosition(line, index - lineStart);
    }

    public override string ToString()
    {
        return $"line {Line + 1}, column {Character + 1}";
    }
}
