using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

internal static class StringBuilderExtensions
{
    /// <summary>Appends a block of members followed by exactly one blank line, whatever the template's trailing newlines.</summary>
    public static StringBuilder AppendBlock(this StringBuilder builder, string text)
    {
        return builder.Append(text.TrimEnd('\n', ' ')).Append("\n\n");
    }
}
