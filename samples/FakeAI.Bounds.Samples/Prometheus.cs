using System;
using System.Globalization;
using System.Text;

namespace FakeAI.Bounds.Samples;

/// <summary>Writes the Prometheus text exposition format.</summary>
internal static class Prometheus
{
    /// <summary>Appends the <c># HELP</c> and <c># TYPE</c> lines of a metric.</summary>
    public static void AppendHeader(StringBuilder text, string name, string help, string type)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n");
        text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} {type}\n");
    }

    /// <summary>Appends a metric without labels, with its header.</summary>
    public static void AppendMetric(StringBuilder text, string name, string help, string type, double value)
    {
        AppendHeader(text, name, help, type);
        text.Append(CultureInfo.InvariantCulture, $"{name} {value}\n");
    }

    /// <summary>Appends one sample of a metric with a single label.</summary>
    public static void AppendLabelled(StringBuilder text, string name, string label, string labelValue, double value)
    {
        text.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{Escape(labelValue)}\"}} {value}\n");
    }

    /// <summary>Appends the median, 95th and 99th percentile samples of a summary.</summary>
    public static void AppendQuantiles(StringBuilder text, string name, double p50, double p95, double p99)
    {
        text.Append(CultureInfo.InvariantCulture, $"{name}{{quantile=\"0.5\"}} {p50}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}{{quantile=\"0.95\"}} {p95}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}{{quantile=\"0.99\"}} {p99}\n");
    }

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
