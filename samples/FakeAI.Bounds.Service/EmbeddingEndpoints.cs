using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FakeAI.Bounds.Service;

/// <summary><c>POST /v1/embeddings</c>: a canned vector per input, derived from the input's text.</summary>
internal static class EmbeddingEndpoints
{
    public const string Route = "/v1/embeddings";

    private const int DefaultDimensions = 16;

    public static void MapEmbeddings(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, EmbedAsync);
    }

    private static async Task<IResult> EmbedAsync(HttpContext context, TrafficRecorder recorder, ModelRegistry models, IOptions<RequestLimitsOptions> options)
    {
        RequestLimitsOptions limits = options.Value;
        if (ApiKeys.TryRead(context, limits.MaxIdentifierLength, out string apiKey) is { } keyError)
        {
            return recorder.Refused(context, Route, keyError);
        }

        (EmbeddingRequest? request, ApiError? bodyError) = await RequestBody.ReadAsync<EmbeddingRequest>(context, limits.MaxRequestBytes);
        if (request is null)
        {
            return recorder.Refused(context, Route, bodyError!, apiKey);
        }

        if (Check(request, limits, out string[] inputs, out int characters) is { } invalid)
        {
            return recorder.Refused(context, Route, invalid, apiKey);
        }

        if (ModelCatalog.Resolve(models, request.Model!) is not { } model)
        {
            return recorder.Refused(context, Route, ApiError.UnknownModel(request.Model!), apiKey);
        }

        int dimensions = request.Dimensions ?? DefaultDimensions;
        var items = new EmbeddingItem[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            items[i] = new EmbeddingItem("embedding", i, CannedText.Embedding(inputs[i], dimensions));
        }

        int tokens = CannedText.CountTokens(characters);
        recorder.Succeeded(Route, apiKey, model.ModelId, tokens, completionTokens: 0);
        return Results.Json(new EmbeddingList("list", items, model.ModelId, new EmbeddingUsage(tokens, tokens)), ServiceJson.Options);
    }

    private static ApiError? Check(EmbeddingRequest request, RequestLimitsOptions limits, out string[] inputs, out int characters)
    {
        inputs = [];
        characters = 0;
        if (Identifiers.Check("model", request.Model, limits.MaxIdentifierLength) is { } modelError)
        {
            return modelError;
        }

        switch (request.Input.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return ApiError.Missing("input");
            case JsonValueKind.String:
                inputs = [request.Input.GetString()!];
                break;
            case JsonValueKind.Array:
                int count = request.Input.GetArrayLength();
                if (count == 0 || count > limits.MaxEmbeddingInputs)
                {
                    return ApiError.Invalid("input", $"'input' has {count} items; between 1 and {limits.MaxEmbeddingInputs} are allowed.");
                }

                inputs = new string[count];
                int index = 0;
                foreach (JsonElement item in request.Input.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return ApiError.Invalid("input", "'input' must be a string or an array of strings.");
                    }

                    inputs[index++] = item.GetString()!;
                }

                break;
            default:
                return ApiError.Invalid("input", "'input' must be a string or an array of strings.");
        }

        foreach (string input in inputs)
        {
            if (input.Length == 0)
            {
                return ApiError.Invalid("input", "'input' must not contain empty strings.");
            }

            characters += input.Length;
        }

        if (characters > limits.MaxPromptCharacters)
        {
            return new ApiError(
                StatusCodes.Status400BadRequest,
                "invalid_request_error",
                "context_length_exceeded",
                $"The input has {characters} characters; at most {limits.MaxPromptCharacters} are allowed.",
                "input");
        }

        if (request.Dimensions is { } dimensions && (dimensions < 1 || dimensions > limits.MaxEmbeddingDimensions))
        {
            return ApiError.Invalid("dimensions", $"'dimensions' is {dimensions}; between 1 and {limits.MaxEmbeddingDimensions} are allowed.");
        }

        return null;
    }
}
