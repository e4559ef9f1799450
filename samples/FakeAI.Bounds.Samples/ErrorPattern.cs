using System;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// The errors <see cref="ErrorMetricsTracker"/> has seen with one fingerprint: how often, since when, and whom they
/// affected. The tracker keeps one per distinct fingerprint and only touches it under its lock.
/// </summary>
/// <remarks>
/// The Python original kept every model and every user that ever hit the pattern. Here both are bounded sets that keep
/// the most recently affected ones, so a pattern hit by millions of users stays the same size.
/// </remarks>
internal sealed partial class ErrorPattern
{
    /// <summary>How many example request ids a pattern keeps (the first ones seen).</summary>
    public const int MaxExampleRequestIds = 10;

    /// <summary>How many distinct affected models a pattern keeps.</summary>
    public const int MaxAffectedModels = 64;

    /// <summary>How many distinct affected users a pattern keeps.</summary>
    public const int MaxAffectedUsers = 100;

    /// <summary>Creates the pattern of a first occurrence.</summary>
    /// <param name="first">The error that starts the pattern.</param>
    public ErrorPattern(ErrorRecord first)
    {
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

    /// <summary>The models matching errors named, the least recently affected evicted beyond <see cref="MaxAffectedModels"/>.</summary>
    public AffectedModelSet AffectedModels { get; } = new(StringComparer.Ordinal);

    /// <summary>The users matching errors named, the least recently affected evicted beyond <see cref="MaxAffectedUsers"/>.</summary>
    public AffectedUserSet AffectedUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>The first <see cref="MaxExampleRequestIds"/> request ids of matching errors; later ones are dropped.</summary>
    public ExampleRequestIdQueue ExampleRequestIds { get; } = new();

    /// <summary>Records one more matching error.</summary>
    /// <param name="error">The error.</param>
    public void Record(ErrorRecord error)
    {
        Count++;
        LastSeen = error.Timestamp;
        if (!string.IsNullOrEmpty(error.Model))
        {
            AffectedModels.Add(error.Model);
        }

        if (!string.IsNullOrEmpty(error.UserId))
        {
            AffectedUsers.Add(error.UserId);
        }

        if (!string.IsNullOrEmpty(error.RequestId))
        {
            ExampleRequestIds.TryAdd(error.RequestId);
        }
    }

    /// <summary>Affected models of one pattern.</summary>
    [Bounded(MaxLength = MaxAffectedModels, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    internal sealed partial class AffectedModelSet : IBoundedSet<string>;

    /// <summary>Affected users of one pattern.</summary>
    [Bounded(MaxLength = MaxAffectedUsers, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    internal sealed partial class AffectedUserSet : IBoundedSet<string>;

    /// <summary>Example request ids of one pattern: the first ones are kept, as the Python did.</summary>
    [Bounded(MaxLength = MaxExampleRequestIds, Overflow = OverflowPolicy.DropNewest)]
    internal sealed partial class ExampleRequestIdQueue : IBoundedQueue<string>;
}
