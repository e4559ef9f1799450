using System;
using System.Collections.Generic;
using System.Threading;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// Reads a <c>[BoundedTracker]</c> class into a <see cref="TrackerModel"/>: checks that the generated members can be
/// added to it and finds its bounded members. Shared by the generator and the tracker analyzer, like
/// <see cref="BoundedDeclarationReader"/>: the generator passes no reporter and stops at the first problem that
/// prevents generation; the analyzer passes one and hears about every problem, including the warnings (a tracker
/// without bounded members, a member whose bound is invisible) that do not prevent generation.
/// </summary>
internal static class TrackerDeclarationReader
{
    private const string TrackerRole = "Tracker";

    private static readonly SymbolDisplayFormat MemberTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private static readonly SymbolDisplayFormat MessageTypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>Reads a tracker.</summary>
    /// <param name="type">The class that carries <c>[BoundedTracker]</c>.</param>
    /// <param name="report">Receives a diagnostic per problem; <see langword="null"/> to stop at the first one that prevents generation.</param>
    /// <param name="isUserMember">Tells the user's members from generated ones (the analyzer sees both); <see langword="null"/> when all are the user's.</param>
    /// <param name="assignedTypes">
    /// The types of the values assigned to a member in the tracker's own code, so that a message can name the
    /// <c>[Bounded]</c> class to declare an interface-typed member as; <see langword="null"/> when unknown.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model, or <see langword="null"/> when nothing may be generated for the class.</returns>
    public static TrackerModel? Read(
        INamedTypeSymbol type,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        Func<ISymbol, IEnumerable<ITypeSymbol>>? assignedTypes,
        CancellationToken cancellationToken)
    {
        // [BoundedTracker] applies to classes only; on anything else the compiler reports CS0592.
        if (type.TypeKind != TypeKind.Class)
        {
            return null;
        }

        bool valid = CheckShape(type, report, cancellationToken);
        if (!valid && report is null)
        {
            return null;
        }

        valid &= CheckClashes(type, report, isUserMember, cancellationToken);
        if (!valid && report is null)
        {
            return null;
        }

        EquatableArray<TrackerMemberModel> members = ReadMembers(type, report, isUserMember, assignedTypes, cancellationToken);
        if (!valid)
        {
            return null;
        }

        return new TrackerModel(
            Namespace: DeclarationShape.Namespace(type),
            ContainingTypes: DeclarationShape.ReadContainingTypes(type),
            Keyword: DeclarationShape.Keyword(type),
            Name: type.Name,
            NameWithTypeParameters: DeclarationShape.NameWithTypeParameters(type),
            HintName: DeclarationShape.HintName(type, TrackerRole),
            Members: members);
    }

