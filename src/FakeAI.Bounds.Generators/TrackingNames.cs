namespace FakeAI.Bounds.Generators;

/// <summary>Names of the generator's pipeline steps, so that tests can check what each run cached.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[Bounded]</c> declaration read into a model, or null when it has a problem.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>The declarations that can be generated.</summary>
    public const string ValidModels = nameof(ValidModels);

    /// <summary>Each <c>[BoundedTracker]</c> class read into a model, or null when it has a problem.</summary>
    public const string TrackerDeclarations = nameof(TrackerDeclarations);

    /// <summary>The trackers that can be generated.</summary>
    public const string ValidTrackers = nameof(ValidTrackers);
}
