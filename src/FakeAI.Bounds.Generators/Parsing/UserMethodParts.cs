using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// Finds the methods a bounded type declares for the generated code to call by name (the <c>OnEvicted</c> hook, the
/// <c>Weigh</c> weigher) as the user wrote them: the analyzers see the generated declarations too, and a partial
/// method's two parts are one member. The hook reader and the weigher reader share it, so both count and check parts
/// alike.
/// </summary>
internal static class UserMethodParts
{
    /// <summary>The user's members named <paramref name="name"/>: a partial method's two parts count once.</summary>
    public static List<ISymbol> Members(INamedTypeSymbol type, string name, Func<ISymbol, bool>? isUserMember)
    {
        var found = new List<ISymbol>();
        foreach (ISymbol member in type.GetMembers(name))
        {
            bool isUsers = isUserMember is null || isUserMember(member)
                || (member is IMethodSymbol { PartialImplementationPart: { } implementation } && isUserMember(implementation));
            if (isUsers && !member.IsImplicitlyDeclared)
            {
                found.Add(member);
            }
        }

        return found;
    }

    /// <summary>The parts of a method the user wrote: one, or both halves of a partial method.</summary>
    public static List<IMethodSymbol> Parts(IMethodSymbol method, Func<ISymbol, bool>? isUserMember)
    {
        var parts = new List<IMethodSymbol>();
        if (isUserMember is null || isUserMember(method))
        {
            parts.Add(method);
        }

        if (method.PartialImplementationPart is { } implementation && (isUserMember is null || isUserMember(implementation)))
        {
            parts.Add(implementation);
        }

        return parts;
    }

    /// <summary>
    /// Why a parameter of type <paramref name="actual"/> cannot take the collection's <paramref name="expected"/> entries,
    /// or <see langword="null"/>: types are compared ignoring nullability, except for the one difference that makes the
    /// generated call a nullability warning, a parameter that rejects null for entries that can be null.
    /// </summary>
    public static string? ParameterTypeProblem(ITypeSymbol actual, ITypeSymbol expected, string role, SymbolDisplayFormat format)
    {
        if (!SymbolEqualityComparer.Default.Equals(actual, expected))
        {
            return "is not the " + role + " type '" + expected.ToDisplayString(format) + "'";
        }

        if (expected.NullableAnnotation == NullableAnnotation.Annotated && actual.NullableAnnotation == NullableAnnotation.NotAnnotated && !actual.IsValueType)
        {
            return "does not accept null, which the " + role + " type '" + expected.ToDisplayString(format) + "' allows";
        }

        return null;
    }

    /// <summary>Why a parameter does not take the <paramref name="role"/> by value, or <see langword="null"/>.</summary>
    public static string? PassingProblem(IParameterSymbol parameter, string role)
    {
        return parameter.RefKind != RefKind.None || parameter.IsParams
            ? "takes its parameter '" + parameter.Name + "' by " + (parameter.IsParams ? "params" : parameter.RefKind.ToString().ToLowerInvariant()) + "; the " + role + " is passed by value"
            : null;
    }

    /// <summary>The first of <paramref name="locations"/> in source, where a diagnostic about the member goes.</summary>
    public static Location FirstInSource(IEnumerable<Location> locations) => locations.FirstOrDefault(candidate => candidate.IsInSource) ?? Location.None;
}
