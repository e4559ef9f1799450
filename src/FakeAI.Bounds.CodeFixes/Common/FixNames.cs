using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using FakeAI.Bounds.Generators.Common;
using CollectionKindPropertyNames = FakeAI.Bounds.Generators.Analyzers.Growth.DiagnosticProperties;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>The names and numbers the fixes write: the bound N, the generated type's name, the trim constant's name.</summary>
internal static class FixNames
{
    /// <summary>The diagnostic property with the member's family (Queue, List, LinkedList, Stack, Dictionary, Set, Other).</summary>
    public const string CollectionKindProperty = CollectionKindPropertyNames.CollectionKind;

    /// <summary>The diagnostic property with the member's constant capacity argument, when it has one.</summary>
    public const string CapacityProperty = CollectionKindPropertyNames.Capacity;

    private static readonly string[] CollectionWords = ["Dictionary", "HashSet", "Queue", "List", "Dict", "Map", "Set", "Collection", "Bag"];

    /// <summary>
    /// The bound a fix writes: the member's constant capacity argument when it is a valid MaxLength (the author's own
    /// number), else the file's <c>fakeai_bounds.default_max_length</c> / <c>FakeAIBoundsDefaultMaxLength</c>, else 1000.
    /// </summary>
    public static int MaxLength(Document document, SyntaxTree tree, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(CapacityProperty, out string? capacityText)
            && int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out int capacity)
            && capacity >= KnownNames.MinMaxLength
            && capacity <= KnownNames.MaxMaxLength)
        {
            return capacity;
        }

        return BoundsOptions.Read(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider, tree).DefaultMaxLength;
    }

    /// <summary>
    /// The member's name as a type-name stem: prefixes (<c>_</c>, <c>m_</c>, <c>s_</c>, <c>t_</c>) dropped, first letter
    /// upper-cased, and a trailing collection word (List, Queue, Map…) dropped so that <c>_errorList</c> does not become
    /// <c>ErrorListQueue</c>.
    /// </summary>
    public static string Stem(string memberName, bool dropCollectionWord)
    {
        string name = memberName;
        foreach (string prefix in new[] { "m_", "s_", "t_" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                name = name.Substring(prefix.Length);
                break;
            }
        }

        name = name.TrimStart('_');
        if (name.Length == 0)
        {
            name = "Items";
        }

        var builder = new StringBuilder(name);
        builder[0] = char.ToUpperInvariant(builder[0]);
        name = builder.ToString();
        if (dropCollectionWord)
        {
            foreach (string word in CollectionWords)
            {
                if (name.Length > word.Length && name.EndsWith(word, StringComparison.Ordinal))
                {
                    name = name.Substring(0, name.Length - word.Length);
                    break;
                }
            }
        }

        return name;
    }

    /// <summary>
    /// <paramref name="candidate"/>, or it with 2, 3… appended, so that it names nothing visible inside the type (a
    /// member, an inherited member, a type the class uses by its simple name), nothing visible where the fix writes it
    /// (<paramref name="uses"/>: a parameter, a local, a lambda parameter or a member of a nested type there would be
    /// found instead of the new member) and nothing another fix in the same run already chose.
    /// </summary>
    public static string Unique(
        string candidate,
        SemanticModel model,
        int position,
        INamedTypeSymbol containingType,
        ISet<string> reserved,
        IEnumerable<(SemanticModel Model, int Position)>? uses = null)
    {
        var positions = new List<(SemanticModel Model, int Position)> { (model, position) };
        if (uses is not null)
        {
            positions.AddRange(uses);
        }

        string name = candidate;
        for (int i = 2; !IsFree(name, positions, containingType, reserved); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        reserved.Add(name);
        return name;
    }

    private static bool IsFree(string name, List<(SemanticModel Model, int Position)> positions, INamedTypeSymbol containingType, ISet<string> reserved)
    {
        if (reserved.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            return false;
        }

        for (INamedTypeSymbol? type = containingType; type is not null; type = type.ContainingType)
        {
            if (type.Name == name)
            {
                return false;
            }
        }

        return containingType.GetMembers(name).IsEmpty
            && positions.TrueForAll(p => p.Model.LookupSymbols(p.Position, name: name).IsEmpty);
    }
}
