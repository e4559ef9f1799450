using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// The errors <see cref="ErrorMetricsTracker"/> has seen with one fingerprint: how often, since when, and whom
/// they affected. The tracker keeps one per distinct fingerprint.
/// </summary>
public sealed class ErrorPattern
{
    /// <summary>How many example request ids a pattern keeps.</summary>
    public const int MaxExampleRequestIds = 10;

    /// <summary>Creates the pattern of a first occurrence.</summary>
    /// <param name="first">The error that starts the pattern.</param>
    public ErrorPattern(ErrorRecord first)
    {
        ArgumentNullException.ThrowIfNull(first);
        Fingerprint = first.Fingerprint;
        ErrorType = first.ErrorType;
        Endpoint = first.Endpoint;
        NormalizedMessage = first.NormalizedMessage;
        FirstSeen = first.Timestamp;
        LastSeen = first.Timestamp;
    }

    /// <summary>The fingerprint shared by the pattern's errors.</summary>
    public string Fingerprint { get; }

    /// <summary>The errors' type.</summary>
    public string ErrorType { get; }

    /// <summary>The endpoint that failed.</summary>
    public string Endpoint { get; }

    /// <summary>The normalised message the fingerprint was computed from.</summary>
    public string NormalizedMessage { get; }

    /// <summary>How many errors matched.</summary>
    public int Count { get; set; }

    /// <summary>When the first matching error happened.</summary>
    public DateTimeOffset FirstSeen { get; }

    /// <summary>When the latest matching error happened.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Every model a matching error named. Grows with each new model name and is never trimmed.</summary>
    public HashSet<string> AffectedModels { get; } = new(StringComparer.Ordinal);

    /// <summary>Every user a matching error named. Grows with each new user and is never trimmed.</summary>
    public HashSet<string> AffectedUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The first request ids of matching errors. Bounded: an id is added only while fewer than
    /// <see cref="MaxExampleRequestIds"/> are held.
    /// </summary>
    public List<string> ExampleRequestIds { get; } = [];
}
