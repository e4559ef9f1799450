namespace FakeAI.Bounds.Generators.Model;

/// <summary>One bounded member of a tracker: a field or property whose type is a generated bounded collection.</summary>
/// <param name="Name">The member's name as the compiler knows it (no <c>@</c>); also its snapshot name and metrics tag.</param>
/// <param name="IsStatic">Whether the member is static: it is then read without <c>this.</c>.</param>
/// <param name="Kind">Whether the member is a field or a property.</param>
/// <param name="MemberType">
/// The fully qualified type, e.g. <c>global::App.RecentErrors</c>: the generated code reads its
/// <c>DeclaredMaxLength</c> constant rather than a copy of the number, so that the sum stays right when the type's
/// <c>MaxLength</c> changes in another file.
/// </param>
/// <param name="HasMaxAge">Whether the member's type declares a maximum age: the tracker then publishes its expiries.</param>
/// <param name="HasMaxWeight">Whether the member's type declares a maximum weight: the tracker then publishes its weights.</param>
internal readonly record struct TrackerMemberModel(string Name, bool IsStatic, TrackerMemberKind Kind, string MemberType, bool HasMaxAge = false, bool HasMaxWeight = false);
