using System;
using System.Collections.Generic;
using System.Linq;
using FakeAI.Bounds.Generators.Model;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// The tracker pipeline does no work it can avoid: each named step is checked across two runs of one driver, the way
/// the IDE reuses it between edits. The tracker, its member types and an unrelated type live in three files.
/// </summary>
public class TrackerCachingTests
{
    private static readonly string[] TrackerSteps = [TrackingNames.TrackerDeclarations, TrackingNames.ValidTrackers];

    private const string Tracker = """
        using FakeAI.Bounds;
        namespace App;
        [BoundedTracker]
        public sealed partial class ErrorTracker
        {
            private readonly RecentErrors _errors = new RecentErrors();
        }
        """;

    private const string MemberTypes = """
        using FakeAI.Bounds;
        namespace App;
        public sealed record ErrorRecord(string Code);
        [Bounded(MaxLength = 500)]
        public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
        [Bounded(MaxLength = 20)]
        public sealed partial class RecentCodes : IBoundedQueue<string>;
        """;

    private const string Unrelated = """
        namespace App;
        public static class Clock { public static int Ticks => 1; }
        """;

    [Fact]
    public void A_second_run_over_the_same_compilation_is_fully_cached()
    {
        (GeneratorDriverRunResult first, GeneratorDriverRunResult second, _) = RunTwice(compilation => compilation);

        foreach (string step in TrackerSteps)
        {
            Assert.All(Outputs(first, step), output => Assert.Equal(IncrementalStepRunReason.New, output.Reason));
            Assert.All(Outputs(second, step), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.All(AllOutputSteps(second), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_tracker_model_unchanged_and_its_output_cached()
    {
        (_, GeneratorDriverRunResult second, _) = RunTwice(compilation => Replace(compilation, 2, Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal)));

        AssertTrackerNotRegenerated(second);
    }

    [Fact]
    public void An_edit_inside_the_tracker_that_keeps_its_members_leaves_the_model_unchanged()
    {
        string edited = Tracker.Replace(
            "private readonly RecentErrors _errors = new RecentErrors();",
            "private readonly RecentErrors _errors = new RecentErrors(capacity: 10);\n    // a comment typed just now\n    public int Requests { get; set; }",
            StringComparison.Ordinal);

        (_, GeneratorDriverRunResult second, _) = RunTwice(compilation => Replace(compilation, 0, edited));

        AssertTrackerNotRegenerated(second);
    }

    [Fact]
    public void Adding_a_bounded_member_modifies_the_model_and_the_output()
    {
        string edited = Tracker.Replace(
            "private readonly RecentErrors _errors = new RecentErrors();",
            "private readonly RecentErrors _errors = new RecentErrors();\n    public static RecentCodes Codes { get; } = new RecentCodes();",
            StringComparison.Ordinal);

        (_, GeneratorDriverRunResult second, _) = RunTwice(compilation => Replace(compilation, 0, edited));

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second, TrackingNames.ValidTrackers)).Reason);
        string source = TrackerSource(second);
        Assert.Contains("global::FakeAI.Bounds.BoundSnapshot.Of(\"Codes\", Codes),", source, StringComparison.Ordinal);
        Assert.Contains("+ (long)global::App.RecentCodes.DeclaredMaxLength;", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_member_types_MaxLength_in_another_file_leaves_the_tracker_cached_and_its_constant_follows()
    {
        (_, GeneratorDriverRunResult second, Compilation output) = RunTwice(compilation =>
            Replace(compilation, 1, MemberTypes.Replace("MaxLength = 500", "MaxLength = 750", StringComparison.Ordinal)));

        // The tracker's model names the member's type, not its bound, so it need not change ...
        AssertTrackerNotRegenerated(second);

        // ... and yet the compiled constant is the new bound, read from the member type's own DeclaredMaxLength.
        Assert.Empty(TestCompilation.WarningsAndErrors(output));
        var constant = (IFieldSymbol)output.GetTypeByMetadataName("App.ErrorTracker")!.GetMembers("MaxBoundedEntries").Single();
        Assert.Equal(750L, constant.ConstantValue);
    }

    [Fact]
    public void Cached_tracker_step_outputs_hold_no_compiler_objects()
    {
        (GeneratorDriverRunResult first, _, _) = RunTwice(compilation => compilation);

        foreach (string step in TrackerSteps)
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

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second, Compilation Output) RunTwice(
        Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation compilation = TestCompilation.Create([Tracker, MemberTypes, Unrelated]);
        GeneratorDriver driver = TestCompilation.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options);

        driver = driver.RunGenerators(compilation);
        GeneratorDriverRunResult first = driver.GetRunResult();

        driver = driver.RunGeneratorsAndUpdateCompilation(edit(compilation), out Compilation output, out _);
        return (first, driver.GetRunResult(), output);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, old.FilePath));
    }

    private static void AssertTrackerNotRegenerated(GeneratorDriverRunResult run)
    {
        Assert.All(Outputs(run, TrackingNames.ValidTrackers), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"ValidTrackers was {output.Reason}"));

        // The tracker's file is not written again (the queue's may be, when its own declaration was edited).
        IncrementalGeneratorRunStep[] trackerOutputs = [.. run.Results.Single().TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .Where(step => step.Inputs.Any(input => input.Source.Outputs[input.OutputIndex].Value is TrackerModel))];
        Assert.NotEmpty(trackerOutputs);
        Assert.All(trackerOutputs.SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static string TrackerSource(GeneratorDriverRunResult run)
    {
        return run.Results.Single().GeneratedSources.Single(source => source.HintName.Contains(".Tracker.", StringComparison.Ordinal)).SourceText.ToString();
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult run, string step)
    {
        return run.Results.Single().TrackedSteps[step].SelectMany(stepRun => stepRun.Outputs);
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> AllOutputSteps(GeneratorDriverRunResult run)
    {
        return run.Results.Single().TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs);
    }
}
