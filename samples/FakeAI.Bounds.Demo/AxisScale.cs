using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// A chart axis from zero to a round maximum in round steps (1, 2, 2.5 or 5 times a power of ten), so that tick labels
/// read as 0, 50,000, 100,000 … instead of the data's odd maximum divided by six.
/// </summary>
/// <param name="Maximum">The axis' end, at or above the data's maximum.</param>
/// <param name="Step">The distance between ticks.</param>
internal readonly record struct AxisScale(double Maximum, double Step)
{
    /// <summary>The scale for data from zero to <paramref name="dataMaximum"/>.</summary>
    /// <param name="dataMaximum">The largest value to show; zero or less gives the scale of 1.</param>
    /// <param name="targetTicks">About how many steps the axis should have.</param>
    /// <returns>The scale.</returns>
    public static AxisScale For(double dataMaximum, int targetTicks = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetTicks);
        if (!(dataMaximum > 0) || double.IsInfinity(dataMaximum))
        {
            dataMaximum = 1;
        }

        double rough = dataMaximum / targetTicks;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double normalized = rough / magnitude;
        double step = magnitude * (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10);

        // A small tolerance keeps 200,000 / 50,000 at four steps despite floating-point error.
        double steps = Math.Ceiling((dataMaximum / step) - 1e-9);
        return new AxisScale(steps * step, step);
    }

    /// <summary>The tick values, from zero to <see cref="Maximum"/>.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            int count = (int)Math.Round(Maximum / Step);
            var ticks = new double[count + 1];
            for (int i = 0; i <= count; i++)
            {
                ticks[i] = i * Step;
            }

            return ticks;
        }
    }
}
