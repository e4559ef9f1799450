using System;
using System.Collections.Generic;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// Reads the maximum age of a <c>[Bounded]</c> declaration (<c>MaxAgeMilliseconds</c> or <c>MaxAgeSeconds</c>) and checks
/// it: one positive constant (BND115). The declaration reader calls it, so that the generator and the analyzer agree on
/// what is valid.
/// </summary>
internal static class MaxAgeReader
{
    /// <summary>Converts MaxAgeSeconds to the milliseconds the generated code is written from; an int of seconds times 1000 fits a long.</summary>
    private const long MillisecondsPerSecond = 1000;

    /// <summary>Reads the age.</summary>
    /// <param name="type">The declared type.</param>
    /// <param name="attribute">Its <c>[Bounded]</c> attribute.</param>
    /// <param name="report">Receives the diagnostic; <see langword="null"/> when only validity matters.</param>
    /// <param name="maxAgeMilliseconds">The age in milliseconds, or 0 when none is declared or it is invalid.</param>
    /// <returns>Whether the age (or its absence) is valid.</returns>
    public static bool TryRead(INamedTypeSymbol type, AttributeData attribute, Action<Diagnostic>? report, out long maxAgeMilliseconds)
    {
        maxAgeMilliseconds = 0;
        int? milliseconds = null;
        int? seconds = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == KnownNames.MaxAgeMillisecondsArgument && argument.Value.Value is int givenMilliseconds)
            {
                milliseconds = givenMilliseconds;
            }
            else if (argument.Key == KnownNames.MaxAgeSecondsArgument && argument.Value.Value is int givenSeconds)
            {
                seconds = givenSeconds;
            }
        }

        string? problem = Problem(attribute, milliseconds, seconds);
        if (problem is not null)
        {
            report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.MaxAgeInvalid, BoundedDeclarationReader.AttributeLocationOf(type, attribute), type.Name, problem));
            return false;
        }

        if (milliseconds is null && seconds is null)
        {
            return true;
        }

        maxAgeMilliseconds = milliseconds ?? (seconds!.Value * MillisecondsPerSecond);
        return true;
    }

    private static string? Problem(AttributeData attribute, int? milliseconds, int? seconds)
    {
        if (milliseconds is not null && seconds is not null)
        {
            return "sets both MaxAgeMilliseconds = " + milliseconds.Value + " and MaxAgeSeconds = " + seconds.Value + ", which contradict each other";
        }

        if (milliseconds is <= 0)
        {
            return "has MaxAgeMilliseconds = " + milliseconds.Value + ", which would expire every entry as it is written";
        }

        if (seconds is <= 0)
        {
            return "has MaxAgeSeconds = " + seconds.Value + ", which would expire every entry as it is written";
        }

        if (milliseconds is null && seconds is null
            && AttributeLookup.WrittenNamedArgument(attribute, KnownNames.MaxAgeMillisecondsArgument, KnownNames.MaxAgeSecondsArgument) is { } name)
        {
            return "has a " + name + " that is not a constant int";
        }

        return null;
    }
}
