using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Which fields of one class hold an instance the class creates: <c>= new X()</c> in the field's initializer or in a
/// constructor, or a <c>Lazy&lt;X&gt;</c>. Only such an instance shares its holder's life; a field set from outside (a
/// back-reference, a sentinel's null) says nothing about how long the object behind it lives. Read from syntax: the
/// declarators, and the constructors of the class, each walked once, when the first field asks.
/// </summary>
internal sealed class OwnedInstances
{
    private readonly INamedTypeSymbol _type;
    private readonly CancellationToken _cancellationToken;
    private HashSet<string>? _createdByConstructors;
    private HashSet<string>? _createdByStaticConstructor;

    public OwnedInstances(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        _type = type;
        _cancellationToken = cancellationToken;
    }

    /// <param name="member">A field or auto-property of the class.</param>
    public bool CreatesIt(ISymbol member)
    {
        if (member is IFieldSymbol { Type: var fieldType } && LongLivedShapes.IsLazy(fieldType)
            || member is IPropertySymbol { Type: var propertyType } && LongLivedShapes.IsLazy(propertyType))
        {
            return true;
        }

        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(_cancellationToken))
            {
                case VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax }:
                case PropertyDeclarationSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax }:
                    return true;
            }
        }

        HashSet<string> created = member.IsStatic
            ? _createdByStaticConstructor ??= AssignedWithCreations(_type.StaticConstructors)
            : _createdByConstructors ??= AssignedWithCreations(_type.InstanceConstructors);
        return created.Contains(member.Name);
    }

    /// <summary>
    /// A class whose every constructor is private and that makes its instances only as it is initialized (in a static
    /// field's or property's initializer, or its static constructor): its instances are the ones its statics hold (the
    /// singleton). A class whose own methods make more (<c>public static Result Error() =&gt; new Result(false)</c>) holds a
    /// sentinel in its static field, one object among many, as a class anyone can create does.
    /// </summary>
    public static bool OnlyCreatesItself(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Private)
            {
                return false;
            }
        }

        return type.InstanceConstructors.Length > 0 && !CreatesItselfOnDemand(type);
    }

    // `new Result(…)` (or `new(…)` returned by a method declared to return the class) outside the initializers of its
    // static fields and properties and its static constructor.
    private static bool CreatesItselfOnDemand(INamedTypeSymbol type)
    {
        foreach (SyntaxReference declaration in type.DeclaringSyntaxReferences)
        {
            foreach (SyntaxNode node in declaration.GetSyntax().DescendantNodes())
            {
                bool createsIt = node switch
                {
                    ObjectCreationExpressionSyntax { Type: var created } => NamesType(created, type.Name) && ArityOf(created) == type.Arity,
                    ImplicitObjectCreationExpressionSyntax implicitCreation => ReturnedAs(implicitCreation, type.Name),
                    _ => false,
                };
                if (createsIt && !InStaticInitialization(node))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // `new Logger<T>()` in a class Logger makes another type: the name alone does not say which.
    private static int ArityOf(TypeSyntax syntax)
    {
        return syntax switch
        {
            GenericNameSyntax generic => generic.Arity,
            QualifiedNameSyntax { Right: GenericNameSyntax generic } => generic.Arity,
            AliasQualifiedNameSyntax { Name: GenericNameSyntax generic } => generic.Arity,
            _ => 0,
        };
    }

    private static bool NamesType(TypeSyntax syntax, string name)
    {
        return syntax switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText == name,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == name,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText == name,
            _ => false,
        };
    }

    private static bool ReturnedAs(SyntaxNode creation, string name)
    {
        for (SyntaxNode? current = creation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case MethodDeclarationSyntax method:
                    return NamesType(method.ReturnType, name);
                case PropertyDeclarationSyntax property:
                    return NamesType(property.Type, name);
                case BaseTypeDeclarationSyntax or LambdaExpressionSyntax or LocalFunctionStatementSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool InStaticInitialization(SyntaxNode node)
    {
        for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } }:
                    return field.Modifiers.Any(SyntaxKind.StaticKeyword);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return property.Modifiers.Any(SyntaxKind.StaticKeyword);
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    // The names a constructor assigns a new object to: `_cache = new Cache();`, `this.Cache = new();`.
    private HashSet<string> AssignedWithCreations(System.Collections.Immutable.ImmutableArray<IMethodSymbol> constructors)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (IMethodSymbol constructor in constructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                foreach (SyntaxNode node in reference.GetSyntax(_cancellationToken).DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Right: BaseObjectCreationExpressionSyntax } assignment
                        && AssignedName(assignment.Left) is { } name)
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names;
    }

    private static string? AssignedName(ExpressionSyntax target)
    {
        return target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access => access.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
