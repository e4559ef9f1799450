using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd117MaxWeightInvalidTests
{
    private const string Tail = " (nothing is generated for 'Cache' until then)";

    [Theory]
    [InlineData("MaxWeight = 0", "has MaxWeight = 0, which would refuse every entry; set it to a positive constant, such as MaxWeight = 1_000_000, or remove it")]
    [InlineData("MaxWeight = -5", "has MaxWeight = -5, which would refuse every entry; set it to a positive constant, such as MaxWeight = 1_000_000, or remove it")]
    public Task A_weight_of_zero_or_less_is_reported_on_the_attribute(string weight, string problem)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, {{weight}})|}]
            public sealed partial class Cache : IBoundedDictionary<string, string>
            {
                private static int Weigh(string key, string value) => value.Length;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxWeightInvalid).WithLocation(0).WithMessage("[Bounded] on 'Cache' " + problem + Tail));
    }

    [Fact]
    public Task A_weight_that_is_not_a_constant_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public static class Budgets { public static long Bytes = 5; }
            [{|#0:Bounded(MaxLength = 10, MaxWeight = Budgets.Bytes)|}]
            public sealed partial class Cache : IBoundedSet<string>
            {
                private static int Weigh(string item) => item.Length;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxWeightInvalid).WithLocation(0)
                .WithArguments("Cache", "has a MaxWeight that is not a constant; set it to a positive constant, such as MaxWeight = 1_000_000"));
    }

    [Fact]
    public Task A_weight_on_a_queue_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, MaxWeight = 100)|}]
            public sealed partial class Cache : IBoundedQueue<string>
            {
                private static int Weigh(string item) => item.Length;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxWeightInvalid).WithLocation(0)
                .WithArguments("Cache", "sets MaxWeight = 100 on a queue, which is bounded by its length only; weigh the items before they are queued, or hold them in a bounded dictionary or set, which take MaxWeight"));
    }

    [Fact]
    public Task A_positive_weight_with_a_weigher_is_valid_on_a_dictionary_and_a_set_in_every_form()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, MaxWeight = 1)]
            public sealed partial class Cache : IBoundedDictionary<string, byte[]>
            {
                private static partial int Weigh(string key, byte[] value) => value.Length;
            }
            [Bounded(MaxLength = 10, MaxWeight = 9_000_000_000, ThreadSafe = true, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
            public sealed partial class Names : IBoundedSet<string>
            {
                internal static int Weigh(string item) => item.Length;
            }
            """,
            ["App.Cache.Bounded.g.cs", "App.Names.Bounded.g.cs"]);
    }

    [Fact]
    public Task The_weight_members_are_reserved_only_on_a_type_with_a_maximum_weight()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, MaxWeight = 100)]
            public sealed partial class Cache : IBoundedSet<string>
            {
                public long {|#0:MaxWeight|} => 0;
                private static int Weigh(string item) => item.Length;
            }
            [Bounded(MaxLength = 10)]
            public sealed partial class Plain : IBoundedSet<string>
            {
                public long Weight => 0;
                public long MaxWeight => 0;
            }
            """,
            ["App.Plain.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Cache", "MaxWeight", "IBoundedSet<T>"));
    }
}
