using System;

namespace FakeAI.Bounds.Service;

/// <summary>
/// The models the service answers for: a few base models registered at start-up, and fine-tuned models of a base model
/// (<c>ft:gpt-4o-mini:my-org:my-suffix:abc123</c>), which the registry creates the first time they are asked for, as
/// FakeAI does. Any other id is unknown and gets 404; it never becomes a registry entry.
/// </summary>
internal static class ModelCatalog
{
    private const string Owner = "openai";
    private const string FineTunedPrefix = "ft:";

    /// <summary>The base models: chat models first, then embedding models.</summary>
    public static readonly string[] BaseModels =
        ["gpt-4o", "gpt-4o-mini", "gpt-4", "gpt-3.5-turbo", "text-embedding-3-small", "text-embedding-3-large"];

    public static void RegisterBaseModels(ModelRegistry registry)
    {
        foreach (string model in BaseModels)
        {
            registry.Register(model, model.StartsWith("text-embedding", StringComparison.Ordinal) ? "embedding" : "chat", Owner);
        }
    }

    /// <summary>The model's definition, created for a fine-tuned id of a base model; null when the model is unknown.</summary>
    public static ModelDefinition? Resolve(ModelRegistry registry, string modelId)
    {
        if (registry.Get(modelId) is { } known)
        {
            return known;
        }

        return IsFineTunedFromBaseModel(modelId) ? registry.GetOrCreate(modelId, "fine-tuned") : null;
    }

    // ft:<base model>:<organization>[:<suffix>]:<job id>
    private static bool IsFineTunedFromBaseModel(string modelId)
    {
        if (!modelId.StartsWith(FineTunedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = modelId.Split(':');
        return parts.Length is 4 or 5
            && Array.IndexOf(BaseModels, parts[1]) >= 0
            && parts[2].Length > 0
            && parts[^1].Length > 0;
    }
}
