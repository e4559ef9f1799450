using Microsoft.CodeAnalysis.CSharp;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>Spells names the way generated code must write them.</summary>
internal static class Identifiers
{
    /// <summary>
    /// Prefixes a reserved keyword with <c>@</c>: a type declared as <c>@class</c> has the symbol name <c>class</c>,
    /// which generated code must write as <c>@class</c> again.
    /// </summary>
    public static string Escape(string name)
    {
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
