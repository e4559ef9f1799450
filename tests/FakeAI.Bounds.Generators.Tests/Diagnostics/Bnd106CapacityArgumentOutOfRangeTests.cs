using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd106CapacityArgumentOutOfRangeTests
{
    private const string Declaration = """
        using System;
        using FakeAI.Bounds;
        namespace App;
        [Bounded(MaxLength = 100)]
        public partial class Recent : IBoundedQueue<int>;

        """;

    private static readonly string[] Generated = ["App.Recent.Bounded.g.cs"];

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("101", "101")]
    [InlineData("int.MaxValue", "2147483647")]
    [InlineData("int.MinValue", "-2147483648")]
    [InlineData("100 + 1", "101")]
    [InlineData("Sizes.TooLarge", "5000")]
    [InlineData("default", "0")]
    [InlineData("(byte)200", "200")]
    public Task A_constant_capacity_outside_the_bound_is_reported_on_the_argument(string written, string shown)
    {
        return Verify.VerifyAsync(
            Declaration + $$"""
            public static class Sizes
            {
                public const int TooLarge = 5000;
            }

            public static class Use
            {
                public static Recent Create() => new Recent({|#0:{{written}}|});
            }
            """,
            Generated,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0)
                .WithMessage($"The capacity {shown} is outside 1 … 100, the MaxLength of 'Recent', so this call always throws ArgumentOutOfRangeException; pass a capacity between 1 and 100"));
    }

    [Fact]
    public Task A_constant_passed_to_SetCapacity_is_checked_against_the_same_range()
    {
        return Verify.VerifyAsync(
            """
            using System;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 100, ResizableCapacity = true)]
            public partial class Recent : IBoundedQueue<int>;

            public static class Use
            {
                public static void Shrink(Recent recent, int computed)
                {
                    recent.SetCapacity({|#0:0|});
                    recent.SetCapacity({|#1:capacity: 101|});
                    recent.SetCapacity(1);
                    recent.SetCapacity(100);
                    recent.SetCapacity(computed);
                }
            }
            """,
            Generated,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("0", "Recent", "100"),
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(1).WithArguments("101", "Recent", "100"));
    }

    [Fact]
    public Task A_SetCapacity_the_user_wrote_on_a_type_that_is_not_resizable_is_not_checked()
    {
        return Verify.VerifyAsync(
            Declaration + """
            public static class Sizing
            {
                public static void SetCapacity(this Recent recent, int capacity) { }
                public static void Use(Recent recent) => recent.SetCapacity(5000);
            }
            """,
            Generated);
    }

    [Fact]
    public Task A_named_capacity_argument_is_reported_with_its_name()
    {
        return Verify.VerifyAsync(
            Declaration + """
            public static class Use
            {
                public static Recent Create() => new Recent({|#0:capacity: 0|});
            }
            """,
            Generated,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("0", "Recent", "100"));
    }

    [Fact]
    public Task A_target_typed_new_is_reported()
    {
        return Verify.VerifyAsync(
            Declaration + """
            public sealed class Holder
            {
                private readonly Recent _recent = new({|#0:5000|});
                public Recent Recent => _recent;
                public Recent Other() => new({|#1:capacity: -3|});
            }
            """,
            Generated,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("5000", "Recent", "100"),
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(1).WithArguments("-3", "Recent", "100"));
    }

    [Fact]
    public Task A_capacity_passed_on_by_a_constructor_initializer_is_reported()
    {
        return Verify.VerifyAsync(
            Declaration + """
            public sealed class Larger : Recent
            {
                public Larger() : base({|#0:1000|}) { }
                public Larger(string name) : base(50) { }
            }
            """,
            Generated,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("1000", "Recent", "100"));
    }

    [Fact]
    public Task A_generic_bounded_type_is_checked_against_its_MaxLength()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 8, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
            public sealed partial class Window<T> : IBoundedQueue<T>;

            public static class Use
            {
                public static Window<string> Bad() => new Window<string>({|#0:9|});
                public static Window<int> Good() => new Window<int>(8);
            }
            """,
            ["App.Window_1.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("9", "Window", "8"));
    }

    [Fact]
    public Task A_nested_bounded_type_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            public static partial class Trackers
            {
                [Bounded(MaxLength = 3)]
                internal sealed partial class Recent : IBoundedQueue<string>;

                internal static Recent Create() => new({|#0:4|});
            }
            """,
            ["Trackers.Recent.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("4", "Recent", "3"));
    }

    [Fact]
    public async Task A_bounded_type_from_a_referenced_assembly_is_checked_against_its_MaxLength()
    {
        MetadataReference library = CompileLibrary("""
            using FakeAI.Bounds;
            namespace Lib;
            [Bounded(MaxLength = 16)]
            public sealed partial class Events : IBoundedQueue<string>;
            """);
        var test = new BoundsAnalyzerTest("""
            public static class Use
            {
                public static Lib.Events TooMany() => new Lib.Events({|#0:17|});
                public static Lib.Events Enough() => new Lib.Events(16);
            }
            """);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticDescriptors.CapacityArgumentOutOfRange).WithLocation(0).WithArguments("17", "Events", "16"));

        await test.RunAsync();

        Assert.Empty(test.GeneratedHintNames);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("50")]
    [InlineData("100")]
    [InlineData("capacity: 100")]
    [InlineData("Sizes.Small")]
    [InlineData("size")]
    [InlineData("size * 1000")]
    [InlineData("Environment.ProcessorCount")]
    [InlineData("checked(size + 1)")]
    [InlineData("int.Parse(\"0\")")]
    public Task A_valid_or_non_constant_capacity_is_clean(string written)
    {
        return Verify.VerifyCleanAsync(
            Declaration + $$"""
            public static class Sizes
            {
                public const int Small = 10;
            }

            public static class Use
            {
                public static Recent Create(int size) => new Recent({{written}});
                public static Recent CreateDefault() => new Recent();
                public static Recent CreateTargetTyped(int size) { Recent recent = new({{written}}); return recent; }
            }
            """,
            Generated);
    }

    [Fact]
    public Task Other_constructors_and_other_types_are_not_checked()
    {
        return Verify.VerifyCleanAsync(
            Declaration + """
            public sealed class Plain
            {
                public Plain(int capacity) { }
            }

            [Bounded(MaxLength = 5)]
            public sealed partial class Named : IBoundedQueue<int>
            {
                public Named(string name, int size) : this(size) { }
            }

            public static class Use
            {
                public static object[] Create() =>
                [
                    new Plain(0),
                    new Plain(5000),
                    new Named("x", 0),
                    new System.Collections.Generic.List<int>(0),
                ];
            }
            """,
            "App.Named.Bounded.g.cs",
            "App.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task A_user_written_int_constructor_is_reported_as_a_clash_not_as_a_capacity()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public {|#0:Recent|}(int capacity) { }
            }

            public static class Use
            {
                public static Recent Create() => new Recent(0);
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "the constructor Recent(int)", "IBoundedQueue<T>"));
    }

    [Fact]
    public Task A_type_whose_MaxLength_is_invalid_gets_no_capacity_diagnostic()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 0)|}]
            public sealed partial class Recent : IBoundedQueue<int>;

            public static class Use
            {
                public static Recent Create() => new Recent(5000);
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0).WithArguments("Recent", "has MaxLength = 0, outside 1 … 1073741824"));
    }

    private static MetadataReference CompileLibrary(string source)
    {
        GeneratorRun run = TestCompilation.Generate(source);
        Assert.Single(run.GeneratedSources);
        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
