using System;
using System.Globalization;

namespace FakeAI.Bounds.Samples;

/// <summary>Argument checks shared by the trackers' constructors.</summary>
internal static class Guard
{
    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/> unless
    /// <paramref name="value"/> lies in <paramref name="min"/> … <paramref name="max"/>, where <paramref name="max"/> is the
    /// <c>MaxLength</c> of the bounded collection the value sizes.
    /// </summary>
    /// <param name="value">The argument.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    /// <param name="paramName">The parameter's name.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static int InRange(int value, int min, int max, string paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{paramName} must be between {min:N0} and {max:N0} (the MaxLength of the bounded collection it sizes), but was {value:N0}."));
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is finite and greater than zero.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="paramName">The parameter's name.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static double Positive(double value, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, paramName + " must be a finite number greater than zero.");
        }

        return value;
    }
}
