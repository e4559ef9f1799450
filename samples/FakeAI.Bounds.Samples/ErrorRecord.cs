using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FakeAI.Bounds.Samples;

/// <summary>One error <see cref="ErrorMetricsTracker"/> recorded, with its context and fingerprint.</summary>
public sealed partial class ErrorRecord
{
    private const int MaxNormalizedLength = 200;

    /// <summary>Creates the record and computes its fingerprint.</summary>
    /// <param name="timestamp">When the error happened.</param>
    /// <param name="endpoint">The API endpoint that failed.</param>
    /// <param name="statusCode">The HTTP status code returned.</param>
    /// <param name="errorType">The error's type or class name.</param>
    /// <param name="errorMessage">The error's message.</param>
    public ErrorRecord(DateTimeOffset timestamp, string endpoint, int statusCode, string errorType, string errorMessage)
    {
        Timestamp = timestamp;
        Endpoint = endpoint;
        StatusCode = statusCode;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        NormalizedMessage = Normalize(errorMessage);
        Fingerprint = ComputeFingerprint(errorType, endpoint, NormalizedMessage);
    }

    /// <summary>When the error happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The API endpoint that failed.</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP status code returned.</summary>
    public int StatusCode { get; }

    /// <summary>The error's type or class name.</summary>
    public string ErrorType { get; }

    /// <summary>The error's message as reported.</summary>
    public string ErrorMessage { get; }

    /// <summary>The message with its variable parts (ids, addresses, numbers) replaced by placeholders.</summary>
    public string NormalizedMessage { get; }

    /// <summary>
    /// Eight hex digits of SHA-256 over type, endpoint and normalised message: errors that differ only in ids or
    /// numbers share a fingerprint.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The model the request used, if known.</summary>
    public string? Model { get; init; }

    /// <summary>The API key of the request, if known.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The request's identifier, if known.</summary>
    public string? RequestId { get; init; }

    /// <summary>The user who made the request, if known.</summary>
    public string? UserId { get; init; }

    /// <summary>The stack trace, if captured.</summary>
    public string? StackTrace { get; init; }

    /// <summary>
    /// Replaces, in this order, UUIDs with <c>&lt;UUID&gt;</c>, request ids with <c>&lt;REQUEST_ID&gt;</c>, hex
    /// addresses with <c>&lt;ADDR&gt;</c> and digit runs with <c>&lt;NUM&gt;</c>, then cuts the text to 200 characters.
    /// </summary>
    /// <param name="message">An error message.</param>
    public static string Normalize(string message)
    {
        string normalized = UuidPattern().Replace(message, "<UUID>");
        normalized = RequestIdPattern().Replace(normalized, "<REQUEST_ID>");
        normalized = HexAddressPattern().Replace(normalized, "<ADDR>");
        normalized = NumberPattern().Replace(normalized, "<NUM>");
        return normalized.Length > MaxNormalizedLength ? normalized[..MaxNormalizedLength] : normalized;
    }

    private static string ComputeFingerprint(string errorType, string endpoint, string normalizedMessage)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{errorType}:{endpoint}:{normalizedMessage}"));
        return Convert.ToHexStringLower(hash, 0, 4);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    [GeneratedRegex("req-[a-zA-Z0-9]+")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("0x[0-9a-fA-F]+")]
    private static partial Regex HexAddressPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
