using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FakeAI.Bounds.Service;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model}</c>, answered from the model registry.</summary>
internal static class ModelEndpoints
{
    public const string Route = "/v1/models";
    public const string ItemRoute = "/v1/models/{model}";

    public static void MapModels(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, List);
        app.MapGet(ItemRoute, Retrieve);
    }

    private static IResult List(HttpContext context, TrafficRecorder recorder, ModelRegistry models, IOptions<RequestLimitsOptions> options)
    {
        if (ApiKeys.TryRead(context, options.Value.MaxIdentifierLength, out _) is { } keyError)
        {
            return recorder.Refused(context, Route, keyError);
        }

        recorder.Succeeded(Route);
        return Results.Json(new ModelList("list", [.. models.ListModels().Select(Describe)]), ServiceJson.Options);
    }

    private static IResult Retrieve(string model, HttpContext context, TrafficRecorder recorder, ModelRegistry models, IOptions<RequestLimitsOptions> options)
    {
        RequestLimitsOptions limits = options.Value;
        if (ApiKeys.TryRead(context, limits.MaxIdentifierLength, out string apiKey) is { } keyError)
        {
            return recorder.Refused(context, ItemRoute, keyError);
        }

        if (Identifiers.Check("model", model, limits.MaxIdentifierLength) is { } invalid)
        {
            return recorder.Refused(context, ItemRoute, invalid, apiKey);
        }

        if (ModelCatalog.Resolve(models, model) is not { } definition)
        {
            return recorder.Refused(context, ItemRoute, ApiError.UnknownModel(model), apiKey);
        }

        recorder.Succeeded(ItemRoute, definition.ModelId);
        return Results.Json(Describe(definition), ServiceJson.Options);
    }

    private static ModelObject Describe(ModelDefinition model) => new(model.ModelId, "model", model.Created.ToUnixTimeSeconds(), model.OwnedBy);
}

/// <summary>A model as OpenAI lists it.</summary>
internal sealed record ModelObject(string Id, string Object, long Created, string OwnedBy);

/// <summary>The answer of <c>GET /v1/models</c>.</summary>
internal sealed record ModelList(string Object, ModelObject[] Data);
