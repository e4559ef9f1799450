using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// Reads the weigher of a bounded type declared with <c>MaxWeight</c>: the static method <c>Weigh</c> that the generated
/// code calls once per stored entry. The generator and the weigher analyzer share this one reader, so that the generator
/// skips exactly the types whose weigher the analyzer reports (BND118).
/// </summary>
internal static class WeigherReader
{
    /// <summary>The name a bounded type's weigher has.</summary>
    public const string WeigherName = "Weigh";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Reads the weigher of a type declared with a maximum weight.</summary>
    /// <param name="type">The bounded type.</param>
    /// <param name="kind">The bounded interface it implements.</param>
    /// <param name="elementType">The item type of a set, the key type of a dictionary.</param>
    /// <param name="valueType">A dictionary's value type; <see langword="null"/> otherwise.</param>
    /// <param name="report">Receives a BND118 diagnostic; <see langword="null"/> when only validity matters.</param>
    /// <param name="isUserMember">Tells the user's declarations from generated ones (the analyzer sees both); <see langword="null"/> when all are the user's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="weigher">The weigher, when it is one the generated code can call.</param>
    /// <returns><see langword="false"/> when the type has no weigher the generated code can call.</returns>
    public static bool TryRead(
        INamedTypeSymbol type,
        BoundedKind kind,
        ITypeSymbol elementType,
        ITypeSymbol? valueType,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken,
        out WeigherModel weigher)
    {
        weigher = default;
        if (elementType.TypeKind == TypeKind.Error || valueType?.TypeKind == TypeKind.Error)
        {
            // Half-written code: the compiler already reports the unknown entry type, and there is nothing to compare with.
            return false;
        }

        string expected = ExpectedDeclaration(kind, elementType, valueType);
        List<ISymbol> members = UserMethodParts.Members(type, WeigherName, isUserMember);
        if (members.Count == 0)
        {
            Report(report, type, type.Locations, "is missing", expected);
            return false;
        }

        if (members.Count > 1)
        {
            Report(report, type, members[0].Locations, "is declared " + members.Count + " times", expected);
            return false;
        }

        if (members[0] is not IMethodSymbol method)
        {
            Report(report, type, members[0].Locations, "is not a method", expected);
            return false;
        }

        List<IMethodSymbol> userParts = UserMethodParts.Parts(method, isUserMember);
        string? problem = SignatureProblem(method, kind, elementType, valueType);
        if (problem is not null)
        {
            Report(report, type, userParts[0].Locations, problem, expected);
            return false;
        }

        string? modifiers = null;
        bool isPartial = false;
        foreach (IMethodSymbol part in userParts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (part.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                return false;
            }

            string? modifierProblem = ModifierProblem(declaration.Modifiers, out string partModifiers, out bool partIsPartial);
            if (modifierProblem is not null)
            {
                Report(report, type, part.Locations, modifierProblem, expected);
                return false;
            }

            modifiers ??= partModifiers;
            isPartial |= partIsPartial;
        }

        if (method.Parameters.Any(parameter => parameter.Type.TypeKind == TypeKind.Error))
        {
            // Half-written code: the compiler already reports the unknown type.
            return false;
        }

        // The user wrote the body of a partial method only: without a defining declaration it does not compile, so the
        // generator adds one. A method declared whole needs nothing.
        bool writesDeclaration = isPartial && !userParts.Any(part => part.IsPartialDefinition);
        string parameters = string.Join(", ", method.Parameters.Select(parameter => parameter.Type.ToDisplayString(TypeFormat) + " " + Common.Identifiers.Escape(parameter.Name)));
        weigher = new WeigherModel(writesDeclaration, modifiers ?? string.Empty, parameters);
        return true;
    }

