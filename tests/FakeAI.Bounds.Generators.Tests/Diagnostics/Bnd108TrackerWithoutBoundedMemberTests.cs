using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd108TrackerWithoutBoundedMemberTests
{
    [Fact]
    public Task A_tracker_whose_state_is_an_unbounded_list_is_reported_on_its_name_and_still_generated()
    {
        return Verify.VerifyAsync(
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;
            namespace App;
            [BoundedTracker]
            public sealed partial class {|#0:ErrorTracker|}
            {
                private readonly List<string> _errors = new List<string>();
                public int Count => _errors.Count;
            }
            """,
            ["App.ErrorTracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerWithoutBoundedMember).WithLocation(0)
                .WithMessage("'ErrorTracker' is marked [BoundedTracker] but has no field or property of a [Bounded] type, so GetBounds() reports nothing and MaxBoundedEntries is 0; keep its state in [Bounded] collections, or remove [BoundedTracker]"));
    }

    [Fact]
    public Task An_empty_tracker_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            [BoundedTracker]
            internal partial class {|#0:Empty|}
            {
            }
            """,
            ["Empty.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerWithoutBoundedMember).WithLocation(0).WithArguments("Empty"));
    }

    [Fact]
    public Task A_bounded_member_in_a_nested_type_or_a_base_class_does_not_count()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>;
            public class Base
            {
                protected readonly Recent Inherited = new Recent();
            }
            [BoundedTracker]
            public partial class {|#0:Tracker|} : Base
            {
                public sealed class Inner
                {
                    public Recent Nested { get; } = new Recent();
                }
            }
            """,
            ["App.Recent.Bounded.g.cs", "App.Tracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerWithoutBoundedMember).WithLocation(0).WithArguments("Tracker"));
    }

    [Fact]
    public Task A_member_reported_as_invisible_is_not_also_reported_as_missing()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [BoundedTracker]
            public partial class Tracker
            {
                private readonly IBoundedQueue<int>? {|#0:_queue|};
            }
            """,
            ["App.Tracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithArguments("_queue", "Tracker", "its type 'IBoundedQueue<int>' is an interface, whose MaxLength the generator cannot know", "declare it as a [Bounded] class that implements 'IBoundedQueue<int>'"));
    }

    [Fact]
    public Task A_tracker_with_one_static_bounded_property_is_clean()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>;
            public static partial class Holder
            {
                [BoundedTracker]
                public sealed partial class Tracker
                {
                    internal static Recent Shared { get; } = new Recent();
                }
            }
            """,
            "App.Holder.Tracker.Tracker.Bounded.g.cs",
            "App.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task A_class_without_BoundedTracker_is_not_reported()
    {
        return Verify.VerifyCleanAsync(
            """
            using System.Collections.Generic;
            namespace App;
            public sealed class NotATracker
            {
                public List<string> Errors { get; } = new List<string>();
            }
            """);
    }
}
