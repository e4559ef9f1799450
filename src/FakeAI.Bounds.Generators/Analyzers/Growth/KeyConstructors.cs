using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Whether a key struct or record of the program holds nothing but what its constructor is given, so that the key
/// <c>new MethodKey(method)</c> is one entry per value of its arguments, as a tuple of them would be. That is so when
/// every constructor the type declares assigns its fields and properties only from its parameters (their members, and
/// calls on them: <c>Token = method.MetadataToken; Module = method.Module;</c>), chains only to another such
/// constructor, and no field or property is initialized with anything but a constant. A constructor that reads the
/// time, a counter, a static or a helper's result (<c>DateTime.UtcNow</c>, <c>Interlocked.Increment(ref s_next)</c>,
/// <c>Compute(name)</c>) makes a key its arguments do not describe. Read from the syntax, conservatively: a name
/// the reading cannot place (a type's static member, a method of the key) is such a value.
/// </summary>
internal static class KeyConstructors
{
    public static bool StoreOnlyTheirArguments(INamedTypeSymbol type)
    {
        bool any = false;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.IsImplicitlyDeclared)
            {
                continue;
            }

            // A record's primary constructor stores its parameters in its properties and does nothing else.
            if (constructor.DeclaringSyntaxReferences.Length != 1
                || constructor.DeclaringSyntaxReferences[0].GetSyntax() switch
                {
                    ConstructorDeclarationSyntax declaration => !StoresOnlyItsParameters(declaration),
                    RecordDeclarationSyntax { ParameterList: not null } => false,
                    _ => true,
                })
            {
                return false;
            }

            any = true;
        }

        return any && !HasComputedInitializer(type);
    }

    private static bool StoresOnlyItsParameters(ConstructorDeclarationSyntax constructor)
    {
        var parameters = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ParameterSyntax parameter in constructor.ParameterList.Parameters)
        {
            parameters.Add(parameter.Identifier.ValueText);
        }

        // `: this(type1, type2, null, name)` passes on what it was given; `: base(…)` makes state this reading does not see.
        if (constructor.Initializer is { } chained
            && (!chained.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword) || !ReadsOnly(chained.ArgumentList, parameters)))
        {
            return false;
        }

        SyntaxNode? body = (SyntaxNode?)constructor.Body ?? constructor.ExpressionBody;
        if (body is null)
        {
            return false;
        }

        foreach (SyntaxNode node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when !ReadsOnly(assignment.Right, parameters) || assignment.Left is ThisExpressionSyntax:
                    return false;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                    // `Init(out _field)` stores what another method makes.
                    return false;
            }
        }

        return true;
    }

    // Every name in the value is a parameter, a member read on something else in the value (`method.Module`,
    // `type?.Name`), or inside `nameof(…)`, `typeof(…)` or a `throw`, which store nothing.
    private static bool ReadsOnly(SyntaxNode value, HashSet<string> parameters)
    {
        foreach (SyntaxNode node in value.DescendantNodesAndSelf(descendIntoChildren: static child => !IsInert(child)))
        {
            if (node is IdentifierNameSyntax { Identifier.ValueText: var name } identifier
                && !parameters.Contains(name)
                && !IsMemberName(identifier)
                && !IsInert(node))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInert(SyntaxNode node)
    {
        return node is ThrowExpressionSyntax or TypeOfExpressionSyntax
            || node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } };
    }

    private static bool IsMemberName(IdentifierNameSyntax identifier)
    {
        return identifier.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Name == identifier,
            MemberBindingExpressionSyntax => true,
            _ => false,
        };
    }

    // `private readonly long _created = Stopwatch.GetTimestamp();` or `public Guid Id { get; } = Guid.NewGuid();`:
    // state every object gets beside its arguments. A constant (`= 0`, `= "none"`) is the same in every key.
    private static bool HasComputedInitializer(INamedTypeSymbol type)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsStatic || member.Kind is not (SymbolKind.Field or SymbolKind.Property))
            {
                continue;
            }

            foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
            {
                EqualsValueClauseSyntax? initializer = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax variable => variable.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };
                if (initializer is not null && initializer.Value is not LiteralExpressionSyntax)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
