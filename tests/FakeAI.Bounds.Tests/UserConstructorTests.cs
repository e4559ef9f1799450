using Xunit;

namespace FakeAI.Bounds.Tests;

[Bounded(MaxLength = 3)]
public sealed partial class NamedQueue : IBoundedQueue<string>
{
    // Deliberately does not chain to a generated constructor.
    public NamedQueue(string name)
    {
        Name = name;
    }

    public string Name { get; } = "";
}

/// <summary>A constructor the user writes without chaining to a generated one still yields a working queue.</summary>
public class UserConstructorTests
{
    [Fact]
    public void A_queue_built_by_a_user_constructor_holds_up_to_MaxLength_items()
    {
        var queue = new NamedQueue("errors");

        for (int i = 0; i < 5; i++)
        {
            queue.Add("e" + i);
        }

        Assert.Equal("errors", queue.Name);
        Assert.Equal(NamedQueue.DeclaredMaxLength, queue.Capacity);
        Assert.Equal(["e2", "e3", "e4"], queue.ToArray());
        Assert.Equal(2, queue.Evicted);
    }
}
