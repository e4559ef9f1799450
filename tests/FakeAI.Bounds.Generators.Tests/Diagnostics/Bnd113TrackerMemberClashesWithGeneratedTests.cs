using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd113TrackerMemberClashesWithGeneratedTests
{
    private const string Prelude = """
        using FakeAI.Bounds;
        namespace App;
        [Bounded(MaxLength = 10)]
        public sealed partial class Recent : IBoundedQueue<int>;

        """;

    private static readonly string[] QueueFile = ["App.Recent.Bounded.g.cs"];

    [Fact]
    public Task A_user_GetBounds_method_is_reported_on_its_name()
    {
        return Verify.VerifyAsync(
            Prelude + """
            [BoundedTracker]
            public partial class ErrorTracker
            {
                private readonly Recent _recent = new Recent();
                public string {|#0:GetBounds|}() => "mine";
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(0)
                .WithMessage("'ErrorTracker' declares GetBounds: the members the generator adds to a [BoundedTracker] class would clash with it; rename or remove it (nothing is generated for 'ErrorTracker' while it clashes)"));
    }

    [Fact]
    public Task Every_reserved_name_is_reported_whatever_the_member_kind_or_parameters()
    {
        return Verify.VerifyAsync(
            Prelude + """
            [BoundedTracker]
            public partial class ErrorTracker
            {
                private readonly Recent _recent = new Recent();
                private int {|#0:ClearBounds|};
                public static long {|#1:MaxBoundedEntries|} => 0;
                public void {|#2:RegisterBoundsMetrics|}(string meterName) { }
                private int {|#3:_bndState|};
                private static void {|#4:BndObserve|}() { }
                public sealed class {|#5:BndHelper|} { }
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(0).WithArguments("ErrorTracker", "declares ClearBounds", "rename or remove it"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(1).WithArguments("ErrorTracker", "declares MaxBoundedEntries", "rename or remove it"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(2).WithArguments("ErrorTracker", "declares RegisterBoundsMetrics", "rename or remove it"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(3).WithArguments("ErrorTracker", "declares _bndState", "rename or remove it"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(4).WithArguments("ErrorTracker", "declares BndObserve", "rename or remove it"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(5).WithArguments("ErrorTracker", "declares BndHelper", "rename or remove it"));
    }

    [Fact]
    public Task A_tracker_named_like_a_generated_member_is_reported()
    {
        return Verify.VerifyAsync(
            Prelude + """
            [BoundedTracker]
            public partial class {|#0:GetBounds|}
            {
                private readonly Recent _recent = new Recent();
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(0)
                .WithArguments("GetBounds", "is named like a generated member", "rename the class"));
    }

    [Fact]
    public Task A_member_inherited_from_a_base_class_is_reported_on_the_tracker()
    {
        return Verify.VerifyAsync(
            Prelude + """
            public abstract class TrackerBase
            {
                protected void ClearBounds() { }
                private void GetBounds() { }
            }
            [BoundedTracker]
            public sealed partial class {|#0:ErrorTracker|} : TrackerBase
            {
                private readonly Recent _recent = new Recent();
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(0)
                .WithMessage("'ErrorTracker' inherits ClearBounds from 'TrackerBase': the members the generator adds to a [BoundedTracker] class would clash with it; rename it in 'TrackerBase' (nothing is generated for 'ErrorTracker' while it clashes)"));
    }

    [Fact]
    public Task A_tracker_derived_from_a_tracker_is_reported_and_the_base_is_still_generated()
    {
        return Verify.VerifyAsync(
            Prelude + """
            [BoundedTracker]
            public partial class BaseTracker
            {
                private readonly Recent _recent = new Recent();
            }
            public class Middle : BaseTracker { }
            [BoundedTracker]
            public sealed partial class {|#0:DerivedTracker|} : Middle
            {
                private readonly Recent _more = new Recent();
            }
            """,
            [.. QueueFile, "App.BaseTracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberClashesWithGenerated).WithLocation(0)
                .WithArguments("DerivedTracker", "derives from the [BoundedTracker] class 'BaseTracker'", "mark only one class of the hierarchy [BoundedTracker]"));
    }

    [Fact]
    public Task Members_that_do_not_clash_are_clean_beside_the_generated_members()
    {
        return Verify.VerifyCleanAsync(
            Prelude + """
            public interface IReportsBounds
            {
                string GetBounds();
            }
            public abstract class TrackerBase
            {
                private void ClearBounds() { }
                protected virtual void OnCleared() { }
            }
            [BoundedTracker]
            public sealed partial class ErrorTracker : TrackerBase, IReportsBounds
            {
                private readonly Recent _recent = new Recent();
                string IReportsBounds.GetBounds() => "mine";
                public BoundSnapshot[] Bounds() => GetBounds();
                public void Reset()
                {
                    ClearBounds();
                    OnCleared();
                }
                public int Bnd => 0;
                public int bndLower => 0;
                public long MaxEntries => MaxBoundedEntries;
            }
            public sealed class NotATracker
            {
                public void GetBounds() { }
            }
            """,
            "App.ErrorTracker.Tracker.Bounded.g.cs",
            "App.Recent.Bounded.g.cs");
    }
}