    /// <summary>
    /// Whether <paramref name="declaration"/> is the declaration of <paramref name="type"/> whose <c>[BoundedTracker]</c>
    /// the generator reads. A class with the attribute on two of its partial declarations (an error, CS0579) is found
    /// once per declaration; reading only the first keeps the generator from writing its file twice.
    /// </summary>
    public static bool IsReadFrom(INamedTypeSymbol type, SyntaxNode declaration)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (BoundedMemberTypes.IsRuntimeAttribute(attribute.AttributeClass, "BoundedTrackerAttribute"))
            {
                return attribute.ApplicationSyntaxReference is { } application
                    && application.SyntaxTree == declaration.SyntaxTree
                    && declaration.Span.Contains(application.Span);
            }
        }

        return false;
    }

    // The generated part reopens the class as an instance class in another file.
    private static bool CheckShape(INamedTypeSymbol type, Action<Diagnostic>? report, CancellationToken cancellationToken)
    {
        bool valid = true;
        string? problem = type switch
        {
            { IsStatic: true } => "it is static, and the generated members report on an instance; remove 'static'",
            { IsFileLocal: true } => "it is file-local, so the generated part in another file cannot reopen it; remove 'file'",
            _ => DeclarationShape.FileLocalContainer(type) is { } container
                ? "it is nested in the file-local type '" + container.Name + "', which the generated part in another file cannot reopen; remove 'file' from '" + container.Name + "'"
                : null,
        };

        if (problem is not null)
        {
            valid = false;
            if (report is null)
            {
                return false;
            }

            report(Diagnostic.Create(DiagnosticDescriptors.TrackerNotGeneratable, DeclarationShape.FirstLocation(type), type.Name, problem));
        }

        foreach ((INamedTypeSymbol part, string where) in DeclarationShape.NotPartial(type, cancellationToken))
        {
            valid = false;
            if (report is null)
            {
                return false;
            }

            report(Diagnostic.Create(
                DiagnosticDescriptors.TrackerNotGeneratable,
                DeclarationShape.FirstLocation(part),
                type.Name,
                "add the 'partial' modifier to " + where));
        }

        return valid;
    }

    private static bool CheckClashes(
        INamedTypeSymbol type,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        CancellationToken cancellationToken)
    {
        var clashes = new List<(Location Location, string What, string Fix)>();

        // A member may not share its type's name (CS0542), so the class's own name is reserved like a member's.
        if (TrackerMemberNames.IsReservedName(type.Name))
        {
            clashes.Add((DeclarationShape.FirstLocation(type), "is named like a generated member", "rename the class"));
        }

        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsImplicitlyDeclared
                && (isUserMember is null || isUserMember(member))
                && TrackerMemberNames.IsReservedName(member.Name))
            {
                clashes.Add((DeclarationShape.FirstLocation(member), "declares " + member.Name, "rename or remove it"));
            }
        }

        // An inherited member of a reserved name would be hidden by the generated one (CS0108 in generated code); the
        // generated members of a base tracker would be hidden too, and the derived report would leave out the base's
        // bounded members.
        for (INamedTypeSymbol? baseType = type.BaseType; baseType is { SpecialType: not SpecialType.System_Object }; baseType = baseType.BaseType)
        {
            if (HasTrackerAttribute(baseType))
            {
                clashes.Add((
                    DeclarationShape.FirstLocation(type),
                    "derives from the [BoundedTracker] class '" + baseType.Name + "'",
                    "mark only one class of the hierarchy [BoundedTracker]"));
                break;
            }

            foreach (ISymbol member in baseType.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.DeclaredAccessibility != Accessibility.Private
                    && !member.IsImplicitlyDeclared
                    && TrackerMemberNames.IsReservedName(member.Name))
                {
                    clashes.Add((
                        DeclarationShape.FirstLocation(type),
                        "inherits " + member.Name + " from '" + baseType.Name + "'",
                        "rename it in '" + baseType.Name + "'"));
                }
            }
        }

        if (report is not null)
        {
            foreach ((Location location, string what, string fix) in clashes)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.TrackerMemberClashesWithGenerated, location, type.Name, what, fix));
            }
        }

        return clashes.Count == 0;
    }

    private static EquatableArray<TrackerMemberModel> ReadMembers(
        INamedTypeSymbol type,
        Action<Diagnostic>? report,
        Func<ISymbol, bool>? isUserMember,
        Func<ISymbol, IEnumerable<ITypeSymbol>>? assignedTypes,
        CancellationToken cancellationToken)
    {
        var members = new List<TrackerMemberModel>();
        bool invisibleReported = false;
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DataMemberType(member, isUserMember, out TrackerMemberKind kind, out bool readable) is not { } memberType)
            {
                continue;
            }

            MemberBound bound = BoundedMemberTypes.Classify(memberType, isUserMember, cancellationToken);
            if (bound == MemberBound.None)
            {
                continue;
            }

            if (bound == MemberBound.Generated && readable)
            {
                members.Add(new TrackerMemberModel(member.Name, member.IsStatic, kind, memberType.ToDisplayString(MemberTypeFormat), BoundedMemberTypes.HasMaxAge(memberType), BoundedMemberTypes.HasMaxWeight(memberType)));
                continue;
            }

            if (report is not null)
            {
                (string reason, string fix) = bound == MemberBound.Generated
                    ? ("it has no get accessor", "add one, even a private one")
                    : Explain(bound, memberType, member, isUserMember, assignedTypes, cancellationToken);
                report(Diagnostic.Create(
                    DiagnosticDescriptors.TrackerMemberBoundInvisible,
                    DeclarationShape.FirstLocation(member),
                    member.Name,
                    type.Name,
                    reason,
                    fix));
                invisibleReported = true;
            }
        }

        // A member reported as invisible explains the missing bound better; fixing it fixes this too.
        if (members.Count == 0 && !invisibleReported)
        {
            report?.Invoke(Diagnostic.Create(DiagnosticDescriptors.TrackerWithoutBoundedMember, DeclarationShape.FirstLocation(type), type.Name));
        }

        return new EquatableArray<TrackerMemberModel>(members.ToArray());
    }

    // The type of a field or property the generated members could read: declared in the class by the user, not constants,
    // indexers or explicit interface implementations (which have no simple name to read them by).
    private static ITypeSymbol? DataMemberType(
        ISymbol member,
        Func<ISymbol, bool>? isUserMember,
        out TrackerMemberKind kind,
        out bool readable)
    {
        kind = TrackerMemberKind.Field;
        readable = true;
        if (member.IsImplicitlyDeclared || (isUserMember is not null && !isUserMember(member)))
        {
            return null;
        }

        switch (member)
        {
            case IFieldSymbol { IsConst: false } field:
                return field.Type;
            case IPropertySymbol { IsIndexer: false, ExplicitInterfaceImplementations.IsEmpty: true } property:
                kind = TrackerMemberKind.Property;
                readable = property.GetMethod is not null;
                return property.Type;
            default:
                return null;
        }
    }

    private static (string Reason, string Fix) Explain(
        MemberBound bound,
        ITypeSymbol memberType,
        ISymbol member,
        Func<ISymbol, bool>? isUserMember,
        Func<ISymbol, IEnumerable<ITypeSymbol>>? assignedTypes,
        CancellationToken cancellationToken)
    {
        string shown = "'" + memberType.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(MessageTypeFormat) + "'";
        switch (bound)
        {
            case MemberBound.Interface:
                string reason = "its type " + shown + " is an interface, whose MaxLength the generator cannot know";
                return AssignedBoundedType(member, isUserMember, assignedTypes, cancellationToken) is { } assigned
                    ? (reason, "declare it as '" + assigned.ToDisplayString(MessageTypeFormat) + "', the [Bounded] class assigned to it")
                    : (reason, "declare it as a [Bounded] class that implements " + shown);
            case MemberBound.NotGenerated:
                return ("its type " + shown + " is a [Bounded] class that the generator does not implement",
                    "fix the declaration of " + shown + " as its BND1xx error says");
            case MemberBound.CompiledWithoutGenerator:
                return ("its type " + shown + " was compiled without the generated DeclaredMaxLength constant",
                    "build its assembly with the FakeAI.Bounds generator, or declare the member as a [Bounded] class of this project");
            default:
                return ("its type " + shown + " implements IBoundedCollection by hand, so its MaxLength is unknown to the generator",
                    "declare it as a [Bounded(MaxLength = N)] partial class instead");
        }
    }

    // The one [Bounded] class the tracker's code assigns to the member, if there is exactly one.
    private static ITypeSymbol? AssignedBoundedType(
        ISymbol member,
        Func<ISymbol, bool>? isUserMember,
        Func<ISymbol, IEnumerable<ITypeSymbol>>? assignedTypes,
        CancellationToken cancellationToken)
    {
        if (assignedTypes is null)
        {
            return null;
        }

        ITypeSymbol? found = null;
        foreach (ITypeSymbol candidate in assignedTypes(member))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, found))
            {
                continue;
            }

            if (found is not null || BoundedMemberTypes.Classify(candidate, isUserMember, cancellationToken) != MemberBound.Generated)
            {
                return null;
            }

            found = candidate;
        }

        return found;
    }

    private static bool HasTrackerAttribute(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (BoundedMemberTypes.IsRuntimeAttribute(attribute.AttributeClass, "BoundedTrackerAttribute"))
            {
                return true;
            }
        }

        return false;
    }
}
