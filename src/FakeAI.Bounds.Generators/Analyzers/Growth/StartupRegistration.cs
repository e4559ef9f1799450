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

    private static readonly string[] StartupTypeSuffixes = { "Builder", "Configurator", "Extensions", "Startup", "Program", "Module", "Installer", "Bootstrapper" };

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

    private static bool IsVisibleToCallers(ISymbol symbol) => symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal;

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
