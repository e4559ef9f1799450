using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace FakeAI.Bounds.Samples;

/// <summary>
/// The models the server knows: registered explicitly, or created on first use for any id a client asks for.
/// </summary>
/// <remarks>
/// <para>
/// The Python original created and kept a definition for every model id a client asked for, so made-up model names
/// grew it without limit. Here <see cref="Count"/> never exceeds <see cref="MaxModels"/>. Registered models are never
/// evicted: registering beyond <see cref="MaxModels"/> registered models throws <see cref="BoundExceededException"/>.
/// Auto-created models share the room registered models leave; when it is full, the auto-created model used least
/// recently is evicted for a new one, and a registration evicts auto-created models to make room. When registered models
/// fill the registry, <see cref="GetOrCreate"/> still returns a definition but does not keep it. Looking up and
/// auto-creating models take constant time; registering and unregistering resize the auto-created table, in time
/// proportional to the models it holds, which suits registrations being configuration: rare next to lookups.
/// </para>
/// <para>
/// One lock per instance guards every public member. The generated <c>GetBounds()</c> and <c>ClearBounds()</c> run
/// outside it on thread-safe collections.
/// </para>
/// </remarks>
[BoundedTracker]
public sealed partial class ModelRegistry
{
    /// <summary>The largest <see cref="MaxModels"/> allowed.</summary>
    public const int MaxAllowedModels = 100_000;

    private const string DefaultOwner = "custom";

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxModels;

    /// <summary>Registered models by id: never evicted, refused beyond <see cref="MaxModels"/>.</summary>
    private readonly RegisteredModelMap _registered;

    /// <summary>
    /// Auto-created models by id, sized to the room the registered models leave (recreated when that changes); the
    /// least recently used is evicted for a new one.
    /// </summary>
    private AutoCreatedModelMap _autoCreated;

    private Func<string, ModelDefinition?>? _autoCreationHandler;
    private long _autoCreationsNotKept;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="maxModels">How many models the registry holds, registered and auto-created together: 1 … <see cref="MaxAllowedModels"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxModels"/> is outside its range.</exception>
    public ModelRegistry(int maxModels = 1_000, TimeProvider? timeProvider = null)
    {
        _maxModels = Guard.InRange(maxModels, 1, MaxAllowedModels, nameof(maxModels));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _registered = new RegisteredModelMap(maxModels, StringComparer.Ordinal);
        _autoCreated = new AutoCreatedModelMap(maxModels, StringComparer.Ordinal);
    }

    /// <summary>How many models the registry holds, registered and auto-created together.</summary>
    public int MaxModels => _maxModels;

