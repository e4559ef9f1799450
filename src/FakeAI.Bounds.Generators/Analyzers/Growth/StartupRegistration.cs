using System;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Registration at startup: a public <c>Register…</c>, <c>Add…</c>, <c>Use…</c>, <c>Map…</c>, <c>Configure…</c> or
/// <c>Subscribe…</c> method that puts a callback, a type, a resource or an option into a static collection or one of a
/// long-lived object. It grows
/// once per call the program makes while it starts, not per request; it is growth only when code that serves traffic
/// calls it too. So its findings wait for the end of the compilation, which tells every place that calls it.
/// </summary>
internal static class StartupRegistration
{
    private static readonly string[] RegistrationPrefixes = { "Register", "Add", "Use", "Map", "Configure", "Subscribe" };

    private static readonly string[] StartupPrefixes =
    {
        "Main", "Configure", "Use", "Add", "Register", "Build", "Setup", "SetUp", "Init", "Initialize", "Map", "Bootstrap", "Install", "Load",
    };

    private static readonly string[] StartupTypeSuffixes = { "Builder", "Configurator", "Extensions", "Startup", "Program", "Module", "Installer", "Bootstrapper" };

    /// <summary>A public <c>Register…</c>, <c>Add…</c>, <c>Use…</c>, <c>Map…</c>, <c>Configure…</c> or <c>Subscribe…</c>
    /// method: static, or of a long-lived object (a registry a builder fills, a lifecycle observers subscribe to).</summary>
    public static bool IsRegistrationMethod(ISymbol method)
    {
        return method is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, MethodKind: MethodKind.Ordinary } ordinary
            && StartsWithAny(ordinary.Name, RegistrationPrefixes);
    }

    /// <summary>Whether the code that holds a call runs while the program starts: a static constructor or initializer, a builder, a Configure….</summary>
    public static bool IsStartupCaller(ISymbol caller)
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
