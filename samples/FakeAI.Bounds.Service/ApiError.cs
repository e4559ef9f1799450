using Microsoft.AspNetCore.Http;

namespace FakeAI.Bounds.Service;

/// <summary>
/// A refused request, answered in OpenAI's error shape: <c>{"error": {"message", "type", "param", "code"}}</c>. The
/// message says what was wrong and what is allowed, so a client can fix its request.
/// </summary>
/// <param name="StatusCode">The HTTP status, always 4xx.</param>
/// <param name="Type">OpenAI's error type, such as <c>invalid_request_error</c>.</param>
/// <param name="Code">A machine-readable code, such as <c>model_not_found</c>.</param>
/// <param name="Message">The explanation.</param>
/// <param name="Param">The request field at fault, when there is one.</param>
internal sealed record ApiError(int StatusCode, string Type, string Code, string Message, string? Param = null)
{
    public static ApiError Invalid(string param, string message) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", "invalid_value", message, param);

    public static ApiError Missing(string param) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", "missing_required_parameter", $"Missing required parameter: '{param}'.", param);

    public static ApiError UnknownModel(string model) =>
        new(StatusCodes.Status404NotFound, "invalid_request_error", "model_not_found", $"The model '{model}' does not exist or you do not have access to it.", "model");

    /// <summary>The response: the error object as JSON, with the status code.</summary>
    public IResult ToResult() => Results.Json(new { error = new { message = Message, type = Type, param = Param, code = Code } }, ServiceJson.Options, statusCode: StatusCode);
}
