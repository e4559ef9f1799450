using System;
using System.Text;

namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// The one writer of generated source. It keeps the indentation level, so that every line, brace and multi-line block
/// lands at the depth where it is written: a member body is written inside the braces that enclose it, never indented
/// as a string afterwards. Line endings are always <c>\n</c>, so that output is identical on every machine.
/// </summary>
/// <remarks>
/// Blank lines separate members, and an emitter ends each member with <see cref="BlankLine"/> without knowing which
/// member comes next: a requested blank line is written only before a line that follows, at most one in a row, and
/// never just inside the braces that <see cref="Open()"/> and <see cref="Close(string)"/> write.
/// </remarks>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder;
    private int _depth;
    private bool _blankLinePending;

    /// <summary>
    /// The statement every section under a thread-safe collection's lock begins with, or <see langword="null"/>: a
    /// thread-safe table with a maximum age removes its expired entries there, as the first thing any writer does.
    /// </summary>
    public string? LockPrologue { get; set; }

    /// <summary>
    /// What the next locked section does, before it rethrows, when releasing the lock throws, or <see langword="null"/>:
    /// a thread-safe table with a maximum age tells its hook of the swept entries as it releases the lock, and when the
    /// hook throws for one of them, the entries the section itself evicted must still be reported. Used once.
    /// </summary>
    public string? LockReleaseFailure { get; set; }

    /// <summary>
    /// The exception filter every locked section ends with, or <see langword="null"/>: it runs, under the lock, when an
    /// exception leaves the section, and never catches it. A thread-safe table with a maximum age and a hook notes there
    /// that the section failed, so that the hook's exception for a swept entry does not replace the section's own.
    /// </summary>
    public string? LockSectionFailureFilter { get; set; }

    /// <summary>Creates a writer at depth 0.</summary>
    /// <param name="capacity">The expected length of the source, so that the buffer rarely grows.</param>
    public SourceWriter(int capacity)
    {
        _builder = new StringBuilder(capacity);
    }

    /// <summary>
    /// Writes one line at the current depth. A preprocessor directive goes to column 0 as is conventional; an empty
    /// line is a <see cref="BlankLine"/>; trailing white space is dropped.
    /// </summary>
    public void Line(string text)
    {
        string line = text.TrimEnd();
        if (line.Length == 0)
        {
            BlankLine();
            return;
        }

        WritePendingBlankLine();
        string content = line.TrimStart();
        if (content[0] == '#')
        {
            _builder.Append(content).Append('\n');
            return;
        }

        for (int i = 0; i < _depth; i++)
        {
            _builder.Append(IndentUnit);
        }

        // The line's own leading white space is kept: it is its indentation within a multi-line block.
        _builder.Append(line).Append('\n');
    }

    /// <summary>
    /// Writes a multi-line block, such as a raw string literal, with every line at the current depth plus its own
    /// indentation within the block. A final line break ends the last line rather than adding an empty one.
    /// </summary>
    public void Lines(string block)
    {
        int start = 0;
        while (start < block.Length)
        {
            int end = block.IndexOf('\n', start);
            if (end < 0)
            {
                end = block.Length;
            }

            Line(block.Substring(start, end - start));
            start = end + 1;
        }
    }

    /// <summary>Writes a whole member as a multi-line block (see <see cref="Lines"/>), then asks for the blank line that ends it.</summary>
    public void Member(string block)
    {
        Lines(block);
        BlankLine();
    }

    /// <summary>Asks for one blank line before the next line; see the remarks of <see cref="SourceWriter"/>.</summary>
    public void BlankLine()
    {
        _blankLinePending = true;
    }

    /// <summary>Writes <paramref name="header"/> (one line or several), then an opening brace, and goes one level deeper.</summary>
    public void Open(string header)
    {
        Lines(header);
        Open();
    }

    /// <summary>Writes an opening brace and goes one level deeper.</summary>
    public void Open()
    {
        Line("{");
        _blankLinePending = false;
        _depth++;
    }

    /// <summary>Goes one level back and writes the closing brace, followed by <paramref name="suffix"/> (such as <c>;</c>).</summary>
    public void Close(string suffix = "")
    {
        _blankLinePending = false;
        if (_depth > 0)
        {
            _depth--;
        }

        Line("}" + suffix);
    }

    /// <summary>The source written so far.</summary>
    public override string ToString() => _builder.ToString();

    private void WritePendingBlankLine()
    {
        if (_blankLinePending)
        {
            _blankLinePending = false;
            _builder.Append('\n');
        }
    }
}
