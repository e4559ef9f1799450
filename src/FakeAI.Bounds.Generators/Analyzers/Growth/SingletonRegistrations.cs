using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Reads the class a Microsoft.Extensions.DependencyInjection call makes a singleton: <c>AddSingleton</c>,
/// <c>TryAddSingleton</c>, <c>AddHostedService</c> and <c>ServiceDescriptor.Singleton</c>, in their generic,
/// <c>typeof</c>, instance and factory forms (<c>AddSingleton&lt;IClock&gt;(sp =&gt; new SystemClock())</c>).
/// </summary>
internal static class SingletonRegistrations
{
    public static bool TryRead(IInvocationOperation invocation, out INamedTypeSymbol? implementation)
    {
        implementation = null;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name is not ("AddSingleton" or "TryAddSingleton" or "AddHostedService" or "Singleton")
            || method.ContainingNamespace?.ToDisplayString() is not { } ns
            || !ns.StartsWith("Microsoft.Extensions.DependencyInjection", System.StringComparison.Ordinal))
        {
            return false;
        }

        // A factory, an instance or a typeof says most precisely what is created; the last type argument otherwise.
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || (method.IsExtensionMethod && argument.Parameter?.Ordinal == 0))
            {
                continue;
            }

            INamedTypeSymbol? candidate = argument.Value.WithoutConversions() switch
            {
                ITypeOfOperation typeOf => typeOf.TypeOperand as INamedTypeSymbol,
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => Created(lambda),
                IAnonymousFunctionOperation lambda => Created(lambda),
                IObjectCreationOperation creation => creation.Type as INamedTypeSymbol,
                _ => null,
            };
            if (candidate is { TypeKind: TypeKind.Class })
            {
                implementation = candidate;
            }
        }

        if (implementation is null && method.TypeArguments.Length > 0 && method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol { TypeKind: TypeKind.Class } last)
        {
            implementation = last;
        }

        return implementation is not null && implementation.Locations.Length > 0 && implementation.Locations[0].IsInSource;
    }

    // The class a factory lambda returns a new instance of.
    private static INamedTypeSymbol? Created(IAnonymousFunctionOperation lambda)
    {
        foreach (IOperation operation in lambda.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && value.WithoutConversions() is IObjectCreationOperation { Type: INamedTypeSymbol created })
            {
                return created;
            }
        }

        return null;
    }
}
