using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// What the program is configured with: a value read from an options object (<c>_options.Value.QueueName</c>,
/// <c>_monitor.CurrentValue.Prefix</c>), from configuration (<c>configuration["Queue"]</c>, <c>section.Value</c>,
/// <c>configuration.GetValue&lt;string&gt;("Name")</c>, <c>GetConnectionString("Main")</c>), or from a read-only field
/// the constructors set to such an object (<c>_options = options.Value ?? throw …</c>, then <c>_options.ConnectionId</c>).
/// A map keyed by it holds one entry per configured name.
/// </summary>
internal static class ConfiguredValues
{
    // How far a configured value is read back through members (options.Value.Queues.Default.Name).
    private const int MaxConfigurationPath = 4;

    public static bool IsConfigured(IOperation value) => IsConfigured(value, throughFields: true);

    private static bool IsConfigured(IOperation value, bool throughFields)
    {
        IOperation? current = value;
        for (int step = 0; step < MaxConfigurationPath && current is not null; step++)
        {
            switch (current)
            {
                case IPropertyReferenceOperation { Property: var property } reference:
                    if ((property.Name is "Value" or "CurrentValue" && IsOptionsType(property.ContainingType))
                        || ((property.IsIndexer || property.Name == "Value") && IsConfigurationType(property.ContainingType)))
                    {
                        return true;
                    }

                    current = reference.Instance?.WithoutConversions();
                    break;
                case IFieldReferenceOperation { Field: { IsStatic: false, IsReadOnly: true } field, Instance: IInstanceReferenceOperation, SemanticModel: { } model } when throughFields:
                    return SetOnlyToConfiguration(field, model);
                case IFieldReferenceOperation { Field.IsStatic: false } field:
                    current = field.Instance?.WithoutConversions();
                    break;
                case IInvocationOperation { TargetMethod: { Name: "GetValue" or "GetConnectionString" or "Get", IsExtensionMethod: true }, Arguments.Length: > 0 } invocation:
                    return invocation.Arguments[0].Value.WithoutConversions().Type is { } receiver && IsConfigurationType(receiver);
                default:
                    return false;
            }
        }

        return false;
    }

    // A read-only field of this object that every constructor assignment sets to a configured value (with a throw for
    // a missing one), at least one does, and no initializer sets otherwise. Only the assignments that name the field
    // are bound, and only in the file the key is read in: a constructor in another part of a partial class is not
    // read, and the field counts as set to anything there.
    private static bool SetOnlyToConfiguration(IFieldSymbol field, SemanticModel model)
    {
        // Cheap first, for every key read from a read-only field: a constructor must be given what configures.
        if (!AnyConstructorTakesConfiguration(field.ContainingType))
        {
            return false;
        }

        bool any = false;
        foreach (SyntaxReference declaration in field.DeclaringSyntaxReferences)
        {
            if (declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer: not null })
            {
                return false;
            }
        }

        foreach (IMethodSymbol constructor in field.ContainingType.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                SyntaxNode body = reference.GetSyntax();
                if (body.SyntaxTree != model.SyntaxTree)
                {
                    return false;
                }

                foreach (SyntaxNode node in body.DescendantNodes())
                {
                    if (node is not AssignmentExpressionSyntax assignment || !NamesField(assignment.Left, field.Name))
                    {
                        continue;
                    }

                    if (model.GetOperation(assignment) is not ISimpleAssignmentOperation { Target: IFieldReferenceOperation target, Value: var assigned }
                        || !SymbolEqualityComparer.Default.Equals(target.Field, field))
                    {
                        continue;
                    }

                    if (!IsConfiguredOrThrows(assigned.WithoutConversions()))
                    {
                        return false;
                    }

                    any = true;
                }
            }
        }

        return any;
    }

    private static bool AnyConstructorTakesConfiguration(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                if (IsOptionsType(parameter.Type) || IsConfigurationType(parameter.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // `options.Value`, or `options.Value ?? throw new ArgumentNullException(…)`.
    private static bool IsConfiguredOrThrows(IOperation value)
    {
        return value is ICoalesceOperation coalesce && coalesce.WhenNull.WithoutConversions() is IThrowOperation
            ? IsConfigured(coalesce.Value.WithoutConversions(), throughFields: false)
            : IsConfigured(value, throughFields: false);
    }

    private static bool NamesField(ExpressionSyntax left, string name)
    {
        return left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
            _ => false,
        };
    }

    private static bool IsOptionsType(ITypeSymbol? type)
    {
        return type is { Name: "IOptions" or "IOptionsMonitor" or "IOptionsSnapshot" }
            && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Options";
    }

    private static bool IsConfigurationType(ITypeSymbol? type)
    {
        return type is { Name: "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" }
            && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";
    }
}
