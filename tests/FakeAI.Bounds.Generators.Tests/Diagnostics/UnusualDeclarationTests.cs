using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Declarations that are legal C# but unusual: keyword names, attributes on several parts, unresolved type
/// arguments, old language versions. Each either generates code that compiles cleanly, or generates nothing and is
/// explained; none may make the generator throw, which would drop every generated type of the project.
/// </summary>
public class UnusualDeclarationTests
{
    [Fact]
    public void Keyword_names_are_escaped_in_generated_code_and_file_names()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using FakeAI.Bounds;
            namespace @event
            {
                [Bounded(MaxLength = 5)]
                public sealed partial class @class : IBoundedQueue<int> { }

                public partial class @struct
                {
                    [Bounded(MaxLength = 5, ThreadSafe = true)]
                    internal partial class @base<@int> : IBoundedQueue<@int> { }
                }
            }
            """);

        Assert.Null(run.Result.Results.Single().Exception);
        Assert.Equal(2, run.GeneratedSources.Length);
        Assert.All(run.GeneratedSources, source => Assert.DoesNotContain("@", source.HintName, System.StringComparison.Ordinal));
        Assert.Empty(TestCompilation.WarningsAndErrors(run.Output));
    }

    [Fact]
    public void Bounded_on_two_parts_of_one_type_leaves_the_other_types_generated()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 5)]
            public sealed partial class Twice : IBoundedQueue<int>;
            [Bounded(MaxLength = 6)]
            public sealed partial class Twice;
            [Bounded(MaxLength = 7)]
            public sealed partial class Other : IBoundedQueue<int>;
            """);

        Assert.Null(run.Result.Results.Single().Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["App.Other.Bounded.g.cs"], run.GeneratedSources.Select(source => HintNames.Readable(source.HintName)));
    }

    [Fact]
    public void An_unresolved_type_argument_anywhere_in_the_item_type_generates_nothing()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using System.Collections.Generic;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 5)]
            public sealed partial class Recent : IBoundedQueue<List<Missing>>;
            [Bounded(MaxLength = 5)]
            public sealed partial class Arrays : IBoundedQueue<Missing[]>;
            """);

        Assert.Null(run.Result.Results.Single().Exception);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public async Task A_project_older_than_CSharp_8_is_told_why_nothing_is_generated()
    {
        const string source = """
            using FakeAI.Bounds;
            namespace App
            {
                [Bounded(MaxLength = 5)]
                public sealed partial class Recent : IBoundedQueue<int> { }
            }
            """;

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source, LanguageVersion.CSharp7_3);

        Assert.Empty(result.Generation.GeneratedSources);
        Assert.Empty(result.AnalyzerExceptions);
        Diagnostic reported = Assert.Single(result.BoundsDiagnostics);
        Assert.Equal(DiagnosticIds.LanguageVersionTooLow, reported.Id);
        Assert.Contains("C# 7.3", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_constructor_that_does_not_chain_leaves_a_usable_queue_without_warnings()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 5)]
            public sealed partial class Named : IBoundedQueue<string>
            {
                public Named(string name) { Name = name; }
                public string Name { get; } = "unnamed";
            }
            """);

        Assert.Empty(TestCompilation.WarningsAndErrors(run.Output));
        Assert.Contains("private readonly int _bndCapacity = _bndMaxLength;", run.SingleSource, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_item_an_add_evicts_is_annotated_as_maybe_null()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 5)]
            public sealed partial class Names : IBoundedQueue<string>;
            public static class Use
            {
                public static int Length(Names names)
                {
                    names.TryAdd("x", out string evicted);
                    return evicted.Length;
                }
            }
            """);

        // Nothing may be evicted, so the compiler must warn where the caller assumes a non-null item.
        Assert.Contains(TestCompilation.WarningsAndErrors(run.Output), d => d.Id is "CS8600" or "CS8602");
    }
}
