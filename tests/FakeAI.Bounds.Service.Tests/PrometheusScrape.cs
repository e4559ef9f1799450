using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// Reads the <c>fakeai_bounds_*</c> samples of a Prometheus text scrape into (instrument, tracker, member) → value.
/// The instrument is named without the exporter's <c>_total</c> suffix of counters: <c>count</c>, <c>capacity</c>,
/// <c>evicted</c>, <c>dropped</c>.
/// </summary>
internal static partial class PrometheusScrape
{
    public static Dictionary<(string Instrument, string Tracker, string Member), double> BoundsSamples(string scrape)
    {
        var samples = new Dictionary<(string, string, string), double>();
        foreach (string line in scrape.Split('\n'))
        {
            Match sample = Sample().Match(line);
            if (!sample.Success)
            {
                continue;
            }

            string labels = sample.Groups["labels"].Value;
            double value = double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            samples[(sample.Groups["instrument"].Value, LabelValue(labels, "tracker"), LabelValue(labels, "member"))] = value;
        }

        return samples;
    }

    private static string LabelValue(string labels, string name)
    {
        foreach (Match label in Label().Matches(labels))
        {
            if (label.Groups["name"].Value == name)
            {
                return label.Groups["value"].Value;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^fakeai_bounds_(?<instrument>count|capacity|evicted|dropped)(_total)?\{(?<labels>[^}]*)\} (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<name>[a-z_]+)=""(?<value>[^""]*)""")]
    private static partial Regex Label();
}
