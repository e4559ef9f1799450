using Bounded = FakeAI.Bounds.Samples;
using Unbounded = FakeAI.Bounds.Samples.Unbounded;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// The event the demo publishes. Each sample library declares its own <c>IBusEvent</c>; one record implementing both
/// keeps the events of the two runs identical in shape and size.
/// </summary>
/// <param name="EventType">The event's type, which subscribers select by.</param>
/// <param name="Subject">The request or stream the event is about.</param>
internal sealed record DemoEvent(string EventType, string Subject) : Bounded.IBusEvent, Unbounded.IBusEvent;
