using System;
using Xunit;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Beyond the Python suite, its "future work": model registry memory bounds. The Python registry created and kept a
/// definition for every model id a client asked for.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class ModelRegistryBounds
{
    [Fact]
    public void AutoCreatedModelsAreCappedAgainstClientIds()
    {
        var registry = new ModelRegistry(maxModels: 100);

        for (int i = 0; i < 10_000; i++)
        {
            ModelDefinition model = registry.GetOrCreate($"made-up-{i}");
            Assert.True(model.AutoCreated);
        }

        Assert.Equal(100, registry.Count);
        Assert.Equal(100, registry.AutoCreatedCount);
        Assert.True(registry.Contains("made-up-9999"));
        Assert.False(registry.Contains("made-up-9899"));
        Assert.Equal(1_000, new ModelRegistry().MaxModels);
    }

    [Fact]
    public void RegisteredModelsAreNeverEvictedByAutoCreatedOnes()
    {
        var registry = new ModelRegistry(maxModels: 100);
        for (int i = 0; i < 10; i++)
        {
            registry.Register($"registered-{i}");
        }

        for (int i = 0; i < 10_000; i++)
        {
            registry.GetOrCreate($"made-up-{i}");
        }

        Assert.Equal(100, registry.Count);
        Assert.Equal(10, registry.RegisteredCount);
        Assert.Equal(90, registry.AutoCreatedCount);
        for (int i = 0; i < 10; i++)
        {
            Assert.True(registry.Contains($"registered-{i}"));
            Assert.False(registry.Get($"registered-{i}")?.AutoCreated);
        }
    }

    [Fact]
    public void AModelInUseIsNotTheAutoCreatedOneEvicted()
    {
        var registry = new ModelRegistry(maxModels: 10);
        registry.GetOrCreate("popular");

        for (int i = 0; i < 1_000; i++)
        {
            registry.GetOrCreate($"made-up-{i}");
            registry.GetOrCreate("popular");
        }

        Assert.True(registry.Contains("popular"));
        Assert.Equal(10, registry.Count);
    }

    [Fact]
    public void RegisteringOnAFullRegistryEvictsTheLeastRecentlyUsedAutoCreatedModel()
    {
        var registry = new ModelRegistry(maxModels: 5);
        for (int i = 0; i < 5; i++)
        {
            registry.GetOrCreate($"auto-{i}");
        }

        registry.GetOrCreate("auto-0");

        registry.Register("gpt-4", preset: "chat", ownedBy: "openai");

        Assert.Equal(5, registry.Count);
        Assert.True(registry.Contains("gpt-4"));
        Assert.True(registry.Contains("auto-0"));
        Assert.False(registry.Contains("auto-1"));
    }

    [Fact]
    public void RegisteringBeyondMaxModelsThrowsAndLookupsStillAnswer()
    {
        var registry = new ModelRegistry(maxModels: 3);
        registry.Register("a");
        registry.Register("b");
        registry.Register("c");

        var refused = Assert.Throws<BoundExceededException>(() => registry.Register("d"));
        Assert.Contains("Max models limit reached", refused.Message, StringComparison.Ordinal);

        ModelDefinition created = registry.GetOrCreate("made-up");
        Assert.Equal("made-up", created.ModelId);
        Assert.False(registry.Contains("made-up"));
        Assert.Equal(1, registry.AutoCreationsNotKept);
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public void UnregisteringMakesRoomForAutoCreatedModelsAgain()
    {
        var registry = new ModelRegistry(maxModels: 3);
        registry.Register("a");
        registry.Register("b");
        registry.Register("c");
        Assert.True(registry.Unregister("a"));
        Assert.True(registry.Unregister("b"));

        registry.GetOrCreate("x");
        registry.GetOrCreate("y");
        registry.GetOrCreate("z");

        Assert.Equal(3, registry.Count);
        Assert.False(registry.Contains("x"));
        Assert.True(registry.Contains("y"));
        Assert.True(registry.Contains("z"));
    }

    [Fact]
    public void RegisteringAnAutoCreatedIdReplacesIt()
    {
        var registry = new ModelRegistry(maxModels: 3);
        registry.GetOrCreate("gpt-4");

        ModelDefinition registered = registry.Register("gpt-4", preset: "chat", ownedBy: "openai");

        Assert.Same(registered, registry.Get("gpt-4"));
        Assert.Equal(1, registry.Count);
        Assert.Equal(1, registry.RegisteredCount);
        Assert.Throws<ArgumentException>(() => registry.Register("gpt-4"));
    }

    [Fact]
    public void EvictedModelsAreCollected()
    {
        var registry = new ModelRegistry(maxModels: 10);
        var evicted = new WeakReference[10];
        for (int i = 0; i < 10; i++)
        {
            string id = $"first-{i}";
            evicted[i] = Heap.WeakOf(() => registry.GetOrCreate(id));
        }

        for (int i = 0; i < 10; i++)
        {
            registry.GetOrCreate($"second-{i}");
        }

        Assert.Equal(0, Heap.CountAlive(evicted));
        Assert.Equal(10, registry.Count);
        GC.KeepAlive(registry);
    }

    [Fact]
    public void UnboundedSampleKeepsEveryModelIdAskedFor()
    {
        var registry = new Unbounded.ModelRegistry();

        for (int i = 0; i < 10_000; i++)
        {
            registry.GetOrCreate($"made-up-{i}");
        }

        Assert.Equal(10_000, registry.Count);
    }
}
