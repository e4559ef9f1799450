using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Reads a JSON request body of at most <see cref="RequestLimitsOptions.MaxRequestBytes"/> bytes. The limit is checked
/// while reading, not only against Content-Length, so that a chunked body cannot get past it; a body that does not
/// parse gets 400 with the parser's explanation.
/// </summary>
internal static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<(T? Value, ApiError? Error)> ReadAsync<T>(HttpContext context, int maxBytes)
        where T : class
    {
        HttpRequest request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var content = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), context.RequestAborted)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                content.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        try
        {
            T? value = JsonSerializer.Deserialize<T>(content.GetBuffer().AsSpan(0, (int)content.Length), ServiceJson.Options);
            return value is null
                ? (null, new ApiError(StatusCodes.Status400BadRequest, "invalid_request_error", "invalid_json", "The request body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, new ApiError(StatusCodes.Status400BadRequest, "invalid_request_error", "invalid_json", "The request body is not valid JSON for this endpoint: " + exception.Message));
        }
    }

    private static ApiError TooLarge(int maxBytes) => new(
        StatusCodes.Status413PayloadTooLarge,
        "invalid_request_error",
        "request_too_large",
        $"The request body is larger than the {maxBytes} bytes this service accepts.");
}
