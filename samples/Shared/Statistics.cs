using System;
using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Samples.Shared;

/// <summary>The summary statistics the trackers report: mean, median and percentiles over a set of samples.</summary>
internal static class Statistics
{
    /// <summary>The arithmetic mean; 0 for no samples.</summary>
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? 0 : values.Average();

    /// <summary>The middle value (the mean of the two middle values for an even count); 0 for no samples.</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = Sorted(values);
        if (sorted.Length == 0)
        {
            return 0;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The <paramref name="cut"/>-th of the <paramref name="parts"/> - 1 cut points that divide the samples into
    /// <paramref name="parts"/> groups of equal probability, interpolated the "exclusive" way (the sample is taken as
    /// drawn from a larger population). <c>Quantile(values, 20, 19)</c> is the 95th percentile.
    /// </summary>
    public static double Quantile(IEnumerable<double> values, int parts, int cut)
    {
        double[] sorted = Sorted(values);
        if (sorted.Length == 0)
        {
            return 0;
        }

        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        int m = sorted.Length + 1;
        int j = Math.Clamp(cut * m / parts, 1, sorted.Length - 1);
        int delta = (cut * m) - (j * parts);
        return ((sorted[j - 1] * (parts - delta)) + (sorted[j] * delta)) / parts;
    }

    /// <summary>The <paramref name="percent"/>-th percentile, interpolated linearly between the closest ranks.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        double[] sorted = Sorted(values);
        if (sorted.Length == 0)
        {
            return 0;
        }

        double rank = percent / 100 * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
