using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd102MaxLengthInvalidTests
{
    [Fact]
    public Task A_missing_MaxLength_is_reported_on_the_attribute()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0)
                .WithMessage("[Bounded] on 'Recent' has no MaxLength; set MaxLength to a constant between 1 and 1073741824, such as [Bounded(MaxLength = 1000)]"));
    }

    [Fact]
    public Task A_missing_MaxLength_is_reported_when_other_arguments_are_set()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0).WithArguments("Recent", "has no MaxLength"));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("-500", "-500")]
    [InlineData("1073741825", "1073741825")]
    [InlineData("int.MaxValue", "2147483647")]
    [InlineData("int.MinValue", "-2147483648")]
    [InlineData("(1 << 30) + 1", "1073741825")]
    public Task A_MaxLength_outside_the_range_is_reported_with_its_value(string written, string shown)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = {{written}})|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0)
                .WithMessage($"[Bounded] on 'Recent' has MaxLength = {shown}, outside 1 … 1073741824; set MaxLength to a constant between 1 and 1073741824, such as [Bounded(MaxLength = 1000)]"));
    }

    [Fact]
    public Task A_MaxLength_that_is_not_a_constant_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public static class Limits
            {
                public static int Errors = 100;
            }

            [{|#0:Bounded(MaxLength = Limits.Errors)|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0)
                .WithMessage("[Bounded] on 'Recent' has a MaxLength that is not a constant int; set MaxLength to a constant between 1 and 1073741824, such as [Bounded(MaxLength = 1000)]"));
    }

    [Fact]
    public Task A_MaxLength_of_the_wrong_type_is_reported_as_not_a_constant_int()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = "ten")|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0).WithArguments("Recent", "has a MaxLength that is not a constant int"));
    }

    [Fact]
    public Task A_written_attribute_with_a_bad_MaxLength_is_reported_beside_a_valid_type_that_is_still_generated()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 0)|}]
            public sealed partial class Broken : IBoundedQueue<int>;

            [Bounded(MaxLength = 1)]
            public sealed partial class Valid : IBoundedQueue<int>;
            """,
            ["App.Valid.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0).WithArguments("Broken", "has MaxLength = 0, outside 1 … 1073741824"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1073741824")]
    [InlineData("1 << 30")]
    [InlineData("Limits.Errors")]
    [InlineData("Limits.Errors * 2 + 1")]
    [InlineData("BoundedAttribute.MaxMaxLength")]
    public Task A_constant_MaxLength_inside_the_range_is_clean(string written)
    {
        return Verify.VerifyCleanAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            public static class Limits
            {
                public const int Errors = 500;
            }

            [Bounded(MaxLength = {{written}})]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            "App.Recent.Bounded.g.cs");
    }
}
