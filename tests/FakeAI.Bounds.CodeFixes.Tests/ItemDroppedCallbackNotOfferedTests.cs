using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.ItemDroppedCallbackCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>Where BND005's fix would have to guess what ends a dropped item's wait, or could not compile, it is not offered.</summary>
public sealed class ItemDroppedCallbackNotOfferedTests
{
    [Fact]
    public async Task Value_task_sources_which_only_their_owner_can_complete_for_the_right_operation()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks.Sources;

            public sealed class PooledRead
            {
                public int Offset;
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
                public IValueTaskSource<int>? Source { get; init; }
            }

            public static class Channels
            {
                public static Channel<PooledRead> Core() =>
                    {|BND005:Channel.CreateBounded<PooledRead>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Operation> Itself() =>
                    {|BND005:Channel.CreateBounded<Operation>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Read> Property() =>
                    {|BND005:Channel.CreateBounded<Read>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """);
    }

    [Fact]
    public async Task Delegates_that_are_work_or_replies_rather_than_an_error_callback()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record WorkItem(string Name, Func<Task> Run);

            public sealed class Query
            {
                public string Text = "";
                public Action<string>? OnReply;
            }

            public sealed record AsyncFailure(Func<Exception, Task> OnFailed);

            public static class Channels
            {
                public static Channel<WorkItem> Work() =>
                    {|BND005:Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest })|};

                public static Channel<Query> Reply() =>
                    {|BND005:Channel.CreateBounded<Query>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite })|};

                public static Channel<Action> Itself() =>
                    {|BND005:Channel.CreateBounded<Action>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<AsyncFailure> ErrorCallbackThatReturnsATask() =>
                    {|BND005:Channel.CreateBounded<AsyncFailure>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """);
    }

    [Fact]
    public async Task An_item_that_also_carries_a_part_the_fix_cannot_complete()
    {
        // Failing the completion alone would leave the work item's caller to wonder why it never ran.
        await VerifyFix.NotOfferedAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Job(TaskCompletionSource Done, Func<Task> Run);

            public static class Channels
            {
                public static Channel<Job> Jobs() =>
                    {|BND005:Channel.CreateBounded<Job>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """);
    }

    [Fact]
    public async Task Members_the_call_site_cannot_read()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed class Request
            {
                private readonly TaskCompletionSource _done = new();

                public Task Done => _done.Task;
            }

            public sealed class Reply
            {
                public TaskCompletionSource<int> Completion { private get; init; } = new();
            }

            public class Envelope
            {
                public TaskCompletionSource Done { get; } = new();
            }

            // 'dropped.Done' reads this string, not the completion source it hides.
            public sealed class Renamed : Envelope
            {
                public new string Done { get; } = "";
            }

            public static class Channels
            {
                public static Channel<Request> PrivateField() =>
                    {|BND005:Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Reply> PrivateGetter() =>
                    {|BND005:Channel.CreateBounded<Reply>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Renamed> Hidden() =>
                    {|BND005:Channel.CreateBounded<Renamed>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """);
    }

    [Fact]
    public async Task A_call_that_infers_its_item_type_from_the_null_callback()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Channels
            {
                public static Channel<TaskCompletionSource> Inferred() =>
                    {|BND005:Channel.CreateBounded(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest }, (Action<TaskCompletionSource>?)null)|};
            }
            """);
    }

    /// <summary>A System.Threading.Channels before 6.0: <c>CreateBounded</c> without the <c>itemDropped</c> overload.</summary>
    private const string ChannelsBefore6 = """
        namespace System.Threading.Channels
        {
            public enum BoundedChannelFullMode
            {
                Wait,
                DropNewest,
                DropOldest,
                DropWrite,
            }

            public sealed class BoundedChannelOptions
            {
                public BoundedChannelOptions(int capacity) => Capacity = capacity;

                public int Capacity { get; set; }

                public BoundedChannelFullMode FullMode { get; set; }
            }

            public abstract class Channel<T>
            {
            }

            public static class Channel
            {
                public static Channel<T> CreateBounded<T>(int capacity) => throw new NotSupportedException(capacity.ToString());

                public static Channel<T> CreateBounded<T>(BoundedChannelOptions options) => throw new NotSupportedException(options.Capacity.ToString());
            /*ITEM_DROPPED*/}
        }
        """;

    private const string ItemDroppedOverload = """

                public static Channel<T> CreateBounded<T>(BoundedChannelOptions options, Action<T>? itemDropped) => throw new NotSupportedException(options.Capacity.ToString() + itemDropped);
            """;

    private const string Acknowledgements = """
        using System.Threading.Channels;
        using System.Threading.Tasks;

        public static class Acknowledgements
        {
            public static Channel<TaskCompletionSource> Create() =>
                {|BND005:Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};
        }
        """;

    [Fact]
    public async Task A_channels_library_without_the_itemDropped_overload()
    {
        var test = new BoundsCodeFixTest<ItemDroppedCallbackCodeFixProvider>();
        WithChannelsLibrary(test, ChannelsBefore6.Replace("/*ITEM_DROPPED*/", ""));
        test.TestState.Sources.Add(("/0/Acknowledgements.cs", Acknowledgements));
        test.FixedState.Sources.Add(("/0/Acknowledgements.cs", Acknowledgements));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_same_library_with_the_overload_gets_the_fix()
    {
        // The control for the test above: only the overload differs.
        var test = new BoundsCodeFixTest<ItemDroppedCallbackCodeFixProvider>();
        WithChannelsLibrary(test, ChannelsBefore6.Replace("/*ITEM_DROPPED*/", ItemDroppedOverload));
        test.TestState.Sources.Add(("/0/Acknowledgements.cs", Acknowledgements));
        test.FixedState.Sources.Add(("/0/Acknowledgements.cs", """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Acknowledgements
            {
                public static Channel<TaskCompletionSource> Create() =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.TrySetException(new System.InvalidOperationException("The bounded channel (capacity 10) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """));
        await test.RunAsync();
    }

    // The framework's own System.Threading.Channels is taken out, and the library's API is declared in source instead.
    private static void WithChannelsLibrary(BoundsCodeFixTest<ItemDroppedCallbackCodeFixProvider> test, string library)
    {
        MetadataReference channels = test.TestState.AdditionalReferences.Single(reference => reference.Display?.Contains("System.Threading.Channels", System.StringComparison.Ordinal) == true);
        test.TestState.AdditionalReferences.Remove(channels);
        test.TestState.Sources.Add(("/0/ChannelsLibrary.cs", library));
        test.FixedState.Sources.Add(("/0/ChannelsLibrary.cs", library));
    }
}
