using System;
using System.Collections.Generic;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// The members the generator writes into a bounded type, so that a user member of the same name is reported
/// (and the type skipped) instead of producing a duplicate-member compile error in generated code.
/// </summary>
internal static class GeneratedMemberNames
{
    /// <summary>Every private member the generator writes starts with this prefix.</summary>
    public const string PrivatePrefix = "_bnd";

    private static readonly HashSet<string> QueueMembers = new(StringComparer.Ordinal)
    {
        "Count", "Capacity", "MaxLength", "Overflow", "TotalAdded", "Evicted", "Dropped", "IsFull", "NewestFirst",
        "Add", "TryAdd", "TryDequeue", "TryPeekOldest", "TryPeekNewest", "RemoveWhere", "ToArray", "CopyTo", "Clear",
        "GetEnumerator", "Enumerator", "NewestFirstEnumerable", "NewestFirstEnumerator", "this[]",
    };

    /// <summary>
    /// Whether <paramref name="member"/> would clash with a generated member of a collection of <paramref name="kind"/>;
    /// <paramref name="description"/> then names it for a message.
    /// </summary>
    public static bool Clashes(ISymbol member, BoundedKind kind, out string description)
    {
        description = member.Name;
        if (member.IsImplicitlyDeclared)
        {
            return false;
        }

        if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
        {
            bool generatedSignature = constructor.Parameters.Length == 0
                || (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32);
            description = constructor.Parameters.Length == 0
                ? "the constructor " + constructor.ContainingType.Name + "()"
                : "the constructor " + constructor.ContainingType.Name + "(int)";
            return generatedSignature && !constructor.IsStatic;
        }

        if (member is IPropertySymbol { IsIndexer: true })
        {
            description = "the indexer this[]";
            return kind == BoundedKind.Queue && QueueMembers.Contains("this[]");
        }

        if (member.Name.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            return true;
        }

        return kind == BoundedKind.Queue && QueueMembers.Contains(member.Name);
    }
}
