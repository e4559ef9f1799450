namespace FakeAI.Bounds.Generators.Model;

/// <summary>How a bounded member of a tracker is declared.</summary>
internal enum TrackerMemberKind
{
    Field,
    Property,
}
