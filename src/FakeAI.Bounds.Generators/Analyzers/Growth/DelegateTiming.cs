using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Tells code that runs later, by itself — a lambda handed to a timer, <c>Task.Run</c>, an event — from a lambda that
/// runs right there, inside the call that receives it (a LINQ <c>Select</c>, a <c>List.ForEach</c>, a
/// <c>RemoveAll</c> predicate, the program's own <c>ForEach</c> extension over a sequence).
/// </summary>
internal static class DelegateTiming
{
    /// <summary>
    /// Whether <paramref name="operation"/> sits in a lambda that runs later (a local function is called where the
    /// method calls it, so what it does counts as the method's).
    /// </summary>
    public static bool RunsLater(IOperation operation) => InDeferredFunction(operation, localFunctionsMayRunLater: false);

    /// <summary>
    /// Whether <paramref name="operation"/> sits in a local function, or in a lambda that may run after the call that
    /// receives it: what a constructor writes there is not the object's initial state.
    /// </summary>
    public static bool MayRunAfterItsMethod(IOperation operation) => InDeferredFunction(operation, localFunctionsMayRunLater: true);

    // The innermost lambda or local function around the operation decides: a lambda by the call that receives it.
    private static bool InDeferredFunction(IOperation operation, bool localFunctionsMayRunLater)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation lambda:
                    return !RunsInsideTheReceivingCall(lambda);
                case ILocalFunctionOperation:
                    return localFunctionsMayRunLater;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="invocation"/> starts a task that its caller neither awaits nor returns
    /// (<c>_loop = ReadLoopAsync(token);</c>, <c>_ = PumpAsync();</c>): the method goes on by itself after the caller has
    /// returned.
    /// </summary>
    public static bool StartsWithoutWaiting(IInvocationOperation invocation)
    {
        // `async void`: nothing can wait for it; it goes on by itself from its first await.
        if (invocation.TargetMethod is { IsAsync: true, ReturnsVoid: true })
        {
            return true;
        }

        if (!IsTask(invocation.Type))
        {
            return false;
        }

        IOperation current = invocation;
        IOperation? parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation
            || (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && ReferenceEquals(configure.Instance, current)))
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent is not (IAwaitOperation or IReturnOperation);
    }

    private static bool IsTask(ITypeSymbol? type)
    {
        return type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }

    /// <summary>Whether <paramref name="operation"/> sits in any lambda or local function.</summary>
    public static bool InsideLambda(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    // A lambda passed to System.Linq or to a collection's own method runs before that call returns.
    private static bool RunsInsideTheReceivingCall(IAnonymousFunctionOperation lambda)
    {
        IOperation? parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            return false;
        }

        string? ns = invocation.TargetMethod.ContainingNamespace?.ToDisplayString();
        return (ns is not null && (ns.StartsWith("System.Linq", System.StringComparison.Ordinal) || ns.StartsWith("System.Collections", System.StringComparison.Ordinal)))
            || IsForEachHelper(invocation.TargetMethod);
    }

    // A program's own `ForEach` or `Each` extension over a sequence (`addresses.ForEach((k, v) => map[k] = v)`): it
    // runs the action on each element, there and then, as List.ForEach does.
    private static bool IsForEachHelper(IMethodSymbol method)
    {
        IMethodSymbol definition = method.ReducedFrom ?? method;
        return definition is { IsExtensionMethod: true, Name: "ForEach" or "Each", Parameters.Length: 2 }
            && definition.Parameters[1].Type.TypeKind == TypeKind.Delegate
            && IsSequence(definition.Parameters[0].Type);
    }

    private static bool IsSequence(ITypeSymbol type)
    {
        return type.SpecialType == SpecialType.System_Collections_IEnumerable || TypeHierarchy.ImplementsEnumerable(type);
    }
}
