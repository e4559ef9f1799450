using System;
using System.Collections.Generic;
using System.Threading;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// Reads a <c>[Bounded]</c> declaration into a <see cref="BoundedTypeModel"/>, checking every rule the generated code
/// relies on. The generator and the usage analyzer share this one reader, so that the generator skips exactly the
/// declarations the analyzer explains: the generator passes no reporter and stops at the first problem; the analyzer
/// passes one and hears about every problem.
/// </summary>
internal static class BoundedDeclarationReader
{
    private static readonly SymbolDisplayFormat ElementTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Reads a declaration.</summary>
    /// <param name="type">The type that carries the attribute.</param>
    /// <param name="attribute">The <c>[Bounded]</c> attribute on it.</param>
    /// <param name="report">Receives a diagnostic per problem; <see langword="null"/> to stop at the first one.</param>
    /// <param name="isUserMember">Tells the user's members from generated ones (the analyzer sees both); <see langword="null"/> when all are the user's.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model, or <see langword="null"/> when the declaration has a problem and nothing may be generated.</returns>
    public static BoundedTypeModel? Read(
        INamedTypeSymbol type,
        AttributeData attribute,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken)
    {
        // [Bounded] on two parts of one type is the compiler's CS0579; each part would otherwise yield the same file.
        if (CountBoundedAttributes(type) != 1)
        {
            return null;
        }

        bool valid = true;

        valid &= CheckLanguageVersion(type, attribute, report);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= CheckTypeKind(type, report);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= CheckPartial(type, report, cancellationToken);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= TryReadArguments(type, attribute, report, out int maxLength, out OverflowPolicyValue overflow, out bool threadSafe, out bool resizableCapacity);
        if (!valid && report is null)
        {
            return null;
        }

        if (!TryReadInterface(type, report, out BoundedKind kind, out INamedTypeSymbol? boundedInterface))
        {
            return null;
        }

        valid &= MaxAgeReader.TryRead(type, attribute, report, out long maxAgeMilliseconds);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= CheckOverflowForKind(type, attribute, kind, overflow, report);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= MaxWeightReader.TryRead(type, attribute, kind, report, out long maxWeight);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= CheckMemberClashes(type, kind, resizableCapacity, maxAgeMilliseconds > 0, maxWeight > 0, report, isUserMember, cancellationToken);
        if (!valid)
        {
            return null;
        }

        if (boundedInterface is null)
        {
            return null;
        }

        // The item type of a queue or set, the key type of a dictionary; and a dictionary's value type.
        ITypeSymbol elementType = boundedInterface.TypeArguments[0];
        ITypeSymbol? valueType = kind == BoundedKind.Dictionary ? boundedInterface.TypeArguments[1] : null;
        if (ContainsErrorType(elementType) || (valueType is not null && ContainsErrorType(valueType)))
        {
            // Half-written code: the compiler already reports the unknown type.
            return null;
        }

        // A wrong hook is BND114, which the hook analyzer reports through the same reader; here it only stops generation.
        if (!EvictionHookReader.TryRead(type, kind, elementType, valueType, report: null, isUserMember, cancellationToken, out EvictionHookModel? evictionHook))
        {
            return null;
        }

        // A missing or wrong weigher is BND118, which the weigher analyzer reports through the same reader; here it only stops generation.
        WeigherModel? weigher = null;
        if (maxWeight > 0)
        {
            if (!WeigherReader.TryRead(type, kind, elementType, valueType, report: null, isUserMember, cancellationToken, out WeigherModel readWeigher))
            {
                return null;
            }

            weigher = readWeigher;
        }

        return new BoundedTypeModel(
            Namespace: DeclarationShape.Namespace(type),
            ContainingTypes: DeclarationShape.ReadContainingTypes(type),
            Name: Identifiers.Escape(type.Name),
            NameWithTypeParameters: DeclarationShape.NameWithTypeParameters(type),
            HintName: DeclarationShape.HintName(type),
            Kind: kind,
            ElementType: elementType.ToDisplayString(ElementTypeFormat),
            ValueType: valueType?.ToDisplayString(ElementTypeFormat),
            ElementCanBeNull: !elementType.IsValueType || elementType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T,
            ElementHashIsTrivial: HashIsTrivial(elementType),
            ElementEqualsSurvivesTornReads: EqualsSurvivesTornReads(elementType),
            MaxLength: maxLength,
            Overflow: overflow,
            ThreadSafe: threadSafe,
            EvictionHook: evictionHook,
            ResizableCapacity: resizableCapacity,
            MaxAgeMilliseconds: maxAgeMilliseconds,
            MaxWeight: maxWeight,
            Weigher: weigher);
    }

