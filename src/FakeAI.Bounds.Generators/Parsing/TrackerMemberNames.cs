using System;
using System.Collections.Generic;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// The members the generator adds to a <c>[BoundedTracker]</c> class, so that a member of the same name in the class
/// or one it inherits is reported (and the tracker skipped) instead of producing a duplicate or hiding member in
/// generated code.
/// </summary>
internal static class TrackerMemberNames
{
    public const string GetBounds = nameof(GetBounds);
    public const string ClearBounds = nameof(ClearBounds);
    public const string MaxBoundedEntries = nameof(MaxBoundedEntries);
    public const string RegisterBoundsMetrics = nameof(RegisterBoundsMetrics);

    private static readonly HashSet<string> PublicMembers = new(StringComparer.Ordinal)
    {
        GetBounds, ClearBounds, MaxBoundedEntries, RegisterBoundsMetrics,
    };

    /// <summary>
    /// Whether a name is taken by a member the generator adds to a tracker: one of the four public members, whatever the
    /// user member's kind or parameters, or a private helper's prefix (the same prefixes as in bounded types).
    /// </summary>
    public static bool IsReservedName(string name)
    {
        return PublicMembers.Contains(name)
            || name.StartsWith(GeneratedMemberNames.PrivateFieldPrefix, StringComparison.Ordinal)
            || (name.Length > GeneratedMemberNames.PrivateMemberPrefix.Length
                && name.StartsWith(GeneratedMemberNames.PrivateMemberPrefix, StringComparison.Ordinal)
                && char.IsUpper(name[GeneratedMemberNames.PrivateMemberPrefix.Length]));
    }
}
