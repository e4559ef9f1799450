using System;
using System.Collections.Generic;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// Reads the maximum total weight of a <c>[Bounded]</c> declaration (<c>MaxWeight</c>) and checks it: a positive
/// constant, on a dictionary or a set (BND117). The declaration reader calls it, so that the generator and the analyzer
/// agree on what is valid; whether the type has a weigher to go with it is the weigher reader's (BND118).
/// </summary>
internal static class MaxWeightReader
{
    /// <summary>Reads the weight bound.</summary>
    /// <param name="type">The declared type.</param>
    /// <param name="attribute">Its <c>[Bounded]</c> attribute.</param>
    /// <param name="kind">The bounded interface the type implements.</param>
    /// <param name="report">Receives the diagnostic; <see langword="null"/> when only validity matters.</param>
    /// <param name="maxWeight">The maximum weight, or 0 when none is declared or it is invalid.</param>
    /// <returns>Whether the weight bound (or its absence) is valid.</returns>
    public static bool TryRead(INamedTypeSymbol type, AttributeData attribute, BoundedKind kind, Action<Diagnostic>? report, out long maxWeight)
    {
        maxWeight = 0;
        long? given = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == KnownNames.MaxWeightArgument && argument.Value.Value is long value)
            {
                given = value;
            }
        }

        string? problem = Problem(attribute, kind, given);
        if (problem is not null)
        {
            report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.MaxWeightInvalid, BoundedDeclarationReader.AttributeLocationOf(type, attribute), type.Name, problem));
            return false;
        }

        maxWeight = given ?? 0;
        return true;
    }

    private static string? Problem(AttributeData attribute, BoundedKind kind, long? given)
    {
        if (given is null)
        {
            return AttributeLookup.WrittenNamedArgument(attribute, KnownNames.MaxWeightArgument) is not null ? "has a MaxWeight that is not a constant; set it to a positive constant, such as MaxWeight = 1_000_000" : null;
        }

        if (given.Value <= 0)
        {
            return "has MaxWeight = " + given.Value + ", which would refuse every entry; set it to a positive constant, such as MaxWeight = 1_000_000, or remove it";
        }

        return kind == BoundedKind.Queue
            ? "sets MaxWeight = " + given.Value + " on a queue, which is bounded by its length only; weigh the items before they are queued, or hold them in a bounded dictionary or set, which take MaxWeight"
            : null;
    }
}
