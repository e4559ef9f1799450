using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The reasons a class is long-lived that its own declaration shows: [BoundedTracker], a tracker's name, a hosted
/// service (<c>BackgroundService</c>, <c>IHostedService</c>), ASP.NET Core middleware (built once, with the next
/// <c>RequestDelegate</c>), and a static field of its own type (the singleton <c>Instance</c>). Each is said the way
/// the message continues "'Type' lives as long as the process: …".
/// </summary>
internal static class LongLivedShapes
{
    public static string? LocalReason(INamedTypeSymbol type, Common.TrackerKind tracker, string? trackerSuffix)
    {
        switch (tracker)
        {
            case Common.TrackerKind.Strict:
                return "it is marked [BoundedTracker]";
            case Common.TrackerKind.ByName:
                return "it is named like a tracker (…" + trackerSuffix + ")";
        }

        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            return null;
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "BackgroundService" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting")
            {
                return "it is a hosted service (BackgroundService)";
            }
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (implemented.Name == "IHostedService" && implemented.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting")
            {
                return "it is a hosted service (IHostedService)";
            }
        }

        if (IsMiddleware(type))
        {
            return "it is ASP.NET Core middleware, created once for the application";
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: true, IsConst: false } field && HeldType(field.Type) is { } held
                && SymbolEqualityComparer.Default.Equals(held.OriginalDefinition, type.OriginalDefinition)
                && (OwnedInstances.OnlyCreatesItself(type) || field.Type is INamedTypeSymbol { Name: "Lazy" }))
            {
                string kind = field.AssociatedSymbol is IPropertySymbol ? "property" : "field";
                return "the static " + kind + " '" + type.Name + "." + (field.AssociatedSymbol ?? field).Name + "' holds its single instance";
            }
        }

        return null;
    }

    /// <summary>The class a field of this type holds one instance of: the type itself, or the T of a <c>Lazy&lt;T&gt;</c>.</summary>
    public static INamedTypeSymbol? HeldType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "Lazy", TypeArguments.Length: 1 } lazy && lazy.ContainingNamespace?.ToDisplayString() == "System")
        {
            type = lazy.TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.Locations.Length > 0 && named.Locations[0].IsInSource
            ? named
            : null;
    }

    // Conventional middleware: a constructor that takes the next RequestDelegate, and an Invoke or InvokeAsync.
    private static bool IsMiddleware(INamedTypeSymbol type)
    {
        bool takesNext = false;
        bool invokes = false;
        foreach (ISymbol member in type.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                    foreach (IParameterSymbol parameter in constructor.Parameters)
                    {
                        takesNext |= parameter.Type.Name == "RequestDelegate";
                    }

                    break;
                case IMethodSymbol { Name: "Invoke" or "InvokeAsync", Parameters.Length: > 0 } invoke:
                    invokes |= invoke.Parameters[0].Type.Name == "HttpContext";
                    break;
            }
        }

        return takesNext && invokes;
    }
}
