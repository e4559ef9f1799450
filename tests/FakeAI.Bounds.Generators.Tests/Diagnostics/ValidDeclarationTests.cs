using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Valid declarations of every shape: with the generated members present, no analyzer reports anything, the
/// compiler reports no error (in the user's code or the generated code), and exactly one file is generated per type.
/// </summary>
public class ValidDeclarationTests
{
    [Fact]
    public Task A_type_in_a_block_namespace_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App.Tracking
            {
                public sealed record ErrorRecord(string Code);

                [Bounded(MaxLength = 500)]
                public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
            }
            """,
            "App.Tracking.RecentErrors.Bounded.g.cs");
    }

    [Fact]
    public Task A_type_in_a_file_scoped_namespace_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App.Tracking;
            [Bounded(MaxLength = 500)]
            public sealed partial class RecentErrors : IBoundedQueue<string?>;
            """,
            "App.Tracking.RecentErrors.Bounded.g.cs");
    }

    [Fact]
    public Task A_type_in_the_global_namespace_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            [Bounded(MaxLength = 500)]
            internal sealed partial class RecentErrors : IBoundedQueue<int?>;
            """,
            "RecentErrors.Bounded.g.cs");
    }

    [Theory]
    [InlineData("public partial class")]
    [InlineData("public static partial class")]
    [InlineData("internal partial struct")]
    [InlineData("public sealed partial record")]
    [InlineData("public partial record struct")]
    [InlineData("public partial interface")]
    public Task A_type_nested_in_a_partial_type_is_clean(string container)
    {
        return Verify.VerifyCleanAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            {{container}} Outer
            {
                [Bounded(MaxLength = 32, Overflow = OverflowPolicy.DropNewest)]
                public sealed partial class Events : IBoundedQueue<string>;
            }
            """,
            "App.Outer.Events.Bounded.g.cs");
    }

    [Fact]
    public Task A_type_nested_two_levels_deep_in_generic_types_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using System;
            using FakeAI.Bounds;
            namespace App;
            public partial class Outer<TKey> where TKey : notnull
            {
                internal partial class Middle<TValue, TOther>
                {
                    [Bounded(MaxLength = 4, ThreadSafe = true)]
                    private protected sealed partial class Recent : IBoundedQueue<(TKey Key, TValue Value)>;

                    private protected Recent Create() => new(2);
                }
            }
            """,
            "App.Outer_1.Middle_2.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task A_generic_type_with_constraints_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using System;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 64, Overflow = OverflowPolicy.Throw)]
            public sealed partial class Window<T> : IBoundedQueue<T> where T : class, IComparable<T>;

            [Bounded(MaxLength = 64)]
            internal sealed partial class Pairs<TFirst, TSecond> : IBoundedQueue<(TFirst, TSecond?)>
                where TSecond : struct;
            """,
            "App.Pairs_2.Bounded.g.cs",
            "App.Window_1.Bounded.g.cs");
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    [InlineData("private")]
    [InlineData("protected")]
    [InlineData("protected internal")]
    [InlineData("private protected")]
    public Task A_nested_type_of_any_accessibility_is_clean(string accessibility)
    {
        return Verify.VerifyCleanAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            public partial class Host
            {
                [Bounded(MaxLength = 8)]
                {{accessibility}} sealed partial class Recent : IBoundedQueue<string>;
            }
            """,
            "App.Host.Recent.Bounded.g.cs");
    }

    /// <summary>
    /// An array element type, e.g. a queue of recent payloads as <c>byte[]</c>. The emitter allocates the ring with
    /// <c>new {item}[length]</c>, which for <c>global::System.Byte[]</c> reads <c>new global::System.Byte[][length]</c>
    /// and does not parse (CS1586, CS0178) in <c>BndGrow</c> and <c>ToArray</c> (emitter bug: QueueEmitter.Adding.cs
    /// and QueueEmitter.Reading.cs; an array of arrays is written <c>new byte[length][]</c>).
    /// </summary>
    [Fact]
    public Task A_queue_of_arrays_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 8)]
            public sealed partial class RecentPayloads : IBoundedQueue<byte[]>;
            """,
            "App.RecentPayloads.Bounded.g.cs");
    }

    [Fact]
    public Task A_type_declared_in_two_partial_parts_across_files_is_clean()
    {
        return Verify.VerifyCleanAsync(
            [
                """
                using FakeAI.Bounds;
                namespace App;
                [Bounded(MaxLength = 8)]
                public sealed partial class Recent : IBoundedQueue<long>;
                """,
                """
                namespace App;
                public sealed partial class Recent
                {
                    public long Newest => TryPeekNewest(out long item) ? item : -1;
                }
                """,
            ],
            "App.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task Many_types_in_one_file_are_each_generated_once()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App
            {
                [Bounded(MaxLength = 1)]
                public sealed partial class One : IBoundedQueue<int>;

                [Bounded(MaxLength = 1_073_741_824, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
                public sealed partial class Huge : IBoundedQueue<int>;
            }

            namespace App.Other
            {
                [Bounded(MaxLength = 2)]
                public sealed partial class One : IBoundedQueue<int>;

                [Bounded(MaxLength = 2)]
                public sealed partial class One<T> : IBoundedQueue<T>;
            }
            """,
            "App.Huge.Bounded.g.cs",
            "App.One.Bounded.g.cs",
            "App.Other.One.Bounded.g.cs",
            "App.Other.One_1.Bounded.g.cs");
    }

    /// <summary>
    /// C# allows two types whose names differ only in case, but generated-file names are compared without regard
    /// to case: both types get the hint name <c>App.recent.Bounded.g.cs</c> ~ <c>App.Recent.Bounded.g.cs</c>, the
    /// second <c>AddSource</c> throws, the generator fails with CS8785 and neither type is generated (generator bug:
    /// BoundedDeclarationReader.HintName).
    /// </summary>
    [Fact]
    public void Two_types_whose_names_differ_only_in_case_are_both_generated()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 5)]
            public sealed partial class Recent : IBoundedQueue<int>;
            [Bounded(MaxLength = 5)]
            public sealed partial class recent : IBoundedQueue<int>;
            """);

        Assert.Null(run.Result.Results[0].Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(2, run.GeneratedSources.Length);
        Assert.DoesNotContain(TestCompilation.WarningsAndErrors(run.Output), d => d.Severity == DiagnosticSeverity.Error);
    }
}
