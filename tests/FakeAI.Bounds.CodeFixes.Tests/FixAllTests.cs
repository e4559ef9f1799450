using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>
/// Fix All in document, project and solution scope, each in one pass (one iteration), with the action's equivalence
/// key, over two members of one class and two classes in two files.
/// </summary>
public sealed class FixAllTests
{
    private const string ErrorTracker = """
        using System.Collections.Generic;

        public sealed class ErrorTracker
        {
            private readonly List<string> {|BND001:_errors|} = new();
            private readonly Dictionary<string, int> {|BND001:_countsByEndpoint|} = new();

            public void Record(string endpoint, string error)
            {
                _errors.Add(error);
                _countsByEndpoint[endpoint] = _countsByEndpoint.TryGetValue(endpoint, out int count) ? count + 1 : 1;
            }
        }
        """;

    private const string CostTotalsTracker = """
        using System.Collections.Generic;

        namespace App.Costs;

        public class CostTotalsTracker
        {
            private readonly HashSet<string> {|BND001:_users|} = new();

            public void Record(string user) => _users.Add(user);
        }
        """;

    [Fact]
    public async Task Bound_two_members_of_one_class_and_a_class_in_another_file()
    {
        var test = new BoundsCodeFixTest<BoundWithGeneratedTypeCodeFixProvider>
        {
            CodeActionEquivalenceKey = BoundWithGeneratedTypeCodeFixProvider.EquivalenceKey,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("/0/ErrorTracker.cs", ErrorTracker));
        test.TestState.Sources.Add(("/0/CostTotalsTracker.cs", CostTotalsTracker));
        test.FixedState.Sources.Add(("/0/ErrorTracker.cs", """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ErrorTracker
            {
                private readonly ErrorsQueue _errors = new();
                private readonly CountsByEndpointMap _countsByEndpoint = new();

                public void Record(string endpoint, string error)
                {
                    _errors.Add(error);
                    _countsByEndpoint[endpoint] = _countsByEndpoint.TryGetValue(endpoint, out int count) ? count + 1 : 1;
                }

                [Bounded(MaxLength = 1000)]
                private sealed partial class ErrorsQueue : IBoundedQueue<string>;

                [Bounded(MaxLength = 1000)]
                private sealed partial class CountsByEndpointMap : IBoundedDictionary<string, int>;
            }
            """));
        test.FixedState.Sources.Add(("/0/CostTotalsTracker.cs", """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            namespace App.Costs;

            public partial class CostTotalsTracker
            {
                private readonly UsersSet _users = new();

                public void Record(string user) => _users.Add(user);

                [Bounded(MaxLength = 1000)]
                private sealed partial class UsersSet : IBoundedSet<string>;
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Trim_two_members_of_one_class_and_a_class_in_another_file()
    {
        var test = new BoundsCodeFixTest<TrimAfterAddCodeFixProvider>
        {
            CodeActionEquivalenceKey = TrimAfterAddCodeFixProvider.EquivalenceKey,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly List<string> {|BND001:_errors|} = new();
                private readonly Queue<string> {|BND001:_warnings|} = new();

                public void Record(string error, string warning)
                {
                    _errors.Add(error);
                    _warnings.Enqueue(warning);
                }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using System.Collections.Generic;

            public sealed class EventQueueTracker
            {
                private readonly List<int> {|BND001:_events|} = new();

                public void Publish(int e) => _events.Add(e);
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private const int MaxErrors = 1000;
                private readonly List<string> _errors = new();
                private const int MaxWarnings = 1000;
                private readonly Queue<string> _warnings = new();

                public void Record(string error, string warning)
                {
                    _errors.Add(error);
                    if (_errors.Count > MaxErrors)
                    {
                        _errors.RemoveRange(0, _errors.Count - MaxErrors);
                    }
                    _warnings.Enqueue(warning);
                    while (_warnings.Count > MaxWarnings)
                    {
                        _warnings.Dequeue();
                    }
                }
            }
            """));
        // An add in an expression body is not a statement: the trim is not offered there.
        test.FixedState.Sources.Add(("/0/B.cs", """
            using System.Collections.Generic;

            public sealed class EventQueueTracker
            {
                private readonly List<int> {|BND001:_events|} = new();

                public void Publish(int e) => _events.Add(e);
            }
            """));
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task Suppress_every_member_in_two_files()
    {
        var test = new BoundsCodeFixTest<SuppressWithAllowUnboundedCodeFixProvider>
        {
            CodeActionEquivalenceKey = SuppressWithAllowUnboundedCodeFixProvider.EquivalenceKey,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("/0/ErrorTracker.cs", ErrorTracker));
        test.TestState.Sources.Add(("/0/CostTotalsTracker.cs", CostTotalsTracker));
        test.FixedState.Sources.Add(("/0/ErrorTracker.cs", """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class ErrorTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly List<string> _errors = new();
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly Dictionary<string, int> _countsByEndpoint = new();

                public void Record(string endpoint, string error)
                {
                    _errors.Add(error);
                    _countsByEndpoint[endpoint] = _countsByEndpoint.TryGetValue(endpoint, out int count) ? count + 1 : 1;
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/CostTotalsTracker.cs", """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            namespace App.Costs;

            public class CostTotalsTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly HashSet<string> _users = new();

                public void Record(string user) => _users.Add(user);
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task ItemDropped_callbacks_for_two_channels_of_one_class_and_a_channel_in_another_file()
    {
        var test = new BoundsCodeFixTest<ItemDroppedCallbackCodeFixProvider>
        {
            CodeActionEquivalenceKey = ItemDroppedCallbackCodeFixProvider.EquivalenceKey,
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("/0/Requests.cs", """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Request(string Id, TaskCompletionSource<bool> Done);

            public sealed class RequestQueues
            {
                public Channel<Request> Urgent { get; } = {|BND005:Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public Channel<Request> Bulk { get; } = {|BND005:Channel.CreateBounded<Request>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite })|};
            }
            """));
        test.TestState.Sources.Add(("/0/Replies.cs", """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            namespace App.Replies;

            public static class ReplyQueue
            {
                public static Channel<TaskCompletionSource<string>> Create(int capacity) =>
                    {|BND005:Channel.CreateBounded<TaskCompletionSource<string>>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropNewest })|};
            }
            """));
        test.FixedState.Sources.Add(("/0/Requests.cs", """
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            public sealed record Request(string Id, TaskCompletionSource<bool> Done);

            public sealed class RequestQueues
            {
                public Channel<Request> Urgent { get; } = Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 10) was full and dropped the item (BoundedChannelFullMode.DropOldest).")));

                public Channel<Request> Bulk { get; } = Channel.CreateBounded<Request>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite }, dropped => dropped.Done.TrySetException(new InvalidOperationException("The bounded channel (capacity 1000) was full and dropped the item (BoundedChannelFullMode.DropWrite).")));
            }
            """));
        test.FixedState.Sources.Add(("/0/Replies.cs", """
            using System.Threading.Channels;
            using System.Threading.Tasks;

            namespace App.Replies;

            public static class ReplyQueue
            {
                public static Channel<TaskCompletionSource<string>> Create(int capacity) =>
                    Channel.CreateBounded<TaskCompletionSource<string>>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropNewest }, dropped => dropped.TrySetException(new System.InvalidOperationException("The bounded channel was full and dropped the item (BoundedChannelFullMode.DropNewest).")));
            }
            """));
        await test.RunAsync();
    }
}
