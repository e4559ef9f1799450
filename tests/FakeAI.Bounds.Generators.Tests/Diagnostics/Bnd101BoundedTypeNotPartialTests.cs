using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd101BoundedTypeNotPartialTests
{
    [Fact]
    public Task Missing_partial_on_the_type_is_reported_on_its_name()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed class {|#0:Recent|} : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(0)
                .WithMessage("The bounded collection 'Recent' is not generated: add the 'partial' modifier to its declaration"));
    }

    [Fact]
    public Task Missing_partial_on_a_containing_type_is_reported_on_that_type()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public class {|#0:Outer|}
            {
                [Bounded(MaxLength = 10)]
                public sealed partial class Recent : IBoundedQueue<int>;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(0)
                .WithMessage("The bounded collection 'Recent' is not generated: add the 'partial' modifier to the containing type 'Outer'"));
    }

    [Fact]
    public Task Every_declaration_without_partial_is_reported_from_the_type_outwards()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public static class {|#2:Outer|}
            {
                public partial class Middle
                {
                    internal struct {|#1:Inner|}
                    {
                        [Bounded(MaxLength = 10)]
                        internal sealed class {|#0:Recent|} : IBoundedQueue<string>;
                    }
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(0).WithArguments("Recent", "its declaration"),
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(1).WithArguments("Recent", "the containing type 'Inner'"),
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(2).WithArguments("Recent", "the containing type 'Outer'"));
    }

    [Fact]
    public Task Missing_partial_on_a_generic_type_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            [Bounded(MaxLength = 10)]
            internal sealed class {|#0:Window|}<T> : IBoundedQueue<T>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(0).WithArguments("Window", "its declaration"));
    }

    [Fact]
    public Task A_type_without_partial_is_reported_while_a_valid_type_beside_it_is_still_generated()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed class {|#0:Broken|} : IBoundedQueue<int>;

            [Bounded(MaxLength = 10)]
            public sealed partial class Valid : IBoundedQueue<int>;
            """,
            ["App.Valid.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(0).WithArguments("Broken", "its declaration"));
    }

    [Fact]
    public Task Partial_on_the_type_and_every_containing_type_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public static partial class Outer
            {
                public partial class Middle
                {
                    internal partial struct Inner
                    {
                        [Bounded(MaxLength = 10)]
                        internal sealed partial class Recent : IBoundedQueue<string>;
                    }
                }
            }
            """,
            "App.Outer.Middle.Inner.Recent.Bounded.g.cs");
    }
}
