using System.Threading.Tasks;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.BoundWithGeneratedTypeCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>Members some use of which would not compile, or would mean something else, against the bounded interface.</summary>
public sealed class BoundWithGeneratedTypeNotOfferedTests
{
    [Theory]
    [InlineData("_items.Sort();", "BND001")]
    [InlineData("_items.Insert(0, item);", "BND001")]
    [InlineData("_items[0] = item;", "BND001")]
    [InlineData("_ = _items.IndexOf(item);", "BND001")]
    [InlineData("_items.AddRange(new[] { item });", "BND001")]
    [InlineData("_ = _items.Contains(item);", "BND001")]
    [InlineData("var copy = _items; copy.Add(item);", "BND001")]
    [InlineData("_ = _items.Capacity = 10;", "BND001")]
    public async Task List_with_a_use_the_bounded_queue_lacks(string use, string id)
    {
        await VerifyFix.NotOfferedAsync(
            $$"""
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> {|{{id}}:_items|} = new();

                public void Record(int item)
                {
                    _items.Add(item);
                    {{use}}
                }
            }
            """);
    }

    [Theory]
    [InlineData("_ = _queue.Peek();", "BND001")]
    [InlineData("_ = _queue.Contains(item);", "BND001")]
    public async Task Queue_with_a_use_the_bounded_queue_lacks(string use, string id)
    {
        await VerifyFix.NotOfferedAsync(
            $$"""
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly Queue<int> {|{{id}}:_queue|} = new();

                public void Record(int item)
                {
                    _queue.Enqueue(item);
                    {{use}}
                }
            }
            """);
    }

    [Fact]
    public async Task Queue_read_with_Dequeue_which_throws_when_empty()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class JobTracker
            {
                private readonly Queue<int> {|BND002:_jobs|} = new();

                public void Submit(int job) => _jobs.Enqueue(job);

                public int Next() => _jobs.Dequeue();
            }
            """);
    }

    [Fact]
    public async Task List_passed_where_a_List_is_expected()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            [BoundedTracker]
            public sealed partial class {|BND108:ItemTracker|}
            {
                private readonly List<int> {|BND001:_items|} = new();

                public void Record(int item)
                {
                    _items.Add(item);
                    Report(_items);
                }

                private static void Report(List<int> items) => System.Console.WriteLine(items.Count);
            }
            """);
    }

    [Fact]
    public async Task Dictionary_filled_with_Add_which_throws_on_a_duplicate_key()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class KeyTracker
            {
                private readonly Dictionary<string, int> {|BND001:_counts|} = new();

                public void Record(string key) => _counts.Add(key, 1);
            }
            """);
    }

    [Fact]
    public async Task SortedDictionary_that_is_enumerated_in_key_order()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class PriceTracker
            {
                private readonly SortedDictionary<int, string> {|BND001:_byPrice|} = new();

                public void Record(int price, string item) => _byPrice[price] = item;

                public string Cheapest()
                {
                    foreach (KeyValuePair<int, string> pair in _byPrice)
                    {
                        return pair.Value;
                    }

                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task Stack_has_no_bounded_equivalent()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class UndoTracker
            {
                private readonly Stack<string> {|BND001:_undo|} = new();

                public void Record(string action) => _undo.Push(action);
            }
            """);
    }

    [Theory]
    [InlineData("new List<int>(Seed())")]
    [InlineData("new List<int> { Capacity = 10 }")]
    [InlineData("[.. Seed()]")]
    [InlineData("Seed()")]
    public async Task Created_from_something_else_than_a_plain_new(string creation)
    {
        await VerifyFix.NotOfferedAsync(
            $$"""
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> {|BND001:_items|} = {{creation}};

                public void Record(int item) => _items.Add(item);

                private static List<int> Seed() => new List<int> { 1 };
            }
            """);
    }

    [Fact]
    public async Task Dictionary_initialized_with_Add_elements()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class KeyTracker
            {
                private readonly Dictionary<string, int> {|BND001:_counts|} = new() { { "a", 1 } };

                public void Record(string key) => _counts[key] = 1;
            }
            """);
    }

    [Fact]
    public async Task Positional_property_of_a_record()
    {
        // Its type is the parameter's: retyping it would change the record's constructor and deconstruction.
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed record ItemTracker(List<int> {|BND001:Items|})
            {
                public void Record(int item) => Items.Add(item);
            }
            """);
    }

    [Fact]
    public async Task Member_of_a_file_local_class()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            file sealed class ItemTracker
            {
                private readonly List<int> {|BND001:_items|} = new();

                public void Record(int item) => _items.Add(item);
            }
            """);
    }
}
