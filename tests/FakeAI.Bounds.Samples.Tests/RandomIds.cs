using System;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>Client-supplied-looking identifiers: practically never the same twice.</summary>
internal static class RandomIds
{
    /// <summary>A prefix and eight random hex digits.</summary>
    public static string Next(Random random, string prefix) =>
        prefix + random.Next().ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Eight random lower-case letters (a message the fingerprint's digit folding cannot merge).</summary>
    public static string Word(Random random) => string.Create(8, random, static (span, r) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = (char)('a' + r.Next(26));
        }
    });
}
