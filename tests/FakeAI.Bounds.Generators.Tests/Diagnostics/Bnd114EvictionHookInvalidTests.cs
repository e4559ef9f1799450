using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd114EvictionHookInvalidTests
{
    private const string QueueOfInt = "int item, EvictionReason reason";

    [Fact]
    public Task A_hook_whose_item_parameter_has_another_type_is_reported_on_its_name()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public sealed record ErrorRecord(string Code);
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<ErrorRecord>
            {
                partial void {|#0:OnEvicted|}(object item, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithMessage("The eviction hook 'OnEvicted' of 'Recent' has the parameter 'object item', whose type is not the item type 'ErrorRecord'; declare it as 'partial void OnEvicted(ErrorRecord item, EvictionReason reason)' (nothing is generated for 'Recent' while the hook is wrong)"));
    }

    [Fact]
    public Task A_method_that_is_not_partial_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                private void {|#0:OnEvicted|}(int item, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0).WithArguments("Recent", "is not partial", QueueOfInt));
    }

    [Fact]
    public Task A_static_hook_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                static partial void {|#0:OnEvicted|}(int item, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "is static: the hook belongs to the instance that evicted the entry", QueueOfInt));
    }

    [Fact]
    public Task A_hook_that_returns_a_value_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                private partial bool {|#0:OnEvicted|}(int item, EvictionReason reason);
                private partial bool OnEvicted(int item, EvictionReason reason) => true;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "returns 'bool' instead of void", QueueOfInt));
    }

    [Fact]
    public Task An_async_hook_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                partial void OnEvicted(int item, EvictionReason reason);
                async partial void {|#0:OnEvicted|}(int item, EvictionReason reason) => await System.Threading.Tasks.Task.Yield();
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "is async: the collection cannot tell when an async hook has finished or failed", QueueOfInt));
    }

    [Fact]
    public Task A_dictionary_hook_without_the_value_is_reported_with_the_three_parameters_it_needs()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Costs : IBoundedDictionary<string, long>
            {
                partial void {|#0:OnEvicted|}(string key, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Costs", "takes 2 parameters instead of 3", "string key, long value, EvictionReason reason"));
    }

    [Fact]
    public Task A_reason_of_another_type_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Users : IBoundedSet<string>
            {
                partial void {|#0:OnEvicted|}(string item, int reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Users", "has the parameter 'int reason', whose type is not FakeAI.Bounds.EvictionReason", "string item, EvictionReason reason"));
    }

    [Fact]
    public Task A_parameter_that_rejects_null_for_entries_that_can_be_null_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Pending : IBoundedQueue<string?>
            {
                partial void {|#0:OnEvicted|}(string item, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Pending", "has the parameter 'string item', whose type does not accept null, which the item type 'string?' allows", "string? item, EvictionReason reason"));
    }

    [Fact]
    public Task A_parameter_passed_by_reference_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                partial void {|#0:OnEvicted|}(in int item, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "takes its parameter 'item' by in; the item is passed by value", QueueOfInt));
    }

    [Fact]
    public Task A_property_named_OnEvicted_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public int {|#0:OnEvicted|} { get; set; }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "is a property, not a method", QueueOfInt));
    }

    [Fact]
    public Task Two_overloads_are_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                partial void {|#0:OnEvicted|}(int item, EvictionReason reason) { }
                partial void OnEvicted(long item, EvictionReason reason) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "is declared 2 times", QueueOfInt));
    }

    [Fact]
    public Task A_bad_hook_does_not_stop_another_type_from_being_generated()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                static partial void {|#0:OnEvicted|}(int item, EvictionReason reason) { }
            }

            [Bounded(MaxLength = 10)]
            public sealed partial class Other : IBoundedQueue<int>
            {
                partial void OnEvicted(int item, EvictionReason reason) { }
            }
            """,
            ["App.Other.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.EvictionHookInvalid).WithLocation(0)
                .WithArguments("Recent", "is static: the hook belongs to the instance that evicted the entry", QueueOfInt));
    }

    [Theory]
    [InlineData("IBoundedQueue<int>", "partial void OnEvicted(int item, EvictionReason reason) { }")]
    [InlineData("IBoundedQueue<int>", "partial void OnEvicted(int item, EvictionReason reason);")]
    [InlineData("IBoundedQueue<int>", "partial void OnEvicted(int item, EvictionReason reason);\n    partial void OnEvicted(int item, EvictionReason reason) { }")]
    [InlineData("IBoundedQueue<int>", "private partial void OnEvicted(int gone, EvictionReason why) { }")]
    [InlineData("IBoundedQueue<string?>", "partial void OnEvicted(string? item, EvictionReason reason) { }")]
    [InlineData("IBoundedQueue<string>", "partial void OnEvicted(string? item, EvictionReason reason) { }")]
    [InlineData("IBoundedDictionary<string, long>", "partial void OnEvicted(string key, long value, EvictionReason reason) { }")]
    [InlineData("IBoundedSet<System.Guid>", "partial void OnEvicted(System.Guid item, EvictionReason reason) { }")]
    public Task A_valid_hook_is_clean_and_the_type_is_generated(string boundedInterface, string hook)
    {
        return Verify.VerifyCleanAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : {{boundedInterface}}
            {
                {{hook}}
            }
            """,
            "App.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task A_valid_hook_on_a_generic_type_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
            public sealed partial class Cache<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
            {
                public int Evictions;

                partial void OnEvicted(TKey key, TValue value, EvictionReason reason) => Evictions++;
            }
            """,
            "App.Cache_2.Bounded.g.cs");
    }
}