    /// <summary>The number of models held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _registered.Count + _autoCreated.Count;
            }
        }
    }

    /// <summary>The number of registered models held.</summary>
    public int RegisteredCount
    {
        get
        {
            lock (_lock)
            {
                return _registered.Count;
            }
        }
    }

    /// <summary>The number of auto-created models held.</summary>
    public int AutoCreatedCount
    {
        get
        {
            lock (_lock)
            {
                return _autoCreated.Count;
            }
        }
    }

    /// <summary>Definitions <see cref="GetOrCreate"/> returned without keeping them, because registered models filled the registry.</summary>
    public long AutoCreationsNotKept
    {
        get
        {
            lock (_lock)
            {
                return _autoCreationsNotKept;
            }
        }
    }

    /// <summary>Registers a model created from a preset.</summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <param name="preset">The capability preset.</param>
    /// <param name="ownedBy">The owning organisation.</param>
    /// <returns>The new definition.</returns>
    /// <exception cref="ArgumentException">The id is already registered.</exception>
    /// <exception cref="BoundExceededException"><see cref="MaxModels"/> models are registered.</exception>
    public ModelDefinition Register(string modelId, string preset = "base", string ownedBy = DefaultOwner) =>
        Register(new ModelDefinition(modelId, preset, ownedBy, _timeProvider.GetUtcNow()));

    /// <summary>
    /// Registers a complete definition. An auto-created model of the same id is replaced; when the registry is full, the
    /// auto-created model used least recently is evicted to make room.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">Its id is already registered.</exception>
    /// <exception cref="BoundExceededException"><see cref="MaxModels"/> models are registered.</exception>
    public ModelDefinition Register(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_lock)
        {
            if (_registered.ContainsKey(definition.ModelId))
            {
                throw new ArgumentException($"Model '{definition.ModelId}' already registered", nameof(definition));
            }

            if (_registered.IsFull)
            {
                throw new BoundExceededException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Max models limit reached: {_maxModels} models are registered, cannot register '{definition.ModelId}'. Unregister a model first."));
            }

            _autoCreated.Remove(definition.ModelId);
            _registered[definition.ModelId] = definition;
            FitAutoCreatedToRoom();
            return definition;
        }
    }

    /// <summary>The definition of a model, or <see langword="null"/> when it is unknown.</summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <returns>The definition, or <see langword="null"/>.</returns>
    public ModelDefinition? Get(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        lock (_lock)
        {
            return _registered.TryGetValue(modelId, out ModelDefinition? registered) ? registered
                : _autoCreated.TryGetValue(modelId, out ModelDefinition? created) ? created
                : null;
        }
    }

    /// <summary>
    /// The definition of a model, created if it is unknown: by the auto-creation handler when one is set and returns a
    /// definition, otherwise from <paramref name="preset"/>. A created model is kept among the auto-created ones (evicting
    /// the one used least recently when there is no room), unless registered models fill the registry.
    /// </summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <param name="preset">The capability preset for a model created here.</param>
    /// <returns>The definition.</returns>
    public ModelDefinition GetOrCreate(string modelId, string preset = "base")
    {
        ArgumentNullException.ThrowIfNull(modelId);
        lock (_lock)
        {
            if (_registered.TryGetValue(modelId, out ModelDefinition? registered))
            {
                return registered;
            }

            if (_autoCreated.TryGetValue(modelId, out ModelDefinition? existing))
            {
                return existing;
            }

            ModelDefinition definition = _autoCreationHandler?.Invoke(modelId)
                ?? new ModelDefinition(modelId, preset, DefaultOwner, _timeProvider.GetUtcNow()) { AutoCreated = true };
            if (_registered.Count >= _maxModels)
            {
                _autoCreationsNotKept++;
                return definition;
            }

            _autoCreated[modelId] = definition;
            return definition;
        }
    }

    /// <summary>Whether a model is held.</summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <returns><see langword="true"/> when held.</returns>
    public bool Contains(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        lock (_lock)
        {
            return _registered.ContainsKey(modelId) || _autoCreated.ContainsKey(modelId);
        }
    }

    /// <summary>Removes a model, registered or auto-created.</summary>
    /// <param name="modelId">The model's identifier.</param>
    /// <returns>Whether it was held.</returns>
    public bool Unregister(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        lock (_lock)
        {
            if (_registered.Remove(modelId))
            {
                FitAutoCreatedToRoom();
                return true;
            }

            return _autoCreated.Remove(modelId);
        }
    }

    /// <summary>The models held, registered first, optionally only active ones or those of one owner.</summary>
    /// <param name="activeOnly">Whether to leave out inactive models.</param>
    /// <param name="ownedBy">Only this owner's models, when given.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<ModelDefinition> ListModels(bool activeOnly = true, string? ownedBy = null)
    {
        lock (_lock)
        {
            var models = new List<ModelDefinition>(_registered.Count + _autoCreated.Count);
            foreach (ModelDefinition model in _registered.Values)
            {
                if ((!activeOnly || model.IsActive) && (ownedBy is null || model.OwnedBy == ownedBy))
                {
                    models.Add(model);
                }
            }

            foreach (ModelDefinition model in _autoCreated.Values)
            {
                if ((!activeOnly || model.IsActive) && (ownedBy is null || model.OwnedBy == ownedBy))
                {
                    models.Add(model);
                }
            }

            return models;
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
            _registered.Clear();
            _autoCreated.Clear();
            FitAutoCreatedToRoom();
        }
    }

    /// <summary>
    /// Gives the auto-created models exactly the room the registered ones leave, so that a new auto-created model on a
    /// full registry evicts the least recently used one by itself (in constant time). Runs only when registrations change.
    /// </summary>
    private void FitAutoCreatedToRoom()
    {
        int room = _maxModels - _registered.Count;
        int capacity = Math.Max(1, room);
        if (capacity != _autoCreated.Capacity)
        {
            var resized = new AutoCreatedModelMap(capacity, StringComparer.Ordinal);

            // Least recently used first: past the new capacity, the least recently used ones are the ones evicted.
            foreach (KeyValuePair<string, ModelDefinition> entry in _autoCreated)
            {
                resized[entry.Key] = entry.Value;
            }

            _autoCreated = resized;
        }

        if (room == 0)
        {
            _autoCreated.Clear();
        }
    }

    /// <summary>Registered models: configuration, refused rather than evicted beyond the cap.</summary>
    [Bounded(MaxLength = MaxAllowedModels, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    private sealed partial class RegisteredModelMap : IBoundedDictionary<string, ModelDefinition>;

    /// <summary>Models created for ids clients asked for; the least recently used is evicted for a new one.</summary>
    [Bounded(MaxLength = MaxAllowedModels, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
    private sealed partial class AutoCreatedModelMap : IBoundedDictionary<string, ModelDefinition>;
}
