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
    public static string? LocalReason(INamedTypeSymbol type, Common.TrackerKind tracker, string? trackerSuffix, OwnedInstances owned)
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
            // Fields, and auto-properties through their backing fields.
            ISymbol? holder = member is IFieldSymbol { IsStatic: true, IsConst: false } field ? field.AssociatedSymbol ?? field : null;
            if (holder is not null && IsSingletonHolder(holder, type, owned))
            {
                return "the static " + Kind(holder) + " '" + type.Name + "." + holder.Name + "' holds its single instance";
            }
        }

        return null;
    }

    /// <summary>
    /// A static field or auto-property of <paramref name="type"/> that holds the one instance of it: one it creates,
    /// when the class cannot be created elsewhere (all constructors private) or through a <c>Lazy&lt;T&gt;</c>. A
    /// sentinel (<c>public static readonly Node Empty = new();</c> of a class anyone can create) is one object, not
    /// every instance.
    /// </summary>
    public static bool IsSingletonHolder(ISymbol holder, INamedTypeSymbol type, OwnedInstances owned)
    {
        ITypeSymbol? holderType = holder switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        return holder.IsStatic
            && holderType is not null
            && HeldType(holderType) is { } held
            && SymbolEqualityComparer.Default.Equals(held.OriginalDefinition, type.OriginalDefinition)
            && (OwnedInstances.OnlyCreatesItself(type) || IsLazy(holderType))
            && owned.CreatesIt(holder);
    }

    /// <summary>The end of a message about a static member: why it lives as long as the process.</summary>
    public static string OfStaticMember(ISymbol member)
    {
        return "a static " + Kind(member) + " lives as long as the process";
    }

    /// <summary>The end of a message about a class's instance member: "'Type' lives as long as the process: reason".</summary>
    public static string OfType(INamedTypeSymbol type, string reason)
    {
        return "'" + type.Name + "' lives as long as the process: " + reason;
    }

    /// <summary>Whether the type is <see cref="System.Lazy{T}"/>.</summary>
    public static bool IsLazy(ITypeSymbol type)
    {
        return type is INamedTypeSymbol { Name: "Lazy", TypeArguments.Length: 1 } lazy && lazy.ContainingNamespace?.ToDisplayString() == "System";
    }

    /// <summary>The class a field of this type holds one instance of: the type itself, or the T of a <c>Lazy&lt;T&gt;</c>.</summary>
    public static INamedTypeSymbol? HeldType(ITypeSymbol type)
    {
        if (IsLazy(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
        }

        return type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && named.Locations.Length > 0 && named.Locations[0].IsInSource
            ? named
            : null;
    }

    private static string Kind(ISymbol member) => member is IPropertySymbol ? "property" : "field";

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
