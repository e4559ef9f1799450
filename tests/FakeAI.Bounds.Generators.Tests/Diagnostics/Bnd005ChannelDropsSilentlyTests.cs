using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Analyzers.Channels;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd005ChannelDropsSilentlyTests
{
    private const string Usings = """
        using System;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        namespace App;

        """;

    private const string CompletionConsequence = "whose waiter is then never completed";
    private const string DelegateConsequence = "which then never runs";

    [Fact]
    public Task Options_created_in_the_call_with_a_drop_mode_and_no_callback_are_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed record Request(string Id, TaskCompletionSource<bool> Done);

            public static class Channels
            {
                public static Channel<Request> Inline() =>
                    {|#0:Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Request> NullCallback() =>
                    {|#1:Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest }, null)|};

                public static Channel<Request> NamedNullCallback() =>
                    {|#2:Channel.CreateBounded<Request>(itemDropped: null, options: new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite })|};

                public static Channel<Request> DefaultCallback() =>
                    {|#3:Channel.CreateBounded<Request>(new(10) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest }, (Action<Request>?)default)|};

                public static Channel<Request> Cast() =>
                    {|#4:Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = (BoundedChannelFullMode)1 })|};
            }

            // Not only in trackers: anywhere in code.
            public sealed class RequestHandler
            {
                public Channel<Request> Pending { get; } =
                    {|#5:Channel.CreateBounded<Request>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(0)
                .WithMessage("This channel drops items when it is full (BoundedChannelFullMode.DropOldest) and no itemDropped callback sees them; a dropped 'Request' carries 'Done' (TaskCompletionSource<bool>), whose waiter is then never completed; pass an itemDropped callback that completes, cancels or runs it, or use BoundedChannelFullMode.Wait"),
            Dropping(1, "DropNewest"),
            Dropping(2, "DropWrite"),
            Dropping(3, "DropOldest"),
            Dropping(4, "DropNewest"),
            Dropping(5, "DropOldest"));

        static DiagnosticResult Dropping(int location, string mode) =>
            Reported(location, mode, "Request", "carries 'Done' (TaskCompletionSource<bool>)", CompletionConsequence);
    }

    [Fact]
    public Task Options_in_a_local_of_the_same_block_are_read_up_to_the_call()
    {
        return Verify.VerifyAsync(
            Usings + """
            public static class Channels
            {
                public static Channel<TaskCompletionSource> Initialized()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    return {|#0:Channel.CreateBounded<TaskCompletionSource>(options)|};
                }

                public static Channel<TaskCompletionSource> SetAfterwards()
                {
                    var options = new BoundedChannelOptions(10);
                    options.SingleWriter = true;
                    options.FullMode = BoundedChannelFullMode.DropNewest;
                    Console.WriteLine(options.Capacity);
                    return {|#1:Channel.CreateBounded<TaskCompletionSource>(options, null)|};
                }

                public static Channel<TaskCompletionSource> AssignedAfterDeclaration()
                {
                    BoundedChannelOptions options;
                    options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite };
                    return {|#2:Channel.CreateBounded<TaskCompletionSource>(options)|};
                }

                public static Channel<TaskCompletionSource> NestedCall(bool flag)
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait };
                    options.FullMode = BoundedChannelFullMode.DropOldest;
                    if (flag)
                    {
                        Console.WriteLine(flag);
                        return {|#3:Channel.CreateBounded<TaskCompletionSource>(options)|};
                    }

                    return Channel.CreateBounded<TaskCompletionSource>(1);
                }

                public static Func<Channel<TaskCompletionSource>> InsideALambda() => () =>
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest };
                    return {|#4:Channel.CreateBounded<TaskCompletionSource>(options)|};
                };
            }
            """,
            expectedGeneratedFiles: [],
            Dropping(0, "DropOldest"),
            Dropping(1, "DropNewest"),
            Dropping(2, "DropWrite"),
            Dropping(3, "DropOldest"),
            Dropping(4, "DropNewest"));

        static DiagnosticResult Dropping(int location, string mode) =>
            Reported(location, mode, "TaskCompletionSource", "is itself a completion source", CompletionConsequence);
    }

    [Fact]
    public Task Items_that_are_or_carry_a_completion_source_are_reported_with_the_member_that_carries_it()
    {
        return Verify.VerifyAsync(
            Usings + """
            using System.Threading.Tasks.Sources;

            public sealed class KillRequest
            {
                public string Silo { get; init; } = "";

                public TaskCompletionSource? Completion { get; init; }
            }

            public sealed class Lookup
            {
                public string Key = "";

                public TaskCompletionSource<string> Reply { get; } = new();
            }

            public struct PooledReply
            {
                public int Id;
                public ManualResetValueTaskSourceCore<int> Core;
            }

            public sealed class Operation : IValueTaskSource
            {
                public ValueTaskSourceStatus GetStatus(short token) => ValueTaskSourceStatus.Pending;
                public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) { }
                public void GetResult(short token) { }
            }

            public sealed class Read
            {
                public long Offset { get; init; }

                public IValueTaskSource<int>? Source { get; init; }
            }

            public class Envelope
            {
                public TaskCompletionSource<bool> Acknowledged { get; } = new();
            }

            public sealed class OrderEnvelope : Envelope
            {
                public int OrderId { get; init; }
            }

            public sealed class Acknowledgement : TaskCompletionSource<bool>;

            public interface ICommand
            {
                TaskCompletionSource Done { get; }
            }

            public static class Channels
            {
                private static readonly BoundedChannelOptions Options = new(10);

                public static Channel<TaskCompletionSource<int>> Itself() =>
                    {|#0:Channel.CreateBounded<TaskCompletionSource<int>>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<KillRequest> NullableProperty() =>
                    {|#1:Channel.CreateBounded<KillRequest>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Lookup> GenericProperty() =>
                    {|#2:Channel.CreateBounded<Lookup>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<PooledReply> ValueTaskSourceCoreField() =>
                    {|#3:Channel.CreateBounded<PooledReply>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<PooledReply?> NullableStruct() =>
                    {|#4:Channel.CreateBounded<PooledReply?>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Operation> ImplementsValueTaskSource() =>
                    {|#5:Channel.CreateBounded<Operation>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Read> ValueTaskSourceProperty() =>
                    {|#6:Channel.CreateBounded<Read>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<OrderEnvelope> Inherited() =>
                    {|#7:Channel.CreateBounded<OrderEnvelope>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Acknowledgement> DerivedCompletionSource() =>
                    {|#8:Channel.CreateBounded<Acknowledgement>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<ICommand> InterfaceProperty() =>
                    {|#9:Channel.CreateBounded<ICommand>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<(string, TaskCompletionSource)> Tuple() =>
                    {|#10:Channel.CreateBounded<(string, TaskCompletionSource)>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<(string Key, TaskCompletionSource<bool> Written)> NamedTuple() =>
                    {|#11:Channel.CreateBounded<(string Key, TaskCompletionSource<bool> Written)>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            expectedGeneratedFiles: [],
            Reported(0, "DropOldest", "TaskCompletionSource<int>", "is itself a completion source", CompletionConsequence),
            Reported(1, "DropOldest", "KillRequest", "carries 'Completion' (TaskCompletionSource?)", CompletionConsequence),
            Reported(2, "DropOldest", "Lookup", "carries 'Reply' (TaskCompletionSource<string>)", CompletionConsequence),
            Reported(3, "DropOldest", "PooledReply", "carries 'Core' (ManualResetValueTaskSourceCore<int>)", CompletionConsequence),
            Reported(4, "DropOldest", "PooledReply?", "carries 'Core' (ManualResetValueTaskSourceCore<int>)", CompletionConsequence),
            Reported(5, "DropOldest", "Operation", "is itself a completion source", CompletionConsequence),
            Reported(6, "DropOldest", "Read", "carries 'Source' (IValueTaskSource<int>?)", CompletionConsequence),
            Reported(7, "DropOldest", "OrderEnvelope", "carries 'Acknowledged' (TaskCompletionSource<bool>)", CompletionConsequence),
            Reported(8, "DropOldest", "Acknowledgement", "is itself a completion source", CompletionConsequence),
            Reported(9, "DropOldest", "ICommand", "carries 'Done' (TaskCompletionSource)", CompletionConsequence),
            Reported(10, "DropOldest", "(string, TaskCompletionSource)", "carries 'Item2' (TaskCompletionSource)", CompletionConsequence),
            Reported(11, "DropOldest", "(string Key, TaskCompletionSource<bool> Written)", "carries 'Written' (TaskCompletionSource<bool>)", CompletionConsequence));
    }

    [Fact]
    public Task Items_that_are_or_carry_a_delegate_are_reported_as_work_that_never_runs()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed record WorkItem(string Name, Func<Task> Run);

            public sealed class Query
            {
                public string Text = "";
                public Action<string>? OnReply;
            }

            public delegate void Completed(int id);

            public static class Channels
            {
                public static Channel<WorkItem> RecordWithADelegate() =>
                    {|#0:Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest })|};

                public static Channel<Query> ReplyCallbackField() =>
                    {|#1:Channel.CreateBounded<Query>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite })|};

                public static Channel<Func<Task>> DelegateItself() =>
                    {|#2:Channel.CreateBounded<Func<Task>>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<(int, Completed)> CustomDelegateInATuple() =>
                    {|#3:Channel.CreateBounded<(int, Completed)>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(0)
                .WithMessage("This channel drops items when it is full (BoundedChannelFullMode.DropNewest) and no itemDropped callback sees them; a dropped 'WorkItem' carries 'Run' (Func<Task>), which then never runs; pass an itemDropped callback that completes, cancels or runs it, or use BoundedChannelFullMode.Wait"),
            Reported(1, "DropWrite", "Query", "carries 'OnReply' (Action<string>?)", DelegateConsequence),
            Reported(2, "DropOldest", "Func<Task>", "is itself a delegate", DelegateConsequence),
            Reported(3, "DropOldest", "(int, Completed)", "carries 'Item2' (Completed)", DelegateConsequence));
    }

    [Fact]
    public Task Items_of_plain_data_are_a_deliberate_trade_and_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            using System.Collections.Generic;
            using System.Threading;

            public sealed record HealthStatus(string Service, bool Serving, DateTime At);

            public sealed class TelemetrySample
            {
                public string Name { get; init; } = "";
                public double Value;

                // Only observed: whoever completes it is elsewhere, and dropping the sample leaves it as it was.
                public Task? Flushed { get; init; }

                public CancellationToken Cancellation { get; init; }
            }

            // The consumer may cancel the work; nobody blocks until that happens.
            public sealed record Job(string Id, CancellationTokenSource Cancel);

            // Completions deeper than the item's own members are not looked for.
            public sealed record Batch(IReadOnlyList<TaskCompletionSource> Waiters, KillRequest[] Requests);

            public sealed record Wrapper(KillRequest Inner);

            public sealed class KillRequest
            {
                public TaskCompletionSource? Completion { get; init; }
            }

            public sealed class Shared
            {
                // Static state is not the item's.
                public static TaskCompletionSource Ready { get; } = new();
                public static Action? OnAny;
                public int Value;
            }

            public static class Channels
            {
                private static BoundedChannelOptions DropOldest() => new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };

                public static Channel<int> Numbers() =>
                    Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<string> Strings() =>
                    Channel.CreateBounded<string>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest });

                public static Channel<HealthStatus> Statuses() =>
                    Channel.CreateBounded<HealthStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<TelemetrySample> Samples() =>
                    Channel.CreateBounded<TelemetrySample>(new BoundedChannelOptions(500) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<(string, int)> Tuples() =>
                    Channel.CreateBounded<(string, int)>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite });

                public static Channel<Job> Jobs() =>
                    Channel.CreateBounded<Job>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<CancellationTokenSource> Sources() =>
                    Channel.CreateBounded<CancellationTokenSource>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<Task> Tasks() =>
                    Channel.CreateBounded<Task>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<Batch> Batches() =>
                    Channel.CreateBounded<Batch>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<Wrapper> Wrappers() =>
                    Channel.CreateBounded<Wrapper>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<Shared> WithStaticCompletions() =>
                    Channel.CreateBounded<Shared>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<object> Objects() =>
                    Channel.CreateBounded<object>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

                // What a type parameter stands for is not known here.
                public static Channel<T> Generic<T>() =>
                    Channel.CreateBounded<T>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });
            }
            """);
    }

    [Fact]
    public Task A_drop_mode_with_an_itemDropped_callback_is_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed record WorkItem(string Name, Func<Task> Run);

            public static class Channels
            {
                public static Channel<TaskCompletionSource<int>> Lambda() =>
                    Channel.CreateBounded<TaskCompletionSource<int>>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.TrySetCanceled());

                public static Channel<TaskCompletionSource<int>> MethodGroup() =>
                    Channel.CreateBounded<TaskCompletionSource<int>>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest }, OnDropped);

                public static Channel<WorkItem> Named(Action<WorkItem> onDropped)
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite };
                    return Channel.CreateBounded(options, itemDropped: onDropped);
                }

                private static void OnDropped(TaskCompletionSource<int> item) => item.TrySetException(new InvalidOperationException("dropped"));
            }
            """);
    }

    [Fact]
    public Task Channels_that_wait_when_full_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public static class Channels
            {
                public static Channel<TaskCompletionSource> Capacity() => Channel.CreateBounded<TaskCompletionSource>(10);

                public static Channel<TaskCompletionSource> DefaultMode() => Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(10));

                public static Channel<TaskCompletionSource> ExplicitWait() =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait });

                public static Channel<TaskCompletionSource> SetBackToWait()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    options.FullMode = BoundedChannelFullMode.Wait;
                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Channel<TaskCompletionSource> ChangedAfterTheCall(out BoundedChannelOptions used)
                {
                    var options = new BoundedChannelOptions(10);
                    Channel<TaskCompletionSource> channel = Channel.CreateBounded<TaskCompletionSource>(options);
                    options.FullMode = BoundedChannelFullMode.DropOldest;
                    used = options;
                    return channel;
                }

                public static Channel<TaskCompletionSource> Unbounded() => Channel.CreateUnbounded<TaskCompletionSource>();
            }
            """);
    }

    [Fact]
    public Task Options_whose_full_mode_cannot_be_read_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public static class Channels
            {
                private static readonly BoundedChannelOptions SharedOptions = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };

                public static Channel<TaskCompletionSource> FromField() => Channel.CreateBounded<TaskCompletionSource>(SharedOptions);

                public static Channel<TaskCompletionSource> FromParameter(BoundedChannelOptions options) => Channel.CreateBounded<TaskCompletionSource>(options);

                public static Channel<TaskCompletionSource> ModeFromParameter(BoundedChannelFullMode mode) =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(10) { FullMode = mode });

                public static Channel<TaskCompletionSource> FromMethod()
                {
                    var options = Create();
                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Channel<TaskCompletionSource> SetConditionally(bool wait)
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    if (wait)
                    {
                        options.FullMode = BoundedChannelFullMode.Wait;
                    }

                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Channel<TaskCompletionSource> PassedByReference()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    Configure(ref options);
                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Channel<TaskCompletionSource> ReplacedByDeconstruction()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    int count;
                    (options, count) = (Create(), 1);
                    Console.WriteLine(count);
                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Func<Channel<TaskCompletionSource>> CapturedByALambda()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    Func<Channel<TaskCompletionSource>> create = () => Channel.CreateBounded<TaskCompletionSource>(options);
                    options = Create();
                    return create;
                }

                private static BoundedChannelOptions Create() => new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };

                private static void Configure(ref BoundedChannelOptions options) => options = new BoundedChannelOptions(1);
            }
            """);
    }

    [Fact]
    public async Task The_full_mode_and_a_capacity_certain_at_the_call_are_passed_to_the_code_fix()
    {
        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(Usings + """
            public static class Channels
            {
                public static Channel<TaskCompletionSource> Constructor() =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<TaskCompletionSource> Initializer() =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(100) { Capacity = 7, FullMode = BoundedChannelFullMode.DropNewest });

                public static Channel<TaskCompletionSource> AssignedLater()
                {
                    var options = new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropWrite };
                    options.Capacity = 8;
                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Channel<TaskCompletionSource> NotAConstant(int size) =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(size) { FullMode = BoundedChannelFullMode.DropOldest });

                public static Channel<TaskCompletionSource> ChangedInANestedStatement(bool small)
                {
                    var options = new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropNewest };
                    if (small)
                    {
                        options.Capacity = 10;
                    }

                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }

                public static Channel<TaskCompletionSource> ChangedInAnEnclosingBlock(bool small)
                {
                    var options = new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropWrite };
                    if (small)
                    {
                        options.Capacity *= 2;
                        return Channel.CreateBounded<TaskCompletionSource>(options);
                    }

                    return Channel.CreateBounded<TaskCompletionSource>(1);
                }

                public static Channel<TaskCompletionSource> Incremented()
                {
                    var options = new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest };
                    options.Capacity++;
                    return Channel.CreateBounded<TaskCompletionSource>(options);
                }
            }
            """);

        Assert.Equal(
            [("DropOldest", "100"), ("DropNewest", "7"), ("DropWrite", "8"), ("DropOldest", null), ("DropNewest", null), ("DropWrite", null), ("DropOldest", null)],
            result.BoundsDiagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => (d.Properties[ChannelDropProperties.FullMode], d.Properties.TryGetValue(ChannelDropProperties.Capacity, out string? capacity) ? capacity : null)));
    }

    public static TheoryData<string> HalfWrittenSources { get; } = new()
    {
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode. }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, ); }",
        "public static class C { public static object M() => Channel.CreateBounded(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions( { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = 2 }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new Missing(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, 42); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(",
        "public static class C { public static object M() { var o = new BoundedChannelOptions(; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { var o = ; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { o.FullMode = BoundedChannelFullMode.DropOldest; var o = new BoundedChannelOptions(1); return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { var o = new BoundedChannelOptions(1); o.FullMode = ; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { var o = new BoundedChannelOptions(1), p = o; o. = BoundedChannelFullMode.DropOldest; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { return Channel.CreateBounded<int>(o); var o = new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }; } }",
        "public static class C { public static object M() => Channel.CreateBounded<Missing>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public sealed record R(Missing M, TaskCompletionSource<Missing> T); public static class C { public static object M() => Channel.CreateBounded<R>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public sealed class R : Missing { public Func<> F; } public static class C { public static object M() => Channel.CreateBounded<R>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<(string, )>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<(Missing, TaskCompletionSource<>)>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<TaskCompletionSource<int, int>>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public struct S { public S? Self; public Action A; } public static class C { public static object M() => Channel.CreateBounded<S?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
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

    private static DiagnosticResult Reported(int location, string mode, string item, string carries, string consequence)
    {
        return Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(location).WithArguments(mode, item, carries, consequence);
    }
}
