using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace FakeAI.Bounds.Samples.Unbounded;

/// <summary>
/// The models the server knows: registered explicitly, or created on first use for any id a client asks for.
/// </summary>
/// <remarks>
/// <see cref="GetOrCreate"/> adds a definition for every unknown model id, so a client that sends made-up model names
/// grows the registry without limit.
/// </remarks>
public sealed class ModelRegistry
{
    private const string DefaultOwner = "custom";

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Definitions by model id. Grows with every id registered or asked for; entries leave only through
    /// <see cref="Unregister"/> or <see cref="Clear"/>.
    /// </summary>
    private readonly Dictionary<string, ModelDefinition> _models = new(StringComparer.Ordinal);

    private Func<string, ModelDefinition?>? _autoCreationHandler;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public ModelRegistry(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The number of models held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _models.Count;
            }
        }
    }

    /// <summary>Registers a model created from a preset.</summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <param name="preset">The capability preset.</param>
    /// <param name="ownedBy">The owning organisation.</param>
    /// <returns>The new definition.</returns>
    /// <exception cref="ArgumentException">The id is already registered.</exception>
    public ModelDefinition Register(string modelId, string preset = "base", string ownedBy = DefaultOwner) =>
        Register(new ModelDefinition(modelId, preset, ownedBy, _timeProvider.GetUtcNow()));

    /// <summary>Registers a complete definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">Its id is already registered.</exception>
    public ModelDefinition Register(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_lock)
        {
            if (!_models.TryAdd(definition.ModelId, definition))
            {
                throw new ArgumentException($"Model '{definition.ModelId}' already registered", nameof(definition));
            }

            return definition;
        }
    }

    /// <summary>The definition of a model, or <see langword="null"/> when it is unknown.</summary>
    /// <param name="modelId">The model's identifier.</param>
    public ModelDefinition? Get(string modelId)
    {
        lock (_lock)
        {
            return _models.GetValueOrDefault(modelId);
        }
    }

    /// <summary>
    /// The definition of a model, created and kept if it is unknown: by the auto-creation handler when one is set
    /// and returns a definition, otherwise from <paramref name="preset"/>.
    /// </summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <param name="preset">The capability preset for a model created here.</param>
    public ModelDefinition GetOrCreate(string modelId, string preset = "base")
    {
        lock (_lock)
        {
            if (_models.TryGetValue(modelId, out ModelDefinition? existing))
            {
                return existing;
            }

            ModelDefinition definition = _autoCreationHandler?.Invoke(modelId)
                ?? new ModelDefinition(modelId, preset, DefaultOwner, _timeProvider.GetUtcNow()) { AutoCreated = true };
            _models[modelId] = definition;
            return definition;
        }
    }

    /// <summary>Whether a model is held.</summary>
    /// <param name="modelId">The model's identifier.</param>
    public bool Contains(string modelId)
    {
        lock (_lock)
        {
            return _models.ContainsKey(modelId);
        }
    }

    /// <summary>Removes a model.</summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <returns>Whether it was held.</returns>
    public bool Unregister(string modelId)
    {
        lock (_lock)
        {
            return _models.Remove(modelId);
        }
    }

    /// <summary>The models held, optionally only active ones or those of one owner.</summary>
    /// <param name="activeOnly">Whether to leave out inactive models.</param>
    /// <param name="ownedBy">Only this owner's models, when given.</param>
    public IReadOnlyList<ModelDefinition> ListModels(bool activeOnly = true, string? ownedBy = null)
    {
        lock (_lock)
        {
            return _models.Values
                .Where(m => (!activeOnly || m.IsActive) && (ownedBy is null || m.OwnedBy == ownedBy))
                .ToList();
        }
    }

    /// <summary>Sets the function that defines unknown models for <see cref="GetOrCreate"/>; <see langword="null"/> removes it.</summary>
    /// <param name="handler">Returns a definition for a model id, or <see langword="null"/> to fall back to the preset.</param>
    public void SetAutoCreationHandler(Func<string, ModelDefinition?>? handler)
    {
        lock (_lock)
        {
            _autoCreationHandler = handler;
        }
    }

    /// <summary>Removes every model.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _models.Clear();
        }
    }
}
