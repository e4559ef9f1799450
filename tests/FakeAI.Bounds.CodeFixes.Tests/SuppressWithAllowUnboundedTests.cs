using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.SuppressWithAllowUnboundedCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

public sealed class SuppressWithAllowUnboundedTests
{
    [Fact]
    public async Task Field_of_a_tracker_gets_the_attribute_and_the_using()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly List<string> {|BND001:_errors|} = new();

                public void Record(string error) => _errors.Add(error);
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class ErrorTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly List<string> _errors = new();

                public void Record(string error) => _errors.Add(error);
            }
            """);
    }
}

public sealed class SuppressWithAllowUnboundedMoreTests
{
    [Fact]
    public async Task Property_with_attributes_and_a_doc_comment_gets_the_attribute_last()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            namespace App;

            public sealed class ModelTracker
            {
                /// <summary>One limit per configured model.</summary>
                [System.ComponentModel.Description("Limits per model")]
                public Dictionary<string, int> {|BND001:Limits|} { get; } = new();

                public void Configure(string model, int limit) => Limits[model] = limit;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            namespace App;

            public sealed class ModelTracker
            {
                /// <summary>One limit per configured model.</summary>
                [System.ComponentModel.Description("Limits per model")]
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                public Dictionary<string, int> Limits { get; } = new();

                public void Configure(string model, int limit) => Limits[model] = limit;
            }
            """);
    }

    [Fact]
    public async Task Only_the_reported_variable_of_a_field_declaration_is_suppressed()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> _seen = new(), {|BND001:_items|} = new();

                public void Record(int item) => _items.Add(item);

                public int Seen => _seen.Count;
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class ItemTracker
            {
                private readonly List<int> _seen = new();
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly List<int> _items = new();

                public void Record(int item) => _items.Add(item);

                public int Seen => _seen.Count;
            }
            """);
    }

    [Fact]
    public async Task Every_reported_variable_of_a_field_declaration_gets_its_own_declaration()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> {|BND001:_items|} = new(), {|BND001:_others|} = new();

                public void Record(int item)
                {
                    _items.Add(item);
                    _others.Add(item);
                }
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class ItemTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly List<int> _items = new();
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly List<int> _others = new();

                public void Record(int item)
                {
                    _items.Add(item);
                    _others.Add(item);
                }
            }
            """);
    }

    [Fact]
    public async Task Unbounded_channel_assigned_in_the_constructor()
    {
        await VerifyFix.FixAsync(
            """
            using System.Threading.Channels;

            public sealed class EventQueueTracker
            {
                private readonly Channel<int> _events;

                public EventQueueTracker()
                {
                    _events = {|BND004:Channel.CreateUnbounded<int>()|};
                }

                public bool Publish(int e) => _events.Writer.TryWrite(e);
            }
            """,
            """
            using System.Threading.Channels;
            using FakeAI.Bounds;

            public sealed class EventQueueTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly Channel<int> _events;

                public EventQueueTracker()
                {
                    _events = Channel.CreateUnbounded<int>();
                }

                public bool Publish(int e) => _events.Writer.TryWrite(e);
            }
            """);
    }

    [Fact]
    public async Task Element_state_member()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class StreamState
            {
                public List<long> {|BND006:TokenTimes|} { get; } = new();

                public void Token(long time) => TokenTimes.Add(time);
            }

            public sealed class StreamTracker
            {
                [AllowUnbounded("one stream per open connection")]
                private readonly Dictionary<string, StreamState> _streams = new();

                public void Open(string id) => _streams[id] = new StreamState();
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class StreamState
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                public List<long> TokenTimes { get; } = new();

                public void Token(long time) => TokenTimes.Add(time);
            }

            public sealed class StreamTracker
            {
                [AllowUnbounded("one stream per open connection")]
                private readonly Dictionary<string, StreamState> _streams = new();

                public void Open(string id) => _streams[id] = new StreamState();
            }
            """);
    }

    [Fact]
    public async Task Usings_inside_the_namespace_get_the_new_one_there()
    {
        await VerifyFix.FixAsync(
            """
            namespace App
            {
                using System.Collections.Generic;

                public sealed class ErrorTracker
                {
                    private readonly List<string> {|BND001:_errors|} = new();

                    public void Record(string error) => _errors.Add(error);
                }
            }
            """,
            """
            namespace App
            {
                using System.Collections.Generic;
                using FakeAI.Bounds;

                public sealed class ErrorTracker
                {
                    [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                    private readonly List<string> _errors = new();

                    public void Record(string error) => _errors.Add(error);
                }
            }
            """);
    }
}

public sealed class SuppressWithAllowUnboundedKindsTests
{
    [Theory]
    [InlineData("Queue<string>", "_items.Enqueue(item);")]
    [InlineData("List<string>", "_items.Add(item);")]
    [InlineData("LinkedList<string>", "_items.AddLast(item);")]
    [InlineData("Stack<string>", "_items.Push(item);")]
    [InlineData("Dictionary<string, int>", "_items[item] = 1;")]
    [InlineData("HashSet<string>", "_items.Add(item);")]
    [InlineData("System.Collections.Concurrent.ConcurrentBag<string>", "_items.Add(item);")]
    public async Task Every_collection_kind_can_be_suppressed(string type, string add)
    {
        await VerifyFix.FixAsync(
            $$"""
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly {{type}} {|BND001:_items|} = new();

                public void Record(string item)
                {
                    {{add}}
                }
            }
            """,
            $$"""
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class ItemTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly {{type}} _items = new();

                public void Record(string item)
                {
                    {{add}}
                }
            }
            """);
    }
}

/// <summary>Members whose diagnostic is not on a field or property declaration of the same type declaration.</summary>
public sealed class SuppressWithAllowUnboundedDeclaredElsewhereTests
{
    [Fact]
    public async Task Positional_property_of_a_record_gets_the_attribute_for_the_property_on_its_parameter()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;
            using System.ComponentModel;

            public sealed record ErrorTracker(List<int> {|BND001:Items|}, [property: Description("names")] List<string> {|BND001:Names|})
            {
                public void Add(int i) => Items.Add(i);

                public void Add(string name) => Names.Add(name);
            }
            """,
            """
            using System.Collections.Generic;
            using System.ComponentModel;
            using FakeAI.Bounds;

            public sealed record ErrorTracker([property: AllowUnbounded("TODO: explain why this collection cannot grow without limit")] List<int> Items, [property: Description("names")] [property: AllowUnbounded("TODO: explain why this collection cannot grow without limit")] List<string> Names)
            {
                public void Add(int i) => Items.Add(i);

                public void Add(string name) => Names.Add(name);
            }
            """);
    }

    [Fact]
    public async Task Channel_assigned_to_the_backing_field_of_a_property()
    {
        await VerifyFix.FixAsync(
            """
            using System.Threading.Channels;

            public sealed class EventQueueTracker
            {
                public Channel<int> Events { get => field ??= {|BND004:Channel.CreateUnbounded<int>()|}; }
            }
            """,
            """
            using System.Threading.Channels;
            using FakeAI.Bounds;

            public sealed class EventQueueTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                public Channel<int> Events { get => field ??= Channel.CreateUnbounded<int>(); }
            }
            """);
    }

    [Fact]
    public async Task Channel_assigned_in_a_nested_class_to_a_static_field_of_the_containing_class()
    {
        await VerifyFix.FixAsync(
            """
            using System.Threading.Channels;

            public sealed class EventQueueTracker
            {
                private static Channel<int> s_events = Channel.CreateBounded<int>(10);

                public static bool Publish(int e) => s_events.Writer.TryWrite(e);

                private static class Reset
                {
                    public static void Unbounded() => s_events = {|BND004:Channel.CreateUnbounded<int>()|};

                    public static void Qualified() => EventQueueTracker.s_events = {|BND004:Channel.CreateUnbounded<int>()|};
                }
            }
            """,
            """
            using System.Threading.Channels;
            using FakeAI.Bounds;

            public sealed class EventQueueTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private static Channel<int> s_events = Channel.CreateBounded<int>(10);

                public static bool Publish(int e) => s_events.Writer.TryWrite(e);

                private static class Reset
                {
                    public static void Unbounded() => s_events = Channel.CreateUnbounded<int>();

                    public static void Qualified() => EventQueueTracker.s_events = Channel.CreateUnbounded<int>();
                }
            }
            """);
    }

    [Fact]
    public async Task Channel_assigned_in_another_part_of_a_partial_class()
    {
        var test = new BoundsCodeFixTest<SuppressWithAllowUnboundedCodeFixProvider>();
        test.TestState.Sources.Add(("/0/EventQueueTracker.cs", """
            using System.Threading.Channels;

            public sealed partial class EventQueueTracker
            {
                private readonly Channel<int> _events;

                public bool Publish(int e) => _events.Writer.TryWrite(e);
            }
            """));
        test.TestState.Sources.Add(("/0/EventQueueTracker.Setup.cs", """
            using System.Threading.Channels;

            public sealed partial class EventQueueTracker
            {
                public EventQueueTracker()
                {
                    _events = {|BND004:Channel.CreateUnbounded<int>()|};
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/EventQueueTracker.cs", """
            using System.Threading.Channels;
            using FakeAI.Bounds;

            public sealed partial class EventQueueTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly Channel<int> _events;

                public bool Publish(int e) => _events.Writer.TryWrite(e);
            }
            """));
        test.FixedState.Sources.Add(("/0/EventQueueTracker.Setup.cs", """
            using System.Threading.Channels;

            public sealed partial class EventQueueTracker
            {
                public EventQueueTracker()
                {
                    _events = Channel.CreateUnbounded<int>();
                }
            }
            """));
        await test.RunAsync();
    }
}
