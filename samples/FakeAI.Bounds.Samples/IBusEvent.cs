namespace FakeAI.Bounds.Samples;

/// <summary>An event published on <see cref="AsyncEventBus"/>.</summary>
public interface IBusEvent
{
    /// <summary>The event's type, such as <c>stream.started</c>; subscribers choose events by it.</summary>
    string EventType { get; }
}