    private static string? SignatureProblem(IMethodSymbol method, BoundedKind kind, ITypeSymbol elementType, ITypeSymbol? valueType)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return "is not an ordinary method";
        }

        if (!method.IsStatic)
        {
            return "is an instance method: a weight belongs to the entry, so the weigher is static and cannot see the collection";
        }

        if (method.ReturnType.SpecialType != SpecialType.System_Int32)
        {
            return "returns '" + method.ReturnType.ToDisplayString(MessageFormat) + "' instead of int";
        }

        if (method.IsGenericMethod)
        {
            return "has type parameters";
        }

        var expectedTypes = new List<(ITypeSymbol Type, string Role)> { (elementType, kind == BoundedKind.Dictionary ? "key" : "item") };
        if (valueType is not null)
        {
            expectedTypes.Add((valueType, "value"));
        }

        if (method.Parameters.Length != expectedTypes.Count)
        {
            return "takes " + method.Parameters.Length + " parameter" + (method.Parameters.Length == 1 ? "" : "s") + " instead of " + expectedTypes.Count;
        }

        for (int i = 0; i < expectedTypes.Count; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            (ITypeSymbol expectedType, string role) = expectedTypes[i];
            if (UserMethodParts.PassingProblem(parameter, role) is { } passing)
            {
                return passing;
            }

            if (parameter.Type.TypeKind != TypeKind.Error && !SymbolEqualityComparer.Default.Equals(parameter.Type, expectedType))
            {
                return "has the parameter '" + parameter.Type.ToDisplayString(MessageFormat) + " " + parameter.Name + "', whose type is not the " + role + " type '" + expectedType.ToDisplayString(MessageFormat) + "'";
            }

            if (parameter.Type.TypeKind != TypeKind.Error
                && expectedType.NullableAnnotation == NullableAnnotation.Annotated
                && parameter.Type.NullableAnnotation == NullableAnnotation.NotAnnotated
                && !parameter.Type.IsValueType)
            {
                return "has the parameter '" + parameter.Type.ToDisplayString(MessageFormat) + " " + parameter.Name + "', which does not accept null, which the " + role + " type '" + expectedType.ToDisplayString(MessageFormat) + "' allows";
            }
        }

        return null;
    }

    // A generated defining declaration repeats the access modifiers of the user's part (C# requires both parts to agree);
    // modifiers that change how the method is called make it something the generated call cannot rely on.
    private static string? ModifierProblem(SyntaxTokenList modifiers, out string kept, out bool isPartial)
    {
        kept = string.Empty;
        isPartial = false;
        foreach (SyntaxToken modifier in modifiers)
        {
            switch (modifier.Kind())
            {
                case SyntaxKind.PartialKeyword:
                    isPartial = true;
                    break;
                case SyntaxKind.PublicKeyword:
                case SyntaxKind.PrivateKeyword:
                case SyntaxKind.ProtectedKeyword:
                case SyntaxKind.InternalKeyword:
                case SyntaxKind.StaticKeyword:
                case SyntaxKind.UnsafeKeyword:
                    kept += modifier.ValueText + " ";
                    break;
                case SyntaxKind.AsyncKeyword:
                    return "is async: a weight is needed at once, when the entry is stored";
                default:
                    return "is declared '" + modifier.ValueText + "'";
            }
        }

        return null;
    }

    private static string ExpectedDeclaration(BoundedKind kind, ITypeSymbol elementType, ITypeSymbol? valueType)
    {
        string element = elementType.ToDisplayString(MessageFormat);
        return kind == BoundedKind.Dictionary && valueType is not null
            ? "private static partial int Weigh(" + element + " key, " + valueType.ToDisplayString(MessageFormat) + " value)"
            : "private static partial int Weigh(" + element + " item)";
    }

    private static void Report(Action<Diagnostic>? report, INamedTypeSymbol type, IEnumerable<Location> locations, string problem, string expected)
    {
        Location location = UserMethodParts.FirstInSource(locations);
        report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.WeigherInvalid, location, type.Name, problem, expected));
    }
}
