using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>The tracker suffixes come from .editorconfig or the MSBuild property; the editorconfig key wins.</summary>
public class Bnd0xxOptionsTests
{
    private const string Source = """
        using System.Collections.Generic;
        namespace App;
        public sealed class EventPump
        {
            private readonly List<string> {|#0:_pending|} = new();
            public void Push(string e) => _pending.Add(e);
        }
        public sealed class PriceCache
        {
            private readonly List<string> {|#1:_prices|} = new();
            public void Push(string e) => _prices.Add(e);
        }
        """;

    private static DiagnosticResult Pump => AnalyzerVerifier.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(0)
        .WithArguments("_pending", "EventPump", "'Push' (line 6) adds to it and nothing removes from it", "'EventPump' lives as long as the process: its name ends in 'Pump', a tracker suffix the project declares");

    private static DiagnosticResult Cache => AnalyzerVerifier.Diagnostic(DiagnosticDescriptors.UnboundedCollection).WithLocation(1)
        .WithArguments("_prices", "PriceCache", "'Push' (line 11) adds to it and nothing removes from it", "'PriceCache' lives as long as the process: its name ends in 'Cache', a tracker suffix the project declares");

    [Fact]
    public Task By_default_neither_a_Pump_nor_a_Cache_is_a_tracker()
    {
        // A cache says what a class does with its data, not that it keeps traffic: real caches are mostly bounded
        // by their own eviction, so "Cache" is not a default suffix (docs/precision.md).
        return RunAsync(config: null);
    }

    [Fact]
    public Task An_editorconfig_key_replaces_the_suffixes()
    {
        return RunAsync(("/.editorconfig", "root = true\n[*.cs]\nfakeai_bounds.tracker_suffixes = Pump, Queue\n"), Pump);
    }

    [Fact]
    public Task The_MSBuild_property_replaces_the_suffixes()
    {
        return RunAsync(("/.globalconfig", "is_global = true\nbuild_property.FakeAIBoundsTrackerSuffixes = Pump,Cache\n"), Pump, Cache);
    }

    [Fact]
    public Task The_editorconfig_key_wins_over_the_MSBuild_property()
    {
        return RunAsync(
            ("/.globalconfig", "is_global = true\nbuild_property.FakeAIBoundsTrackerSuffixes = Pump;Cache\n"),
            ("/.editorconfig", "root = true\n[*.cs]\nfakeai_bounds.tracker_suffixes = Cache\n"),
            Cache);
    }

    [Fact]
    public Task Severity_is_configurable_through_editorconfig()
    {
        // Pump is declared, so EventPump would be reported; the severity turns the rule off.
        return RunAsync(("/.editorconfig", "root = true\n[*.cs]\nfakeai_bounds.tracker_suffixes = Pump\ndotnet_diagnostic.BND001.severity = none\n"));
    }

    [Fact]
    public void Suffix_lists_are_comma_separated_and_ignore_blanks_and_duplicates()
    {
        Assert.Equal(["Pump", "Queue", "Sink"], FakeAI.Bounds.Generators.Common.BoundsOptions.ParseSuffixes(" Pump ,Queue,,Sink, Pump ").ToArray());
        Assert.Empty(FakeAI.Bounds.Generators.Common.BoundsOptions.ParseSuffixes(" , ,"));
    }

    private static Task RunAsync((string Path, string Text)? config, params DiagnosticResult[] expected)
    {
        return config is { } file ? RunAsync(file, null, expected) : RunAsync(null, null, expected);
    }

    private static Task RunAsync((string Path, string Text)? first, (string Path, string Text)? second, params DiagnosticResult[] expected)
    {
        var test = new BoundsAnalyzerTest(Source) { CompilerDiagnostics = CompilerDiagnostics.None };
        foreach ((string Path, string Text)? file in new[] { first, second })
        {
            if (file is { } config)
            {
                test.TestState.AnalyzerConfigFiles.Add((config.Path, config.Text));
            }
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
