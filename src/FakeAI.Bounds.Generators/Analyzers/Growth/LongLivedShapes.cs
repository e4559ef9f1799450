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
    /// <param name="type">The class.</param>
    /// <param name="tracker">Whether it is a tracker, and how.</param>
    /// <param name="trackerSuffix">The suffix its name ends in, for a tracker by name.</param>
    /// <param name="singletonHolder">Its static field or property that holds its single instance, if any
    /// (<see cref="IsSingletonHolder"/>, found by the walk over the class's fields that looks for holders anyway).</param>
    public static string? LocalReason(INamedTypeSymbol type, Common.TrackerKind tracker, string? trackerSuffix, ISymbol? singletonHolder)
    {
        switch (tracker)
        {
            case Common.TrackerKind.Strict:
                return "it is marked [BoundedTracker]";
            case Common.TrackerKind.ByName:
                return "its name ends in '" + trackerSuffix + "', a tracker suffix the project declares";
        }

        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            return null;
        }

        if (HostedServiceReason(type) is { } hosted)
        {
            return hosted;
        }

        if (IsMiddleware(type))
        {
            return "it is ASP.NET Core middleware, created once for the application";
        }

        return singletonHolder is null
            ? null
            : "the static " + Kind(singletonHolder) + " '" + type.Name + "." + singletonHolder.Name + "' holds its single instance";
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

    /// <summary>A hosted service (a <c>BackgroundService</c>, or any <c>IHostedService</c>): the host builds one as it starts.</summary>
    public static bool IsHostedService(INamedTypeSymbol type) => HostedServiceReason(type) is not null;

    private static string? HostedServiceReason(INamedTypeSymbol type)
    {
        // Names first: the namespace is built as a string only for a class or interface of the right name.
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.BaseType is { Name: "BackgroundService" } hosted && hosted.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting")
            {
                return "it is a hosted service (BackgroundService)";
            }

            foreach (INamedTypeSymbol implemented in current.Interfaces)
            {
                if (implemented.Name == "IHostedService" && implemented.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting")
                {
                    return "it is a hosted service (IHostedService)";
                }
            }
        }

        return null;
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

    // Conventional middleware: an Invoke or InvokeAsync taking the HttpContext, and a constructor that takes the next
    // RequestDelegate. Looked up by name, so that an ordinary class costs two lookups, not a walk of its members.
    private static bool IsMiddleware(INamedTypeSymbol type)
    {
        bool invokes = false;
        foreach (string name in new[] { "Invoke", "InvokeAsync" })
        {
            foreach (ISymbol member in type.GetMembers(name))
            {
                invokes |= member is IMethodSymbol { Parameters.Length: > 0 } invoke && invoke.Parameters[0].Type.Name == "HttpContext";
            }
        }

        if (!invokes)
        {
            return false;
        }

        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (IParameterSymbol parameter in constructor.Parameters)
            {
                if (parameter.Type.Name == "RequestDelegate")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
