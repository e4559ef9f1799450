using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>How a message names the member whose code adds or removes: a method, a property, a constructor.</summary>
internal static class MethodNames
{
    public static string Display(ISymbol symbol)
    {
        return symbol switch
        {
            IMethodSymbol { AssociatedSymbol: IPropertySymbol { IsIndexer: true } } => "indexer",
            IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove, AssociatedSymbol: { } owner } => owner.Name,
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => constructor.ContainingType.Name + " constructor",
            IMethodSymbol { MethodKind: MethodKind.Destructor } => "finalizer",
            IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => "operator",
            IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => "top-level statements",
            IFieldSymbol or IPropertySymbol => symbol.Name + " initializer",
            IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation } explicitImplementation => InCode(explicitImplementation.Name),
            _ => symbol.Name,
        };
    }

    /// <summary>
    /// A member's name as the code writes it: an explicit implementation's without its interface
    /// (<c>Autofac.IResolvePipelineTracer.OperationStart</c> is <c>OperationStart</c>).
    /// </summary>
    public static string InCode(string memberName)
    {
        int dot = memberName.LastIndexOf('.');
        return dot >= 0 ? memberName.Substring(dot + 1) : memberName;
    }

    /// <summary><c>Type.Method</c>, for code that changes a collection of another type.</summary>
    public static string Qualified(ISymbol symbol)
    {
        string display = Display(symbol);
        return symbol is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } || symbol.ContainingType is null
            ? display
            : symbol.ContainingType.Name + "." + display;
    }
}
