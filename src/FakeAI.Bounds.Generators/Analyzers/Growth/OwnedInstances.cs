using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Whether a field holds an instance its own class creates: <c>= new X()</c> in its initializer or in a constructor
/// of the class, or a <c>Lazy&lt;X&gt;</c>. Only such an instance shares its holder's life; a field set from outside
/// (a back-reference, a sentinel's null) says nothing about how long the object behind it lives. Read from syntax: the
/// declarator and the constructors of the class, nothing else.
/// </summary>
internal static class OwnedInstances
{
    public static bool CreatesIt(ISymbol member, System.Threading.CancellationToken cancellationToken)
    {
        ITypeSymbol? type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { Name: "Lazy" })
        {
            return true;
        }

        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value } when IsCreation(value):
                case PropertyDeclarationSyntax { Initializer.Value: { } initial } when IsCreation(initial):
                    return true;
            }
        }

        foreach (IMethodSymbol constructor in member.IsStatic ? member.ContainingType.StaticConstructors : member.ContainingType.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                foreach (SyntaxNode node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && IsCreation(assignment.Right) && AssignedName(assignment.Left) == member.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
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

    private static bool IsCreation(ExpressionSyntax value)
    {
        return value is BaseObjectCreationExpressionSyntax;
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
