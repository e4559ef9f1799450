using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.ItemDroppedCallbackCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>
/// The itemDropped callback BND005's fix passes, shape by shape. Each test also compiles the fixed code (no warning, no
/// error), checks that no diagnostic is left, and runs Fix All in every scope.
/// </summary>
public sealed class ItemDroppedCallbackTests
{
    [Fact]
    public async Task Inline_options_get_a_callback_that_fails_the_completion_source_with_the_capacity_and_mode()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record KillRequest(string Silo, TaskCompletionSource<bool> Completion);

            public static class KillRequests
            {
                public static Channel<KillRequest> Create() =>
                    {|BND005:Channel.CreateBounded<KillRequest>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record KillRequest(string Silo, TaskCompletionSource<bool> Completion);

            public static class KillRequests
            {
                public static Channel<KillRequest> Create() =>
                    Channel.CreateBounded<KillRequest>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Completion.TrySetException(new InvalidOperationException("The bounded channel (capacity 100) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """);
    }

    [Fact]
    public async Task Arguments_on_lines_of_their_own_get_the_callback_on_a_line_of_its_own_and_the_exception_is_qualified_without_using_System()
    {
        await VerifyFix.FixAsync(
            """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed class Lookup
            {
                public string Key { get; init; } = "";

                public TaskCompletionSource<string> Reply { get; } = new();
            }

            public static class Lookups
            {
                public static Channel<Lookup> Create()
                {
                    return {|BND005:Channel.CreateBounded<Lookup>(
                        new BoundedChannelOptions(capacity: 8)
                        {
                            SingleReader = true,
                            FullMode = BoundedChannelFullMode.DropNewest,
                        })|};
                }
            }
            """,
            """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed class Lookup
            {
                public string Key { get; init; } = "";

                public TaskCompletionSource<string> Reply { get; } = new();
            }

            public static class Lookups
            {
                public static Channel<Lookup> Create()
                {
                    return Channel.CreateBounded<Lookup>(
                        new BoundedChannelOptions(capacity: 8)
                        {
                            SingleReader = true,
                            FullMode = BoundedChannelFullMode.DropNewest,
                        },
                        dropped => dropped.Reply.TrySetException(new System.InvalidOperationException("The bounded channel (capacity 8) was full and dropped the item (BoundedChannelFullMode.DropNewest).")));
                }
            }
            """);
    }

    [Fact]
    public async Task A_closing_parenthesis_on_its_own_line_stays_there()
    {
        await VerifyFix.FixAsync(
            """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Acks
            {
                public static Channel<TaskCompletionSource> Create() => {|BND005:Channel.CreateBounded<TaskCompletionSource>(
                    new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropWrite } // four in flight
                )|};
            }
            """,
            """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Acks
            {
                public static Channel<TaskCompletionSource> Create() => Channel.CreateBounded<TaskCompletionSource>(
                    new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropWrite },
                    dropped => dropped.TrySetException(new System.InvalidOperationException("The bounded channel (capacity 4) was full and dropped the item (BoundedChannelFullMode.DropWrite).")) // four in flight
                );
            }
            """);
    }

    [Fact]
    public async Task Options_in_a_local_give_the_capacity_and_mode_they_hold_at_the_call()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource<int>> Create()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait };
                    options.Capacity = 50;
                    options.FullMode = BoundedChannelFullMode.DropNewest;
                    return {|BND005:Channel.CreateBounded<TaskCompletionSource<int>>(options)|};
                }
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource<int>> Create()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait };
                    options.Capacity = 50;
                    options.FullMode = BoundedChannelFullMode.DropNewest;
                    return Channel.CreateBounded<TaskCompletionSource<int>>(options, dropped => dropped.TrySetException(new InvalidOperationException("The bounded channel (capacity 50) was full and dropped the item (BoundedChannelFullMode.DropNewest).")));
                }
            }
            """);
    }

    [Fact]
    public async Task A_capacity_that_is_not_a_constant_or_not_certain_at_the_call_is_left_out_of_the_message()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource> FromParameter(int size) =>
                    {|BND005:Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(size) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<TaskCompletionSource> SetConditionally(bool small)
                {
                    var options = new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest };
                    if (small)
                    {
                        options.Capacity = 10;
                    }

                    return {|BND005:Channel.CreateBounded<TaskCompletionSource>(options)|};
                }
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource> FromParameter(int size) =>
                    Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(size) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.TrySetException(new InvalidOperationException("The bounded channel was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<TaskCompletionSource> SetConditionally(bool small)
                {
                    var options = new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest };
                    if (small)
                    {
                        options.Capacity = 10;
                    }

                    return Channel.CreateBounded<TaskCompletionSource>(options, dropped => dropped.TrySetException(new InvalidOperationException("The bounded channel was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
                }
            }
            """);
    }

    [Fact]
    public async Task A_null_callback_is_replaced_where_it_stands_positional_or_named()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Request(string Id, TaskCompletionSource<bool> Done);

            public static class Requests
            {
                public static Channel<Request> Positional() =>
                    {|BND005:Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest }, null)|};

                public static Channel<Request> Named() =>
                    {|BND005:Channel.CreateBounded<Request>(itemDropped: null, options: new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite })|};

                public static Channel<Request> Default() =>
                    {|BND005:Channel.CreateBounded<Request>(new(10) { FullMode = BoundedChannelFullMode.DropOldest }, (Action<Request>?)default)|};
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Request(string Id, TaskCompletionSource<bool> Done);

            public static class Requests
            {
                public static Channel<Request> Positional() =>
                    Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest }, dropped => dropped.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 10) was full and dropped the item (BoundedChannelFullMode.DropNewest).")));

                public static Channel<Request> Named() =>
                    Channel.CreateBounded<Request>(itemDropped: dropped => dropped.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 10) was full and dropped the item (BoundedChannelFullMode.DropWrite).")), options: new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite });

                public static Channel<Request> Default() =>
                    Channel.CreateBounded<Request>(new(10) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 10) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """);
    }

    [Fact]
    public async Task Named_options_get_a_named_callback()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource> Create() =>
                    {|BND005:Channel.CreateBounded<TaskCompletionSource>(options: new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource> Create() =>
                    Channel.CreateBounded<TaskCompletionSource>(options: new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest }, itemDropped: dropped => dropped.TrySetException(new InvalidOperationException("The bounded channel (capacity 2) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """);
    }

    [Fact]
    public async Task Members_and_items_declared_nullable_are_completed_through_conditional_access()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed class KillRequest
            {
                public string Silo { get; init; } = "";

                public TaskCompletionSource? Completion { get; init; }
            }

            public sealed record Reply(TaskCompletionSource<string> Done);

            public struct Pending
            {
                public int Id;
                public TaskCompletionSource Done;
            }

            public static class Channels
            {
                public static Channel<KillRequest> NullableMember() =>
                    {|BND005:Channel.CreateBounded<KillRequest>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Reply?> NullableItem() =>
                    {|BND005:Channel.CreateBounded<Reply?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Pending?> NullableStruct() =>
                    {|BND005:Channel.CreateBounded<Pending?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed class KillRequest
            {
                public string Silo { get; init; } = "";

                public TaskCompletionSource? Completion { get; init; }
            }

            public sealed record Reply(TaskCompletionSource<string> Done);

            public struct Pending
            {
                public int Id;
                public TaskCompletionSource Done;
            }

            public static class Channels
            {
                public static Channel<KillRequest> NullableMember() =>
                    Channel.CreateBounded<KillRequest>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Completion?.TrySetException(new InvalidOperationException("The bounded channel (capacity 1) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<Reply?> NullableItem() =>
                    Channel.CreateBounded<Reply?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped?.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 1) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<Pending?> NullableStruct() =>
                    Channel.CreateBounded<Pending?>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped?.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 1) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """);
    }

    [Fact]
    public async Task Tuple_elements_inherited_members_and_derived_completion_sources_are_completed()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public class Envelope
            {
                public TaskCompletionSource<bool> Acknowledged { get; } = new();
            }

            public sealed class OrderEnvelope : Envelope
            {
                public int OrderId { get; init; }
            }

            public sealed class Acknowledgement : TaskCompletionSource<bool>;

            public static class Channels
            {
                public static Channel<(string, TaskCompletionSource)> Tuple() =>
                    {|BND005:Channel.CreateBounded<(string, TaskCompletionSource)>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<(string Key, TaskCompletionSource<bool> Written)> NamedTuple() =>
                    {|BND005:Channel.CreateBounded<(string Key, TaskCompletionSource<bool> Written)>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<OrderEnvelope> Inherited() =>
                    {|BND005:Channel.CreateBounded<OrderEnvelope>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Acknowledgement> Derived() =>
                    {|BND005:Channel.CreateBounded<Acknowledgement>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public class Envelope
            {
                public TaskCompletionSource<bool> Acknowledged { get; } = new();
            }

            public sealed class OrderEnvelope : Envelope
            {
                public int OrderId { get; init; }
            }

            public sealed class Acknowledgement : TaskCompletionSource<bool>;

            public static class Channels
            {
                public static Channel<(string, TaskCompletionSource)> Tuple() =>
                    Channel.CreateBounded<(string, TaskCompletionSource)>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Item2.TrySetException(new InvalidOperationException("The bounded channel (capacity 3) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<(string Key, TaskCompletionSource<bool> Written)> NamedTuple() =>
                    Channel.CreateBounded<(string Key, TaskCompletionSource<bool> Written)>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Written.TrySetException(new InvalidOperationException("The bounded channel (capacity 3) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<OrderEnvelope> Inherited() =>
                    Channel.CreateBounded<OrderEnvelope>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Acknowledged.TrySetException(new InvalidOperationException("The bounded channel (capacity 3) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<Acknowledgement> Derived() =>
                    Channel.CreateBounded<Acknowledgement>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.TrySetException(new InvalidOperationException("The bounded channel (capacity 3) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """);
    }

    [Fact]
    public async Task A_callback_that_takes_an_exception_is_called_with_the_error()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;

            public delegate void Failed(Exception error);

            public sealed class Upload
            {
                public string Path = "";
                public Action<Exception>? OnFailed;
            }

            public sealed record Job(string Name, Failed Fail);

            public static class Channels
            {
                public static Channel<Upload> NullableField() =>
                    {|BND005:Channel.CreateBounded<Upload>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Job> CustomDelegate() =>
                    {|BND005:Channel.CreateBounded<Job>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<Action<Exception>> Itself() =>
                    {|BND005:Channel.CreateBounded<Action<Exception>>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            """
            using System;
            using System.Threading.Channels;

            public delegate void Failed(Exception error);

            public sealed class Upload
            {
                public string Path = "";
                public Action<Exception>? OnFailed;
            }

            public sealed record Job(string Name, Failed Fail);

            public static class Channels
            {
                public static Channel<Upload> NullableField() =>
                    Channel.CreateBounded<Upload>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.OnFailed?.Invoke(new InvalidOperationException("The bounded channel (capacity 5) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<Job> CustomDelegate() =>
                    Channel.CreateBounded<Job>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Fail(new InvalidOperationException("The bounded channel (capacity 5) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public static Channel<Action<Exception>> Itself() =>
                    Channel.CreateBounded<Action<Exception>>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped(new InvalidOperationException("The bounded channel (capacity 5) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
            }
            """);
    }

    [Fact]
    public async Task An_item_that_carries_several_completions_gets_a_callback_that_fails_each_with_its_own_exception()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Command(string Name, TaskCompletionSource Accepted, TaskCompletionSource<int> Completed);

            public static class Commands
            {
                public static Channel<Command> Create()
                {
                    return {|BND005:Channel.CreateBounded<Command>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest })|};
                }
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Command(string Name, TaskCompletionSource Accepted, TaskCompletionSource<int> Completed);

            public static class Commands
            {
                public static Channel<Command> Create()
                {
                    return Channel.CreateBounded<Command>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest }, dropped =>
                    {
                        dropped.Accepted.TrySetException(new InvalidOperationException("The bounded channel (capacity 16) was full and dropped the item (BoundedChannelFullMode.DropOldest)."));
                        dropped.Completed.TrySetException(new InvalidOperationException("The bounded channel (capacity 16) was full and dropped the item (BoundedChannelFullMode.DropOldest)."));
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task The_parameter_is_renamed_when_a_local_or_parameter_in_scope_is_called_dropped()
    {
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource> Create(int dropped)
                {
                    Console.WriteLine(dropped);
                    return {|BND005:Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest })|};
                }
            }
            """,
            """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public static class Replies
            {
                public static Channel<TaskCompletionSource> Create(int dropped)
                {
                    Console.WriteLine(dropped);
                    return Channel.CreateBounded<TaskCompletionSource>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, dropped2 => dropped2.TrySetException(new InvalidOperationException("The bounded channel (capacity 1) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));
                }
            }
            """);
    }
}
