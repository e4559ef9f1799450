namespace FakeAI.Bounds.Samples.Tests;

/// <summary>An event for the bounded bus.</summary>
/// <param name="EventType">Its type.</param>
/// <param name="Sequence">Its number, to see which events were delivered.</param>
internal sealed record TestEvent(string EventType, int Sequence = 0) : IBusEvent;

/// <summary>An event for the bus of the unbounded sample.</summary>
/// <param name="EventType">Its type.</param>
internal sealed record UnboundedTestEvent(string EventType) : Unbounded.IBusEvent;
