using System;

namespace FakeAI.Bounds;

/// <summary>
/// Declares that a field or property may grow without a bound, and records why.
/// The analyzers do not report the member; an empty justification is itself reported.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class AllowUnboundedAttribute : Attribute
{
    /// <summary>Creates the suppression with the reason the member needs no bound.</summary>
    /// <param name="justification">Why the member cannot grow without limit in practice, e.g. "one entry per configured model".</param>
    public AllowUnboundedAttribute(string justification)
    {
        Justification = justification;
    }

    /// <summary>Why the member needs no bound.</summary>
    public string Justification { get; }
}
