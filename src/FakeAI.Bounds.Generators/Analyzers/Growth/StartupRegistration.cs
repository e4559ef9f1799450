using System;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Registration at startup: a public or internal <c>Register…</c>, <c>Add…</c>, <c>Use…</c>, <c>Map…</c>,
/// <c>Configure…</c>, <c>Subscribe…</c>, <c>Install…</c>, <c>Include…</c>, <c>Exclude…</c> or <c>Ignore…</c> method (or
/// property setter) that puts a callback, a type, a resource or an option into a static collection or one of a
/// long-lived object. It grows
/// once per call the program makes while it starts, not per request; it is growth only when code that serves traffic
/// calls it too. So its findings wait for the end of the compilation, which tells every place that calls it.
/// </summary>
internal static class StartupRegistration
{
    private static readonly string[] RegistrationPrefixes = { "Register", "Add", "Use", "Map", "Configure", "Subscribe", "Install", "Include", "Exclude", "Ignore" };

    private static readonly string[] StartupPrefixes =
    {
        "Main", "Configure", "Use", "Add", "Register", "Build", "Setup", "SetUp", "Init", "Initialize", "Map", "Bootstrap", "Install", "Load",
    };

    private static readonly string[] StartupTypeSuffixes = { "Builder", "Configurator", "Extensions", "Startup", "Program", "Module", "Installer", "Bootstrapper", "StartupTask" };

    // What a class that runs once as its host starts implements, and the method of it that runs then: the start of a
    // hosted service (not a BackgroundService's ExecuteAsync, its loop), a startup task, action or filter, a lifecycle
    // participant (whose Participate subscribes its stages before the host runs).
    private static readonly (string Interface, string Method)[] StartupMethods =
    {
        ("IHostedService", "StartAsync"), ("IHostedLifecycleService", "StartingAsync"), ("IStartupTask", "ExecuteAsync"), ("IStartupTask", "Execute"),
        ("IStartupTask", "StartAsync"), ("IStartupAction", "RunAsync"), ("IStartupFilter", "Configure"), ("IHostingStartup", "Configure"),
        ("ILifecycleParticipant", "Participate"),
    };

    /// <summary>
    /// A public or internal registration method (<c>Register…</c>, <c>Add…</c>, <c>Exclude…</c> and the like), or the
    /// setter of such a property (<c>Settings.AddJsonImport = true</c>): static, or of a long-lived object (a registry
    /// a builder fills, a lifecycle observers subscribe to). Internal ones are asked about too: every caller of an
    /// internal method is in the compilation, which tells whether they all run at startup.
    /// </summary>
    public static bool IsRegistrationMethod(ISymbol method)
    {
        return method switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary } ordinary => IsVisibleToCallers(ordinary) && StartsWithAny(ordinary.Name, RegistrationPrefixes),
            IMethodSymbol { MethodKind: MethodKind.PropertySet, AssociatedSymbol: IPropertySymbol property } setter
                => IsVisibleToCallers(setter) && IsVisibleToCallers(property) && StartsWithAny(property.Name, RegistrationPrefixes),
            _ => false,
        };
    }

    /// <summary>
    /// A method the host runs once as it starts, not a registration: the start of a hosted service, a startup task or a
    /// lifecycle participant. What it adds, and what the private methods only it calls add, grows once per start; the
    /// calls of it in sight are asked about as a registration's are, so code that serves traffic and starts it again
    /// still reports it. A method merely named <c>Initialize</c> is not one: a run-once guard in it says it is called
    /// again and again.
    /// </summary>
    public static bool IsHostStartMethod(ISymbol symbol)
    {
        return symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && RunsAsTheHostStarts(method);
    }

    private static bool IsVisibleToCallers(ISymbol symbol) => symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal;

    /// <summary>
    /// Whether the code that holds a call runs while the program starts: a static constructor or initializer, a builder,
    /// a Configure…, or the start of something the host starts once (a hosted service's StartAsync, a startup task's
    /// ExecuteAsync, a lifecycle participant's Participate).
    /// </summary>
    /// <param name="caller">The member whose body holds the call.</param>
    /// <param name="insideFunction">Whether the call is inside a lambda or local function of it, which may run later
    /// (a timer callback set up in a StartAsync): then only the shapes that hold no later code count.</param>
    public static bool IsStartupCaller(ISymbol caller, bool insideFunction = false)
    {
        switch (caller)
        {
            case IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true }:
            case IMethodSymbol { MethodKind: MethodKind.StaticConstructor }:
                return true;
            case IMethodSymbol method:
                if (method.MethodKind == MethodKind.Ordinary && StartsWithAny(method.Name, StartupPrefixes))
                {
                    return true;
                }

                if (!insideFunction && RunsAsTheHostStarts(method))
                {
                    return true;
                }

                // The constructor of a hosted service: the host builds it
                // once, as it starts it, just before the start method runs.
                if (!insideFunction && method.MethodKind == MethodKind.Constructor && method.ContainingType is { } started && LongLivedShapes.IsHostedService(started))
                {
                    return true;
                }

                // Code handed the service collection runs while the program configures its services: the collection
                // is read once, when the provider is built.
                if (!insideFunction && TakesTheServiceCollection(method))
                {
                    return true;
                }

                string? typeName = method.ContainingType?.Name;
                foreach (string suffix in StartupTypeSuffixes)
                {
                    if (typeName is not null && typeName.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // `StartAsync` of a hosted service, `ExecuteAsync` of a startup task, `Participate` of a lifecycle participant:
    // the method by name, then the interfaces of its class by name (a host's own IStartupTask is as good as another's).
    private static bool RunsAsTheHostStarts(IMethodSymbol method)
    {
        string name = MethodNames.InCode(method.Name);
        if (method.ContainingType is not { } type || !IsStartupMethodName(name))
        {
            return false;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (System.Array.IndexOf(StartupMethods, (implemented.Name, name)) < 0)
            {
                continue;
            }

            // The method that implements the interface's member (declared there or on an interface it extends, as
            // Elsa's IStartupTask gets ExecuteAsync from ITask), not an overload of the same name.
            if (Implements(type, method, implemented, name))
            {
                return true;
            }

            foreach (INamedTypeSymbol extended in implemented.AllInterfaces)
            {
                if (Implements(type, method, extended, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TakesTheServiceCollection(IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Type is { Name: "IServiceCollection" } type && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection")
            {
                return true;
            }
        }

        return false;
    }

    // Asked for every call in the compilation (a host's start is recorded as a registration is): a loop, no closure.
    private static bool IsStartupMethodName(string name)
    {
        foreach ((string _, string method) in StartupMethods)
        {
            if (method == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(INamedTypeSymbol type, IMethodSymbol method, INamedTypeSymbol implemented, string name)
    {
        foreach (ISymbol member in implemented.GetMembers(name))
        {
            if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(string name, string[] prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || !char.IsLower(name[prefix.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
