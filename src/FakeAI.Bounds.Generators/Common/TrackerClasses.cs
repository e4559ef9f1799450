using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>How long-lived a type's state is, as the BND0xx rules see it.</summary>
internal enum TrackerKind
{
    /// <summary>An ordinary type: only its static fields are long-lived.</summary>
    None,

    /// <summary>A class whose name ends in a configured tracker suffix (Tracker, Registry, Cache, …).</summary>
    ByName,

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

        return options.HasTrackerSuffix(type.Name) ? TrackerKind.ByName : TrackerKind.None;
    }
}
