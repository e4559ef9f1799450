using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Reads the caller's API key from <c>Authorization: Bearer …</c>. Any key is accepted (the answers are canned); the
/// key is what costs are charged to. A key longer than the identifier limit is refused, and never echoed, since it
/// would be kept as a cost-tracker key.
/// </summary>
internal static class ApiKeys
{
    private const string Scheme = "Bearer ";

    public static ApiError? TryRead(HttpContext context, int maxLength, out string apiKey)
    {
        apiKey = string.Empty;
        string? header = context.Request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
        {
            return new ApiError(
                StatusCodes.Status401Unauthorized,
                "invalid_request_error",
                "missing_api_key",
                "You didn't provide an API key. Provide it in an Authorization header using Bearer auth (Authorization: Bearer YOUR_KEY).");
        }

        string key = header[Scheme.Length..].Trim();
        if (key.Length == 0 || key.Length > maxLength)
        {
            return new ApiError(
                StatusCodes.Status401Unauthorized,
                "invalid_request_error",
                "invalid_api_key",
                $"Incorrect API key provided: an API key has 1 to {maxLength} characters.");
        }

        apiKey = key;
        return null;
    }
}
