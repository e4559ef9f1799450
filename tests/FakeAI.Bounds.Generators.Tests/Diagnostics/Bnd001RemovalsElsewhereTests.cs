using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// A static collection another type takes entries out of (a provider's Dispose removing its own entry from a registry
/// an extension class keeps, a nested type forgetting an entry of its outer class's cache) has that removal as its lifecycle: it is
/// judged once the compilation is done, with the other types' removals known.
/// </summary>
public class Bnd001RemovalsElsewhereTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;

        """;

    public static TheoryData<string> RemovedByAnotherType { get; } = new()
    {
        // A registry of adapters per provider instance; the provider's Dispose removes its own.
        "public static class AdapterExtensions { internal static readonly ConcurrentDictionary<Guid, object> Adapters = new();"
            + " public static object AdapterFor(this Provider provider) => Adapters.GetOrAdd(provider.Id, _ => new object()); }"
            + " public sealed class Provider : IDisposable { public Guid Id { get; } = Guid.NewGuid(); public void Dispose() => AdapterExtensions.Adapters.TryRemove(Id, out _); }",
        // A private cache its nested type takes entries out of.
        "public static class Cache { private static readonly Dictionary<string, object> _entries = new();"
            + " public static object Get(string key) { if (!_entries.TryGetValue(key, out var value)) { value = new object(); _entries[key] = value; } return value; }"
            + " public static class Admin { public static void Forget(string key) => _entries.Remove(key); } }",
    };

    public static TheoryData<string> NotRemovedElsewhere { get; } = new()
    {
        // Another type only reads it.
        "public static class AdapterExtensions { internal static readonly ConcurrentDictionary<Guid, object> Adapters = new();"
            + " public static object AdapterFor(Guid id) => Adapters.GetOrAdd(id, _ => new object()); }"
            + " public sealed class Reader { public int Count => AdapterExtensions.Adapters.Count; public bool Has(Guid id) => AdapterExtensions.Adapters.ContainsKey(id); }",
        // Another type removes from another registry of the same shape.
        "public static class AdapterExtensions { internal static readonly ConcurrentDictionary<Guid, object> Adapters = new(); internal static readonly ConcurrentDictionary<Guid, object> Factories = new();"
            + " public static object AdapterFor(Guid id) { Factories.TryAdd(id, new object()); return Adapters.GetOrAdd(id, _ => new object()); } }"
            + " public sealed class Provider { public void Close(Guid id) => AdapterExtensions.Factories.TryRemove(id, out _); }",
        // Another type only gives it a new collection at startup: a reset bounds nothing.
        "public static class AdapterExtensions { public static ConcurrentDictionary<Guid, object> Adapters = new();"
            + " public static object AdapterFor(Guid id) => Adapters.GetOrAdd(id, _ => new object()); }"
            + " public static class Setup { public static void Configure() { AdapterExtensions.Adapters = new ConcurrentDictionary<Guid, object>(); AdapterExtensions.Adapters.Clear(); } }",
    };

    [Theory]
    [MemberData(nameof(RemovedByAnotherType))]
    public async Task A_static_collection_another_type_removes_from_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [MemberData(nameof(NotRemovedElsewhere))]
    public async Task A_static_collection_no_type_removes_from_is_reported_once_the_compilation_is_done(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND001", finding.Id);
        Assert.Equal("Adapters", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, finding.Descriptor.CustomTags);
    }

    [Fact]
    public async Task A_private_static_collection_of_a_type_without_nested_types_is_reported_as_its_type_ends()
    {
        const string Code = """
            using System.Collections.Generic;
            namespace App
            {
                public static class Names
                {
                    private static readonly List<string> _seen = new();
                    public static void Seen(string name) => _seen.Add(name);
                }
            }
            """;

        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Code);

        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND001", finding.Id);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, finding.Descriptor.CustomTags);
    }
}
