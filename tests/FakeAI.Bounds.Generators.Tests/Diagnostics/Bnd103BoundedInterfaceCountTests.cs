using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd103BoundedInterfaceCountTests
{
    [Fact]
    public Task A_type_without_a_bounded_interface_is_reported_on_its_name()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class {|#0:Recent|};
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedInterfaceCount).WithLocation(0)
                .WithMessage("'Recent' implements no bounded interface; it must implement exactly one of IBoundedQueue<T>, IBoundedDictionary<TKey, TValue> or IBoundedSet<T>"));
    }

    [Fact]
    public Task A_type_with_only_ordinary_interfaces_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class {|#0:Recent|} : IReadOnlyList<int>, IBoundedCollection;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedInterfaceCount).WithLocation(0).WithArguments("Recent", "implements no bounded interface"));
    }

    [Fact]
    public Task Two_different_bounded_interfaces_are_reported_with_their_names()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class {|#0:Recent|} : IBoundedQueue<int>, IBoundedSet<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedInterfaceCount).WithLocation(0)
                .WithMessage("'Recent' implements 2 bounded interfaces (IBoundedQueue<int>, IBoundedSet<int>); it must implement exactly one of IBoundedQueue<T>, IBoundedDictionary<TKey, TValue> or IBoundedSet<T>"));
    }

    [Fact]
    public Task The_same_bounded_interface_twice_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class {|#0:Recent|} : IBoundedQueue<int>, IBoundedQueue<string>, IBoundedDictionary<string, int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedInterfaceCount).WithLocation(0)
                .WithArguments("Recent", "implements 3 bounded interfaces (IBoundedQueue<int>, IBoundedQueue<string>, IBoundedDictionary<string, int>)"));
    }

    [Fact]
    public Task A_type_without_a_bounded_interface_is_reported_beside_a_valid_type_that_is_still_generated()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            [Bounded(MaxLength = 10)]
            public sealed partial class {|#0:Broken|};

            [Bounded(MaxLength = 10)]
            public sealed partial class Valid : IBoundedQueue<int>;
            """,
            ["Valid.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.BoundedInterfaceCount).WithLocation(0).WithArguments("Broken", "implements no bounded interface"));
    }

    [Theory]
    [InlineData("IBoundedDictionary<string, int>")]
    [InlineData("IBoundedSet<string>")]
    public Task One_dictionary_or_set_interface_is_not_reported(string boundedInterface)
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

    [Fact]
    public Task One_queue_interface_beside_ordinary_interfaces_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using System;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>, IDisposable
            {
                public void Dispose() => Clear();
            }
            """,
            "App.Recent.Bounded.g.cs");
    }
}
