using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// A local declared with a collection member and never assigned again is that member under another name: what the
/// code adds or removes through it counts (<c>var c = _cache; c[k] = v;</c>, and the exact-pair removal
/// <c>ICollection&lt;KeyValuePair&lt;K, V&gt;&gt; entries = _map; entries.Remove(pair);</c>).
/// </summary>
public class Bnd001LocalAliasTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        namespace App
        {
            public sealed class Loader
            {
                public static readonly Loader Instance = new();
                private Loader() { }

        """;

    private const string End = """

            }
        }
        """;

    public static TheoryData<string> RemovedThroughAnAlias { get; } = new()
    {
        // The in-flight entry taken out, by its exact value, in a finally, through the pair-removal idiom.
        "private readonly ConcurrentDictionary<string, object> _inflight = new();"
            + " public object Load(string key) { var value = _inflight.GetOrAdd(key, _ => new object()); try { return value; } finally { Release(key, value); } }"
            + " private void Release(string key, object value) { ICollection<KeyValuePair<string, object>> entries = _inflight; entries.Remove(new KeyValuePair<string, object>(key, value)); }",
        // Trimmed through a local after each add.
        "private readonly List<string> _recent = new();"
            + " public void Seen(string name) { _recent.Add(name); var recent = this._recent; if (recent.Count > 100) recent.RemoveAt(0); }",
    };

    public static TheoryData<string> GrownThroughAnAlias { get; } = new()
    {
        // Added through a local, never removed.
        "private readonly Dictionary<string, object> _cache = new(); public void Put(string key) { var cache = _cache; cache[key] = new object(); }",
        // A local that is assigned again is no longer the member: its Clear empties something else.
        "private readonly List<string> _seen = new(); public void Seen(string name) { _seen.Add(name); var other = _seen; other = new List<string>(); other.Clear(); }",
    };

    [Theory]
    [MemberData(nameof(RemovedThroughAnAlias))]
    public async Task A_removal_through_a_local_alias_counts(string members)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Prelude + members + End);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [MemberData(nameof(GrownThroughAnAlias))]
    public async Task An_add_through_a_local_alias_counts(string members)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Prelude + members + End);

        Assert.Empty(run.AnalyzerExceptions);
        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND001", finding.Id);
    }
}
