using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// BND004. The .NET 10 reference assemblies the tests compile against include System.Threading.Channels,
/// System.Collections.Concurrent and System.Threading.Tasks.Dataflow, so every primitive is checked against its real API.
/// </summary>
public class Bnd004UnboundedQueuePrimitiveTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using System.Threading.Channels;
        using System.Threading.Tasks.Dataflow;
        using FakeAI.Bounds;
        namespace App;

        """;

    private const string ChannelAdvice = "use Channel.CreateBounded with a capacity, a full mode and an itemDropped callback";
    private const string BlockingCollectionAdvice = "pass a boundedCapacity to the constructor";
    private const string DataflowAdvice = "set BoundedCapacity in the block's options";

    [Fact]
    public Task Unbounded_channels_in_initializers_and_assignments_of_a_tracker_are_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventQueueTracker
            {
                public readonly Channel<string> Events = {|#0:Channel.CreateUnbounded<string>()|};

                public EventQueueTracker()
                {
                    Writer = {|#2:Channel.CreateUnbounded<string>()|};
                    Numbers = {|#3:Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true })|};
                }

                public Channel<long> Prioritized { get; } = {|#1:Channel.CreateUnboundedPrioritized<long>()|};

                public ChannelWriter<string> Writer { get; }

                public Channel<int> Numbers { get; set; }

                private Channel<double>? _lazy;

                public Channel<double> Lazy() => _lazy ??= {|#4:Channel.CreateUnbounded<double>()|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithMessage("'Events' in 'EventQueueTracker' holds an unbounded channel (Channel.CreateUnbounded), which queues without limit when its consumer falls behind; use Channel.CreateBounded with a capacity, a full mode and an itemDropped callback"),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(1)
                .WithArguments("Prioritized", "EventQueueTracker", "an unbounded channel (Channel.CreateUnboundedPrioritized)", ChannelAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(2)
                .WithArguments("Writer", "EventQueueTracker", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(3)
                .WithArguments("Numbers", "EventQueueTracker", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(4)
                .WithArguments("_lazy", "EventQueueTracker", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice));
    }

    [Fact]
    public Task Static_members_of_any_class_are_reported_wherever_they_are_assigned()
    {
        return Verify.VerifyAsync(
            Usings + """
            public static class Queues
            {
                public static readonly Channel<string> Work = {|#0:Channel.CreateUnbounded<string>()|};

                public static BlockingCollection<string>? Pending { get; set; }
            }

            public struct Holder
            {
                public static Channel<int> Shared = {|#1:Channel.CreateUnbounded<int>()|};
            }

            public static class Startup
            {
                public static void Run() => Queues.Pending = {|#2:new BlockingCollection<string>()|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithArguments("Work", "Queues", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(1)
                .WithArguments("Shared", "Holder", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(2)
                .WithMessage("'Pending' in 'Queues' holds a BlockingCollection<T> without a bounded capacity, which queues without limit when its consumer falls behind; pass a boundedCapacity to the constructor"));
    }

    [Fact]
    public Task BlockingCollections_without_a_bounded_capacity_are_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class WorkQueueTracker
            {
                public readonly BlockingCollection<string> Plain = {|#0:new BlockingCollection<string>()|};
                public readonly BlockingCollection<string> OverQueue = {|#1:new BlockingCollection<string>(new ConcurrentQueue<string>())|};
                public readonly BlockingCollection<string> TargetTyped = {|#2:new()|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithArguments("Plain", "WorkQueueTracker", "a BlockingCollection<T> without a bounded capacity", BlockingCollectionAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(1)
                .WithArguments("OverQueue", "WorkQueueTracker", "a BlockingCollection<T> without a bounded capacity", BlockingCollectionAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(2)
                .WithArguments("TargetTyped", "WorkQueueTracker", "a BlockingCollection<T> without a bounded capacity", BlockingCollectionAdvice));
    }

    [Fact]
    public Task Dataflow_blocks_without_a_positive_BoundedCapacity_are_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class PipelineTracker
            {
                public BufferBlock<int> Buffer { get; } = {|#0:new BufferBlock<int>()|};
                public ActionBlock<int> Action { get; } = {|#1:new ActionBlock<int>(i => { })|};
                public TransformBlock<int, string> Transform { get; } =
                    {|#2:new TransformBlock<int, string>(i => i.ToString(), new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 4 })|};
                public TransformManyBlock<int, string> Many { get; } = {|#3:new TransformManyBlock<int, string>(i => new[] { i.ToString() })|};
                public BatchBlock<int> Batch { get; } =
                    {|#4:new BatchBlock<int>(10, new GroupingDataflowBlockOptions { BoundedCapacity = DataflowBlockOptions.Unbounded })|};
                public BroadcastBlock<int> Broadcast { get; } = {|#5:new BroadcastBlock<int>(i => i, new DataflowBlockOptions())|};
                public JoinBlock<int, string> Join { get; } = {|#6:new JoinBlock<int, string>()|};
                public BufferBlock<int> TargetTypedOptions { get; } =
                    {|#7:new BufferBlock<int>(new() { EnsureOrdered = false, BoundedCapacity = -1 })|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithMessage("'Buffer' in 'PipelineTracker' holds a BufferBlock<T> without BoundedCapacity, which queues without limit when its consumer falls behind; set BoundedCapacity in the block's options"),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(1)
                .WithArguments("Action", "PipelineTracker", "an ActionBlock<TInput> without BoundedCapacity", DataflowAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(2)
                .WithArguments("Transform", "PipelineTracker", "a TransformBlock<TInput, TOutput> without BoundedCapacity", DataflowAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(3)
                .WithArguments("Many", "PipelineTracker", "a TransformManyBlock<TInput, TOutput> without BoundedCapacity", DataflowAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(4)
                .WithArguments("Batch", "PipelineTracker", "a BatchBlock<T> with BoundedCapacity = DataflowBlockOptions.Unbounded", DataflowAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(5)
                .WithArguments("Broadcast", "PipelineTracker", "a BroadcastBlock<T> without BoundedCapacity", DataflowAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(6)
                .WithArguments("Join", "PipelineTracker", "a JoinBlock<T1, T2> without BoundedCapacity", DataflowAdvice),
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(7)
                .WithArguments("TargetTypedOptions", "PipelineTracker", "a BufferBlock<T> with BoundedCapacity = DataflowBlockOptions.Unbounded", DataflowAdvice));
    }

    [Fact]
    public Task Instance_members_of_a_BoundedTracker_class_are_reported_whatever_its_name()
    {
        return Verify.VerifyAsync(
            Usings + """
            [Bounded(MaxLength = 100)]
            public sealed partial class RecentEvents : IBoundedQueue<string>;

            [BoundedTracker]
            public sealed partial class Dispatcher
            {
                public RecentEvents Recent { get; } = new RecentEvents();

                public BufferBlock<string> Inbox { get; } = {|#0:new BufferBlock<string>()|};
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithArguments("Inbox", "Dispatcher", "a BufferBlock<T> without BoundedCapacity", DataflowAdvice));
    }

    [Fact]
    public Task Bounded_channels_BlockingCollections_with_a_capacity_and_Dataflow_blocks_with_BoundedCapacity_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed class EventQueueTracker
            {
                public readonly Channel<string> Bounded = Channel.CreateBounded<string>(100);
                public readonly Channel<string> WithOptions = Channel.CreateBounded<string>(new BoundedChannelOptions(100));
                public readonly BlockingCollection<string> Capped = new BlockingCollection<string>(100);
                public readonly BlockingCollection<string> CappedQueue = new BlockingCollection<string>(new ConcurrentQueue<string>(), boundedCapacity: 100);
                public BufferBlock<int> Buffer { get; } = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = 100 });
                public ActionBlock<int> Action { get; } = new ActionBlock<int>(i => { }, new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 2, BoundedCapacity = 10 });
                public BatchBlock<int> Batch { get; } = new(10, new GroupingDataflowBlockOptions { BoundedCapacity = 100 });
                public WriteOnceBlock<int> Once { get; } = new WriteOnceBlock<int>(null);

                // A capacity of 0 is no unbounded queue: setting it throws ArgumentOutOfRangeException.
                public BufferBlock<int> Invalid { get; } = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = 0 });
            }
            """);
    }

    [Fact]
    public Task Options_the_analyzer_cannot_see_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed class PipelineTracker
            {
                private static readonly DataflowBlockOptions SharedOptions = new DataflowBlockOptions { BoundedCapacity = 10 };

                public PipelineTracker(ExecutionDataflowBlockOptions options)
                {
                    FromParameter = new ActionBlock<int>(i => { }, options);
                    FromField = new BufferBlock<int>(SharedOptions);
                    var local = new DataflowBlockOptions();
                    local.BoundedCapacity = 5;
                    FromLocal = new BufferBlock<int>(local);
                }

                public ActionBlock<int> FromParameter { get; }

                public BufferBlock<int> FromField { get; }

                public BufferBlock<int> FromLocal { get; }

                public BufferBlock<int> NotConstant { get; } = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = Capacity() });

                public static int Capacity() => 5;
            }
            """);
    }

    [Fact]
    public Task Instance_members_of_classes_that_are_not_trackers_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed class RequestHandler
            {
                public readonly Channel<string> Events = Channel.CreateUnbounded<string>();

                public BlockingCollection<string> Pending { get; } = new BlockingCollection<string>();

                public BufferBlock<int> Buffer { get; } = new BufferBlock<int>();
            }
            """);
    }

    [Fact]
    public Task Queues_that_no_field_or_auto_property_holds_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed class EventQueueTracker
            {
                private Channel<int>? _backing;

                public Channel<int> Computed => Channel.CreateUnbounded<int>();

                public Channel<int> WithSetter
                {
                    get => _backing ?? Channel.CreateBounded<int>(1);
                    set => _backing = value;
                }

                public static Channel<int> Local()
                {
                    var channel = Channel.CreateUnbounded<int>();
                    return channel;
                }

                public void Replace() => WithSetter = Channel.CreateUnbounded<int>();
            }
            """);
    }

    [Fact]
    public Task A_member_marked_AllowUnbounded_is_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed class EventQueueTracker
            {
                [AllowUnbounded("drained by a dedicated thread that never blocks")]
                public readonly Channel<string> Events = Channel.CreateUnbounded<string>();

                [AllowUnbounded("one item per configured model, fed at startup")]
                public static BlockingCollection<string> Models { get; } = new BlockingCollection<string>();

                [AllowUnbounded("the sink is an in-memory counter")]
                public BufferBlock<int> Buffer { get; }

                public EventQueueTracker() => Buffer = new BufferBlock<int>();
            }
            """);
    }

    [Fact]
    public Task A_class_named_with_a_declared_suffix_is_a_tracker_and_others_are_not()
    {
        // The test project declares Tracker (AnalyzerVerifier.DeclaredTrackers).
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventPump
            {
                public readonly Channel<string> Events = Channel.CreateUnbounded<string>();
            }

            public sealed class EventTracker
            {
                public readonly Channel<string> Events = {|#0:Channel.CreateUnbounded<string>()|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithArguments("Events", "EventTracker", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice));
    }

    [Fact]
    public Task Without_a_declared_suffix_no_name_makes_a_class_a_tracker()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventTracker
            {
                public readonly Channel<string> Events = Channel.CreateUnbounded<string>();
            }
            """,
            editorConfig: "root = true\n",
            expectedGeneratedFiles: []);
    }

    [Fact]
    public Task Tracker_suffixes_from_the_editorconfig_replace_the_declared_ones()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventPump
            {
                public readonly Channel<string> Events = {|#0:Channel.CreateUnbounded<string>()|};
            }

            public sealed class EventTracker
            {
                public readonly Channel<string> Events = Channel.CreateUnbounded<string>();
            }
            """,
            editorConfig: "root = true\n[*]\nfakeai_bounds.tracker_suffixes = Pump\n",
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithArguments("Events", "EventPump", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice));
    }

    [Fact]
    public Task Tracker_suffixes_come_from_the_MSBuild_property_when_no_editorconfig_key_is_set()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventPump
            {
                public readonly Channel<string> Events = {|#0:Channel.CreateUnbounded<string>()|};
            }
            """,
            editorConfig: "is_global = true\nbuild_property.FakeAIBoundsTrackerSuffixes = Pump;Relay\n",
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.UnboundedQueuePrimitive).WithLocation(0)
                .WithArguments("Events", "EventPump", "an unbounded channel (Channel.CreateUnbounded)", ChannelAdvice));
    }

    public static TheoryData<string> HalfWrittenSources { get; } = new()
    {
        "public sealed class EventQueueTracker { public Channel<int> Q = Channel.CreateUnbounded<int>(",
        "public sealed class EventQueueTracker { public Channel<int> Q = Channel.CreateUnbounded<(); }",
        "public sealed class EventQueueTracker { public Channel<int> Q = Channel.CreateUnbounded(); }",
        "public sealed class EventQueueTracker { public Channel<int> Q = Channel.CreateUnbounded<Missing>(); }",
        "public sealed class EventQueueTracker { public Channel<int> Q = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = }); }",
        "public sealed class EventQueueTracker { public Channel<int> Q { get; } = new(",
        "public sealed class EventQueueTracker { public EventQueueTracker() { Q = } public Channel<int> Q; }",
        "public sealed class EventQueueTracker { public EventQueueTracker() { Missing = Channel.CreateUnbounded<int>(); } }",
        "public sealed class EventQueueTracker { public EventQueueTracker() { this[0] = Channel.CreateUnbounded<int>(); } }",
        "public sealed class EventQueueTracker { public BlockingCollection<> Q = new BlockingCollection<>(); }",
        "public sealed class EventQueueTracker { public BlockingCollection<int> Q = new BlockingCollection<int>(boundedCapacity: ); }",
        "public sealed class EventQueueTracker { public BlockingCollection<int> Q = new BlockingCollection<int>(1, 2, 3); }",
        "public sealed class EventQueueTracker { public BufferBlock<int> Q = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = }); }",
        "public sealed class EventQueueTracker { public BufferBlock<int> Q = new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacty = 5 }); }",
        "public sealed class EventQueueTracker { public BufferBlock<int> Q = new BufferBlock<int>(new Missing { BoundedCapacity = 5 }); }",
        "public sealed class EventQueueTracker { public ActionBlock<int> Q = new ActionBlock<int>(); }",
        "public sealed class EventQueueTracker { public TransformBlock<int> Q = new TransformBlock<int>(i => i); }",
        "public sealed class EventQueueTracker { public static BufferBlock<int> Q => new BufferBlock<int>(new DataflowBlockOptions { BoundedCapacity = \"x\" }); }",
        "public sealed class EventQueueTracker { public object Q = (Channel<int>)Channel.CreateUnbounded<int>(; }",
        "public sealed class EventQueueTracker { (int A, Channel<int> B) Q; public EventQueueTracker() { (Q.A, Q.B) = (1, Channel.CreateUnbounded<int>(); } }",
    };

    [Theory]
    [MemberData(nameof(HalfWrittenSources))]
    public async Task Nothing_throws_on_half_written_code(string code)
    {
        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(Usings + code);

        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
    }
}
