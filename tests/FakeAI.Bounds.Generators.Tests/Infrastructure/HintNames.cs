using System.Text.RegularExpressions;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>
/// Generated file names end in a hash of the type's exact name (which keeps types that differ only in case apart);
/// tests compare the readable part.
/// </summary>
internal static partial class HintNames
{
    public static string Readable(string hintName) => HashPart().Replace(hintName, ".Bounded.g.cs");

    [GeneratedRegex(@"\.[0-9a-f]{8}\.Bounded\.g\.cs$")]
    private static partial Regex HashPart();
}
