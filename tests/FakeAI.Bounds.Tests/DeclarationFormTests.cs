using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace FakeAI.Bounds.Tests;

/// <summary>
/// The generated body works for every form of declaration: generic, nested (two levels, one of them internal),
/// internal with a nullable item type, and in the global namespace.
/// </summary>
public class DeclarationFormTests
{
    [Fact]
    public void A_generic_queue_of_a_value_type_behaves_like_a_deque()
    {
        var window = new Window<int>(capacity: 3);
        for (int i = 1; i <= 5; i++)
        {
            window.Add(i);
        }

        QueueAssert.Contents(window, new[] { 3, 4, 5 });
        Assert.Equal(OverflowPolicy.DropOldest, window.Overflow);
        Assert.Equal(16, window.MaxLength);
        Assert.Equal(2, window.Evicted);
        Assert.Equal(BoundedAddResult.AddedWithEviction, window.TryAdd(6, out int evicted));
        Assert.Equal(3, evicted);
    }

    [Fact]
    public void A_generic_queue_of_a_reference_type_hands_back_the_same_instances()
    {
        var window = new Window<string>();
        Assert.Equal(16, window.Capacity);
        var items = Enumerable.Range(0, 20).Select(i => new string('x', i)).ToArray();
        foreach (string item in items)
        {
            window.Add(item);
        }

        Assert.Equal(16, window.Count);
        for (int i = 0; i < 16; i++)
        {
            Assert.Same(items[i + 4], window[i]);
        }

        Assert.True(window.TryPeekNewest(out string? newest));
        Assert.Same(items[19], newest);
    }

    [Fact]
    public void A_generic_thread_safe_queue_rejects_when_full()
    {
        var window = new SharedWindow<Payload>(capacity: 2);
        var a = new Payload(1);
        var b = new Payload(2);
        var c = new Payload(3);

        Assert.True(window.TryAdd(a));
        window.Add(b);
        window.Add(c);
        Assert.False(window.TryAdd(c));
        Assert.Equal(BoundedAddResult.Rejected, window.TryAdd(c, out Payload? evicted));
        Assert.Null(evicted);

        QueueAssert.Contents(window, new[] { a, b });
        Assert.Equal(3, window.Dropped);
        Assert.Equal(OverflowPolicy.DropNewest, window.Overflow);
    }

    [Fact]
    public void A_nested_queue_works_and_names_itself_in_its_exception()
    {
        var queue = new Outer.NestedQueue();
        for (int i = 0; i < 8; i++)
        {
            queue.Add("item " + i);
        }

        var exception = Assert.Throws<BoundExceededException>(() => queue.Add("one too many"));
        Assert.Equal(8, exception.Capacity);
        Assert.Equal(8, exception.MaxLength);
        Assert.Contains("'NestedQueue' is full (MaxLength 8)", exception.Message, StringComparison.Ordinal);
        Assert.Equal("item 0", queue[0]);
        Assert.Equal(1, queue.Dropped);
    }

    [Fact]
    public void A_doubly_nested_internal_thread_safe_queue_works()
    {
        var queue = new Outer.Middle.DeeplyNestedQueue();
        for (int i = 1; i <= 6; i++)
        {
            queue.Add(i);
        }

        QueueAssert.Contents(queue, new[] { 3, 4, 5, 6 });
        Assert.Equal(2, queue.Evicted);
        Assert.Equal(new[] { 6, 5, 4, 3 }, queue.NewestFirst.ToArray());
    }

    [Fact]
    public void An_internal_queue_of_nullable_items_stores_null()
    {
        var queue = new InternalQueue(capacity: 3);
        queue.Add(null);
        queue.Add("b");
        queue.Add(null);
        queue.Add("dropped");

        QueueAssert.Contents(queue, new string?[] { null, "b", null });
        Assert.Equal(1, queue.Dropped);
        Assert.True(queue.TryDequeue(out string? first));
        Assert.Null(first);
        Assert.Equal(1, queue.RemoveWhere(item => item is null));
        QueueAssert.Contents(queue, new string?[] { "b" });
    }

    [Fact]
    public void A_queue_in_the_global_namespace_works()
    {
        var queue = new global::GlobalNamespaceQueue();
        for (long i = 1; i <= 7; i++)
        {
            queue.Add(i * 1_000_000_000_000L);
        }

        QueueAssert.Contents(queue, new[] { 3L, 4L, 5L, 6L, 7L }.Select(i => i * 1_000_000_000_000L).ToArray());
        Assert.Equal(5, queue.MaxLength);
        Assert.Equal(2, queue.Evicted);
    }

    [Fact]
    public void Every_form_is_usable_through_the_interfaces()
    {
        var collections = new IBoundedCollection[]
        {
            new Window<int>(),
            new SharedWindow<string>(),
            new Outer.NestedQueue(),
            new Outer.Middle.DeeplyNestedQueue(),
            new InternalQueue(),
            new global::GlobalNamespaceQueue(),
            new PairQueue(),
        };

        foreach (IBoundedCollection collection in collections)
        {
            Assert.Equal(collection.MaxLength, collection.Capacity);
            Assert.Equal(0, collection.Count);
            Assert.IsAssignableFrom<System.Collections.IEnumerable>(collection);
            collection.Clear();
        }

        // Add and IEnumerable make a collection initializer work too.
        IReadOnlyList<int> window = new Window<int> { 1, 2 };
        Assert.Equal(new[] { 1, 2 }, window);
    }
}
