using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>How long-lived a type's state is, as the BND0xx rules see it.</summary>
internal enum TrackerKind
{
    /// <summary>An ordinary type: only its static fields are long-lived.</summary>
    None,

    /// <summary>
    /// A class whose name ends in a tracker suffix the project declares (FakeAIBoundsTrackerSuffixes): held to a
    /// tracker's standard, where an entry's removal by its key is no bound.
    /// </summary>
    ByName,

    /// <summary>A class marked [BoundedTracker]: every growable collection must be bounded or carry [AllowUnbounded].</summary>
    Strict,
}

/// <summary>
/// Decides which classes are trackers, from the [BoundedTracker] attribute and the suffixes the project declares. No
/// name makes a class a tracker by default: a class someone else named …Tracker is long-lived only if how it is held
/// says so (docs/precision.md).
/// </summary>
internal static class TrackerClasses
{
    /// <param name="type">The class.</param>
    /// <param name="trackerAttribute">The resolved [BoundedTracker] class; <see langword="null"/> when the runtime is not referenced.</param>
    /// <param name="options">The options of the file that declares the class.</param>
    public static TrackerKind Classify(INamedTypeSymbol type, INamedTypeSymbol? trackerAttribute, BoundsOptions options)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return TrackerKind.None;
        }

        if (trackerAttribute is not null && AttributeLookup.Find(type, trackerAttribute) is not null)
        {
            return TrackerKind.Strict;
        }

        return options.HasTrackerSuffix(type.Name) ? TrackerKind.ByName : TrackerKind.None;
    }

    /// <summary>
    /// Whether a class of this kind is held to a tracker's standard: neither its entries' removals by key nor a cleanup
    /// another object calls excuse its growth. Every tracker is, since every tracker is one by the project's declaration.
    /// </summary>
    public static bool HeldToTrackerStandard(TrackerKind kind) => kind != TrackerKind.None;
}
