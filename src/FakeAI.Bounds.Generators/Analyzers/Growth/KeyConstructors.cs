using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Whether a key struct or record of the program holds nothing but what its constructor is given, so that the key
/// <c>new MethodKey(method)</c> is one entry per value of its arguments, as a tuple of them would be. That is so when
/// every constructor the type declares is a list of guard clauses (<c>if (…) throw …;</c>) and assignments of a field or
/// auto-property from a parameter or what is read from one (<c>Token = method.MetadataToken;</c>,
/// <c>Name = name ?? throw new ArgumentNullException(nameof(name));</c>, <c>type?.Name</c>, <c>method.GetParameters()</c>),
/// chains only to another such constructor (<c>: this(type1, type2, null, name)</c>), no field or property is
/// initialized with anything but a constant, and the type derives from no other record. Anything else stores what its
/// arguments do not describe: a call on the key itself or a static (<c>Init()</c>, <c>this.Now()</c>,
/// <c>Ids&lt;int&gt;.Next()</c>), a new object compared by reference, a lambda, a property whose setter may do more, a
/// base record's state. Read from the syntax, once per type.
/// </summary>
internal static class KeyConstructors
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, StrongBox<bool>> Answers = new();

    public static bool StoreOnlyTheirArguments(INamedTypeSymbol type)
    {
        if (Answers.TryGetValue(type, out StrongBox<bool>? known))
        {
            return known.Value;
        }

        bool answer = Read(type);
        return Answers.GetValue(type, _ => new StrongBox<bool>(answer)).Value;
    }

    private static bool Read(INamedTypeSymbol type)
    {
        if (type.BaseType is { IsRecord: true })
        {
            return false;
        }

        var stored = StoredMembers(type);
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
                    ConstructorDeclarationSyntax declaration => !StoresOnlyItsParameters(declaration, stored),
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

    // The names of the type's instance fields and auto-properties: assigning one stores the value and nothing else.
    private static HashSet<string> StoredMembers(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false } field)
            {
                names.Add(field.AssociatedSymbol is IPropertySymbol property ? property.Name : field.Name);
            }
        }

        return names;
    }

    private static bool StoresOnlyItsParameters(ConstructorDeclarationSyntax constructor, HashSet<string> stored)
    {
        var parameters = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ParameterSyntax parameter in constructor.ParameterList.Parameters)
        {
            parameters.Add(parameter.Identifier.ValueText);
        }

        // `: this(type1, type2, null, name)` passes on what it was given; `: base(…)` makes state this reading does not see.
        if (constructor.Initializer is { } chained)
        {
            if (!chained.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword))
            {
                return false;
            }

            foreach (ArgumentSyntax argument in chained.ArgumentList.Arguments)
            {
                if (argument.RefKindKeyword.RawKind != 0 || !IsReadFromParameters(argument.Expression, parameters))
                {
                    return false;
                }
            }
        }

        if (constructor.ExpressionBody is { Expression: var expression })
        {
            return IsStoring(expression, parameters, stored);
        }

        if (constructor.Body is not { } body)
        {
            return false;
        }

        foreach (StatementSyntax statement in body.Statements)
        {
            bool allowed = statement switch
            {
                ExpressionStatementSyntax { Expression: var assignment } => IsStoring(assignment, parameters, stored),
                ThrowStatementSyntax => true,
                IfStatementSyntax { Else: null, Statement: var guard } => IsThrow(guard),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsThrow(StatementSyntax statement)
    {
        return statement is ThrowStatementSyntax || (statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ThrowStatementSyntax);
    }

    // `Name = name;`, `this.Name = name;`: a field or auto-property of the key set from its parameters.
    private static bool IsStoring(ExpressionSyntax expression, HashSet<string> parameters, HashSet<string> stored)
    {
        if (expression is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment)
        {
            return false;
        }

        string? target = assignment.Left switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };
        return target is not null && stored.Contains(target) && !parameters.Contains(target) && IsReadFromParameters(assignment.Right, parameters);
    }

    // A parameter, a literal, `nameof(…)`, `typeof(…)`, a member read or a call on such a value (`method.Module`,
    // `type?.Name`, `method.GetParameters()`), `??`, a `?:` of them, or a `throw`.
    private static bool IsReadFromParameters(ExpressionSyntax value, HashSet<string> parameters)
    {
        switch (value)
        {
            case IdentifierNameSyntax { Identifier.ValueText: var name }:
                return parameters.Contains(name);
            case LiteralExpressionSyntax or TypeOfExpressionSyntax or ThrowExpressionSyntax:
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                return IsReadFromParameters(parenthesized.Expression, parameters);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                return true;
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access:
                return IsReadFromParameters(access.Expression, parameters);
            case ConditionalAccessExpressionSyntax conditional:
                return IsReadFromParameters(conditional.Expression, parameters) && IsBoundRead(conditional.WhenNotNull, parameters);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access } call:
                return IsReadFromParameters(access.Expression, parameters) && AreReadFromParameters(call.ArgumentList, parameters);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                return IsReadFromParameters(binary.Left, parameters) && IsReadFromParameters(binary.Right, parameters);
            case ConditionalExpressionSyntax choice:
                return IsReadFromParameters(choice.Condition, parameters) && IsReadFromParameters(choice.WhenTrue, parameters) && IsReadFromParameters(choice.WhenFalse, parameters);
            default:
                return false;
        }
    }

    // What follows `?.`: `.Name`, `.GetName()`, `.Name.Length`.
    private static bool IsBoundRead(ExpressionSyntax whenNotNull, HashSet<string> parameters)
    {
        return whenNotNull switch
        {
            MemberBindingExpressionSyntax => true,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } access => IsBoundRead(access.Expression, parameters),
            InvocationExpressionSyntax call => IsBoundRead(call.Expression, parameters) && AreReadFromParameters(call.ArgumentList, parameters),
            _ => false,
        };
    }

    private static bool AreReadFromParameters(ArgumentListSyntax arguments, HashSet<string> parameters)
    {
        foreach (ArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.RefKindKeyword.RawKind != 0 || !IsReadFromParameters(argument.Expression, parameters))
            {
                return false;
            }
        }

        return true;
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
