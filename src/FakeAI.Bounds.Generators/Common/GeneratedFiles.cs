using System;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// Tells the generator's output from the user's code. The analyzers run over the compilation with the generated files
/// in it, so a check about what the user wrote (a name that clashes with a generated one) must skip what the generator
/// wrote; the generator itself never sees its own output.
/// </summary>
internal static class GeneratedFiles
{
    /// <summary>Whether no declaration of <paramref name="member"/> is in a file the generator wrote.</summary>
    public static bool IsUserMember(ISymbol member)
    {
        foreach (Location location in member.Locations)
        {
            if (location.SourceTree?.FilePath.EndsWith(KnownNames.HintNameSuffix, StringComparison.OrdinalIgnoreCase) == true)
            {
                return false;
            }
        }

        return true;
    }
}
