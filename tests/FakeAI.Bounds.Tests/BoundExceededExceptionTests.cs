using Xunit;

namespace FakeAI.Bounds.Tests;

public class BoundExceededExceptionTests
{
    [Fact]
    public void Message_states_the_bound_and_the_way_out()
    {
        var exception = new BoundExceededException("ActiveStreams", capacity: 5, maxLength: 100);

        Assert.Equal(5, exception.Capacity);
        Assert.Equal(100, exception.MaxLength);
        Assert.Contains("'ActiveStreams' is full (capacity 5 of MaxLength 100)", exception.Message, System.StringComparison.Ordinal);
        Assert.Contains("TryAdd", exception.Message, System.StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.InvalidOperationException>(exception);
    }

    [Fact]
    public void Message_of_a_collection_at_its_MaxLength_names_it_once()
    {
        var exception = new BoundExceededException("ActiveStreams", capacity: 100, maxLength: 100);

        Assert.Contains("(MaxLength 100)", exception.Message, System.StringComparison.Ordinal);
    }
}
