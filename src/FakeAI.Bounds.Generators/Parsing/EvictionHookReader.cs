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
/// Reads the eviction hook of a bounded type: the partial method <c>OnEvicted</c> that the generated code calls once per
/// entry its bounds remove. The generator and the hook analyzer share this one reader, so that the generator skips
/// exactly the types whose hook the analyzer reports (BND114).
/// </summary>
internal static class EvictionHookReader
{
    /// <summary>The name a bounded type's eviction hook has.</summary>
    public const string HookName = "OnEvicted";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Reads the hook of a bounded type.</summary>
    /// <param name="type">The bounded type.</param>
    /// <param name="kind">The bounded interface it implements.</param>
    /// <param name="elementType">The item type of a queue or set, the key type of a dictionary.</param>
    /// <param name="valueType">A dictionary's value type; <see langword="null"/> otherwise.</param>
    /// <param name="report">Receives a BND114 diagnostic per problem; <see langword="null"/> to stop at the first one.</param>
    /// <param name="isUserMember">Tells the user's declarations from generated ones (the analyzer sees both); <see langword="null"/> when all are the user's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="hook">The hook, or <see langword="null"/> when the type declares none.</param>
    /// <returns><see langword="false"/> when a member named <c>OnEvicted</c> is not a hook the generated code can call.</returns>
    public static bool TryRead(
        INamedTypeSymbol type,
        BoundedKind kind,
        ITypeSymbol elementType,
        ITypeSymbol? valueType,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken,
        out EvictionHookModel? hook)
    {
        hook = null;
        List<ISymbol> members = UserMethodParts.Members(type, HookName, isUserMember);
        if (members.Count == 0)
        {
            return true;
        }

        if (elementType.TypeKind == TypeKind.Error || valueType?.TypeKind == TypeKind.Error)
        {
            // Half-written code: the compiler already reports the unknown entry type, and there is nothing to compare with.
            return false;
        }

        string expected = ExpectedParameters(kind, elementType, valueType);
        if (members.Count > 1)
        {
            Report(report, type, members[0].Locations, "is declared " + members.Count + " times", expected);
            return false;
        }

        if (members[0] is not IMethodSymbol method)
        {
            Report(report, type, members[0].Locations, "is a " + KindName(members[0]) + ", not a method", expected);
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
        foreach (IMethodSymbol part in userParts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (part.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            {
                return false;
            }

            string? modifierProblem = ModifierProblem(declaration.Modifiers, out string partModifiers);
            if (modifierProblem is not null)
            {
                Report(report, type, part.Locations, modifierProblem, expected);
                return false;
            }

            modifiers ??= partModifiers;
        }

        if (method.Parameters.Any(parameter => parameter.Type.TypeKind == TypeKind.Error))
        {
            // Half-written code: the compiler already reports the unknown type.
            return false;
        }

        // The user wrote the body only: without a defining declaration it does not compile, so the generator adds one.
        bool writesDeclaration = !userParts.Any(part => part.IsPartialDefinition);
        string parameters = string.Join(", ", method.Parameters.Select(parameter => parameter.Type.ToDisplayString(TypeFormat) + " " + Common.Identifiers.Escape(parameter.Name)));
        hook = new EvictionHookModel(writesDeclaration, modifiers ?? string.Empty, parameters);
        return true;
    }

    private static string? SignatureProblem(IMethodSymbol method, BoundedKind kind, ITypeSymbol elementType, ITypeSymbol? valueType)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return "is not an ordinary method";
        }

        if (method.IsStatic)
        {
            return "is static: the hook belongs to the instance that evicted the entry";
        }

        if (!method.ReturnsVoid)
        {
            return "returns '" + method.ReturnType.ToDisplayString(MessageFormat) + "' instead of void";
        }

        if (method.IsGenericMethod)
        {
            return "has type parameters";
        }

        var expectedTypes = new List<(ITypeSymbol? Type, string Role)> { (elementType, kind == BoundedKind.Dictionary ? "key" : "item") };
        if (valueType is not null)
        {
            expectedTypes.Add((valueType, "value"));
        }

        expectedTypes.Add((null, "reason"));
        if (method.Parameters.Length != expectedTypes.Count)
        {
            return "takes " + method.Parameters.Length + " parameter" + (method.Parameters.Length == 1 ? "" : "s") + " instead of " + expectedTypes.Count;
        }

        for (int i = 0; i < expectedTypes.Count; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            (ITypeSymbol? expectedType, string role) = expectedTypes[i];
            if (UserMethodParts.PassingProblem(parameter, role) is { } passing)
            {
                return passing;
            }

            if (parameter.Type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            string? typeProblem = expectedType is null
                ? IsEvictionReason(parameter.Type) ? null : "is not FakeAI.Bounds.EvictionReason"
                : UserMethodParts.ParameterTypeProblem(parameter.Type, expectedType, role, MessageFormat);
            if (typeProblem is not null)
            {
                return "has the parameter '" + parameter.Type.ToDisplayString(MessageFormat) + " " + parameter.Name + "', whose type " + typeProblem;
            }
        }

        return null;
    }

    private static bool IsEvictionReason(ITypeSymbol type)
    {
        return type is INamedTypeSymbol { Name: "EvictionReason", TypeKind: TypeKind.Enum }
            && type.ContainingNamespace is { Name: "Bounds", ContainingNamespace: { Name: "FakeAI", ContainingNamespace.IsGlobalNamespace: true } };
    }

    // The generated declaration must repeat the access modifiers of the user's part (C# requires both parts to agree),
    // and modifiers that change how the method is called or dispatched make it something the generated call cannot rely on.
    private static string? ModifierProblem(SyntaxTokenList modifiers, out string kept)
    {
        kept = string.Empty;
        bool isPartial = false;
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
                case SyntaxKind.UnsafeKeyword:
                    kept += modifier.ValueText + " ";
                    break;
                case SyntaxKind.AsyncKeyword:
                    return "is async: the collection cannot tell when an async hook has finished or failed";
                default:
                    return "is declared '" + modifier.ValueText + "'";
            }
        }

        return isPartial ? null : "is not partial";
    }

    private static string ExpectedParameters(BoundedKind kind, ITypeSymbol elementType, ITypeSymbol? valueType)
    {
        string element = elementType.ToDisplayString(MessageFormat);
        return kind == BoundedKind.Dictionary && valueType is not null
            ? element + " key, " + valueType.ToDisplayString(MessageFormat) + " value, EvictionReason reason"
            : element + " item, EvictionReason reason";
    }

    private static string KindName(ISymbol member) => member switch
    {
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        INamedTypeSymbol => "nested type",
        _ => "member",
    };

    private static void Report(Action<Diagnostic>? report, INamedTypeSymbol type, IEnumerable<Location> locations, string problem, string expected)
    {
        Location location = UserMethodParts.FirstInSource(locations);
        report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.EvictionHookInvalid, location, type.Name, problem, expected));
    }
}
