using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Shows how far a version's run has got. On a terminal it redraws one line in place with <c>\r</c>; when the output is
/// redirected (a log, a pipe, CI) carriage returns would pile up into one unreadable line, so it writes a plain line
/// every tenth of the run instead. Redrawing is throttled to whole steps, so reporting every operation costs a compare.
/// </summary>
internal sealed class ProgressBar
{
    private const int BarWidth = 28;

    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly string _label;
    private readonly long _total;
    private readonly int _steps;
    private int _step;
    private long _nextDraw;
    private int _lastLineLength;

    /// <summary>Creates the progress display of one run.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="interactive">Whether <paramref name="output"/> is a terminal that understands <c>\r</c>.</param>
    /// <param name="label">The version's name.</param>
    /// <param name="total">Operations in the run.</param>
    public ProgressBar(TextWriter output, bool interactive, string label, long total)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        _output = output;
        _interactive = interactive;
        _label = label;
        _total = total;
        _steps = (int)Math.Min(interactive ? 200 : 10, total);
        _nextDraw = StepEnd(1);
        if (interactive)
        {
            Draw(0, 0);
        }
    }

    /// <summary>Reports progress; draws only when a new step is reached.</summary>
    /// <param name="done">Operations replayed so far.</param>
    /// <param name="heapBytes">The latest heap sample.</param>
    public void Report(long done, long heapBytes)
    {
        if (done < _nextDraw)
        {
            return;
        }

        while (_step < _steps && done >= StepEnd(_step + 1))
        {
            _step++;
        }

        _nextDraw = _step < _steps ? StepEnd(_step + 1) : long.MaxValue;
        if (_interactive)
        {
            Draw(done, heapBytes);
        }
        else if (done < _total)
        {
            _output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{_label}: {done:N0}/{_total:N0} operations ({Percent(done)}%), heap +{Megabytes(heapBytes)} MB"));
        }
    }

    /// <summary>Ends the display with a line that stays.</summary>
    /// <param name="elapsed">How long the run took.</param>
    /// <param name="heapBytes">The last heap sample.</param>
    public void Complete(TimeSpan elapsed, long heapBytes)
    {
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{_label,-9} {_total:N0} operations in {elapsed.TotalSeconds:F1} s, heap +{Megabytes(heapBytes)} MB at the end");
        if (_interactive)
        {
            _output.Write('\r');
            _output.Write(line.PadRight(_lastLineLength));
            _output.WriteLine();
        }
        else
        {
            _output.WriteLine(line);
        }

        _output.Flush();
    }

    private long StepEnd(int step) => (_total * step) / _steps;

    private int Percent(long done) => (int)(done * 100 / _total);

    private void Draw(long done, long heapBytes)
    {
        int filled = (int)(done * BarWidth / _total);
        var line = new StringBuilder(96)
            .Append(CultureInfo.InvariantCulture, $"{_label,-9} [")
            .Append('#', filled)
            .Append('-', BarWidth - filled)
            .Append(CultureInfo.InvariantCulture, $"] {Percent(done),3}%  {done:N0}/{_total:N0} operations  heap +{Megabytes(heapBytes)} MB");
        string text = line.ToString();
        _output.Write('\r');
        _output.Write(text.PadRight(_lastLineLength));
        _output.Flush();
        _lastLineLength = text.Length;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}