    private static int CountBoundedAttributes(INamedTypeSymbol type)
    {
        int count = 0;
        foreach (AttributeData candidate in type.GetAttributes())
        {
            if (BoundedMemberTypes.IsRuntimeAttribute(candidate.AttributeClass, "BoundedAttribute"))
            {
                count++;
            }
        }

        return count;
    }

    // The generated code uses #nullable and other C# 8 features; .NET Framework projects default to C# 7.3.
    private static bool CheckLanguageVersion(INamedTypeSymbol type, AttributeData attribute, Action<Diagnostic>? report)
    {
        SyntaxReference? reference = attribute.ApplicationSyntaxReference ?? (type.DeclaringSyntaxReferences.Length > 0 ? type.DeclaringSyntaxReferences[0] : null);
        if (reference?.SyntaxTree.Options is not CSharpParseOptions options || options.LanguageVersion >= LanguageVersion.CSharp8)
        {
            return true;
        }

        report?.Invoke(Diagnostic.Create(
            DiagnosticDescriptors.LanguageVersionTooLow,
            AttributeLocationOf(type, attribute),
            type.Name,
            options.LanguageVersion.ToDisplayString()));
        return false;
    }

    // Primitives and enums hash to themselves (or nearly); anything else (strings, records, structs) is worth storing.
    private static bool HashIsTrivial(ITypeSymbol type)
    {
        return type.TypeKind == TypeKind.Enum || type.SpecialType switch
        {
            SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
                or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr => true,
            _ => false,
        };
    }

    // A reference is loaded whole, so a stale key is still a whole object; a struct can be read half old, half new. For
    // these BCL structs Equals compares bits and cannot fail on any mix; a user struct's Equals might (a null field).
    private static bool EqualsSurvivesTornReads(ITypeSymbol type)
    {
        if (type.IsReferenceType || HashIsTrivial(type))
        {
            return true;
        }

        return type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime
            || (type.ContainingNamespace?.ToDisplayString() == "System"
                && type.Name is "Guid" or "TimeSpan" or "DateTimeOffset" or "DateOnly" or "TimeOnly");
    }

