using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// A private method that nothing runs (no caller other code can reach, no delegate, nothing that runs by itself) adds
/// nothing. Where something else may call it unseen — an attribute a framework reads, a partial type a generator or
/// Razor completes, a nested type — it is judged as called.
/// </summary>
public class Bnd001MethodsThatNeverRunTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.Serialization;

        """;

    public static TheoryData<string> NeverRun { get; } = new()
    {
        // Nothing calls it.
        "public static class Names { private static readonly List<string> _seen = new(); public static int Count => _seen.Count; private static void Seen(string name) => _seen.Add(name); }",
        // Only another private method nothing calls calls it.
        "public static class Names { private static readonly List<string> _seen = new(); public static int Count => _seen.Count;"
            + " private static void Record(string name) => Seen(name); private static void Seen(string name) => _seen.Add(name); }",
    };

    public static TheoryData<string> MayRun { get; } = new()
    {
        // A public method calls it through a private one.
        "public static class Names { private static readonly List<string> _seen = new(); public static void Handle(string name) => Record(name);"
            + " private static void Record(string name) => Seen(name); private static void Seen(string name) => _seen.Add(name); }",
        // Handed out as a delegate.
        "public static class Names { private static readonly List<string> _seen = new(); public static Action<string> Sink => Seen; private static void Seen(string name) => _seen.Add(name); }",
        // A serializer calls it.
        "public sealed class Names { public static readonly Names Instance = new(); private Names() { } private readonly List<string> _seen = new();"
            + " [OnDeserialized] private void Seen(StreamingContext context) => _seen.Add(context.ToString()); }",
        // A partial type: another part, perhaps generated, may call it.
        "public static partial class Names { private static readonly List<string> _seen = new(); private static void Seen(string name) => _seen.Add(name); }",
        // A public method calls it in code the compiler cannot bind yet (an argument that does not resolve).
        "public static class Names { private static readonly List<string> _seen = new(); public static void Handle(string name) => Seen(name, undeclared);"
            + " private static void Seen(string name) => _seen.Add(name); }",
        // Called dynamically: the call graph holds no call, the name says one.
        "public static class Names { private static readonly List<string> _seen = new(); public static void Handle(dynamic d) => Seen(d); private static void Seen(string name) => _seen.Add(name); }",
        // Named for reflection.
        "public static class Names { private static readonly List<string> _seen = new(); public static string Target => nameof(Seen); private static void Seen(string name) => _seen.Add(name); }",
        // A nested type may call it.
        "public static class Names { private static readonly List<string> _seen = new(); private static void Seen(string name) => _seen.Add(name);"
            + " public static class Handler { public static void Handle(string name) => Seen(name); } }",
    };

    [Theory]
    [MemberData(nameof(NeverRun))]
    public async Task What_a_private_method_nothing_runs_adds_is_not_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.BoundsDiagnostics);
    }

    [Theory]
    [MemberData(nameof(MayRun))]
    public async Task What_a_private_method_that_may_run_adds_is_reported(string code)
    {
        AnalyzerRunResult run = await AnalyzerRunner.RunAsync(Usings + "namespace App {\n" + code + "\n}\n");

        Assert.Empty(run.AnalyzerExceptions);
        Diagnostic finding = Assert.Single(run.BoundsDiagnostics);
        Assert.Equal("BND001", finding.Id);
    }
}
