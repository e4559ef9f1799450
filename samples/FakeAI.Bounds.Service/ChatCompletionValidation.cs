namespace FakeAI.Bounds.Service;

/// <summary>
/// Checks a chat completion request against OpenAI's rules and the service's limits before anything reaches a
/// tracker. Each refusal names the field and what is allowed.
/// </summary>
internal static class ChatCompletionValidation
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool"];

    /// <summary>The first problem with the request, or null; <paramref name="promptCharacters"/> is the text's length.</summary>
    public static ApiError? Check(ChatCompletionRequest request, RequestLimitsOptions limits, out int promptCharacters)
    {
        promptCharacters = 0;
        if (Identifiers.Check("model", request.Model, limits.MaxIdentifierLength) is { } modelError)
        {
            return modelError;
        }

        if (request.Messages is null)
        {
            return ApiError.Missing("messages");
        }

        if (request.Messages.Length == 0 || request.Messages.Length > limits.MaxMessages)
        {
            return ApiError.Invalid("messages", $"'messages' has {request.Messages.Length} messages; between 1 and {limits.MaxMessages} are allowed.");
        }

        for (int i = 0; i < request.Messages.Length; i++)
        {
            ChatMessage? message = request.Messages[i];
            if (message?.Role is null)
            {
                return ApiError.Missing($"messages[{i}].role");
            }

            if (System.Array.IndexOf(Roles, message.Role) < 0)
            {
                return ApiError.Invalid($"messages[{i}].role", $"'messages[{i}].role' must be one of {string.Join(", ", Roles)}.");
            }

            promptCharacters += message.Content?.Length ?? 0;
        }

        if (promptCharacters > limits.MaxPromptCharacters)
        {
            return new ApiError(
                Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest,
                "invalid_request_error",
                "context_length_exceeded",
                $"The messages have {promptCharacters} characters; at most {limits.MaxPromptCharacters} are allowed.",
                "messages");
        }

        if (request.MaxTokens is { } maxTokens && (maxTokens < 1 || maxTokens > limits.MaxCompletionTokens))
        {
            return ApiError.Invalid("max_tokens", $"'max_tokens' is {maxTokens}; between 1 and {limits.MaxCompletionTokens} are allowed.");
        }

        if (request.Temperature is { } temperature && !(temperature >= 0 && temperature <= 2))
        {
            return ApiError.Invalid("temperature", "'temperature' must be between 0 and 2.");
        }

        return null;
    }
}
