using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd109TrackerMemberBoundInvisibleTests
{
    private const string Queues = """
        public sealed record ErrorRecord(string Code);
        [Bounded(MaxLength = 500)]
        public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
        [Bounded(MaxLength = 50)]
        public sealed partial class OtherErrors : IBoundedQueue<ErrorRecord>;

        """;

    private static readonly string[] QueueFiles = ["App.OtherErrors.Bounded.g.cs", "App.RecentErrors.Bounded.g.cs"];

    [Fact]
    public Task An_interface_typed_field_initialized_with_a_Bounded_class_is_reported_with_that_class()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queues + """
            [BoundedTracker]
            public sealed partial class ErrorTracker
            {
                private readonly IBoundedQueue<ErrorRecord> {|#0:_errors|} = new RecentErrors();
            }
            """,
            [.. QueueFiles, "App.ErrorTracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithMessage("'_errors' is left out of the bounds of 'ErrorTracker' because its type 'IBoundedQueue<ErrorRecord>' is an interface, whose MaxLength the generator cannot know; declare it as 'RecentErrors', the [Bounded] class assigned to it"));
    }

    [Fact]
    public Task An_IBoundedCollection_property_assigned_in_the_constructor_is_reported_with_the_class_assigned()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queues + """
            [BoundedTracker]
            public sealed partial class ErrorTracker
            {
                public ErrorTracker(int capacity)
                {
                    Errors = new OtherErrors(capacity);
                }

                public IBoundedCollection {|#0:Errors|} { get; }
            }
            """,
            [.. QueueFiles, "App.ErrorTracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithArguments("Errors", "ErrorTracker", "its type 'IBoundedCollection' is an interface, whose MaxLength the generator cannot know", "declare it as 'OtherErrors', the [Bounded] class assigned to it"));
    }

    [Fact]
    public Task An_interface_typed_member_without_a_known_value_names_the_interface_to_implement()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [BoundedTracker]
            public partial class Tracker
            {
                public Tracker(IBoundedQueue<int> queue) => Queue = queue;

                public IBoundedQueue<int> {|#0:Queue|} { get; }
            }
            """,
            ["App.Tracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithMessage("'Queue' is left out of the bounds of 'Tracker' because its type 'IBoundedQueue<int>' is an interface, whose MaxLength the generator cannot know; declare it as a [Bounded] class that implements 'IBoundedQueue<int>'"));
    }

    [Fact]
    public Task Two_different_classes_assigned_to_an_interface_typed_member_name_the_interface()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queues + """
            [BoundedTracker]
            public sealed partial class ErrorTracker
            {
                private IBoundedQueue<ErrorRecord> {|#0:_errors|} = new RecentErrors();

                public void Shrink() => _errors = new OtherErrors();
            }
            """,
            [.. QueueFiles, "App.ErrorTracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithArguments("_errors", "ErrorTracker", "its type 'IBoundedQueue<ErrorRecord>' is an interface, whose MaxLength the generator cannot know", "declare it as a [Bounded] class that implements 'IBoundedQueue<ErrorRecord>'"));
    }

    [Fact]
    public Task Dictionary_set_and_derived_bounded_interfaces_are_reported_on_every_member()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public interface IErrorLog : IBoundedQueue<string> { }
            [BoundedTracker]
            public partial class Tracker
            {
                private IBoundedDictionary<string, long>? {|#0:_costs|};
                private static IBoundedSet<string>? {|#1:Users|} { get; set; }
                internal IErrorLog? {|#2:Log|}, {|#3:OtherLog|};
            }
            """,
            ["App.Tracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithArguments("_costs", "Tracker", "its type 'IBoundedDictionary<string, long>' is an interface, whose MaxLength the generator cannot know", "declare it as a [Bounded] class that implements 'IBoundedDictionary<string, long>'"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(1)
                .WithArguments("Users", "Tracker", "its type 'IBoundedSet<string>' is an interface, whose MaxLength the generator cannot know", "declare it as a [Bounded] class that implements 'IBoundedSet<string>'"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(2)
                .WithArguments("Log", "Tracker", "its type 'IErrorLog' is an interface, whose MaxLength the generator cannot know", "declare it as a [Bounded] class that implements 'IErrorLog'"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(3)
                .WithArguments("OtherLog", "Tracker", "its type 'IErrorLog' is an interface, whose MaxLength the generator cannot know", "declare it as a [Bounded] class that implements 'IErrorLog'"));
    }

    [Fact]
    public Task A_member_typed_as_a_Bounded_class_the_generator_skips_is_reported_beside_the_class_own_error()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed class {|#0:Broken|} : IBoundedQueue<int>;
            [BoundedTracker]
            public partial class Tracker
            {
                private readonly Broken {|#1:_broken|} = new Broken();
            }
            """,
            ["App.Tracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.BoundedTypeNotPartial).WithLocation(0).WithArguments("Broken", "its declaration"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(1)
                .WithMessage("'_broken' is left out of the bounds of 'Tracker' because its type 'Broken' is a [Bounded] class that the generator does not implement; fix the declaration of 'Broken' as its BND1xx error says"));
    }

    [Fact]
    public Task A_hand_written_bounded_collection_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public sealed class HandRing : IBoundedCollection
            {
                public int Count => 0;
                public int Capacity => 8;
                public int MaxLength => 8;
                public OverflowPolicy Overflow => OverflowPolicy.DropOldest;
                public long TotalAdded => 0;
                public long Evicted => 0;
                public long Dropped => 0;
                public void Clear() { }
            }
            [BoundedTracker]
            public partial class Tracker
            {
                private readonly HandRing {|#0:_ring|} = new HandRing();
            }
            """,
            ["App.Tracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithMessage("'_ring' is left out of the bounds of 'Tracker' because its type 'HandRing' implements IBoundedCollection by hand, so its MaxLength is unknown to the generator; declare it as a [Bounded(MaxLength = N)] partial class instead"));
    }

    [Fact]
    public Task A_write_only_property_of_a_bounded_type_is_reported()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queues + """
            [BoundedTracker]
            public sealed partial class ErrorTracker
            {
                private readonly RecentErrors _errors = new RecentErrors();
                public RecentErrors {|#0:Replacement|} { set { } }
            }
            """,
            [.. QueueFiles, "App.ErrorTracker.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerMemberBoundInvisible).WithLocation(0)
                .WithArguments("Replacement", "ErrorTracker", "it has no get accessor", "add one, even a private one"));
    }

    [Fact]
    public Task Members_typed_as_generated_classes_or_classes_derived_from_them_are_clean()
    {
        return Verify.VerifyCleanAsync(
            [
                "using FakeAI.Bounds;\nnamespace App;\n" + Queues + """
                [Bounded(MaxLength = 5)]
                public partial class BaseErrors : IBoundedQueue<int>;
                public sealed class DerivedErrors : BaseErrors { }
                """,
                """
                using FakeAI.Bounds;
                namespace App;
                [BoundedTracker]
                public sealed partial class ErrorTracker
                {
                    private readonly RecentErrors _errors = new RecentErrors();
                    private static readonly DerivedErrors Derived = new DerivedErrors();
                    public OtherErrors? Other { get; set; }
                    public object Untyped { get; } = new RecentErrors();
                }
                """,
            ],
            [.. QueueFiles, "App.BaseErrors.Bounded.g.cs", "App.ErrorTracker.Tracker.Bounded.g.cs"]);
    }

    [Fact]
    public async Task A_Bounded_class_from_an_assembly_built_without_the_generator_is_reported()
    {
        // A library that declared [Bounded] and implemented IBoundedCollection itself, without the generator: it has
        // no DeclaredMaxLength constant for the tracker to sum.
        CSharpCompilation library = TestCompilation.Create("""
            using FakeAI.Bounds;
            namespace Library;
            [Bounded(MaxLength = 8)]
            public sealed class Legacy : IBoundedCollection
            {
                public int Count => 0;
                public int Capacity => 8;
                public int MaxLength => 8;
                public OverflowPolicy Overflow => OverflowPolicy.DropOldest;
                public long TotalAdded => 0;
                public long Evicted => 0;
                public long Dropped => 0;
                public void Clear() { }
            }
            """);
        using var image = new MemoryStream();
        EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        CSharpCompilation consumer = TestCompilation.Create("""
            using FakeAI.Bounds;
            namespace App;
            [BoundedTracker]
            public partial class Tracker
            {
                private readonly Library.Legacy _legacy = new Library.Legacy();
            }
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(consumer);

        Assert.Empty(result.AnalyzerExceptions);
        Diagnostic reported = Assert.Single(result.BoundsDiagnostics);
        Assert.Equal(DiagnosticIds.TrackerMemberBoundInvisible, reported.Id);
        Assert.Equal(
            "'_legacy' is left out of the bounds of 'Tracker' because its type 'Legacy' was compiled without the generated DeclaredMaxLength constant; build its assembly with the FakeAI.Bounds generator, or declare the member as a [Bounded] class of this project",
            reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(TestCompilation.WarningsAndErrors(result.Generation.Output).Where(d => !d.Id.StartsWith("BND", System.StringComparison.Ordinal)));
    }
}
