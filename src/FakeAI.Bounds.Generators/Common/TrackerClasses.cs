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

    /// <summary>
    /// A class whose name ends in the default suffix (…Tracker) of a project that declares none: long-lived by its name,
    /// but otherwise judged as any class is. On real code bases such classes emptied their entries on disconnect, in a
    /// background sweep or from the object that owns each entry, far more often than they leaked (docs/precision.md).
    /// </summary>
    ByDefaultName,

    /// <summary>A class marked [BoundedTracker]: every growable collection must be bounded or carry [AllowUnbounded].</summary>
    Strict,
}

/// <summary>Decides which classes are trackers, from the [BoundedTracker] attribute and the configured suffixes.</summary>
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

        if (!options.HasTrackerSuffix(type.Name))
        {
            return TrackerKind.None;
        }

        return options.SuffixesDeclared ? TrackerKind.ByName : TrackerKind.ByDefaultName;
    }

    /// <summary>
    /// Whether a class of this kind is held to a tracker's standard: neither its entries' removals by key nor a cleanup
    /// another object calls excuse its growth. A class long-lived by a guess from its name is not.
    /// </summary>
    public static bool HeldToTrackerStandard(TrackerKind kind) => kind is TrackerKind.ByName or TrackerKind.Strict;
}
