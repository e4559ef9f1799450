using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// The generator runs on every keystroke; these tests prove that it does no work it can avoid. Each named pipeline
/// step is checked across two runs of one driver, the way the IDE reuses it between edits.
/// </summary>
public class CachingTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.Declarations, TrackingNames.ValidModels];

    private const string Declaration = """
        using FakeAI.Bounds;
        namespace App;
        public sealed record ErrorRecord(string Code);
        [Bounded(MaxLength = 500)]
        public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
        """;

    private const string Unrelated = """
        namespace App;
        public static class Clock { public static int Ticks => 1; }
        """;

    [Fact]
    public void A_second_run_over_the_same_compilation_is_fully_cached()
    {
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second) = RunTwice(Declaration, compilation => compilation);

        AssertStepsRan(first);
        foreach (string step in TrackedSteps)
        {
            Assert.All(
                Outputs(second, step),
                output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(second.Results.Single().TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_model_unchanged_and_the_output_cached()
    {
        (_, GeneratorDriverRunResult second) = RunTwice(Declaration, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText(Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal), (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "Source1.cs")));

        AssertModelsNotRegenerated(second);
    }

    [Fact]
    public void An_edit_inside_the_declaring_file_that_keeps_the_declaration_leaves_the_model_unchanged()
    {
        (_, GeneratorDriverRunResult second) = RunTwice(Declaration, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(
                Declaration + "\n// a comment typed just now\npublic sealed class Other { }\n",
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                "Source0.cs")));

        Assert.All(Outputs(second, TrackingNames.ValidModels), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"ValidModels was {output.Reason}"));
    }

    [Fact]
    public void Editing_MaxLength_modifies_the_model_and_the_output()
    {
        (_, GeneratorDriverRunResult second) = RunTwice(Declaration, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(
                Declaration.Replace("MaxLength = 500", "MaxLength = 750", StringComparison.Ordinal),
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                "Source0.cs")));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.ValidModels)).Reason);
        Assert.Contains("public const int DeclaredMaxLength = 750;", second.Results.Single().GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_maximum_age_modifies_the_model_and_the_output()
    {
        (_, GeneratorDriverRunResult second) = RunTwice(Declaration, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(
                Declaration.Replace("MaxLength = 500", "MaxLength = 500, MaxAgeSeconds = 60", StringComparison.Ordinal),
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                "Source0.cs")));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.ValidModels)).Reason);
        Assert.Contains("public const long DeclaredMaxAgeMilliseconds = 60000;", second.Results.Single().GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IBoundedDictionary<string, long>")]
    [InlineData("IBoundedSet<string>")]
    public void Maps_and_sets_are_cached_like_queues_and_modified_by_a_policy_edit(string boundedInterface)
    {
        string declaration = $$"""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 500, Overflow = OverflowPolicy.DropOldest)]
            public sealed partial class Table : {{boundedInterface}};
            """;

        (_, GeneratorDriverRunResult unrelated) = RunTwice(declaration, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText(Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal), (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "Source1.cs")));
        AssertModelsNotRegenerated(unrelated);

        (_, GeneratorDriverRunResult edited) = RunTwice(declaration, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(
                declaration.Replace("OverflowPolicy.DropOldest", "OverflowPolicy.EvictLeastRecentlyUsed", StringComparison.Ordinal),
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                "Source0.cs")));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(edited, TrackingNames.ValidModels)).Reason);
        Assert.Contains("OverflowPolicy.EvictLeastRecentlyUsed;", edited.Results.Single().GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_the_body_of_an_eviction_hook_leaves_the_model_unchanged_and_changing_its_parameters_modifies_it()
    {
        const string hooked = """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 500, ResizableCapacity = true)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public int Heard;

                partial void OnEvicted(int item, EvictionReason reason) => Heard++;
            }
            """;

        (_, GeneratorDriverRunResult body) = RunTwice(hooked, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(hooked.Replace("Heard++", "Heard += 2", StringComparison.Ordinal), (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "Source0.cs")));
        Assert.All(Outputs(body, TrackingNames.ValidModels), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"ValidModels was {output.Reason}"));

        (_, GeneratorDriverRunResult renamed) = RunTwice(hooked, compilation => compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(hooked.Replace("int item", "int gone", StringComparison.Ordinal), (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "Source0.cs")));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(renamed, TrackingNames.ValidModels)).Reason);
        Assert.Contains("partial void OnEvicted(int gone, global::FakeAI.Bounds.EvictionReason reason);", renamed.Results.Single().GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cached_step_outputs_hold_no_compiler_objects()
    {
        (GeneratorDriverRunResult first, _) = RunTwice(Declaration, compilation => compilation);

        foreach (string step in TrackedSteps)
        {
            foreach (IncrementalGeneratorRunStep run in first.Results.Single().TrackedSteps[step])
            {
                foreach ((object value, _) in run.Outputs)
                {
                    CompilerObjects.AssertNoneIn(value, step);
                }
            }
        }
    }

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(
        string declaration,
        Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = TestCompilation.Create([declaration, Unrelated]);
        GeneratorDriver driver = TestCompilation.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options);

        driver = driver.RunGenerators(compilation);
        GeneratorDriverRunResult first = driver.GetRunResult();

        driver = driver.RunGenerators(edit(compilation));
        GeneratorDriverRunResult second = driver.GetRunResult();
        return (first, second);
    }

    private static void AssertStepsRan(GeneratorDriverRunResult run)
    {
        foreach (string step in TrackedSteps)
        {
            Assert.True(run.Results.Single().TrackedSteps.ContainsKey(step), $"The step {step} did not run.");
            Assert.All(Outputs(run, step), output => Assert.Equal(IncrementalStepRunReason.New, output.Reason));
        }
    }

    private static void AssertModelsNotRegenerated(GeneratorDriverRunResult run)
    {
        Assert.All(Outputs(run, TrackingNames.ValidModels), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"ValidModels was {output.Reason}"));
        Assert.All(run.Results.Single().TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult run, string step)
    {
        return run.Results.Single().TrackedSteps[step].SelectMany(stepRun => stepRun.Outputs);
    }
}
