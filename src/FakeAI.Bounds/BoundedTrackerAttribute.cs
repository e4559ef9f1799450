using System;

namespace FakeAI.Bounds;

/// <summary>
/// Marks a partial class as a tracker: a long-lived object whose state must stay bounded.
/// The analyzers hold such a class to the strictest rules (every growable collection must be bounded or carry
/// <see cref="AllowUnboundedAttribute"/>), and the generator adds members that report and clear all of its bounded state.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BoundedTrackerAttribute : Attribute
{
}
