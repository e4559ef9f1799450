using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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

    /// <summary>A class whose every constructor is private: its instances are the ones it makes itself (the singleton).</summary>
    public static bool OnlyCreatesItself(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Private)
            {
                return false;
            }
        }

        return type.InstanceConstructors.Length > 0;
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
