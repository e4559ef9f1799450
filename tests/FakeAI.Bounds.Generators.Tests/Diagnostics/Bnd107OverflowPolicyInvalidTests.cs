using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd107OverflowPolicyInvalidTests
{
    [Fact]
    public Task Least_recently_used_eviction_on_a_queue_is_reported_on_the_attribute()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.OverflowPolicyInvalid).WithLocation(0)
                .WithMessage("[Bounded] on 'Recent' uses Overflow = EvictLeastRecentlyUsed, which a queue cannot apply: a queue has no reads that refresh an item; use DropOldest, DropNewest or Throw"));
    }

    [Theory]
    [InlineData("(OverflowPolicy)42", "42")]
    [InlineData("(OverflowPolicy)(-1)", "-1")]
    [InlineData("(OverflowPolicy)4", "4")]
    public Task An_undefined_policy_value_is_reported_with_its_number(string written, string shown)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, Overflow = {{written}})|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.OverflowPolicyInvalid).WithLocation(0)
                .WithMessage($"[Bounded] on 'Recent' uses Overflow = {shown}, which is not a defined OverflowPolicy value; use DropOldest, DropNewest or Throw"));
    }

    [Fact]
    public Task A_bad_policy_is_reported_together_with_other_problems()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = -1, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)|}]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public void {|#1:Add|}(int item) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxLengthInvalid).WithLocation(0).WithArguments("Recent", "has MaxLength = -1, outside 1 … 1073741824"),
            Verify.Diagnostic(DiagnosticDescriptors.OverflowPolicyInvalid).WithLocation(0)
                .WithArguments("Recent", "EvictLeastRecentlyUsed", "a queue cannot apply: a queue has no reads that refresh an item"),
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(1).WithArguments("Recent", "Add", "IBoundedQueue<T>"));
    }

    [Fact]
    public Task A_bad_policy_is_reported_beside_a_valid_type_that_is_still_generated()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)|}]
            public sealed partial class Broken : IBoundedQueue<int>;

            [Bounded(MaxLength = 10, Overflow = OverflowPolicy.Throw)]
            public sealed partial class Valid : IBoundedQueue<int>;
            """,
            ["App.Valid.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.OverflowPolicyInvalid).WithLocation(0)
                .WithArguments("Broken", "EvictLeastRecentlyUsed", "a queue cannot apply: a queue has no reads that refresh an item"));
    }

    [Theory]
    [InlineData("OverflowPolicy.DropOldest", false)]
    [InlineData("OverflowPolicy.DropOldest", true)]
    [InlineData("OverflowPolicy.DropNewest", false)]
    [InlineData("OverflowPolicy.DropNewest", true)]
    [InlineData("OverflowPolicy.Throw", false)]
    [InlineData("OverflowPolicy.Throw", true)]
    [InlineData("(OverflowPolicy)1", false)]
    [InlineData("default", true)]
    public Task Every_queue_policy_is_clean(string policy, bool threadSafe)
    {
        return Verify.VerifyCleanAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, Overflow = {{policy}}, ThreadSafe = {{(threadSafe ? "true" : "false")}})]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            "App.Recent.Bounded.g.cs");
    }

    [Theory]
    [InlineData("IBoundedDictionary<string, int>")]
    [InlineData("IBoundedSet<string>")]
    public Task Least_recently_used_eviction_on_a_dictionary_or_set_is_not_reported(string boundedInterface)
    {
        return Verify.VerifyCleanAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
            public sealed partial class Recent : {{boundedInterface}};
            """,
            "App.Recent.Bounded.g.cs");
    }
}