    // A type argument the compiler cannot resolve anywhere inside the type (List<Missing>) would reach generated code.
    private static bool ContainsErrorType(ITypeSymbol type)
    {
        switch (type)
        {
            case { TypeKind: TypeKind.Error }:
                return true;
            case IArrayTypeSymbol array:
                return ContainsErrorType(array.ElementType);
            case INamedTypeSymbol { IsGenericType: true } generic:
                foreach (ITypeSymbol argument in generic.TypeArguments)
                {
                    if (ContainsErrorType(argument))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool CheckTypeKind(INamedTypeSymbol type, Action<Diagnostic>? report)
    {
        string? problem = type switch
        {
            { TypeKind: TypeKind.Struct, IsRecord: true } => "a record struct",
            { TypeKind: TypeKind.Struct } => "a struct",
            { TypeKind: not TypeKind.Class } => "not a class",
            { IsStatic: true } => "a static class",
            { IsRecord: true } => "a record",
            { IsFileLocal: true } => "a file-local type",
            _ => DeclarationShape.FileLocalContainer(type) is { } container ? "nested in the file-local type '" + container.Name + "'" : null,
        };

        if (problem is null)
        {
            return true;
        }

        report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.BoundedTypeKindInvalid, DeclarationShape.FirstLocation(type), type.Name, problem));
        return false;
    }

    private static bool CheckPartial(INamedTypeSymbol type, Action<Diagnostic>? report, CancellationToken cancellationToken)
    {
        bool valid = true;
        foreach ((INamedTypeSymbol part, string where) in DeclarationShape.NotPartial(type, cancellationToken))
        {
            valid = false;
            if (report is null)
            {
                return false;
            }

            report(Diagnostic.Create(DiagnosticDescriptors.BoundedTypeNotPartial, DeclarationShape.FirstLocation(part), type.Name, where));
        }

        return valid;
    }

    private static bool TryReadArguments(
        INamedTypeSymbol type,
        AttributeData attribute,
        Action<Diagnostic>? report,
        out int maxLength,
        out OverflowPolicyValue overflow,
        out bool threadSafe,
        out bool resizableCapacity)
    {
        maxLength = 0;
        overflow = OverflowPolicyValue.DropOldest;
        threadSafe = false;
        resizableCapacity = false;
        bool maxLengthSeen = false;
        string? maxLengthProblem = null;

        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            TypedConstant value = argument.Value;
            switch (argument.Key)
            {
                case KnownNames.MaxLengthArgument:
                    maxLengthSeen = true;
                    maxLengthProblem = MaxLengthProblem(value, out maxLength);
                    break;
                case KnownNames.OverflowArgument:
                    if (value.Value is int policy)
                    {
                        overflow = (OverflowPolicyValue)policy;
                    }

                    break;
                case KnownNames.ThreadSafeArgument:
                    threadSafe = value.Value is true;
                    break;
                case KnownNames.ResizableCapacityArgument:
                    resizableCapacity = value.Value is true;
                    break;
            }
        }

        if (!maxLengthSeen)
        {
            maxLengthProblem = WrittenButNotConstant(attribute)
                ? "has a MaxLength that is not a constant int"
                : "has no MaxLength";
        }

        if (maxLengthProblem is null)
        {
            return true;
        }

        report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.MaxLengthInvalid, AttributeLocationOf(type, attribute), type.Name, maxLengthProblem));
        return false;
    }

    /// <summary>
    /// The valid MaxLength of a <c>[Bounded]</c> attribute, as the generator uses it; <see langword="false"/> when it is
    /// missing or invalid (nothing is generated then, and BND102 says why).
    /// </summary>
    public static bool TryReadMaxLength(AttributeData attribute, out int maxLength)
    {
        maxLength = 0;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == KnownNames.MaxLengthArgument)
            {
                return MaxLengthProblem(argument.Value, out maxLength) is null;
            }
        }

        return false;
    }

    private static string? MaxLengthProblem(TypedConstant value, out int maxLength)
    {
        maxLength = 0;
        if (value.Kind != TypedConstantKind.Primitive || value.Value is not int length)
        {
            return "has a MaxLength that is not a constant int";
        }

        if (length < KnownNames.MinMaxLength || length > KnownNames.MaxMaxLength)
        {
            return "has MaxLength = " + length + ", outside 1 … 1073741824";
        }

        maxLength = length;
        return null;
    }

    // The compiler drops a named argument it cannot evaluate; the syntax still shows that the user wrote one.
    private static bool WrittenButNotConstant(AttributeData attribute)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return false;
        }

        foreach (AttributeArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == KnownNames.MaxLengthArgument)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryReadInterface(
        INamedTypeSymbol type,
        Action<Diagnostic>? report,
        out BoundedKind kind,
        out INamedTypeSymbol? boundedInterface)
    {
        kind = default;
        boundedInterface = null;
        int found = 0;
        var names = new List<string>();
        foreach (INamedTypeSymbol candidate in type.Interfaces)
        {
            if (BoundedInterfaces.TryGetKind(candidate.OriginalDefinition, out BoundedKind candidateKind))
            {
                found++;
                kind = candidateKind;
                boundedInterface = candidate;
                names.Add(candidate.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            }
        }

        if (found == 1)
        {
            return true;
        }

        if (report is not null)
        {
            string problem = found == 0
                ? "implements no bounded interface"
                : "implements " + found + " bounded interfaces (" + string.Join(", ", names) + ")";
            report(Diagnostic.Create(DiagnosticDescriptors.BoundedInterfaceCount, DeclarationShape.FirstLocation(type), type.Name, problem));
        }

        boundedInterface = null;
        return false;
    }

    private static bool CheckOverflowForKind(
        INamedTypeSymbol type,
        AttributeData attribute,
        BoundedKind kind,
        OverflowPolicyValue overflow,
        Action<Diagnostic>? report)
    {
        string? problem = overflow switch
        {
            OverflowPolicyValue.DropOldest or OverflowPolicyValue.DropNewest or OverflowPolicyValue.Throw => null,
            OverflowPolicyValue.EvictLeastRecentlyUsed when kind != BoundedKind.Queue => null,
            OverflowPolicyValue.EvictLeastRecentlyUsed => "a queue cannot apply: a queue has no reads that refresh an item",
            _ => "is not a defined OverflowPolicy value",
        };

        if (problem is null)
        {
            return true;
        }

        string shown = Enum.IsDefined(typeof(OverflowPolicyValue), overflow) ? overflow.ToString() : ((int)overflow).ToString(System.Globalization.CultureInfo.InvariantCulture);
        report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.OverflowPolicyInvalid, AttributeLocationOf(type, attribute), type.Name, shown, problem));
        return false;
    }

    private static bool CheckMemberClashes(
        INamedTypeSymbol type,
        BoundedKind kind,
        bool resizableCapacity,
        bool expires,
        bool weighted,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken)
    {
        bool valid = true;

        // A member may not share its type's name (CS0542), so the type's own name is reserved like a member's.
        if (GeneratedMemberNames.IsReservedName(type.Name, kind, resizableCapacity, expires, weighted))
        {
            valid = false;
            if (report is null)
            {
                return false;
            }

            report(Diagnostic.Create(
                DiagnosticDescriptors.MemberClashesWithGenerated,
                DeclarationShape.FirstLocation(type),
                type.Name,
                "the type name '" + type.Name + "'",
                BoundedInterfaces.DisplayName(kind)));
        }

        foreach ((ISymbol member, INamedTypeSymbol? inheritedFrom, string description) in ClashingMembers(type, kind, resizableCapacity, expires, weighted, isUserMember, cancellationToken))
        {
            valid = false;
            if (report is null)
            {
                return false;
            }

            // An inherited member has no place in the user's type to point at; the type's name stands for it.
            report(Diagnostic.Create(
                DiagnosticDescriptors.MemberClashesWithGenerated,
                DeclarationShape.FirstLocation(inheritedFrom is null ? member : type),
                type.Name,
                inheritedFrom is null ? description : description + ", inherited from '" + inheritedFrom.Name + "',",
                BoundedInterfaces.DisplayName(kind)));
        }

        return valid;
    }

    // The user's own members, then the accessible members of the base types (a generated member would hide one of the
    // same name: CS0108, an error under TreatWarningsAsErrors).
    private static IEnumerable<(ISymbol Member, INamedTypeSymbol? InheritedFrom, string Description)> ClashingMembers(
        INamedTypeSymbol type,
        BoundedKind kind,
        bool resizableCapacity,
        bool expires,
        bool weighted,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((isUserMember is null || isUserMember(member)) && GeneratedMemberNames.Clashes(member, kind, resizableCapacity, out string description, expires, weighted))
            {
                yield return (member, null, description);
            }
        }

        for (INamedTypeSymbol? baseType = type.BaseType; baseType is { SpecialType: not SpecialType.System_Object }; baseType = baseType.BaseType)
        {
            foreach (ISymbol member in baseType.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.DeclaredAccessibility != Accessibility.Private
                    && member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.ExplicitInterfaceImplementation }
                    && member is not IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 }
                    && GeneratedMemberNames.Clashes(member, kind, resizableCapacity, out string description, expires, weighted))
                {
                    yield return (member, baseType, description);
                }
            }
        }
    }

    internal static Location AttributeLocationOf(INamedTypeSymbol type, AttributeData attribute)
    {
        return attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? DeclarationShape.FirstLocation(type);
    }
}
