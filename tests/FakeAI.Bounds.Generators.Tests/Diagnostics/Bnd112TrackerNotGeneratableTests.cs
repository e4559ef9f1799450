using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd112TrackerNotGeneratableTests
{
    private const string Queue = """
        [Bounded(MaxLength = 10)]
        public sealed partial class Recent : IBoundedQueue<int>;

        """;

    private static readonly string[] QueueFile = ["App.Recent.Bounded.g.cs"];

    [Fact]
    public Task Missing_partial_on_the_tracker_is_reported_on_its_name()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            [BoundedTracker]
            public sealed class {|#0:ErrorTracker|}
            {
                private readonly Recent _recent = new Recent();
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0)
                .WithMessage("The tracker members of 'ErrorTracker' are not generated: add the 'partial' modifier to its declaration"));
    }

    [Fact]
    public Task Missing_partial_on_one_of_several_declarations_is_reported_on_the_first()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            [BoundedTracker]
            public partial class {|#0:ErrorTracker|}
            {
                private readonly Recent _recent = new Recent();
            }
            public class ErrorTracker
            {
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0).WithArguments("ErrorTracker", "add the 'partial' modifier to its declaration"));
    }

    [Fact]
    public Task Missing_partial_on_every_containing_type_is_reported_on_each()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            public class {|#1:Outer|}
            {
                public partial struct Middle
                {
                    internal class {|#0:Inner|}
                    {
                        [BoundedTracker]
                        internal partial class Tracker
                        {
                            private readonly Recent _recent = new Recent();
                        }
                    }
                }
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0).WithArguments("Tracker", "add the 'partial' modifier to the containing type 'Inner'"),
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(1).WithArguments("Tracker", "add the 'partial' modifier to the containing type 'Outer'"));
    }

    [Fact]
    public Task A_static_tracker_is_reported()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            [BoundedTracker]
            public static partial class {|#0:Counters|}
            {
                private static readonly Recent Recent = new Recent();
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0)
                .WithMessage("The tracker members of 'Counters' are not generated: it is static, and the generated members report on an instance; remove 'static'"));
    }

    [Fact]
    public Task A_file_local_tracker_is_reported()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            [BoundedTracker]
            file sealed partial class {|#0:Local|}
            {
                private readonly Recent _recent = new Recent();
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0)
                .WithArguments("Local", "it is file-local, so the generated part in another file cannot reopen it; remove 'file'"));
    }

    [Fact]
    public Task A_tracker_nested_in_a_file_local_type_is_reported()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            file static partial class Holder
            {
                [BoundedTracker]
                internal sealed partial class {|#0:Tracker|}
                {
                    private readonly Recent _recent = new Recent();
                }
            }
            """,
            QueueFile,
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0)
                .WithArguments("Tracker", "it is nested in the file-local type 'Holder', which the generated part in another file cannot reopen; remove 'file' from 'Holder'"));
    }

    [Fact]
    public Task A_broken_tracker_does_not_stop_a_valid_one_beside_it()
    {
        return Verify.VerifyAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            [BoundedTracker]
            public class {|#0:Broken|}
            {
                private readonly Recent _recent = new Recent();
            }
            [BoundedTracker]
            public partial class Valid
            {
                private readonly Recent _recent = new Recent();
            }
            """,
            [.. QueueFile, "App.Valid.Tracker.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.TrackerNotGeneratable).WithLocation(0).WithArguments("Broken", "add the 'partial' modifier to its declaration"));
    }

    [Fact]
    public Task Partial_trackers_in_partial_types_of_every_kind_are_clean()
    {
        return Verify.VerifyCleanAsync(
            "using FakeAI.Bounds;\nnamespace App;\n" + Queue + """
            public static partial class Outer
            {
                public partial record Middle
                {
                    internal partial struct Inner
                    {
                        [BoundedTracker]
                        internal abstract partial class Tracker
                        {
                            private readonly Recent _recent = new Recent();
                        }
                    }
                }
            }
            [BoundedTracker]
            public sealed partial record RecordTracker(string Name)
            {
                public Recent Recent { get; } = new Recent();
            }
            """,
            "App.Outer.Middle.Inner.Tracker.Tracker.Bounded.g.cs",
            "App.Recent.Bounded.g.cs",
            "App.RecordTracker.Tracker.Bounded.g.cs");
    }
}
